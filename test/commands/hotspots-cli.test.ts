import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import type { HotspotReport } from '../../src/core/hotspots/rank.js';

// The --json document: the report with the scanned path as `path` (docs/json.md).
type HotspotsDoc = Omit<HotspotReport, 'root'> & { path: string; hostPath?: string };
import { describeWith } from '../helpers/capabilities.js';
import { canMakeDeadMount, runWithDeadMount } from '../helpers/dead-mount.js';
import { duTotals } from '../helpers/du.js';
import { BUNDLE, runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('spoolrescue hotspots on a synthetic mail server (--root)', () => {
  const tmp = makeTempDir('hotspots-cli');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'server');
  generateServer(root, { maildrop: 3000, bounce: 50, deferred: 300, mboxBytes: 6 << 20, maillogLines: 20_000 });
  fs.writeFileSync(path.join(root, 'var/spool/postfix/maildrop', 'odd\nname'), Buffer.alloc(2 << 20, 1));
  fs.writeFileSync(path.join(root, 'var/spool/mail', 'j\u00fcrgen'), Buffer.alloc(3 << 20, 1));

  it('scans the root by default and prints exactly one JSON document with du-equal totals and mail tags', () => {
    const r = runCli(['hotspots', '--root', root, '--json', '--top', '5']);
    expect(r.status).toBe(0);
    const rep = r.json<HotspotsDoc>();
    const du = duTotals(root);
    // paths as the rescued system sees them; where they are on this machine beside them
    expect(rep.path).toBe('/');
    expect(rep.hostPath).toBe(fs.realpathSync(root));
    expect([rep.totalBytes, rep.totalEntries]).toEqual([du.bytes, du.inodes]);
    expect(rep.byEntries[0]).toMatchObject({ path: '/var/spool/postfix/maildrop', hostPath: path.join(fs.realpathSync(root), 'var/spool/postfix/maildrop'), entries: 3001, mail: { kind: 'queue', queue: 'maildrop', label: 'maildrop queue' } });
    expect(rep.largestFiles[0]).toMatchObject({ path: '/var/spool/mail/root', mail: { kind: 'mailbox', user: 'root', label: "root's mailbox" } });
    expect(rep.largestFiles.find((f) => f.path.endsWith('/var/log/maillog'))?.mail?.kind).toBe('mail-log');
    expect(rep.byBytes.find((d) => d.path.endsWith('/var/spool/mail'))?.mail).toEqual({ kind: 'mail-spool', label: 'mail spool' });
    expect(Object.keys(rep)).toEqual(['schemaVersion', 'path', 'hostPath', 'device', 'fstype', 'mount', 'totalBytes', 'totalEntries', 'directories', 'byBytes', 'byEntries', 'largestFiles', 'skippedMounts', 'errors', 'errorCount', 'elapsedMs']);
    expect(r.stderr).toBe('');
  });

  it('prints a report that fits 80 columns, names escaped, without progress when stderr is not a terminal', () => {
    const r = runCli(['hotspots', '--root', root]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^ +3,001 +\d+(\.\d)? MiB +3,002  \/var\/spool\/postfix\/maildrop  \[maildrop queue\]$/m);
    expect(r.stdout).toContain('/var/spool/postfix/maildrop/odd\\nname');
    const head = r.stdout.split('\n')[0];
    expect(head.startsWith(`/ under root ${fs.realpathSync(root)} on `)).toBe(true);
    expect(head).toMatch(/ on \S+ \(\w+, mounted at \S+\)$/);
    expect(r.stdout).toContain("[root's mailbox]");
    expect(r.stdout).toMatch(/Most bytes in files directly inside\n +BYTES +ENTRIES +SUBTREE +PATH/);
    expect(r.stderr).toBe('');
  });

  it('shows names in plain ASCII on a serial console', () => {
    for (const flag of ['--ascii', '--serial']) {
      const r = runCli(['hotspots', '--root', root, flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain("/var/spool/mail/j\\303\\274rgen  [j\\303\\274rgen's mailbox]");
      expect(/^[\x00-\x7e]*$/.test(r.stdout)).toBe(true);
      for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    }
    const utf8 = runCli(['hotspots', '--root', root]);
    expect(utf8.stdout).toContain('/var/spool/mail/j\u00fcrgen');
  });

  it('takes PATH relative to --root, and refuses a file, a symlink and a missing path clearly', () => {
    const ok = runCli(['hotspots', '--root', root, '/var/spool/postfix', '--json']);
    expect(ok.status).toBe(0);
    expect(ok.json<HotspotsDoc>()).toMatchObject({ path: '/var/spool/postfix', hostPath: path.join(fs.realpathSync(root), 'var/spool/postfix') });
    const file = runCli(['hotspots', '--root', root, '/var/spool/mail/root']);
    expect(file.status).toBe(2);
    expect(file.stderr.split('\n')[0]).toMatch(/^spoolrescue hotspots: .*\/var\/spool\/mail\/root is not a directory/);
    const link = runCli(['hotspots', '--root', root, '/var/mail']);
    expect(link.status).toBe(3);
    expect(link.stderr).toMatch(/is a symlink \(to spool\/mail\); not followed\nRun it on the target: spoolrescue hotspots .*\/var\/spool\/mail --root \S+ {3}\(or add --follow\)\n/);
    // --follow follows it as the rescued system would: inside the root
    const followed = runCli(['hotspots', '--root', root, '/var/mail', '--follow', '--json']);
    expect(followed.status, followed.stderr).toBe(0);
    expect(followed.json<HotspotsDoc>()).toMatchObject({ path: '/var/spool/mail', hostPath: path.join(fs.realpathSync(root), 'var/spool/mail') });
    const missing = runCli(['hotspots', '--root', root, '/nope', '--json']);
    expect(missing.status).toBe(1);
    expect(missing.json().error.message).toMatch(/\/nope: no such directory$/);
    expect(missing.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('accepts a --root that is itself a symlink', () => {
    const link = path.join(tmp.dir, 'server-link');
    fs.symlinkSync(root, link);
    const r = runCli(['hotspots', '--root', link, '--json', '--top', '1']);
    expect(r.status).toBe(0);
    expect(r.json<HotspotsDoc>().byEntries[0].mail?.queue).toBe('maildrop');
  });

  it('runs from a copy of the single bundled file alone (its workers start from that file)', () => {
    const lone = makeTempDir('lone');
    try {
      const copy = path.join(lone.dir, 'spoolrescue.cjs');
      fs.copyFileSync(BUNDLE, copy);
      const r = spawnSync(process.execPath, [copy, 'hotspots', path.join(root, 'var/spool'), '--json', '--workers', '2'], { cwd: lone.dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).totalEntries).toBe(duTotals(path.join(root, 'var/spool')).inodes);
    } finally {
      lone.cleanup();
    }
  });
});

describeWith(['root'], 'spoolrescue hotspots as an ordinary user', () => {
  const tmp = makeTempDir('hotspots-user', '/var/tmp');
  const tree = path.join(tmp.dir, 'tree');
  for (const d of ['open/a', 'locked/inner', 'noexec']) fs.mkdirSync(path.join(tree, d), { recursive: true });
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(tree, 'open/a', `f${i}`), Buffer.alloc(5000));
  fs.writeFileSync(path.join(tree, 'locked/inner/secret'), Buffer.alloc(50_000));
  fs.writeFileSync(path.join(tree, 'noexec/x'), Buffer.alloc(100));
  const copy = path.join(tmp.dir, 'spoolrescue.cjs');
  fs.copyFileSync(BUNDLE, copy);
  spawnSync('chmod', ['-R', 'a+rX', tmp.dir]);
  fs.chmodSync(path.join(tree, 'locked'), 0o700);
  fs.chmodSync(path.join(tree, 'noexec'), 0o744);
  const nobody = 65534;
  afterAll(tmp.cleanup);

  // 'first': the scan process reads the tree (the unreadable directories too) and the main thread
  // words what it found; 'off': the main thread and worker threads alone.
  it.each(['first', 'off'])('lists unreadable directories as errors, goes on, and still matches du run as that user (scan process %s)', (scanProcess) => {
    const env = { PATH: process.env.PATH, SPOOLRESCUE_SCAN_PROCESS: scanProcess };
    const r = spawnSync(process.execPath, [copy, 'hotspots', tree, '--json'], { encoding: 'utf8', uid: nobody, gid: nobody, cwd: os.tmpdir(), env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rep = JSON.parse(r.stdout) as HotspotsDoc;
    expect(rep.errors).toEqual([
      { path: path.join(tree, 'locked'), message: 'cannot read directory: permission denied (EACCES)' },
      { path: path.join(tree, 'noexec'), message: '1 entries could not be examined (EACCES)' },
    ]);
    expect(rep.errorCount).toBe(rep.errors.length);
    const du = duTotals(tree, nobody);
    expect(du.stderr).toMatch(/Permission denied/);
    expect([rep.totalBytes, rep.totalEntries]).toEqual([du.bytes, du.inodes]);
    const human = spawnSync(process.execPath, [copy, 'hotspots', tree], { encoding: 'utf8', uid: nobody, gid: nobody, cwd: os.tmpdir(), env });
    expect(human.stdout).toContain(`Paths below are relative to ${tree}`);
    expect(human.stdout).toContain(`Could not read everything (2; totals leave these out):\n  ./locked\n      cannot read directory: permission denied (EACCES)\n`);
  });

  it.each(['first', 'off'])('fails (exit 1) when the directory asked for cannot be read or searched, saying nothing under it was counted (scan process %s)', (scanProcess) => {
    const env = { PATH: process.env.PATH, SPOOLRESCUE_SCAN_PROCESS: scanProcess };
    for (const [dir, why] of [
      [path.join(tree, 'locked'), 'cannot read directory: permission denied (EACCES)'],
      [path.join(tree, 'noexec'), '1 entries could not be examined (EACCES)'],
    ]) {
      const j = spawnSync(process.execPath, [copy, 'hotspots', dir, '--json'], { encoding: 'utf8', uid: nobody, gid: nobody, cwd: os.tmpdir(), env });
      expect(j.status).toBe(1);
      expect(j.stderr).toBe(`spoolrescue hotspots: ${dir}: ${why}; nothing under it was counted\n`);
      // the document is still printed, with the error in it
      const rep = JSON.parse(j.stdout) as HotspotsDoc;
      expect(rep.errors).toEqual([{ path: dir, message: why }]);
      const human = spawnSync(process.execPath, [copy, 'hotspots', dir], { encoding: 'utf8', uid: nobody, gid: nobody, cwd: os.tmpdir(), env });
      expect(human.status).toBe(1);
      expect(human.stderr).toContain(`${dir}: ${why}; nothing under it was counted`);
    }
    // a tree with unreadable parts but something counted is a result: exit 0 (above)
    const open = spawnSync(process.execPath, [copy, 'hotspots', path.join(tree, 'open'), '--json'], { encoding: 'utf8', uid: nobody, gid: nobody, cwd: os.tmpdir(), env });
    expect(open.status).toBe(0);
  });
});

describeWith(['root', 'mount'], 'spoolrescue hotspots next to a dead mount', () => {
  const tmp = makeTempDir('hotspots-dead', '/var/tmp');
  const tree = path.join(tmp.dir, 'tree');
  const dead = path.join(tree, 'mnt/nfs');
  fs.mkdirSync(dead, { recursive: true });
  fs.writeFileSync(path.join(tree, 'mnt/file'), Buffer.alloc(10_000));
  afterAll(tmp.cleanup);

  it('never touches a mount point inside the tree, even one that would hang, and refuses to start on it', () => {
    expect(canMakeDeadMount()).toBe(true);
    // the scan process too (it reads the tree in 'first') skips it without a look
    for (const scanProcess of ['auto', 'first']) {
      const r = runWithDeadMount(dead, ['env', `SPOOLRESCUE_SCAN_PROCESS=${scanProcess}`, process.execPath, BUNDLE, 'hotspots', tree, '--json']);
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(0);
      const rep = JSON.parse(r.stdout) as HotspotsDoc;
      expect(rep.skippedMounts).toEqual([dead]);
      expect(rep.totalEntries).toBe(3); // tree, mnt, mnt/file: the mount point is not counted, as with du -x
    }
    const onIt = runWithDeadMount(dead, [process.execPath, BUNDLE, 'hotspots', dead]);
    expect(onIt.error).toBeUndefined();
    expect(onIt.status).toBe(1);
    expect(onIt.stderr.split('\n')[0]).toMatch(/^spoolrescue hotspots: .*\/mnt\/nfs is on fuse srdead, which does not answer: no answer from statfs within 3000 ms/);
  });
});
