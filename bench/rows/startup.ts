import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, serverEnv } from '../measure.js';
import type { BenchContext, BenchRow, Measure } from '../types.js';

// Start-up against `node -e 0` (the floor any Node program pays), run alternately in the same
// run. CPU time (user+sys from time(1), children included) is the figure that matters on a
// machine shared with other work; the wall-clock medians go in the usual columns.

interface Timed extends Measure {
  cpuS: number;
}

// One run under /usr/bin/time: wall clock, user+sys CPU seconds and peak RSS.
function timed(argv: string[]): Promise<Timed> {
  const out = path.join(os.tmpdir(), `sr-bench-cpu-${process.pid}-${Date.now()}`);
  const t0 = process.hrtime.bigint();
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', out, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...serverEnv(), NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      const text = fs.readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
      fs.rmSync(out, { force: true });
      const [user, sys, rssKB] = text.split(' ').map(Number);
      if (code !== 0) reject(new Error(`${argv.join(' ')}: exit ${code}\n${stderr.slice(-2000)}`));
      else resolve({ wallS, cpuS: user + sys, rssMB: rssKB / 1024, exitCode: code });
    });
  });
}

// The single executable beside the bundle, built (or found up to date) without its compressed copy.
function executableOf(ctx: BenchContext): string {
  execFileSync(process.execPath, [path.resolve(path.dirname(ctx.bundle), '..', 'scripts', 'build.mjs'), '--no-compress'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(path.dirname(ctx.bundle), `spoolrescue-${process.platform}-${process.arch}`);
}

// What runs: node + the bundle, the bundle copied alone (without its code cache, as with any Node
// other than the one that built it), node + the npm entry (what an npm-installed `spoolrescue`
// runs: the version check, then the bundle), or the single executable.
type Entry = 'bundle' | 'bundle-alone' | 'npm-entry' | 'executable';

// How each entry is named in a row's title and in its "ours" column.
const ENTRY_NAMES: Record<Entry, { program: string; label: string }> = {
  bundle: { program: 'spoolrescue', label: 'node dist/spoolrescue.cjs' },
  'bundle-alone': { program: 'spoolrescue (one file alone)', label: 'node spoolrescue.cjs (copied alone, no code cache)' },
  'npm-entry': { program: 'spoolrescue (npm entry)', label: 'node bin/spoolrescue.cjs' },
  executable: { program: 'spoolrescue-linux-x64', label: 'dist/spoolrescue-linux-x64' },
};

// args may hold CONFDIR: a copy of the host's Postfix configuration whose main.cf also names the
// queue directory and the mail spool (what Red Hat's main.cf does), so df needs no postconf.
function startupRow(id: string, args: string[], entry: Entry = 'bundle'): BenchRow {
  const executable = entry === 'executable';
  const cpu = { ours: [] as number[], node: [] as number[] };
  let confDir = '';
  let exe = '';
  let alone = '';
  const argv = () => args.map((a) => (a === 'CONFDIR' ? confDir : a));
  return {
    id,
    group: 'startup',
    title: `start-up: ${ENTRY_NAMES[entry].program} ${args.join(' ')} vs node -e 0`,
    runs: 15,
    setup: (ctx: BenchContext) => {
      cpu.ours.length = 0;
      cpu.node.length = 0;
      if (executable) exe = executableOf(ctx);
      if (entry === 'bundle-alone') {
        alone = path.join(ctx.workDir, 'startup-alone', 'spoolrescue.cjs');
        fs.mkdirSync(path.dirname(alone), { recursive: true });
        fs.copyFileSync(ctx.bundle, alone);
      }
      if (!args.includes('CONFDIR')) return;
      confDir = path.join(ctx.workDir, 'startup-postfix-conf');
      fs.mkdirSync(confDir, { recursive: true });
      const hostCf = fs.existsSync('/etc/postfix/main.cf') ? fs.readFileSync('/etc/postfix/main.cf', 'utf8') : '';
      fs.writeFileSync(path.join(confDir, 'main.cf'), `${hostCf}\nqueue_directory = /var/spool/postfix\nmail_spool_directory = /var/mail\n`);
    },
    ours: () => ({ label: `${ENTRY_NAMES[entry].label} ${args.join(' ')}`, argv: [] }),
    classic: () => ({ label: 'node -e 0', argv: [] }),
    measure: async (ctx: BenchContext) => {
      const classic = await timed([process.execPath, '-e', '0']);
      const npmEntry = path.resolve(path.dirname(ctx.bundle), '..', 'bin', 'spoolrescue.cjs');
      const program = { bundle: ctx.ours(), 'bundle-alone': [process.execPath, alone], 'npm-entry': [process.execPath, npmEntry], executable: [exe] }[entry];
      const ours = await timed([...program, ...argv()]);
      cpu.node.push(classic.cpuS);
      cpu.ours.push(ours.cpuS);
      const o = median(cpu.ours);
      const n = median(cpu.node);
      return { ours, classic, figures: `CPU user+sys median ${o.toFixed(3)} s vs ${n.toFixed(3)} s (${(o / n).toFixed(2)}x)` };
    },
    limits: { ratioMax: 1.5 },
    notes: 'CPU time counts what the command does besides starting (df: statfs, /proc/*/fd for deleted-open files, postconf unless main.cf names the queue directory and the mail spool or the system shows the built-in Postfix places in use)',
  };
}

export const rows: BenchRow[] = [
  startupRow('startup-version', ['--version']),
  startupRow('startup-help', ['--help']),
  startupRow('startup-df', ['df']),
  startupRow('startup-df-json', ['df', '--json']),
  startupRow('startup-df-json-main-cf', ['--postfix-config', 'CONFDIR', 'df', '--json']),
  startupRow('startup-alone-version', ['--version'], 'bundle-alone'),
  startupRow('startup-alone-df-json', ['df', '--json'], 'bundle-alone'),
  startupRow('startup-npm-version', ['--version'], 'npm-entry'),
  startupRow('startup-npm-df-json', ['df', '--json'], 'npm-entry'),
  startupRow('startup-exe-version', ['--version'], 'executable'),
  startupRow('startup-exe-df-json', ['df', '--json'], 'executable'),
];
