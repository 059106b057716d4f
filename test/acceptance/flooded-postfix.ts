import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fitMiddle } from '../../src/core/text/text-fit.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { mountExt4Image, mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { floodMaildrop, submitWithTimeout, treeChecksums, type FloodResult } from '../helpers/flood.js';

// The incident the project exists for, built with real parts (root only): a private Postfix whose
// queue and mail spool live on a small ext4 filesystem with few inodes; root's mbox holds a few
// hundred real deliveries; then a runaway job floods maildrop, with pickup stopped, until no
// inode is left and Postfix refuses mail. A tmpfs beside it has room for the evidence.

// How many real messages reach root's mbox before the flood.
export const DELIVERED = 300;

// The flooded server and what the checks after the rescue compare against.
export interface FloodedPostfix {
  disk: TestMount;
  evidence: TestMount;
  inst: PostfixInstance;
  maildrop: string;
  mbox: string;
  /** maildrop's owner, group and mode before the incident. */
  before: { uid: number; gid: number; mode: number };
  flood: FloodResult;
  dispose(): void;
}

// Builds the scene under dir; undo it with dispose().
export async function floodedPostfix(dir: string): Promise<FloodedPostfix> {
  const disk = mountExt4Image(path.join(dir, 'disk'), { sizeMB: 48, inodes: 2048 });
  const mounts: TestMount[] = [disk];
  let inst: PostfixInstance | undefined;
  const dispose = () => {
    inst?.dispose();
    for (const m of mounts.reverse()) m.unmount();
  };
  try {
    // Screens shorten mount points in the middle: a name ending unique to this scene keeps the row
    // recognisable when another run's mounts are listed too.
    const evidence = mountTmpfs(path.join(dir, `evidence-${crypto.randomBytes(3).toString('hex')}`), { size: '32m' });
    mounts.push(evidence);
    inst = createPostfixInstance(path.join(dir, 'pf'), {
      queueDir: path.join(disk.dir, 'spool/postfix'),
      mailSpool: path.join(disk.dir, 'spool/mail'),
    });
    const maildrop = path.join(inst.queueDir, 'maildrop');
    const mbox = path.join(inst.mailSpool, 'root');
    const st = fs.statSync(maildrop);
    const before = { uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 };
    inst.start();
    for (let i = 0; i < DELIVERED; i++) {
      const r = inst.sendmail('root', `Cron <root@rescue> run-parts /etc/cron.hourly #${i}`, `job ${i} output\nFrom the archive: nothing to do\n`);
      if (r.status !== 0) throw new Error(`sendmail ${i} failed: ${r.stderr}`);
    }
    const countFrom = () => (fs.existsSync(mbox) ? (fs.readFileSync(mbox, 'latin1').match(/^From /gm) ?? []).length : 0);
    if (!(await waitFor(() => countFrom() >= DELIVERED, 120_000))) throw new Error(`only ${countFrom()} of ${DELIVERED} messages delivered`);
    inst.stop();
    const flood = await floodMaildrop(inst, { maxSubmissions: 150 });
    return { disk, evidence, inst, maildrop, mbox, before, flood, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

// The subjects in root's mbox, in delivery order (Postfix's order, not submission order).
export function mboxSubjects(mbox: string): string[] {
  return fs
    .readFileSync(mbox, 'utf8')
    .split(/\n\n(?=From )/)
    .map((m) => /^Subject: (.*)$/m.exec(m)![1]);
}

// The end state a rescue must leave, whatever drove it: maildrop empty with exactly its
// pre-incident owner, group and mode, nothing else on the filesystem changed, postfix check
// silent, and a new message delivered to root's mbox once Postfix runs again.
export async function expectRescued(scene: FloodedPostfix, rest: Map<string, string>): Promise<void> {
  expectMaildropEmptyAndChecked(scene);
  expect(treeChecksums(scene.disk.dir, scene.maildrop)).toEqual(rest);
  scene.inst.start();
  try {
    const sizeBefore = fs.statSync(scene.mbox).size;
    const sent = await submitWithTimeout(scene.inst, 'mail flows again', 'after the rescue');
    expect(sent.accepted).toBe(true);
    expect(await waitFor(() => fs.statSync(scene.mbox).size > sizeBefore && fs.readFileSync(scene.mbox, 'utf8').includes('Subject: mail flows again'), 60_000)).toBe(true);
  } finally {
    scene.inst.stop();
  }
}

// maildrop is empty with exactly its pre-incident owner, group and mode, and postfix check is silent.
export function expectMaildropEmptyAndChecked(scene: FloodedPostfix): void {
  const st = fs.statSync(scene.maildrop);
  expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual(scene.before);
  expect(fs.readdirSync(scene.maildrop)).toEqual([]);
  const check = spawnSync('postfix', ['-c', scene.inst.configDir, 'check'], { encoding: 'utf8' });
  expect(check.status).toBe(0);
  expect(check.stdout + check.stderr).toBe('');
}

// The walk's Summary screen shows at least the flooded entries' inodes back on the flooded
// filesystem; q then leaves the walk with exit 0 and names the incident file.
export async function expectSummaryAndQuit(s: Pick<TmuxSession, 'key' | 'waitExit' | 'raw'>, scene: FloodedPostfix, summary: string, incidentFile: string): Promise<void> {
  const row = summary.split('\n').find((l) => l.startsWith(fitMiddle(scene.disk.dir, 28, true)));
  expect(row, summary).toBeDefined();
  expect(Number(row!.trim().split(/ +/).at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(scene.flood.submitted + scene.flood.copies);
  s.key('q');
  expect(await s.waitExit()).toBe(0);
  expect(s.raw().toString('latin1')).toContain(`spoolrescue: incident file ${incidentFile}\r\n`);
}

// A serial console got only ASCII and no colour.
export function expectSerialBytes(raw: Buffer): void {
  expect(raw.length).toBeGreaterThan(0);
  const bad = raw.findIndex((b) => b > 0x7e || (b < 0x20 && b !== 0x1b && b !== 0x0d && b !== 0x0a && b !== 0x08));
  expect(bad, `byte ${raw[bad]} at ${bad}`).toBe(-1);
  expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
}

// The incident file holds root's first and last `messages` messages (and none between) and
// maildrop's oldest and newest files by name; it is private (0600) and hashed.
export function expectEvidence(scene: FloodedPostfix, incidentFile: string, messages: number, oldest: string, newest: string): void {
  const text = fs.readFileSync(incidentFile, 'utf8');
  const subjects = mboxSubjects(scene.mbox);
  expect(subjects.length).toBeGreaterThanOrEqual(DELIVERED);
  for (const s of [...subjects.slice(0, messages), ...subjects.slice(-messages)]) expect(text).toContain(`Subject: ${s}\n`);
  for (const s of subjects.slice(messages, -messages)) expect(text).not.toContain(`Subject: ${s}\n`);
  expect(text).toContain(oldest);
  expect(text).toContain(newest);
  expect(text).toMatch(/sender: cron@rescue\.example\.test/);
  expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
  expect(text).toMatch(/[0-9a-f]{64}/);
  expect(text).toMatch(/spoolrescue capture: mbox/);
  expect(text).toMatch(/spoolrescue capture: queue/);
  expect(text).toContain(`## spoolrescue purge: ${scene.maildrop}`);
}

// maildrop's files with the oldest and newest mtime. The kernel stamps files with a coarse
// clock, so several may share either: the sets of candidates are returned.
export function maildropExtremes(scene: FloodedPostfix): { oldest: Set<string>; newest: Set<string> } {
  const mtime = new Map(fs.readdirSync(scene.maildrop).map((n) => [n, fs.lstatSync(path.join(scene.maildrop, n)).mtimeMs]));
  const times = [...mtime.values()];
  const [lo, hi] = [Math.min(...times), Math.max(...times)];
  const pick = (t: number) => new Set([...mtime].filter(([, m]) => m === t).map(([n]) => n));
  return { oldest: pick(lo), newest: pick(hi) };
}
