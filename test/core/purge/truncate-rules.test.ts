import { describe, expect, it } from 'vitest';
import { INCIDENT_MARGIN, incidentRoomRefusal, LATE_LIMIT, lateMailDecision, neededIncidentBytes, OWN_SECTION, spoolWriteRefusal, type IncidentRoomFacts } from '../../../src/core/truncate/rules.js';

// The truncate rails as pure decisions over measured facts: who may write the spool, whether the
// incident file can take the record, and the fate of mail that arrived after the capture.

describe('spoolWriteRefusal', () => {
  it.each([
    [undefined, null],
    ['EROFS', 'read-only'],
    ['EACCES', 'needs-root'],
    ['EPERM', 'needs-root'],
    ['EIO', null],
  ] as [string | undefined, string | null][])('access error %s -> %s', (code, expected) => {
    const r = spoolWriteRefusal('/var/mail/root', code);
    expect(r?.refused.code ?? null).toBe(expected);
    if (r) expect(r.refused.reason).toMatch(/^(\/var\/mail\/root is on a read-only filesystem|no permission to write \/var\/mail\/root; truncating needs root \(or the owner\)); nothing was changed$/);
  });
});

describe('incidentRoomRefusal', () => {
  const roomy: IncidentRoomFacts = { file: '/run/i.md', mount: '/run', readOnly: false, availBytes: 10 << 20, exists: false, inodes: 1000, inodesFree: 10 };
  it.each([
    ['room enough', {}, 1000, null],
    ['read-only', { readOnly: true }, 1000, 'incident-read-only'],
    ['just enough bytes', { availBytes: 1000 + INCIDENT_MARGIN }, 1000, null],
    ['one byte short', { availBytes: 999 + INCIDENT_MARGIN }, 1000, 'incident-no-room'],
    ['no inode for a new file', { inodesFree: 0 }, 1000, 'incident-no-room'],
    ['no inode, file exists', { inodesFree: 0, exists: true }, 1000, null],
    ['no inode count (btrfs)', { inodesFree: 0, inodes: 0 }, 1000, null],
  ] as [string, Partial<IncidentRoomFacts>, number, string | null][])('%s', (_name, over, bytes, code) => {
    expect(incidentRoomRefusal({ ...roomy, ...over }, bytes)?.refused.code ?? null).toBe(code);
  });

  it('says how much is free and how much is needed', () => {
    const r = incidentRoomRefusal({ ...roomy, availBytes: 100 }, 50)!;
    expect(r.refused.reason).toBe(`/run has 100 bytes free, the incident file /run/i.md needs up to ${50 + INCIDENT_MARGIN}; the truncation could not be recorded, so nothing was changed`);
  });
});

describe('neededIncidentBytes', () => {
  it('is the own section plus 4 bytes per late byte, capped at the late limit', () => {
    expect(neededIncidentBytes(0)).toBe(OWN_SECTION);
    expect(neededIncidentBytes(10)).toBe(OWN_SECTION + 40);
    expect(neededIncidentBytes(LATE_LIMIT * 2)).toBe(OWN_SECTION + 4 * LATE_LIMIT);
  });
});

describe('lateMailDecision', () => {
  const f = { shown: '/var/mail/root', size: 1000, capturedSize: 1000, acceptLoss: false, hasIncidentFile: true };
  it.each([
    ['nothing arrived', {}, { fate: 'none', bytes: 0 }],
    ['late mail, kept', { size: 1500 }, { fate: 'keep', bytes: 500 }],
    ['shrank', { size: 10 }, 'spool-shrank'],
    ['shrank, loss accepted', { size: 10, acceptLoss: true }, { fate: 'lost', bytes: 0 }],
    ['late mail, no incident file', { size: 1500, hasIncidentFile: false }, 'late-mail'],
    ['late mail, no incident file, loss accepted', { size: 1500, hasIncidentFile: false, acceptLoss: true }, { fate: 'lost', bytes: 500 }],
    ['more late mail than kept under the lock', { size: 1000 + LATE_LIMIT + 1 }, 'late-mail'],
    ['too much, loss accepted', { size: 1000 + LATE_LIMIT + 1, acceptLoss: true }, { fate: 'lost', bytes: LATE_LIMIT + 1 }],
  ] as [string, Partial<typeof f>, object | string][])('%s', (_name, over, expected) => {
    const d = lateMailDecision({ ...f, ...over });
    if (typeof expected === 'string') {
      expect('refused' in d && d.refused.code).toBe(expected);
      expect('refused' in d && d.refused.hint).toContain('--accept-loss');
    } else expect(d).toEqual(expected);
  });

  it('words why late mail cannot be kept', () => {
    const d = lateMailDecision({ ...f, size: 1500, hasIncidentFile: false });
    expect('refused' in d && d.refused.reason).toBe('500 bytes reached /var/mail/root after the capture and there is no incident file to keep them in; nothing was changed');
  });
});
