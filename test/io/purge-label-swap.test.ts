import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDifferences } from '../../src/core/purge/snapshot.js';
import { findLeftovers } from '../../src/io/purge/leftovers.js';
import { takeSnapshot } from '../../src/io/purge/snapshot.js';
import { restoreMissingDir, swapInFreshDir } from '../../src/io/purge/swap.js';
import { createLabelTools } from '../../src/io/files/xattr.js';
import type { CommandResult } from '../../src/io/system/run-command.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountExt4Image, mountTmpfs } from '../helpers/mounts.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { execFileSync } from 'node:child_process';
import { attrReasonText } from '../../src/core/purge/attr-reason.js';

const LABEL = 'system_u:object_r:postfix_spool_t:s0';
const result = (over: Partial<CommandResult>): CommandResult => ({ command: 'x', exitCode: 1, stdout: '', stderr: '', ok: false, notFound: false, timedOut: false, ...over });

describe('label tools parse what getfattr says', () => {
  const tools = (r: CommandResult) => createLabelTools({ run: async () => r, has: () => true, selinuxFs: '/nonexistent' });
  it('reads a present label exactly (hex) and as text', async () => {
    const l = await tools(result({ ok: true, exitCode: 0, stdout: '# file: /q\nsecurity.selinux=0x6100\n\n' })).read('/q');
    expect(l).toEqual({ state: 'present', hex: '6100', text: 'a' });
  });
  it('tells absent, unsupported and unreadable apart', async () => {
    expect(await tools(result({ ok: true, exitCode: 0, stdout: '' })).read('/q')).toEqual({ state: 'absent' });
    expect(await tools(result({ stderr: '/q: Operation not supported' })).read('/q')).toEqual({ state: 'unsupported' });
    expect((await tools(result({ failure: { code: 'exit', command: 'getfattr', exitCode: 1, detail: 'boom' } })).read('/q')).state).toBe('unknown');
  });
  it('cannot read or write without the tools (the strategy then stays in place)', async () => {
    const t = createLabelTools({ has: () => false, selinuxFs: '/nonexistent' });
    expect([t.xattrsWritable, t.flagsWritable]).toEqual([false, false]);
    const label = await t.read('/q');
    expect(label).toEqual({ state: 'unknown', why: { code: 'selinux-off', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } } });
    expect(label.state === 'unknown' && attrReasonText(label.why, 'en')).toBe('getfattr is not installed (package attr); SELinux is not enabled here');
    expect(await t.readXattrs('/q')).toEqual({ state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } });
    expect(await t.readFlags('/q')).toEqual({ state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } });
  });
});

describeWith(['root', 'xattr', 'mount'], 'swap keeps owner, mode and SELinux label exactly', () => {
  const labels = createLabelTools();
  // Mounted when the suite runs, not when it is collected, so that afterAll always undoes them.
  let tmp: ReturnType<typeof makeTempDir>;
  let tmpfs: ReturnType<typeof mountTmpfs>;
  let ext4: ReturnType<typeof mountExt4Image>;
  let full: ReturnType<typeof mountTmpfs>;
  let postfixUid: number;
  let postdropGid: number;
  beforeAll(() => {
    tmp = makeTempDir('swap');
    tmpfs = mountTmpfs(path.join(tmp.dir, 'tmpfs'), { size: '8m' });
    ext4 = mountExt4Image(path.join(tmp.dir, 'ext4'), { sizeMB: 16 });
    full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '8m', nrInodes: 40 });
    postfixUid = Number(execFileSync('id', ['-u', 'postfix']).toString());
    postdropGid = Number(execFileSync('getent', ['group', 'postdrop']).toString().split(':')[2]);
  });
  afterAll(() => {
    for (const m of [tmpfs, ext4, full]) m?.unmount();
    tmp?.cleanup();
  });

  for (const [fsName, mode] of [['ext4', 0o730], ['ext4', 0o1730], ['tmpfs', 0o1730], ['tmpfs', 0o2710]] as const) {
    it(`on ${fsName}, mode ${mode.toString(8)}`, async () => {
      const parent = fsName === 'ext4' ? ext4.dir : tmpfs.dir;
      const dir = path.join(parent, `maildrop-${mode.toString(8)}`);
      makeFlatTree(dir, 30);
      fs.chownSync(dir, postfixUid, postdropGid);
      fs.chmodSync(dir, mode);
      execFileSync('setfattr', ['-h', '-n', 'security.selinux', '-v', LABEL, dir]);
      const snap = await takeSnapshot(dir, labels);
      expect(snap.label).toMatchObject({ state: 'present', text: LABEL });
      const r = await swapInFreshDir(dir, snap, labels, `20260101T000000Z-${mode}`);
      expect(r.ok).toBe(true);
      const after = fs.lstatSync(dir);
      expect(after.ino).not.toBe(snap.ino);
      expect({ uid: after.uid, gid: after.gid, mode: after.mode & 0o7777 }).toEqual({ uid: postfixUid, gid: postdropGid, mode });
      expect(snapshotDifferences(snap, await takeSnapshot(dir, labels))).toEqual([]);
      expect(fs.readdirSync(dir)).toEqual([]);
      expect(fs.readdirSync(r.asidePath!)).toHaveLength(30);
      expect((await findLeftovers(dir)).map((l) => [l.kind, l.path])).toEqual([['aside', r.asidePath]]);
    });
  }

  it('leaves DIR untouched when no inode is free for the new directory', async () => {
    const dir = path.join(full.dir, 'maildrop');
    fs.mkdirSync(dir, 0o730);
    let i = 0;
    try {
      for (;;) fs.writeFileSync(path.join(dir, `f${i++}`), '');
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const snap = await takeSnapshot(dir, labels);
    const r = await swapInFreshDir(dir, snap, labels, '20260101T000000Z-1');
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ code: 'cannot-create', why: 'ENOSPC' });
    expect(fs.lstatSync(dir).ino).toBe(snap.ino);
    expect(fs.readdirSync(full.dir)).toEqual(['maildrop']);
  });

  it('recreates a DIR an interrupted swap left missing, from the set-aside copy', async () => {
    const dir = path.join(ext4.dir, 'bounce');
    fs.mkdirSync(dir);
    fs.chownSync(dir, postfixUid, 0);
    fs.chmodSync(dir, 0o700);
    execFileSync('setfattr', ['-h', '-n', 'security.selinux', '-v', 'system_u:object_r:postfix_spool_bounce_t:s0', dir]);
    const aside = path.join(ext4.dir, '.bounce.spoolrescue-purge-20260101T000000Z-7');
    fs.renameSync(dir, aside);
    const snap = await takeSnapshot(aside, labels);
    const r = await restoreMissingDir(dir, aside, undefined, labels, '20260101T000001Z-8');
    expect(r.ok).toBe(true);
    expect(snapshotDifferences(snap, await takeSnapshot(dir, labels))).toEqual([]);
  });
});
