import { describe, expect, it } from 'vitest';
import { vocabularyBreaches } from './vocabulary.js';

// The checker itself: it must catch each breach the vocabulary forbids, and pass what it allows.
describe('the vocabulary checker', () => {
  it('passes a document that speaks the vocabulary, Postfix names and quoted text included', () => {
    const doc = {
      schemaVersion: 1,
      path: '/var/spool/postfix/maildrop',
      hostPath: '/tmp/r/var/spool/postfix/maildrop',
      sizeBytes: 10,
      inodesFree: 3,
      usePercent: 4,
      skippedCount: 2,
      time: '2026-12-01T20:15:03.000Z',
      durationMs: 0,
      message_size: 812,
      file_bytes: 4096,
      fromLine: 'From root  Thu Nov 20 03:14:00 2025',
      log: { first: ['Nov 20 03:14:00 mx postfix/qmgr[1]: x'] },
      day: '2026-12-01',
    };
    expect(vocabularyBreaches(doc, '/tmp/r')).toEqual([]);
  });

  it('names each breach', () => {
    const doc = { path: '/tmp/r/var/mail', size: 10, bytesFree: 5, mtime: 'Thu Nov 20 03:14:00 2025', local: '2025-11-20T03:14:00', durationMs: 2.5, waitMs: -1 };
    expect(vocabularyBreaches(doc, '/tmp/r')).toEqual([
      'schemaVersion is not 1',
      "$.path: /tmp/r/var/mail is the host's path, not the rescued system's",
      '$.size: a byte count whose name does not end in Bytes',
      '$.bytesFree: a byte count whose name does not end in Bytes',
      '$.mtime: the time "Thu Nov 20 03:14:00 2025" is not ISO 8601 with an offset',
      '$.local: the time "2025-11-20T03:14:00" is not ISO 8601 with an offset',
      '$.durationMs: 2.5 is not a non-negative whole number of milliseconds',
      '$.waitMs: -1 is not a non-negative whole number of milliseconds',
    ]);
  });
});
