import path from 'node:path';
import { generateServer } from '../../fixtures/generate.js';
import { measureOnce } from '../measure.js';
import { runCli } from '../../src/cli/main.js';
import { PassThrough } from 'node:stream';
import type { BenchContext, BenchRow } from '../types.js';

const MILLION = 1_000_000;

// A flooded maildrop of 1,000,000 queue files (random mtimes over a year) from the fixture generator.
async function maildrop(ctx: BenchContext): Promise<string> {
  const root = await ctx.input('ls-maildrop-1m', (dir) => {
    generateServer(dir, { maildrop: MILLION, bounce: 0, deferred: 0, mboxMessages: 10, maillogLines: 10 });
  });
  return path.join(root, 'var/spool/postfix/maildrop');
}

// The maildrop path for labels and argv (rows are built after setup() made the input).
let dir = '';
const setup = async (ctx: BenchContext) => {
  dir = await maildrop(ctx);
};
const sh = (script: string) => ['sh', '-c', script, 'sh', dir];

const expectIn = (needle: string) => (stdout: string) => {
  if (!stdout.includes(needle)) throw new Error(`expected "${needle}" in the output, got:\n${stdout.slice(0, 500)}`);
};

// Speed and memory targets of issue 4, each measured against the classic tool in the same run.
export const rows: BenchRow[] = [
  {
    id: 'ls-first-page-1m',
    group: 'ls',
    title: 'first 50 entries of a 1,000,000-entry maildrop, whole command',
    setup,
    ours: (ctx) => ({ label: 'spoolrescue ls DIR', argv: ctx.ours('ls', dir), after: expectIn('more entries follow; the first 50 are shown') }),
    classic: () => ({ label: 'ls DIR | head -n 50', argv: sh('ls "$1" | head -n 50') }),
    limits: { oursMaxS: 0.5 },
    notes: 'the classic column is plain `ls`, which sorts every name before printing the first one: what the operator must not run.',
  },
  {
    id: 'ls-first-page-1m-ready',
    group: 'ls',
    title: 'first 50 entries of a 1,000,000-entry maildrop, after the process is ready',
    setup,
    ours: () => ({ label: 'spoolrescue ls DIR (in-process, modules loaded)', argv: [] }),
    // The real command, run in this process once node and the modules are loaded: what is left is
    // the listing itself (the TUI calls the same code). The bundled CLI is run too for its RSS.
    measure: async (ctx) => {
      let out = '';
      const stdout = new PassThrough().on('data', (d) => (out += d));
      const stderr = new PassThrough().on('data', (d) => (out += d));
      const io = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() };
      const t0 = performance.now();
      const code = await runCli(['ls', dir], { io });
      const wallS = (performance.now() - t0) / 1000;
      if (code !== 0 || !out.includes('more entries follow; the first 50 are shown')) throw new Error(`in-process ls failed (${code}): ${out.slice(-500)}`);
      const whole = await measureOnce({ label: 'ls', argv: ctx.ours('ls', dir) });
      return { ours: { wallS, rssMB: whole.rssMB, exitCode: 0 }, figures: `whole command with start-up ${(whole.wallS * 1000).toFixed(0)} ms` };
    },
    runs: 7,
    limits: { oursMaxS: 0.1 },
  },
  {
    id: 'ls-count-1m',
    group: 'ls',
    title: 'count a 1,000,000-entry maildrop',
    setup,
    ours: (ctx) => ({ label: 'spoolrescue ls DIR --count', argv: ctx.ours('ls', dir, '--count'), after: expectIn('1,000,000 entries') }),
    classic: () => ({ label: 'ls -U DIR | wc -l', argv: sh('ls -U "$1" | wc -l'), after: expectIn('1000000') }),
    limits: { ratioMax: 2, ratioGoal: 1.2, rssMaxMB: 100 },
  },
  {
    id: 'ls-oldest-newest-1m',
    group: 'ls',
    title: 'the 10 oldest and 10 newest of a 1,000,000-entry maildrop (one lstat each)',
    setup,
    ours: (ctx) => ({ label: 'spoolrescue ls DIR --oldest 10 --newest 10', argv: ctx.ours('ls', dir, '--oldest', '10', '--newest', '10'), after: expectIn('newest 10 by modification time:') }),
    classic: () => ({
      label: "find DIR -mindepth 1 -maxdepth 1 -printf '%T@ %f\\n' | sort -n | sed -n '1,10p;$p'",
      argv: sh(`find "$1" -mindepth 1 -maxdepth 1 -printf '%T@ %f\\n' | sort -n | sed -n '1,10p;$p'`),
    }),
    runs: 3,
    limits: { ratioMax: 2, ratioGoal: 1, rssMaxMB: 100 },
  },
];
