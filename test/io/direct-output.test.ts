import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directOutput } from '../../src/io/system/direct-output.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The CLI's stdout and stderr into a file or a pipe are written with fs.writeSync, without Node's
// stream: what is written must arrive whole, in order, and a reader that left must stay quiet.
describe('output written without process.stdout', () => {
  const tmp = makeTempDir('direct-output');
  afterAll(tmp.cleanup);
  // a pipe in this process: a FIFO opened at both ends without blocking
  let fifos = 0;
  const pipe = () => {
    const at = path.join(tmp.dir, `fifo-${fifos++}`);
    execFileSync('mkfifo', [at]);
    const r = fs.openSync(at, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const w = fs.openSync(at, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    return { r, w };
  };
  const text = Array.from({ length: 40_000 }, (_, i) => `line ${i} ディスク\n`).join('');
  const noStream = (): NodeJS.WriteStream => {
    throw new Error('Node stream made');
  };

  it('writes a file whole without making the stream', () => {
    const file = path.join(tmp.dir, 'out.txt');
    const fd = fs.openSync(file, 'w');
    const out = directOutput(fd, noStream);
    const calls: (Error | null | undefined)[] = [];
    expect(out.isTTY).toBe(false);
    expect(out.write(text, (err) => calls.push(err))).toBe(true);
    expect(out.write(Buffer.from('end\n'))).toBe(true);
    fs.closeSync(fd);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${text}end\n`);
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => expect(calls).toEqual([null]));
  });

  it('hands the rest to the stream when a non-blocking pipe is full, in order', async () => {
    const { r, w } = pipe();
    const made: net.Socket[] = [];
    const out = directOutput(w, () => {
      const s = new net.Socket({ fd: w, readable: false, writable: true });
      made.push(s);
      return s as unknown as NodeJS.WriteStream;
    });
    out.write(text);
    out.write('end\n');
    expect(made).toHaveLength(1);
    const got: Buffer[] = [];
    const want = Buffer.byteLength(`${text}end\n`);
    const reader = new net.Socket({ fd: r, readable: true, writable: false });
    await new Promise<void>((resolve, reject) => {
      reader.on('data', (b) => {
        got.push(b as Buffer);
        if (got.reduce((n, x) => n + x.length, 0) >= want) resolve();
      });
      reader.on('error', reject);
    });
    expect(Buffer.concat(got).toString('utf8')).toBe(`${text}end\n`);
    made[0].destroy();
    reader.destroy();
  });

  it('turns EPIPE into an error event and drops later writes, without making the stream', async () => {
    const { r, w } = pipe();
    fs.closeSync(r);
    const out = directOutput(w, noStream);
    const errors: string[] = [];
    out.on('error', (e: NodeJS.ErrnoException) => errors.push(e.code ?? ''));
    expect(() => out.write('first\n')).not.toThrow();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toEqual(['EPIPE']);
    expect(out.destroyed).toBe(true);
    out.write('second\n');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toEqual(['EPIPE']);
    fs.closeSync(w);
  });

  it('moves the listeners given so far to the stream when asked for more than writing', () => {
    const file = path.join(tmp.dir, 'handover.txt');
    const fd = fs.openSync(file, 'w');
    const streams: fs.WriteStream[] = [];
    const out = directOutput(fd, () => {
      streams.push(fs.createWriteStream('', { fd, autoClose: false }));
      return streams[0] as unknown as NodeJS.WriteStream;
    });
    const onError = () => undefined;
    out.on('error', onError);
    out.write('before\n');
    expect(streams).toHaveLength(0);
    expect(out.writableLength).toBe(0);
    expect(streams).toHaveLength(1);
    expect(streams[0].listeners('error')).toContain(onError);
    return new Promise<void>((resolve) => out.write('after\n', () => resolve())).then(() => {
      fs.closeSync(fd);
      expect(fs.readFileSync(file, 'utf8')).toBe('before\nafter\n');
    });
  });

  it('the CLI into a socket pair (what a parent in Node gives): df --json arrives whole', () => {
    const r = spawnSync(process.execPath, [BUNDLE, '--root', tmp.dir, 'df', '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: 1 });
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('the CLI into a pipe whose reader left: exit 0, nothing on stderr', () => {
    const { r, w } = pipe();
    fs.closeSync(r);
    const errFile = path.join(tmp.dir, 'epipe.err');
    const errFd = fs.openSync(errFile, 'w');
    const run = spawnSync(process.execPath, [BUNDLE, '--help'], { stdio: ['ignore', w, errFd] });
    fs.closeSync(w);
    fs.closeSync(errFd);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(errFile, 'utf8')).toBe('');
  });
});
