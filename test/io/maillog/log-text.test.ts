import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { logText } from '../../../src/core/maillog/log-text.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { isRefusal, planMaillog, runMaillog } from '../../../src/ops/maillog.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// The full pass reads bytes as latin1 for speed; what it reports must be the text the log holds:
// UTF-8 read as UTF-8 (addresses, logins, remote replies), and bytes that are not UTF-8 kept as
// latin1 rather than lost. Real files, plain and gzip, through the op the CLI uses.

const tmp = makeTempDir('maillog-text', '/var/tmp');
afterAll(tmp.cleanup);
const paths = createSystemPaths(undefined, tmp.dir);

const LINES = [
  'Dec 20 10:00:00 mx postfix/smtpd[12]: 4ABC123DEF: client=a.example[192.0.2.7], sasl_method=PLAIN, sasl_username=jörg.müller',
  'Dec 20 10:00:01 mx postfix/smtp[123]: 4ABC123DEF: to=<jörg@exämple.de>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (host exämple.de said: 452 Postfach voll – «später»)',
  'Dec 20 10:05:01 mx postfix/smtp[123]: 4ABC123DEF: to=<jörg@exämple.de>, relay=none, delay=301, delays=1/0/0/300, dsn=4.4.1, status=deferred (host exämple.de said: 452 Postfach voll – «später»)',
  'Dec 20 10:15:01 mx postfix/smtp[123]: 4ABC123DEF: to=<jörg@exämple.de>, relay=none, delay=901, delays=1/0/0/900, dsn=4.4.1, status=deferred (host exämple.de said: 452 Postfach voll – «später»)',
];
// One reply in an old 8-bit charset: the byte 0xE9 alone is not UTF-8.
const LATIN1_LINE = Buffer.concat([Buffer.from('Dec 20 10:06:00 mx postfix/smtp[123]: 5BCD234EF0: to=<x@y.example>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (host y.example said: caf'), Buffer.from([0xe9]), Buffer.from(' ferm\n')]);

function write(name: string, gzip: boolean): string {
  const file = path.join(tmp.dir, name);
  const bytes = Buffer.concat([Buffer.from(LINES.join('\n') + '\n', 'utf8'), LATIN1_LINE]);
  fs.writeFileSync(file, gzip ? zlib.gzipSync(bytes) : bytes);
  fs.utimesSync(file, new Date('2026-12-21T00:00:00Z'), new Date('2026-12-21T00:00:00Z'));
  return file;
}

async function report(file: string) {
  const plan = await planMaillog({ files: [file], paths });
  if (isRefusal(plan)) throw new Error(plan.refused.reason);
  return (await runMaillog(plan)).report;
}

describe('maillog text is decoded as the log wrote it', () => {
  for (const gzip of [false, true]) {
    it(`UTF-8 stays UTF-8 and 8-bit bytes stay latin1 (${gzip ? 'gzip' : 'plain'})`, async () => {
      const r = await report(write(gzip ? 'maillog.gz' : 'maillog', gzip));
      expect(r.senders.saslLogins).toEqual([{ key: 'jörg.müller', count: 1 }]);
      expect(r.destinations.map((d) => d.domain).sort()).toEqual(['exämple.de', 'y.example']);
      const reasons = r.reasons.map((x) => x.reason).join('\n');
      expect(reasons).toContain('Postfach voll – «später»');
      expect(reasons).toContain('café ferm');
      expect(reasons).not.toMatch(/Ã|Â|â/);
      expect(r.topRetried[0].recipient).toBe('jörg@exämple.de');
      expect(r.topRetried[0].reason).toContain('Postfach voll – «später»');
    });
  }
});

describe('logText', () => {
  it('decodes valid UTF-8 held as latin1, keeps other bytes and ASCII as they are', () => {
    expect(logText(Buffer.from('Grüße – ok', 'utf8').toString('latin1'))).toBe('Grüße – ok');
    expect(logText('caf\u00e9')).toBe('café');
    expect(logText('plain ascii')).toBe('plain ascii');
    expect(logText(Buffer.from([0xc3, 0x28]).toString('latin1'))).toBe('\u00c3(');
  });
});
