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
// runs: the version check, then the bundle), or the single executable. The "other Node" entries
// are a copy of the npm package run by a Node whose V8 refuses the build's caches (this Node with
// other V8 flags: V8 checks them as it checks its version), with the caches the build shipped, or
// with those its postinstall made for that Node; node -e 0 is then run with the same flags.
type Entry = 'bundle' | 'bundle-alone' | 'npm-entry' | 'executable' | 'npm-other-node-shipped' | 'npm-other-node-installed';

const OTHER_NODE = ['--stack-size=990'];

// How each entry is named in a row's title and in its "ours" column.
const ENTRY_NAMES: Record<Entry, { program: string; label: string }> = {
  bundle: { program: 'spoolrescue', label: 'node dist/spoolrescue.cjs' },
  'bundle-alone': { program: 'spoolrescue (one file alone)', label: 'node spoolrescue.cjs (copied alone, no code cache)' },
  'npm-entry': { program: 'spoolrescue (npm entry)', label: 'node bin/spoolrescue.cjs' },
  executable: { program: 'spoolrescue-linux-x64', label: 'dist/spoolrescue-linux-x64' },
  'npm-other-node-shipped': { program: "spoolrescue (npm entry, another Node, the build's caches)", label: `node ${OTHER_NODE.join(' ')} bin/spoolrescue.cjs` },
  'npm-other-node-installed': { program: 'spoolrescue (npm entry, another Node, caches made at install)', label: `node ${OTHER_NODE.join(' ')} bin/spoolrescue.cjs` },
};

// A copy of the npm package's files in DIR (bin/ and what the build wrote to dist/); with
// INSTALL, its postinstall run by the other Node. Gives its entry.
function otherNodePackage(ctx: BenchContext, dir: string, install: boolean): string {
  const top = path.resolve(path.dirname(ctx.bundle), '..');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(top, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const f of ['spoolrescue-npm.cjs', 'spoolrescue-npm.chunks', 'spoolrescue.cjs', 'spoolrescue.cjs.code-cache']) fs.copyFileSync(path.join(top, 'dist', f), path.join(dir, 'dist', f));
  if (install) execFileSync(process.execPath, [...OTHER_NODE, path.join(dir, 'bin', 'code-cache-install.cjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(dir, 'bin', 'spoolrescue.cjs');
}

// args may hold CONFDIR: a copy of the host's Postfix configuration whose main.cf also names the
// queue directory and the mail spool (what Red Hat's main.cf does), so df needs no postconf.
function startupRow(id: string, args: string[], entry: Entry = 'bundle'): BenchRow {
  const executable = entry === 'executable';
  const otherNode = entry === 'npm-other-node-shipped' || entry === 'npm-other-node-installed';
  const nodeArgs = otherNode ? OTHER_NODE : [];
  let otherEntry = '';
  const cpu = { ours: [] as number[], node: [] as number[] };
  let confDir = '';
  let exe = '';
  let alone = '';
  const argv = () => args.map((a) => (a === 'CONFDIR' ? confDir : a));
  return {
    id,
    group: 'startup',
    title: `start-up: ${ENTRY_NAMES[entry].program} ${args.join(' ')} vs node ${[...nodeArgs, '-e', '0'].join(' ')}`,
    runs: 15,
    setup: (ctx: BenchContext) => {
      cpu.ours.length = 0;
      cpu.node.length = 0;
      if (executable) exe = executableOf(ctx);
      if (otherNode) otherEntry = otherNodePackage(ctx, path.join(ctx.workDir, `startup-${entry}`), entry === 'npm-other-node-installed');
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
    classic: () => ({ label: `node ${[...nodeArgs, '-e', '0'].join(' ')}`, argv: [] }),
    measure: async (ctx: BenchContext) => {
      const classic = await timed([process.execPath, ...nodeArgs, '-e', '0']);
      const npmEntry = path.resolve(path.dirname(ctx.bundle), '..', 'bin', 'spoolrescue.cjs');
      const other = [process.execPath, ...OTHER_NODE, otherEntry];
      const program = { bundle: ctx.ours(), 'bundle-alone': [process.execPath, alone], 'npm-entry': [process.execPath, npmEntry], executable: [exe], 'npm-other-node-shipped': other, 'npm-other-node-installed': other }[entry];
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
  startupRow('startup-other-node-shipped-df-json', ['df', '--json'], 'npm-other-node-shipped'),
  startupRow('startup-other-node-installed-version', ['--version'], 'npm-other-node-installed'),
  startupRow('startup-other-node-installed-df-json', ['df', '--json'], 'npm-other-node-installed'),
];
