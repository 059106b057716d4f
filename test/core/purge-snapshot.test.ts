import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth, wrapText } from '../../src/core/text/text-fit.js';
import { differencesWords, notComparedWords, tableWarningWords } from '../../src/core/purge/attr-words.js';
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
    const d = differencesWords(snapshotDifferences(snap, { ...snap, uid: 0, gid: 0, mode: 0o730, label: { state: 'absent' } }));
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
    expect(differencesWords(snapshotDifferences(withAcl, lost))).toEqual([
      'extended attribute system.posix_acl_access differs',
      'extended attribute user.backup is missing',
      'extended attribute trusted.x was not there before',
      'inode flags are none, were A',
    ]);
  });

  it('counts unreadable attributes as kept only on the same inode, and says they were not compared', () => {
    const unknown: DirSnapshot = { ...snap, label: { state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } }, xattrs: { state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } }, flags: { state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } } };
    expect(snapshotDifferences(unknown, { ...unknown })).toEqual([]);
    expect(uncomparedAttributes(unknown, unknown).map((x) => notComparedWords(x))).toEqual(['extended attributes (ACLs, SELinux label, user.*, trusted.*): getfattr is not installed (package attr)', 'inode flags: lsattr is not installed (package e2fsprogs)']);
    expect(differencesWords(snapshotDifferences(unknown, { ...unknown, ino: 99 }))).toEqual([
      'SELinux label is unknown (getfattr is not installed (package attr)), was unknown (getfattr is not installed (package attr))',
      'extended attributes of the new directory cannot be compared (getfattr is not installed (package attr))',
      'inode flags of the new directory cannot be compared (lsattr is not installed (package e2fsprogs))',
    ]);
    expect(uncomparedAttributes(snap, snap)).toEqual([]);
  });

  it("accepts Debian's 01730 maildrop and upstream's 0730 without a warning", () => {
    expect(postfixTableWarnings('maildrop', snap, ids)).toEqual([]);
    expect(postfixTableWarnings('maildrop', { ...snap, mode: 0o730 }, ids)).toEqual([]);
  });

  it('warns (only) when a queue differs from the Postfix table', () => {
    const w = postfixTableWarnings('maildrop', { ...snap, uid: 0, gid: 0, mode: 0o755 }, ids).map((x) => tableWarningWords(x));
    expect(w.join('\n')).toMatch(/owned by uid 0; Postfix expects postfix \(107\)/);
    expect(w.join('\n')).toMatch(/group gid 0; Postfix expects postdrop \(114\)/);
    expect(w.join('\n')).toMatch(/mode 0755; Postfix uses 0730 or 01730/);
    expect(postfixTableWarnings('bounce', { ...snap, gid: 0, mode: 0o700 }, ids)).toEqual([]);
    expect(postfixTableWarnings('not-a-queue', snap, ids)).toEqual([]);
  });

  describe('in Japanese', () => {
    afterEach(() => speak('en'));

    it('words the differences, the uncompared attributes and the table warnings in Japanese within 80 columns', () => {
      const lost: DirSnapshot = { ...snap, ino: 99, uid: 0, mode: 0o730, label: { state: 'absent' }, xattrs: { state: 'read', entries: [{ name: 'user.x', hex: '31' }] }, flags: { state: 'read', flags: 'A' } };
      const diffs = snapshotDifferences(snap, lost);
      speak('ja');
      const words = differencesWords(diffs);
      expect(words).toEqual([
        '所有者が uid 0 です（元は 107）',
        'モードが 0730 です（元は 01730）',
        'SELinux ラベルが なし です（元は system_u:object_r:postfix_spool_t:s0）',
        '拡張属性 user.x は元はありませんでした',
        'inode フラグが A です（元は なし）',
      ]);
      const unknown: DirSnapshot = { ...snap, xattrs: { state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } }, flags: { state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } } };
      const nc = uncomparedAttributes(unknown, unknown).map((x) => notComparedWords(x));
      expect(nc).toEqual(['拡張属性（ACL、SELinux ラベル、user.*、trusted.*）: getfattr はインストールされていません（パッケージ attr）', 'inode フラグ: lsattr はインストールされていません（パッケージ e2fsprogs）']);
      const w = postfixTableWarnings('maildrop', { ...snap, uid: 0, gid: 0, mode: 0o755 }, ids).map((x) => tableWarningWords(x));
      expect(w).toEqual([
        'maildrop の所有者は uid 0 です。Postfix は postfix (107) を想定しています',
        'maildrop のグループは gid 0 です。Postfix は postdrop (114) を想定しています',
        'maildrop のモードは 0755 です。Postfix は 0730 または 01730 を使います（そのまま保ちます）',
      ]);
      // the English words (what --json carries) do not depend on the run's language
      expect(differencesWords(diffs, 'en')[1]).toBe('mode is 0730, was 01730');
      // as the CLI and the walk show them: wrapped by display width
      for (const l of [...words, ...nc, ...w]) for (const part of wrapText(l, 80, '    ')) expect(displayWidth(part)).toBeLessThanOrEqual(80);
    });
  });
});
