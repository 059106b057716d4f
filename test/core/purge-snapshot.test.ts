import { describe, expect, it } from 'vitest';
import { formatOwner, labelTextFromHex, postfixTableWarnings, snapshotDifferences, uncomparedAttributes, type DirSnapshot } from '../../src/core/purge/snapshot.js';
import { fmtMode } from '../../src/core/text/units.js';

const LABEL_HEX = '73797374656d5f753a6f626a6563745f723a706f73746669785f73706f6f6c5f743a733000';
const snap: DirSnapshot = {
  uid: 107,
  gid: 114,
  mode: 0o1730,
  dev: 2049,
  ino: 12,
  label: { state: 'present', hex: LABEL_HEX, text: 'system_u:object_r:postfix_spool_t:s0' },
  xattrs: { state: 'read', entries: [{ name: 'security.selinux', hex: LABEL_HEX }] },
  flags: { state: 'read', flags: '' },
};
const ids = { mailOwner: 'postfix', mailOwnerUid: 107, setgidGroup: 'postdrop', setgidGid: 114 };

describe('snapshot arithmetic', () => {
  it('writes modes as chmod takes them, sticky and setgid included', () => {
    expect(fmtMode(0o730)).toBe('0730');
    expect(fmtMode(0o1730)).toBe('01730');
    expect(fmtMode(0o2710)).toBe('02710');
    expect(fmtMode(0o40700)).toBe('0700');
  });

  it('shows names when known and ids always', () => {
    expect(formatOwner({ ...snap, owner: 'postfix', group: 'postdrop' })).toBe('postfix:postdrop (107:114)');
    expect(formatOwner(snap)).toBe('107:114');
  });

  it('decodes a label and drops its trailing NUL', () => {
    expect(labelTextFromHex('6100')).toBe('a');
    expect(labelTextFromHex(snap.label.state === 'present' ? snap.label.hex : '')).toBe('system_u:object_r:postfix_spool_t:s0');
  });

  it('finds no difference in a new inode with the same attributes', () => {
    expect(snapshotDifferences(snap, { ...snap, ino: 99, label: { ...snap.label } as DirSnapshot['label'] })).toEqual([]);
  });

  it('names every attribute that differs', () => {
    const d = snapshotDifferences(snap, { ...snap, uid: 0, gid: 0, mode: 0o730, label: { state: 'absent' } });
    expect(d).toEqual([
      'owner is uid 0, was 107',
      'group is gid 0, was 114',
      'mode is 0730, was 01730',
      'SELinux label is none, was system_u:object_r:postfix_spool_t:s0',
    ]);
  });

  it('treats "no label" and "no xattrs" alike, but not a different label', () => {
    expect(snapshotDifferences({ ...snap, label: { state: 'absent' } }, { ...snap, label: { state: 'unsupported' } })).toEqual([]);
    expect(snapshotDifferences(snap, { ...snap, label: { state: 'present', hex: '6200', text: 'b' } })).toHaveLength(1);
  });

  it('compares every extended attribute and the inode flags, by name and exact value', () => {
    const acl = { name: 'system.posix_acl_access', hex: '0200000001000700ffffffff' };
    const withAcl: DirSnapshot = { ...snap, xattrs: { state: 'read', entries: [acl, { name: 'user.backup', hex: '31' }] }, flags: { state: 'read', flags: 'A' } };
    expect(snapshotDifferences(withAcl, { ...withAcl, ino: 99 })).toEqual([]);
    const lost: DirSnapshot = { ...withAcl, ino: 99, xattrs: { state: 'read', entries: [{ ...acl, hex: '02' }, { name: 'trusted.x', hex: '' }] }, flags: { state: 'read', flags: '' } };
    expect(snapshotDifferences(withAcl, lost)).toEqual([
      'extended attribute system.posix_acl_access differs',
      'extended attribute user.backup is missing',
      'extended attribute trusted.x was not there before',
      'inode flags are none, were A',
    ]);
  });

  it('counts unreadable attributes as kept only on the same inode, and says they were not compared', () => {
    const unknown: DirSnapshot = { ...snap, label: { state: 'unknown', why: 'no getfattr' }, xattrs: { state: 'unknown', why: 'no getfattr' }, flags: { state: 'unknown', why: 'no lsattr' } };
    expect(snapshotDifferences(unknown, { ...unknown })).toEqual([]);
    expect(uncomparedAttributes(unknown, unknown)).toEqual(['extended attributes (ACLs, SELinux label, user.*, trusted.*): no getfattr', 'inode flags: no lsattr']);
    expect(snapshotDifferences(unknown, { ...unknown, ino: 99 })).toEqual([
      'SELinux label is unknown (no getfattr), was unknown (no getfattr)',
      'extended attributes of the new directory cannot be compared (no getfattr)',
      'inode flags of the new directory cannot be compared (no lsattr)',
    ]);
    expect(uncomparedAttributes(snap, snap)).toEqual([]);
  });

  it("accepts Debian's 01730 maildrop and upstream's 0730 without a warning", () => {
    expect(postfixTableWarnings('maildrop', snap, ids)).toEqual([]);
    expect(postfixTableWarnings('maildrop', { ...snap, mode: 0o730 }, ids)).toEqual([]);
  });

  it('warns (only) when a queue differs from the Postfix table', () => {
    const w = postfixTableWarnings('maildrop', { ...snap, uid: 0, gid: 0, mode: 0o755 }, ids);
    expect(w.join('\n')).toMatch(/owned by uid 0; Postfix expects postfix \(107\)/);
    expect(w.join('\n')).toMatch(/group gid 0; Postfix expects postdrop \(114\)/);
    expect(w.join('\n')).toMatch(/mode 0755; Postfix uses 0730 or 01730/);
    expect(postfixTableWarnings('bounce', { ...snap, gid: 0, mode: 0o700 }, ids)).toEqual([]);
    expect(postfixTableWarnings('not-a-queue', snap, ids)).toEqual([]);
  });
});
