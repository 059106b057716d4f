import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fitMiddle } from '../../src/core/text/text-fit.js';
import { readIncidentRecords } from '../../src/io/incident/sink.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { mountExt4Image, mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { floodMaildrop, submitWithTimeout, treeChecksums, type FloodResult } from '../helpers/flood.js';

// The incident the project exists for, built with real parts (root only): a private Postfix whose
// queue and mail spool live on a small ext4 filesystem with few inodes; root's mbox holds a few
// hundred real deliveries; then a runaway job floods maildrop, with pickup stopped, until no
// inode is left and Postfix refuses mail. A tmpfs beside it has room for the evidence.

// How many real messages reach root's mbox before the flood (unless the scene asks for fewer).
const DELIVERED = 300;

// The flooded server and what the checks after the rescue compare against.
export interface FloodedPostfix {
  disk: TestMount;
  evidence: TestMount;
  inst: PostfixInstance;
  maildrop: string;
  mbox: string;
  /** How many real messages root's mbox held before the flood. */
  delivered: number;
  /** maildrop's owner, group and mode before the incident. */
  before: { uid: number; gid: number; mode: number };
  flood: FloodResult;
  dispose(): void;
}

// Builds the scene under dir; undo it with dispose().
export async function floodedPostfix(dir: string, o: { delivered?: number } = {}): Promise<FloodedPostfix> {
  const delivered = o.delivered ?? DELIVERED;
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
    for (let i = 0; i < delivered; i++) {
      const r = inst.sendmail('root', `Cron <root@rescue> run-parts /etc/cron.hourly #${i}`, `job ${i} output\nFrom the archive: nothing to do\n`);
      if (r.status !== 0) throw new Error(`sendmail ${i} failed: ${r.stderr}`);
      // sendmail runs synchronously: let the test runner's own messages through between messages
      // (a loaded machine otherwise holds them past their timeout, an error of the whole run)
      await new Promise((r) => setImmediate(r));
    }
    const countFrom = () => (fs.existsSync(mbox) ? (fs.readFileSync(mbox, 'latin1').match(/^From /gm) ?? []).length : 0);
    if (!(await waitFor(() => countFrom() >= delivered, 120_000))) throw new Error(`only ${countFrom()} of ${delivered} messages delivered`);
    inst.stop();
    const flood = await floodMaildrop(inst, { maxSubmissions: 150 });
    return { disk, evidence, inst, maildrop, mbox, delivered, before, flood, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

// The terminals the walk is driven in: a serial console (ASCII, English), or a UTF-8 terminal
// under a Japanese locale (the language comes from LANG alone).
export const TERMINALS = {
  serial: { flags: ['--serial'], env: { TERM: 'vt100', LANG: 'C.UTF-8' }, ascii: true },
  ja: { flags: [], env: { TERM: 'xterm-256color', LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, ascii: false },
} as const;

// What a walk's checks compare against, taken before it starts: the flooded filesystem's files
// but maildrop, and maildrop's oldest and newest files.
export interface WalkStart {
  s: TmuxSession;
  rest: Map<string, string>;
  extremes: { oldest: Set<string>; newest: Set<string> };
}

// Starts the walk on the flooded server in tmux at 80x24, in the given terminal.
export function startWalk(scene: FloodedPostfix, dir: string, terminal: (typeof TERMINALS)[keyof typeof TERMINALS]): WalkStart {
  const rest = treeChecksums(scene.disk.dir, scene.maildrop);
  const extremes = maildropExtremes(scene);
  const s = startTmux({
    argv: [process.execPath, BUNDLE, ...terminal.flags, '--postfix-config', scene.inst.configDir],
    env: { ...terminal.env },
    columns: 80,
    rows: 24,
    workDir: path.join(dir, 'tmux'),
  });
  return { s, rest, extremes };
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

// What the walk prints on the terminal as it ends, in each language.
const INCIDENT_AT_END = {
  en: (file: string) => `spoolrescue: incident file ${file}\r\n`,
  ja: (file: string) => `spoolrescue: 証跡ファイル ${file}\r\n`,
};

// The walk's Summary screen shows at least the flooded entries' inodes back on the flooded
// filesystem (its mount point shortened as an ASCII or a UTF-8 terminal shows it); q then leaves
// the walk with exit 0 and names the incident file in the walk's language.
export async function expectSummaryAndQuit(s: Pick<TmuxSession, 'key' | 'waitExit' | 'raw'>, scene: FloodedPostfix, summary: string, incidentFile: string, o: { lang?: Lang; ascii?: boolean } = {}): Promise<void> {
  const row = summary.split('\n').find((l) => l.startsWith(summaryRow(scene, o.ascii ?? true)));
  expect(row, summary).toBeDefined();
  expect(Number(row!.trim().split(/ +/).at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(scene.flood.submitted + scene.flood.copies);
  s.key('q');
  expect(await s.waitExit()).toBe(0);
  expect(s.raw().toString('utf8')).toContain(INCIDENT_AT_END[o.lang ?? 'en'](incidentFile));
}

// How the Summary screen starts the flooded filesystem's row.
export const summaryRow = (scene: FloodedPostfix, ascii: boolean) => fitMiddle(scene.disk.dir, 28, ascii);

// A serial console got only ASCII and no colour.
export function expectSerialBytes(raw: Buffer): void {
  expect(raw.length).toBeGreaterThan(0);
  const bad = raw.findIndex((b) => b > 0x7e || (b < 0x20 && b !== 0x1b && b !== 0x0d && b !== 0x0a && b !== 0x08));
  expect(bad, `byte ${raw[bad]} at ${bad}`).toBe(-1);
  expect(raw.toString('latin1')).not.toMatch(/\u001b\[[0-9;]*m/);
}

// The languages the walk is driven in.
export type Lang = 'en' | 'ja';

// What the sections the rescue appends say in each language: their headings (evidence of root's
// mailbox and of maildrop, the purge) and the sender of maildrop's files.
const WORDS = {
  en: (scene: FloodedPostfix) => [`## spoolrescue capture: mbox ${scene.mbox}\n`, `## spoolrescue capture: queue ${scene.maildrop}\n`, `## spoolrescue purge: ${scene.maildrop}\n`, 'sender: cron@rescue.example.test'],
  ja: (scene: FloodedPostfix) => [`## spoolrescue 採取: mbox ${scene.mbox}\n`, `## spoolrescue 採取: キュー ${scene.maildrop}\n`, `## spoolrescue 削除 (purge): ${scene.maildrop}\n`, '送信者: cron@rescue.example.test'],
};

// The incident file holds root's first and last `messages` messages (and none between) and
// maildrop's oldest and newest files by name; it is private (0600) and hashed; its headings are
// in the walk's language and its machine-readable records are the same in every language.
export async function expectEvidence(scene: FloodedPostfix, incidentFile: string, messages: number, oldest: string, newest: string, lang: Lang = 'en'): Promise<void> {
  const text = fs.readFileSync(incidentFile, 'utf8');
  const subjects = mboxSubjects(scene.mbox);
  expect(subjects.length).toBeGreaterThanOrEqual(scene.delivered);
  for (const s of [...subjects.slice(0, messages), ...subjects.slice(-messages)]) expect(text).toContain(`Subject: ${s}\n`);
  for (const s of subjects.slice(messages, -messages)) expect(text).not.toContain(`Subject: ${s}\n`);
  expect(text).toContain(oldest);
  expect(text).toContain(newest);
  expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
  expect(text).toMatch(/[0-9a-f]{64}/);
  for (const w of WORDS[lang](scene)) expect(text).toContain(w);
  await expectRecords(scene, incidentFile);
}

// The records a later step reads (the file's own reader returns only sealed ones): the capture of
// root's mailbox and of maildrop, with their hashes, and the purge of maildrop with its count;
// none holds words of a language.
async function expectRecords(scene: FloodedPostfix, incidentFile: string): Promise<void> {
  const records = await readIncidentRecords(incidentFile);
  const hash = expect.stringMatching(/^[0-9a-f]{64}$/);
  expect(records).toContainEqual(expect.objectContaining({ step: 'capture', kind: 'mbox', path: scene.mbox, mode: '0600', sha256: hash }));
  const flooded = scene.flood.submitted + scene.flood.copies;
  expect(records).toContainEqual(expect.objectContaining({ step: 'capture', kind: 'queue', path: scene.maildrop, mode: '0730', count: flooded, sha256: hash }));
  expect(records).toContainEqual(expect.objectContaining({ step: 'purge', dir: scene.maildrop, strategy: 'in-place', removed: flooded, ok: true }));
  for (const r of records) expect(JSON.stringify(r)).toMatch(/^[\x20-\x7e]*$/);
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
