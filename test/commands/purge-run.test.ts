import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { runCli as runInProcess } from '../../src/cli/main.js';
import { describeWith, has, itWith } from '../helpers/capabilities.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeFlatTree, makeHostileTree } from '../helpers/purge-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const LABEL = 'system_u:object_r:postfix_spool_t:s0';
const getLabel = (p: string) => execFileSync('getfattr', ['-h', '--only-values', '-n', 'security.selinux', p]).toString().replace(/\0$/, '');

describeWith(['root'], 'purge empties DIR and leaves it exactly as it was', () => {
  // Without getfattr/lsattr (CI's minimal-host leg) the attributes are unknown and every purge is in place.
  const attributesKnown = has('xattr') && has('chattr');
  const tmp = makeTempDir('purge-run');
  const root = tmp.dir;
  const q = (p: string) => path.join(root, 'var/spool/postfix', p);
  const postfixUid = Number(execFileSync('id', ['-u', 'postfix']).toString());
  const postdropGid = Number(execFileSync('getent', ['group', 'postdrop']).toString().split(':')[2]);
  const incident = path.join(root, 'incident.md');
  beforeAll(() => {
    generateServer(root, {
      maildrop: 400,
      bounce: 50,
      deferred: 60,
      mboxMessages: 3,
      maillogLines: 10,
      maildropMode: 0o1730,
      owners: { mailOwnerUid: postfixUid, setgidGid: postdropGid, rootGid: 0, submitterUid: 0 },
    });
    if (attributesKnown) execFileSync('setfattr', ['-h', '-n', 'security.selinux', '-v', LABEL, q('maildrop')]);
    fs.writeFileSync(path.join(root, 'etc/passwd'), `root:x:0:0:root:/root:/bin/sh\npostfix:x:${postfixUid}:${postdropGid}::/var/spool/postfix:/usr/sbin/nologin\n`);
    fs.writeFileSync(path.join(root, 'etc/group'), `root:x:0:\npostdrop:x:${postdropGid}:\n`);
  });
  afterAll(tmp.cleanup);

  itWith(['xattr', 'chattr'], "swaps Debian's 01730 maildrop: same uid, gid, mode and label, empty, recorded in the incident file", () => {
    const before = fs.lstatSync(q('maildrop'));
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json', '--incident', incident]);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.ok).toBe(true);
    expect(j.failures).toEqual([]);
    expect(j.plan).toMatchObject({ strategy: 'swap', snapshot: { uid: postfixUid, gid: postdropGid, mode: '01730', label: LABEL } });
    expect(j.result).toMatchObject({ strategy: 'swap', entriesRemoved: 400, errors: 0, aborted: false, setAside: [{ removed: true }] });
    expect(j.result.freedBytes).toBeGreaterThan(400 * 300);
    // both count from the start of the purge: the directory is back before the deleting ends
    expect(j.result.dirBackInPlaceAfterMs).toBeGreaterThanOrEqual(0);
    expect(j.result.dirBackInPlaceAfterMs).toBeLessThanOrEqual(j.result.durationMs);
    expect(j.result.firstRemoved).toHaveLength(20);
    expect(j.result.lastRemoved).toHaveLength(20);
    expect(j.verification).toMatchObject({ snapshotHeld: true, empty: true, after: { uid: postfixUid, gid: postdropGid, mode: '01730', label: LABEL } });
    const after = fs.lstatSync(q('maildrop'));
    expect(after.ino).not.toBe(before.ino);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([postfixUid, postdropGid, 0o1730]);
    expect(getLabel(q('maildrop'))).toBe(LABEL);
    expect(fs.readdirSync(q('maildrop'))).toEqual([]);
    expect(fs.readdirSync(q('.')).filter((n) => n.includes('spoolrescue'))).toEqual([]);
    const md = fs.readFileSync(incident, 'utf8');
    expect(md).toMatch(/^## spoolrescue purge: \/var\/spool\/postfix\/maildrop$/m);
    expect(md).toContain(`Snapshot before: owner postfix:postdrop (${postfixUid}:${postdropGid}), mode 01730, SELinux label ${LABEL}`);
    expect(md).toMatch(/Strategy: swap/);
    expect(md).toMatch(/Removed: 400 entries/);
    expect(md).toMatch(/Verification: .*matches the snapshot; empty/);
    expect(md).toContain(j.result.firstRemoved[0].name);
    expect(md).toContain(j.result.lastRemoved[19].name);
    expect(fs.statSync(incident).mode & 0o777).toBe(0o600);
  });

  it('empties 0730 in place when asked: the very same inode stays, with its owner and mode', () => {
    fs.chmodSync(q('bounce'), 0o730);
    const before = fs.lstatSync(q('bounce'));
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--in-place', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    const unread = [expect.stringMatching(/extended attributes .* cannot be read/), expect.stringMatching(/inode flags \(chattr\) cannot be read/)];
    expect(j.plan.reasons).toEqual(['--in-place was given', ...(attributesKnown ? [] : unread)]);
    expect(j.result).toMatchObject({ strategy: 'in-place', entriesRemoved: 50, setAside: [] });
    expect(j.result.dirBackInPlaceAfterMs).toBeNull();
    const after = fs.lstatSync(q('bounce'));
    expect([after.ino, after.uid, after.gid, after.mode & 0o7777]).toEqual([before.ino, postfixUid, 0, 0o730]);
    expect(j.plan.tableWarnings.join()).toMatch(/bounce has mode 0730; Postfix uses 0700/);
  });

  it('empties deferred with its hashed subdirectories', () => {
    const entries = fs.readdirSync(q('deferred'), { recursive: true }).length;
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/deferred', '--yes', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().result.entriesRemoved).toBe(entries);
    expect(fs.readdirSync(q('deferred'))).toEqual([]);
  });

  it('removes names with newlines and invalid UTF-8, never follows symlinks, escapes names for people', () => {
    const dir = path.join(root, 'var/spool/mail/backlog');
    const made = makeHostileTree(dir, 10); // at most 40 entries: every name is in the first/last 20
    fs.chmodSync(dir, 0o2775);
    const r = runCli(['purge', '--root', root, '/var/spool/mail/backlog', '--yes', '--incident', incident]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Purged: /var/spool/mail/backlog \\(${attributesKnown ? 'swap' : 'in-place'}\\): ${made.entries} entries removed`));
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(attributesKnown ? /verified: owner root:root \(0:0\), mode 02775, label none: as snapshotted/ : /verified: owner root:root \(0:0\), mode 02775, label unknown \(getfattr is not installed .*\): as snapshotted/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.lstatSync(dir).mode & 0o7777).toBe(0o2775);
    expect(fs.readFileSync(path.join(made.outsideTarget, 'precious'), 'utf8')).toBe('keep me');
    const md = fs.readFileSync(incident, 'utf8');
    const section = md.slice(md.indexOf('## spoolrescue purge: /var/spool/mail/backlog'));
    expect(section).not.toContain('line\nbreak');
    expect(section).toMatch(/line\\nbreak|b\\377\\nA/);
  });

  it('asks for the typed name on a terminal: anything else cancels, the name purges', async () => {
    const dir = q('hold');
    makeFlatTree(dir, 25);
    const wrong = memoryIo({ tty: true });
    wrong.stdin.write('yes\n');
    const code = await runInProcess(['purge', '--root', root, '/var/spool/postfix/hold'], { io: wrong.io });
    expect(code).toBe(3);
    expect(wrong.stdout()).toMatch(/contents: +25 entries/);
    expect(wrong.stderr()).toMatch(/Type the directory's name \(hold\)/);
    expect(wrong.stderr()).toMatch(/cancelled; nothing was changed/);
    expect(fs.readdirSync(dir)).toHaveLength(25);
    const right = memoryIo({ tty: true });
    right.stdin.write('hold\n');
    expect(await runInProcess(['purge', '--root', root, '/var/spool/postfix/hold'], { io: right.io })).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
    const empty = memoryIo({ tty: true });
    empty.stdin.end();
    makeFlatTree(dir, 2);
    expect(await runInProcess(['purge', '--root', root, '/var/spool/postfix/hold'], { io: empty.io })).toBe(3);
    expect(fs.readdirSync(dir)).toHaveLength(2);
  });
});
