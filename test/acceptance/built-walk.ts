import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// The built walk started in tmux over a temporary --root, as the terminal tests start it: each
// session in its own folder of the temporary directory, all killed and the directory removed
// after the file's tests.

// How a walk is started: its environment (TERM, the locale), extra flags, the root, the size.
export interface WalkRun {
  env: Record<string, string>;
  flags?: string[];
  /** The --root the walk reads (default: the temporary directory). */
  root?: string;
  columns?: number;
  rows?: number;
}

// The temporary directory and a starter of walks in it (call in a describe block).
export function builtWalks(tempName: string): { dir: string; start(name: string, run: WalkRun): TmuxSession } {
  const tmp = makeTempDir(tempName);
  const sessions: TmuxSession[] = [];
  afterAll(() => {
    for (const s of sessions) s.kill();
    tmp.cleanup();
  });
  const start = (name: string, run: WalkRun) => {
    const argv = [process.execPath, BUNDLE, '--root', run.root ?? tmp.dir, ...(run.flags ?? [])];
    const s = startTmux({ argv, env: run.env, workDir: path.join(tmp.dir, name), columns: run.columns ?? 80, rows: run.rows ?? 24 });
    sessions.push(s);
    return s;
  };
  return { dir: tmp.dir, start };
}

// The screen fits the terminal: no more rows, no line wider by display width; its lines.
export function screenFits(screen: string, columns: number, rows: number): string[] {
  const lines = screen.replace(/\n+$/, '').split('\n');
  expect(lines.length, screen).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(displayWidth(l), `${l}\n${screen}`).toBeLessThanOrEqual(columns);
  return lines;
}
