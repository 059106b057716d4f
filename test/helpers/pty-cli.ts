import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { BUNDLE } from './run-cli.js';

// The bundled CLI under a real pseudo-terminal (util-linux script), so it shows its progress as on
// an operator's terminal; exposes the CLI's own pid so a test can interrupt or kill -9 exactly it.
export interface PtyCli {
  /** Everything the terminal showed so far. */
  output(): string;
  /** Resolves with the pid of the CLI process (not of script). */
  cliPid(): Promise<number>;
  /** Waits until the terminal output matches, or throws with the output after the timeout. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with script's exit code once the CLI is gone. */
  exited(): Promise<number | null>;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

// Starts `node dist/spoolrescue.cjs ARGS` inside `script -qefc`.
export function spawnCliInPty(args: string[]): PtyCli {
  const cmd = ['exec', quote(process.execPath), quote(BUNDLE), ...args.map(quote)].join(' ');
  const child = spawn('script', ['-qefc', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  child.stderr.on('data', (d) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  return {
    output: () => out,
    async cliPid() {
      for (let i = 0; i < 200; i++) {
        try {
          const kids = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
          for (const pid of kids) if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(BUNDLE)) return pid;
        } catch {
          // not started yet
        }
        await sleep(25);
      }
      throw new Error(`the CLI did not start under script; output:\n${out}`);
    },
    async waitFor(re, timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const m = out.match(re);
        if (m) return m;
        await sleep(20);
      }
      throw new Error(`timed out waiting for ${re}; terminal showed:\n${out}`);
    },
    exited: () => exit,
  };
}
