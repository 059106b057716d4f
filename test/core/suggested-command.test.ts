import { describe, expect, it } from 'vitest';
import { shellWord, spoolrescueCommand } from '../../src/core/suggested-command.js';

describe('spoolrescueCommand', () => {
  it('repeats --root and --postfix-config when they are in effect, and only then', () => {
    expect(spoolrescueCommand(['ls', '/var/spool/mail'], {})).toBe('spoolrescue ls /var/spool/mail');
    expect(spoolrescueCommand(['ls', '/var/spool/mail'], { root: '/srv/demo' })).toBe('spoolrescue ls /var/spool/mail --root /srv/demo');
    expect(spoolrescueCommand(['capture', '/var/mail/root', '--incident', '/dev/shm/i.md'], { root: '/mnt/sda1', postfixConfig: '/mnt/sda1/etc/postfix' })).toBe(
      'spoolrescue capture /var/mail/root --incident /dev/shm/i.md --root /mnt/sda1 --postfix-config /mnt/sda1/etc/postfix',
    );
  });

  it('quotes words a shell would split or expand', () => {
    expect(shellWord('/srv/my demo')).toBe("'/srv/my demo'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('$(reboot)')).toBe("'$(reboot)'");
    expect(shellWord('*')).toBe("'*'");
    expect(spoolrescueCommand(['ls', 'a b'], { root: '/x y' })).toBe("spoolrescue ls 'a b' --root '/x y'");
  });
});
