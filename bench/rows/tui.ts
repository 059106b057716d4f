import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateServer } from '../../fixtures/generate.js';
import { measureOnce, serverEnv } from '../measure.js';
import { server as hotspotsServer } from './hotspots.js';
import type { BenchContext, BenchRow, Measure } from '../types.js';

// The guided walk's speed rows: start-up (--version, first frame through a pty), its own scan of
// the hotspots rows' tree, and the bytes a serial console receives during a real purge of a
// million files.

const SERVER_KEY = 'tui-server';
export const READY = 'Which filesystem is full?';

export const server = (ctx: BenchContext) =>
  ctx.input(SERVER_KEY, (dir) => {
    generateServer(dir, { maildrop: 2000, bounce: 50, deferred: 50, mboxMessages: 100, maillogLines: 1000 });
  });

// Runs argv in a pseudo-terminal (util-linux script), under /usr/bin/time for peak RSS; resolves
// when stdout shows `marker` (time from spawn), then sends `quit` and waits for the exit.
export async function timeToMarker(argv: string[], marker: string, quit: string, env: NodeJS.ProcessEnv = {}): Promise<Measure> {
  const rssFile = path.join(os.tmpdir(), `sr-bench-tui-rss-${process.pid}-${Date.now()}`);
  const cmd = ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const t0 = process.hrtime.bigint();
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { ...serverEnv(), TERM: 'xterm-256color', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let shownAt: bigint | undefined;
  const shown = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${marker}' within 10 s; output: ${JSON.stringify(out.slice(-500))}`)), 10_000);
    child.stdout.on('data', (d) => {
      out += d.toString('latin1');
      if (shownAt === undefined && out.includes(marker)) {
        shownAt = process.hrtime.bigint();
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  try {
    await shown;
  } finally {
    child.stdin.write(quit);
  }
  const exitCode = await exited;
  let rssKB = 0;
  try {
    rssKB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  } finally {
    fs.rmSync(rssFile, { force: true });
  }
  return { wallS: Number(shownAt! - t0) / 1e9, rssMB: rssKB / 1024, exitCode };
}

// A private tmux server on sock (started with the environment of a server, window 'w'): a tmux
// command, and the wait for the screen to match (polled every pollMs), which returns the screen.
function tmuxOn(sock: string, pollMs: number) {
  const tmux = (...a: string[]) => spawnSync('tmux', ['-S', sock, '-f', '/dev/null', ...a], { encoding: 'utf8', env: serverEnv() });
  const screen = () => tmux('capture-pane', '-p', '-t', 'w').stdout;
  const until = async (re: RegExp, ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const sc = screen();
      if (re.test(sc)) return sc;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    throw new Error(`timed out waiting for ${re}; screen:\n${screen()}`);
  };
  return { tmux, until };
}

// Files in the maildrop the serial-console row purges: here a real purge of a million files
// lasts well over 30 seconds, so the rate covers a long purge, not a burst.
const SERIAL_PURGE_FILES = 1_000_000;

// Bytes the walk wrote to a serial console (tmux is the pty, TERM=vt100 makes it serial) while
// it really purged maildrop: from "Purging" to the result on screen.
async function serialPurge(ctx: BenchContext): Promise<{ ours: Measure; figures: string }> {
  const root = path.join(ctx.workDir, 'tui-serial-purge');
  fs.rmSync(root, { recursive: true, force: true });
  generateServer(root, { maildrop: SERIAL_PURGE_FILES, bounce: 10, deferred: 10, mboxMessages: 10, maillogLines: 10 });
  spawnSync('sync', ['-f', root]);
  const sock = path.join(ctx.workDir, 'tui-serial.sock');
  const raw = path.join(ctx.workDir, 'tui-serial.raw');
  fs.rmSync(raw, { force: true });
  const { tmux, until } = tmuxOn(sock, 50);
  tmux('new-session', '-d', '-s', 'w', '-x', '80', '-y', '24', `sleep 0.3; TERM=vt100 ${process.execPath} ${ctx.bundle} --root ${root}; sleep 600`);
  tmux('pipe-pane', '-o', '-t', 'w', `cat >> ${raw}`);
  try {
    await until(new RegExp(READY), 10_000);
    // Hotspots without a scan shows the known mail paths, maildrop first.
    tmux('send-keys', '-t', 'w', '2');
    await until(/^> +\S+ +\S* *maildrop queue /m, 10_000);
    tmux('send-keys', '-t', 'w', 'p');
    await until(/Enter or p to purge: you will type 'maildrop' to confirm/, 300_000);
    tmux('send-keys', '-t', 'w', 'Enter');
    await until(/DANGER/, 5000);
    tmux('send-keys', '-t', 'w', '-l', 'maildrop');
    tmux('send-keys', '-t', 'w', 'Enter');
    await until(/Purging/, 5000);
    const b0 = fs.statSync(raw).size;
    const t0 = Date.now();
    const done = await until(/^(Purged|Stopped|Purge INCOMPLETE): /m, 1_800_000);
    const seconds = (Date.now() - t0) / 1000;
    const bytes = fs.statSync(raw).size - b0;
    const perSecond = bytes / seconds;
    if (!/^Purged: /m.test(done)) throw new Error(`the purge did not finish cleanly:\n${done}`);
    if (fs.readFileSync(raw).some((b) => b > 0x7e)) throw new Error('a byte beyond ASCII reached the serial console');
    if (perSecond > 200) throw new Error(`${perSecond.toFixed(0)} bytes/s > 200 bytes/s during a ${seconds.toFixed(1)} s purge`);
    return { ours: { wallS: seconds, rssMB: 0, exitCode: 0 }, figures: `${bytes} bytes in ${seconds.toFixed(1)} s of purge = ${perSecond.toFixed(0)} bytes/s` };
  } finally {
    tmux('kill-server');
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// The walk's own scan (Disks, Enter on the filesystem holding --root): seconds from Enter to
// "Scanned" on screen, through tmux, against du -sx over the same tree run right after; the
// entries shown must be du's inodes. Peak RSS is the walk's whole process (time(1) at q).
async function walkScan(ctx: BenchContext): Promise<{ ours: Measure; classic: Measure; figures: string }> {
  const root = await hotspotsServer(ctx);
  const inodes = Number(execFileSync('du', ['-sx', '--inodes', root], { encoding: 'utf8' }).split('\t')[0]);
  const sock = path.join(ctx.workDir, 'tui-walk-scan.sock');
  const rssFile = path.join(ctx.workDir, 'tui-walk-scan.rss');
  fs.rmSync(rssFile, { force: true });
  const { tmux, until } = tmuxOn(sock, 20);
  tmux('new-session', '-d', '-s', 'w', '-x', '120', '-y', '40', `TERM=xterm-256color /usr/bin/time -f %M -o ${rssFile} ${process.execPath} ${ctx.bundle} --root ${root}; sleep 600`);
  try {
    await until(new RegExp(READY), 10_000);
    const t0 = process.hrtime.bigint();
    tmux('send-keys', '-t', 'w', 'Enter');
    const done = await until(/Scanned \/: [\d,]+ entries|Scan failed/, 600_000);
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    const shown = Number(/Scanned \/: ([\d,]+) entries/.exec(done)?.[1].replace(/,/g, '') ?? NaN);
    if (shown !== inodes) throw new Error(`the walk scanned ${shown} entries, du --inodes says ${inodes}:\n${done}`);
    tmux('send-keys', '-t', 'w', 'q');
    const end = Date.now() + 10_000;
    while (!(fs.existsSync(rssFile) && fs.statSync(rssFile).size > 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const rssMB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024;
    const classic = await measureOnce({ label: 'du -sx ROOT', argv: ['du', '-sx', root] });
    return { ours: { wallS, rssMB, exitCode: 0 }, classic, figures: `${inodes.toLocaleString('en-US')} entries` };
  } finally {
    tmux('kill-server');
  }
}

// The tui group of `npm run bench`.
export const rows: BenchRow[] = [
  {
    id: 'tui-version',
    group: 'tui',
    title: '--version (Node start-up included)',
    runs: 9,
    ours: (ctx) => ({ label: 'spoolrescue --version', argv: ctx.ours('--version') }),
    classic: () => ({ label: 'node -e 0 (bare start-up)', argv: [process.execPath, '-e', '0'] }),
    limits: { oursMaxS: 0.3 },
  },
  {
    id: 'tui-first-frame',
    group: 'tui',
    title: 'first frame of the walk through a pty (Node start-up included)',
    runs: 7,
    ours: () => ({ label: 'spoolrescue --root DIR (until the Disks table)', argv: [] }),
    classic: () => ({ label: "node -e (bare start-up, until 'ready')", argv: [] }),
    measure: async (ctx) => {
      const root = await server(ctx);
      const ours = await timeToMarker(ctx.ours('--root', root), READY, 'q');
      const classic = await timeToMarker([process.execPath, '-e', "process.stdout.write('ready\\n')"], 'ready', '');
      return { ours, classic };
    },
    limits: { oursMaxS: 0.5 },
  },
  {
    id: 'tui-walk-scan',
    group: 'tui',
    title: 'the walk scans the filesystem picked on Disks (--root of the hotspots rows\' tree, warm cache)',
    runs: 3,
    ours: () => ({ label: 'walk: Disks > Enter, until "Scanned" on screen', argv: [] }),
    classic: () => ({ label: 'du -sx ROOT', argv: [] }),
    measure: walkScan,
    limits: { ratioMax: 1.3, rssMaxMB: 250 },
    notes: 'peak RSS is the whole walk (Ink, the scan\'s index for drill-down, its threads); the scan process beside it is not counted',
  },
  {
    id: 'tui-serial-purge',
    group: 'tui',
    title: 'bytes to a serial console (TERM=vt100, tmux) during a real purge of 1,000,000 files',
    runs: 1,
    ours: () => ({ label: 'walk: mail paths > plan > typed name > purge maildrop', argv: [] }),
    measure: serialPurge,
    limits: {},
    notes: 'The figure is bytes per second of purge (budget 200; a 9600-baud console carries ~960).',
  },
];
