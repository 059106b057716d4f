import { describe, expect, it } from 'vitest';
import { flagDifferences, formatXattrs, parseGetfattrDump, parseLsattrFlags, xattrDifferences } from '../../src/core/purge/dir-attrs.js';

describe('directory attributes as getfattr and lsattr print them', () => {
  it('reads every attribute of a getfattr -d -m - -e hex dump, sorted, names unescaped', () => {
    const out = '# file: /q/maildrop\nuser.foo=0x626172\nsystem.posix_acl_access=0x0200000001000700FFFFFFFF\ntrusted.empty\nuser.with\\040space=0x31\n\n';
    expect(parseGetfattrDump(out)).toEqual([
      { name: 'system.posix_acl_access', hex: '0200000001000700ffffffff' },
      { name: 'trusted.empty', hex: '' },
      { name: 'user.foo', hex: '626172' },
      { name: 'user.with space', hex: '31' },
    ]);
    expect(parseGetfattrDump('')).toEqual([]);
  });

  it("keeps only the flags chattr can set (not ext4's own e, I, N, E, V, h)", () => {
    expect(parseLsattrFlags('----i--A-----e-I-- /q/maildrop\n')).toBe('Ai');
    expect(parseLsattrFlags('--------------e------- /q')).toBe('');
    expect(parseLsattrFlags('lsattr: garbage')).toBeUndefined();
  });

  it('never takes unknown for none', () => {
    expect(xattrDifferences({ state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } }, { state: 'read', entries: [] })).toBeUndefined();
    expect(flagDifferences({ state: 'read', flags: '' }, { state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } })).toBeUndefined();
    expect(xattrDifferences({ state: 'unsupported' }, { state: 'read', entries: [] })).toEqual([]);
    expect(formatXattrs({ state: 'unknown', why: { code: 'tool-missing', tool: 'getfattr', package: 'attr' } })).toBe('unknown (getfattr is not installed (package attr))');
  });
});
