import { describe, expect, it } from 'vitest';
import { decodeRecords, envelopeFromPostcat, envelopeOf } from '../../src/core/postfix/queue-record.js';
import { bounceLog, maildropFile } from '../../fixtures/lib/queue-file.js';

describe('native queue record decoding', () => {
  const file = maildropFile({
    arrivalMs: Date.UTC(2026, 6, 9, 18, 47, 11),
    sender: 'root',
    recipients: ['root', 'ops@example.test'],
    lines: ['Subject: Cron <root@mail> backup', 'Date: Thu, 9 Jul 2026 18:47:11 +0000', '', 'body line', 'x'.repeat(300)],
  });

  it('reads arrival, sender, recipients and headers from a postdrop file', () => {
    const env = envelopeOf(decodeRecords(file));
    expect(env).toEqual({
      arrival: '2026-07-09T18:47:11.000Z',
      sender: 'root',
      recipients: ['root', 'ops@example.test'],
      headers: ['Subject: Cron <root@mail> backup', 'Date: Thu, 9 Jul 2026 18:47:11 +0000'],
    });
  });

  it('decodes multi-byte lengths and stops cleanly at a cut prefix', () => {
    const recs = decodeRecords(file);
    expect(recs.find((r) => r.data.length === 300)).toBeDefined();
    const cut = decodeRecords(file.subarray(0, file.length - 320));
    expect(cut.length).toBeLessThan(recs.length);
    expect(envelopeOf(cut).recipients).toEqual(['root', 'ops@example.test']);
  });

  it('rejects bytes that are not records (a bounce log, garbage)', () => {
    expect(() => decodeRecords(bounceLog('a@b', '5.1.1', 'no', 'failed'))).toThrow(/does not start a Postfix queue file/);
    expect(() => decodeRecords(Buffer.from([0x54, 0x01, 0x31, 0xf9, 0x00]))).toThrow(/not a Postfix record type/);
    // a length that never ends and one too long to be Postfix's: said in words, never as a code
    expect(() => decodeRecords(Buffer.from([0x54, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(/^offset 0: record length does not end$/);
    expect(() => decodeRecords(Buffer.from([0x54, 0xff, 0xff, 0xff, 0x7f]))).toThrow(/^offset 0: record length 268435455 is implausible$/);
  });

  it('parses postcat -e -h output into the same shape', () => {
    const out = [
      '*** ENVELOPE RECORDS /q/maildrop/C0320AD985C ***',
      'message_arrival_time: Thu Jul  9 18:47:11 2026',
      'named_attribute: rewrite_context=local',
      'sender_fullname: root',
      'sender: ',
      'recipient: root',
      '*** MESSAGE CONTENTS /q/maildrop/C0320AD985C ***',
      'Subject: hello',
      'X-Other: no',
      '*** HEADER EXTRACTED /q/maildrop/C0320AD985C ***',
      '*** MESSAGE FILE END /q/maildrop/C0320AD985C ***',
    ].join('\n');
    expect(envelopeFromPostcat(out)).toEqual({ arrival: 'Thu Jul  9 18:47:11 2026', sender: '', recipients: ['root'], headers: ['Subject: hello'] });
  });
});
