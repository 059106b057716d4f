import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Drives a program in a real terminal: a private tmux server (its own socket, no config), one
// window of a fixed size, keys sent one per call, the screen read with capture-pane and polled
// until it shows what a test waits for. Every raw byte the program writes is kept (pipe-pane),
// so tests can check what reached the terminal, not only what it looks like.

export interface TmuxOptions {
  /** argv of the program (run without a shell). */
  argv: string[];
  cwd?: string;
  /** Environment of the program; TERM is set here too (e.g. vt100). */
  env?: Record<string, string>;
  columns?: number;
  rows?: number;
  /** Directory for the socket, the raw-bytes log and the exit status. */
  workDir: string;
}

// A running program in tmux, driven key by key.
export interface TmuxSession {
  /** Sends one key: a character, or a tmux key name (Enter, Escape, BSpace, Tab, Up, C-c...). */
  key(k: string): void;
  /** Sends one key and waits until the screen changes (or shows what `until` checks). */
  press(k: string, until?: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Sends literal text one character per call. */
  type(text: string): void;
  /** The screen as text, one line per row. */
  screen(): string;
  /** Polls the screen until the check passes; throws with the screen printed on timeout. */
  waitFor(check: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Waits until the program has exited; returns its exit status. */
  waitExit(timeoutMs?: number): Promise<number>;
  /** Every byte the program wrote to the terminal so far. */
  raw(): Buffer;
  /** Resizes the terminal, as an operator dragging the window does (the program gets SIGWINCH). */
  resize(columns: number, rows: number): void;
  /** Kills the server (idempotent). */
  kill(): void;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// Starts the program in a detached tmux session; output is captured from the first byte.
export function startTmux(o: TmuxOptions): TmuxSession {
  fs.mkdirSync(o.workDir, { recursive: true });
  const socket = path.join(o.workDir, 'tmux.sock');
  const rawFile = path.join(o.workDir, 'raw.bin');
  const statusFile = path.join(o.workDir, 'status');
  const goFile = path.join(o.workDir, 'go');
  for (const f of [rawFile, statusFile, goFile]) fs.rmSync(f, { force: true });
  const tmux = (...args: string[]) => {
    const r = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const env = Object.entries(o.env ?? {}).map(([k, v]) => `${k}=${q(v)}`).join(' ');
  // The program waits for the go file so pipe-pane is in place before its first byte; its exit
  // status is written down and the pane stays so the last screen can be read.
  const script = `while [ ! -e ${q(goFile)} ]; do sleep 0.02; done; ${o.cwd ? `cd ${q(o.cwd)} && ` : ''}env ${env} ${o.argv.map(q).join(' ')}; echo $? > ${q(statusFile)}; sleep 600`;
  tmux('new-session', '-d', '-s', 'walk', '-x', String(o.columns ?? 80), '-y', String(o.rows ?? 24), 'sh', '-c', script);
  tmux('pipe-pane', '-o', '-t', 'walk', `cat >> ${q(rawFile)}`);
  fs.writeFileSync(goFile, '');
  let killed = false;
  const session: TmuxSession = {
    key(k) {
      tmux('send-keys', '-t', 'walk', k);
    },
    async press(k, until, timeoutMs) {
      const before = session.screen();
      session.key(k);
      return session.waitFor(until ?? ((s) => s !== before), timeoutMs);
    },
    type(text) {
      for (const ch of text) tmux('send-keys', '-t', 'walk', '-l', ch);
    },
    screen() {
      return tmux('capture-pane', '-p', '-t', 'walk');
    },
    async waitFor(check, timeoutMs = 10_000) {
      const ok = (s: string) => (typeof check === 'string' ? s.includes(check) : check instanceof RegExp ? check.test(s) : check(s));
      const end = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < end) {
        last = session.screen();
        if (ok(last)) return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(check)}; the screen was:\n${'-'.repeat(80)}\n${last}\n${'-'.repeat(80)}`);
    },
    async waitExit(timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (fs.existsSync(statusFile)) {
          const text = fs.readFileSync(statusFile, 'utf8').trim();
          if (text) return Number(text);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the program did not exit within ${timeoutMs} ms; the screen was:\n${session.screen()}`);
    },
    raw: () => (fs.existsSync(rawFile) ? fs.readFileSync(rawFile) : Buffer.alloc(0)),
    resize(columns, rows) {
      tmux('resize-window', '-t', 'walk', '-x', String(columns), '-y', String(rows));
    },
    kill() {
      if (killed) return;
      killed = true;
      spawnSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore' });
    },
  };
  return session;
}
