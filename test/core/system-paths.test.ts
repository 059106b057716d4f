import { describe, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';

describe('system paths (--root)', () => {
  const live = createSystemPaths(undefined, '/home/op');
  const rooted = createSystemPaths('/srv/fx/', '/home/op');

  it('leaves the live system as it is', () => {
    expect(live.root).toBeUndefined();
    expect(live.sys('/var/spool/postfix')).toBe('/var/spool/postfix');
    expect(live.arg('spool')).toBe('/home/op/spool');
    expect(live.toSystem('/var/mail/root')).toBe('/var/mail/root');
  });

  it('maps system paths under the root, but never /proc', () => {
    expect(rooted.root).toBe('/srv/fx');
    expect(rooted.sys('/')).toBe('/srv/fx');
    expect(rooted.sys('/var/spool/postfix/maildrop')).toBe('/srv/fx/var/spool/postfix/maildrop');
    expect(rooted.sys('/proc/self/mountinfo')).toBe('/proc/self/mountinfo');
    expect(rooted.sys('/processes')).toBe('/srv/fx/processes');
  });

  it('maps typed absolute paths, keeps those already under the root and relative ones', () => {
    expect(rooted.arg('/var/spool/mail/root')).toBe('/srv/fx/var/spool/mail/root');
    expect(rooted.arg('/srv/fx/var/log/maillog')).toBe('/srv/fx/var/log/maillog');
    expect(rooted.arg('var/log')).toBe('/home/op/var/log');
  });

  it('turns host paths back into system paths for tagging and messages', () => {
    expect(rooted.toSystem('/srv/fx/var/spool/postfix')).toBe('/var/spool/postfix');
    expect(rooted.toSystem('/srv/fx')).toBe('/');
    expect(rooted.toSystem('/srv/fxother/a')).toBe('/srv/fxother/a');
  });

  it('treats --root / as the live system', () => {
    expect(createSystemPaths('/').root).toBeUndefined();
  });

  it('refuses relative system paths (a bug, not input)', () => {
    expect(() => rooted.sys('var')).toThrow();
  });
});
