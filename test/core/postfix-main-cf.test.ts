import { describe, expect, it } from 'vitest';
import { mainCfValue, parseMainCf } from '../../src/core/postfix/main-cf.js';

describe('main.cf reader', () => {
  const cf = parseMainCf(
    [
      '# comment',
      'queue_directory = /var/spool/postfix',
      '  # indented comment',
      'mydestination = $myhostname,',
      '    localhost.$mydomain',
      'myhostname = mail.example.test',
      'mydomain=example.test',
      'mail_spool_directory = ${queue_directory}/../mail',
      'queue_directory = /srv/queue',
      '',
    ].join('\n'),
  );
  it('joins continuation lines and lets later lines win', () => {
    expect(cf.get('mydestination')).toBe('$myhostname, localhost.$mydomain');
    expect(cf.get('queue_directory')).toBe('/srv/queue');
  });
  it('expands $name and ${name}, falling back to Postfix defaults', () => {
    expect(mainCfValue(cf, 'mydestination')).toBe('mail.example.test, localhost.example.test');
    expect(mainCfValue(cf, 'mail_spool_directory')).toBe('/srv/queue/../mail');
    expect(mainCfValue(cf, 'setgid_group')).toBe('postdrop');
    expect(mainCfValue(new Map(), 'queue_directory')).toBe('/var/spool/postfix');
  });
  it('does not loop on self-reference', () => {
    expect(mainCfValue(parseMainCf('a = $a'), 'a')).toBe('$a');
  });
});
