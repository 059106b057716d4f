import { describe, expect, it } from 'vitest';
import { chooseStrategy, type StrategyFacts } from '../../src/core/purge-strategy.js';

const ok: StrategyFacts = {
  dirIsMountPoint: false,
  mountsInside: [],
  parentInodesFree: 1000,
  parentBytesFree: 1 << 30,
  label: { state: 'absent' },
  labelWritable: true,
  selinuxEnabled: false,
  inPlaceRequested: false,
  postsuperRequested: false,
};
const choose = (f: Partial<StrategyFacts>) => chooseStrategy({ ...ok, ...f });

describe('chooseStrategy', () => {
  it('swaps when nothing stands in the way, and says why', () => {
    const c = choose({});
    expect(c.strategy).toBe('swap');
    expect(c.reasons.join(' ')).toMatch(/within a second/);
  });

  it('swaps with a label it can copy', () => {
    expect(choose({ label: { state: 'present', hex: '6100', text: 'a' }, selinuxEnabled: true }).strategy).toBe('swap');
  });

  it.each<[string, Partial<StrategyFacts>, RegExp]>([
    ['no free inode', { parentInodesFree: 0 }, /no free inode/],
    ['no free block', { parentBytesFree: 0 }, /no free block/],
    ['DIR is a mount point', { dirIsMountPoint: true }, /mount point/],
    ['a mount inside DIR', { mountsInside: ['/q/maildrop/sub', '/q/maildrop/b'] }, /mounted inside DIR \(\/q\/maildrop\/sub and 1 more\)/],
    ['a label that cannot be written', { label: { state: 'present', hex: '6100', text: 'a' }, labelWritable: false }, /cannot be copied/],
    ['a label that cannot be read on SELinux', { label: { state: 'unknown', why: 'getfattr is not installed' }, selinuxEnabled: true }, /cannot be read \(getfattr is not installed\)/],
    ['SELinux without a way to write labels', { selinuxEnabled: true, labelWritable: false }, /SELinux is enabled/],
    ['--in-place', { inPlaceRequested: true }, /--in-place/],
  ])('works in place when %s', (_what, facts, why) => {
    const c = choose(facts);
    expect(c.strategy).toBe('in-place');
    expect(c.reasons.join('\n')).toMatch(why);
  });

  it('lists every reason that blocks the swap', () => {
    expect(choose({ parentInodesFree: 0, dirIsMountPoint: true }).reasons).toHaveLength(2);
  });

  it('uses postsuper when asked, whatever else holds', () => {
    expect(choose({ postsuperRequested: true, parentInodesFree: 0 }).strategy).toBe('postsuper');
  });
});
