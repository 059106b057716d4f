import { describe, expect, it } from 'vitest';
import { chooseStrategy, reasonWords, type StrategyFacts } from '../../src/core/purge/strategy.js';

const ok: StrategyFacts = {
  dirIsMountPoint: false,
  mountsInside: [],
  parentInodesFree: 1000,
  parentBytesFree: 1 << 30,
  label: { state: 'absent' },
  xattrs: { state: 'read', entries: [] },
  flags: { state: 'read', flags: '' },
  xattrsWritable: true,
  flagsWritable: true,
  selinuxEnabled: false,
  inPlaceRequested: false,
  postsuperRequested: false,
};
const choose = (f: Partial<StrategyFacts>) => chooseStrategy({ ...ok, ...f });
const words = (c: ReturnType<typeof choose>) => c.reasons.map((r) => reasonWords(r));

describe('chooseStrategy', () => {
  it('swaps when nothing stands in the way, and says why', () => {
    const c = choose({});
    expect(c.strategy).toBe('swap');
    expect(words(c).join(' ')).toMatch(/within a second/);
  });

  it('swaps with a label it can copy', () => {
    expect(choose({ label: { state: 'present', hex: '6100', text: 'a' }, selinuxEnabled: true }).strategy).toBe('swap');
  });

  it.each<[string, Partial<StrategyFacts>, RegExp]>([
    ['no free inode', { parentInodesFree: 0 }, /no free inode/],
    ['no free block', { parentBytesFree: 0 }, /no free block/],
    ['DIR is a mount point', { dirIsMountPoint: true }, /mount point/],
    ['a mount inside DIR', { mountsInside: ['/q/maildrop/sub', '/q/maildrop/b'] }, /mounted inside DIR \(\/q\/maildrop\/sub and 1 more\)/],
    ['a label that cannot be written', { xattrs: { state: 'read', entries: [{ name: 'security.selinux', hex: '6100' }] }, xattrsWritable: false }, /extended attributes \(security\.selinux\) that cannot be copied/],
    ['an ACL that cannot be written', { xattrs: { state: 'read', entries: [{ name: 'system.posix_acl_access', hex: '02' }] }, xattrsWritable: false }, /system\.posix_acl_access\) that cannot be copied/],
    ['attributes that cannot be read (no getfattr, SELinux off)', { xattrs: { state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } } }, /extended attributes \(ACLs, SELinux label, user\.\*, trusted\.\*\) cannot be read \(getfattr is not installed/],
    ['SELinux without a way to write labels', { selinuxEnabled: true, xattrsWritable: false }, /SELinux is enabled/],
    ['inode flags that cannot be read', { flags: { state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } } }, /inode flags \(chattr\) cannot be read/],
    ['inode flags that cannot be set', { flags: { state: 'read', flags: 'A' }, flagsWritable: false }, /inode flags \(A\) that cannot be set/],
    ['--in-place', { inPlaceRequested: true }, /--in-place/],
  ])('works in place when %s', (_what, facts, why) => {
    const c = choose(facts);
    expect(c.strategy).toBe('in-place');
    expect(words(c).join('\n')).toMatch(why);
  });

  it('swaps when the filesystem has no xattrs or flags at all (nothing to lose)', () => {
    expect(choose({ xattrs: { state: 'unsupported' }, flags: { state: 'unsupported' }, xattrsWritable: false, flagsWritable: false }).strategy).toBe('swap');
  });

  it('lists every reason that blocks the swap', () => {
    expect(choose({ parentInodesFree: 0, dirIsMountPoint: true }).reasons).toHaveLength(2);
  });

  it('uses postsuper when asked, whatever else holds', () => {
    expect(choose({ postsuperRequested: true, parentInodesFree: 0 }).strategy).toBe('postsuper');
  });
});
