import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { treeChecksums } from '../helpers/flood.js';
import { expectEvidence, expectRescued, floodedPostfix, maildropExtremes, type FloodedPostfix } from './flooded-postfix.js';
import { runCli } from '../helpers/run-cli.js';
import { expectRoomElsewhere } from '../helpers/room-hint.js';

// The incident the project exists for, with real parts: a private Postfix whose queue and mail
// spool live on a small ext4 filesystem with few inodes; root's mbox holds a few hundred real
// deliveries; a runaway job floods maildrop until no inode is left and Postfix refuses mail.
// Then the rescue with the CLI, and the proof that mail flows again and nothing else changed.
describeWith(['root', 'postfix', 'mount'], 'acceptance: rescue a real Postfix on a really full filesystem (CLI)', () => {
  const tmp = makeTempDir('accept', '/var/tmp');
  let scene: FloodedPostfix;
  let rest: Map<string, string>;
  let oldest = '';
  let newest = '';
  const incident = () => path.join(scene.evidence.dir, 'incident.md');
  const pf = () => ['--postfix-config', scene.inst.configDir];

  beforeAll(async () => {
    scene = await floodedPostfix(tmp.dir);
  }, 600_000);

  afterAll(() => {
    scene?.dispose();
    tmp.cleanup();
  });

  it('is really full: no inode left, and Postfix refuses new mail', () => {
    expect(scene.flood.submitted).toBeGreaterThan(0);
    expect(scene.flood.refusal.status).not.toBe(0);
    expect(scene.flood.refusal.stderr).toMatch(/No space left on device/);
    expect(fs.statfsSync(scene.disk.dir).ffree).toBe(0);
    expect(fs.readdirSync(scene.maildrop).length).toBe(scene.flood.submitted + scene.flood.copies);
  });

  it('df flags the filesystem for its inodes', () => {
    const r = runCli(['df', '--json']);
    expect(r.status).toBe(0);
    const row = r.json().filesystems.find((f: { mount: string }) => f.mount === scene.disk.dir);
    expect(row).toBeDefined();
    expect(row.inodesFree).toBe(0);
    expect(row.inodeUsePercent).toBe(100);
    expect(row.flags.map((f: { code: string }) => f.code)).toContain('inodes-full');
  });

  it('hotspots names maildrop first by entries, tagged as a mail path', () => {
    const r = runCli(['hotspots', scene.disk.dir, '--json', ...pf()]);
    expect(r.status).toBe(0);
    const top = r.json().byEntries[0];
    expect(top.path).toBe(scene.maildrop);
    expect(top.entries).toBe(scene.flood.submitted + scene.flood.copies);
    expect(JSON.stringify(top.mail)).toMatch(/maildrop/);
  });

  it('refuses to put the evidence on the full filesystem and names a tmpfs with room', () => {
    const onFull = path.join(scene.disk.dir, 'incident.md');
    const r = runCli(['capture', scene.mbox, '--incident', onFull, ...pf()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/refusing to write the incident file/);
    // tmpfs first (a memory filesystem is never the one that filled up); which ones depends on the machine
    expect(r.stderr).toMatch(/Filesystems with room:\n {2}--incident \S+ +\(tmpfs, /);
    expectRoomElsewhere(r.stderr, scene.disk.dir);
    expect(fs.existsSync(onFull)).toBe(false);
  });

  it("captures root's first and last messages and maildrop's oldest and newest files on the tmpfs", () => {
    rest = treeChecksums(scene.disk.dir, scene.maildrop);
    const m = runCli(['capture', scene.mbox, '--incident', incident(), '--messages', '5', '--json', ...pf()]);
    expect(m.status).toBe(0);
    const q = runCli(['capture', scene.maildrop, '--incident', incident(), '--messages', '3', '--json', ...pf()]);
    expect(q.status).toBe(0);
    const j = q.json();
    expect(j.queue.count).toBe(fs.readdirSync(scene.maildrop).length);
    const extremes = maildropExtremes(scene);
    [oldest, newest] = [j.queue.oldest[0].name, j.queue.newest[0].name];
    expect(extremes.oldest.has(oldest)).toBe(true);
    expect(extremes.newest.has(newest)).toBe(true);
  });

  it('purges maildrop in place (no inode free for a new directory) and verifies it', () => {
    const r = runCli(['purge', scene.maildrop, '--yes', '--incident', incident(), '--json', ...pf()]);
    const j = r.json();
    expect(r.status, r.stderr).toBe(0);
    expect(j.ok).toBe(true);
    expect(j.plan.strategy).toBe('in-place');
    expect(j.result.entriesRemoved).toBe(scene.flood.submitted + scene.flood.copies);
    expect(j.verification.snapshotHeld).toBe(true);
    expect(j.postfixCheck.ran).toBe(true);
    expect(j.postfixCheck.ok).toBe(true);
  });

  it('has the whole story in the incident file', async () => {
    await expectEvidence(scene, incident(), 5, oldest, newest);
  });

  it('leaves maildrop empty with its pre-incident owner, group and mode, nothing else changed; postfix check is silent and mail flows again', async () => {
    await expectRescued(scene, rest);
  });
});
