import fs from 'node:fs';

// process.stdout and process.stderr cost ~2 ms CPU each to make for a file (node:stream and a
// SyncWriteStream) and ~5 ms for a pipe or a socket (node:net; a parent in Node gives its child
// socket pairs), paid by every `df --json`. Into anything but a terminal the CLI writes with
// fs.writeSync instead, as Node's own streams do there (synchronously, on Linux).

type Listener = (...args: unknown[]) => void;
type Output = NodeJS.WriteStream;

// True when FD is open and not a terminal: a character device other than /dev/null may be one
// (telling which without node:tty would load node:net).
function writesDirectly(fd: number): boolean {
  try {
    const st = fs.fstatSync(fd);
    return !st.isCharacterDevice() || st.rdev === fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

// The output for FD: `real()` (process.stdout or process.stderr) for a terminal, else a
// stand-in writing with fs.writeSync that becomes `real()` when anything beyond write, events,
// isTTY, columns and destroyed is asked of it, or when the pipe is non-blocking and full (EAGAIN).
// As with Node's stream, a reader that went away (EPIPE) is an 'error' event, not a throw.
export function directOutput(fd: number, real: () => Output): Output {
  if (!writesDirectly(fd)) return real();
  const listeners: { event: string; fn: Listener; once: boolean }[] = [];
  let stream: Output | undefined;
  let closed = false;
  let self: Output;

  // From here on Node's stream carries everything, with the listeners given so far.
  const toStream = (): Output => {
    if (stream) return stream;
    stream = real();
    for (const l of listeners.splice(0)) {
      if (l.once) stream.once(l.event, l.fn);
      else stream.on(l.event, l.fn);
    }
    return stream;
  };

  const emitError = (err: Error) => {
    const hearing = listeners.filter((l) => l.event === 'error');
    for (const l of hearing) if (l.once) listeners.splice(listeners.indexOf(l), 1);
    if (hearing.length === 0) throw err;
    for (const l of hearing) l.fn(err);
  };

  const write = (chunk: string | Uint8Array, enc?: unknown, cb?: unknown): boolean => {
    const done = (typeof enc === 'function' ? enc : cb) as ((err?: Error | null) => void) | undefined;
    if (stream) return done ? stream.write(chunk, done) : stream.write(chunk);
    if (closed) {
      if (done) process.nextTick(done, null);
      return true;
    }
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8') : chunk;
    let at = 0;
    try {
      while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      // a pipe left non-blocking by whoever shares it: Node's stream waits for room
      if (err.code === 'EAGAIN') return done ? toStream().write(bytes.subarray(at), done) : toStream().write(bytes.subarray(at));
      closed = true;
      process.nextTick(() => {
        done?.(err);
        emitError(err);
      });
      return true;
    }
    if (done) process.nextTick(done, null);
    return true;
  };

  const listen = (once: boolean) => (event: string, fn: Listener) => {
    if (stream) stream[once ? 'once' : 'on'](event, fn);
    else listeners.push({ event, fn, once });
    return self;
  };
  const unlisten = (event: string, fn: Listener) => {
    if (stream) stream.off(event, fn);
    const at = listeners.findIndex((l) => l.event === event && l.fn === fn);
    if (at !== -1) listeners.splice(at, 1);
    return self;
  };
  const own: Record<string | symbol, unknown> = {
    write,
    on: listen(false),
    addListener: listen(false),
    once: listen(true),
    off: unlisten,
    removeListener: unlisten,
  };
  self = new Proxy({} as Output, {
    get(_target, key) {
      if (Object.prototype.hasOwnProperty.call(own, key)) return own[key];
      if (!stream) {
        if (key === 'isTTY') return false;
        if (key === 'columns') return undefined;
        if (key === 'destroyed') return closed;
        if (key === 'fd') return fd;
      }
      const s = toStream();
      const v = Reflect.get(s, key, s);
      return typeof v === 'function' ? v.bind(s) : v;
    },
  });
  return self;
}
