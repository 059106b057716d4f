import { buildRescuePlan, findCulprit } from '../../../src/core/plan/rescue-plan.js';
import type { Suspect } from '../../../src/core/suspects/rank.js';
import type { CaptureAllResult, DfReport } from '../../../src/ui/ports/index.js';
import { DISKS, FULL_VAR } from '../fake-ports.js';

// What the Plan screen's tests (English and Japanese) show: /var flooded by a maildrop queue of
// ~98,000 entries (the Disks screen's tests name it too), root's mailbox and the mail log as the
// other sources, the incident file on /dev/shm, and a capture of the three (the mail log
// unreadable).

// The maildrop queue of /var as the Disks screen names it, with what a test changes.
export function maildropSuspect(o: Partial<Suspect> = {}): Suspect {
  return {
    path: '/var/spool/postfix/maildrop',
    hostPath: '/var/spool/postfix/maildrop',
    kind: 'queue',
    name: { word: 'queue', of: 'maildrop' },
    label: 'maildrop queue',
    estimatedEntries: 98_000,
    bytes: 4 * 2 ** 20,
    reason: 'maildrop queue: the directory itself is 4.0 MiB',
    devId: FULL_VAR.devId,
    mount: '/var',
    fstype: 'ext4',
    ...o,
  };
}
export const MAILDROP: Suspect = maildropSuspect();
export const REPORT: DfReport = { ...DISKS, suspects: [MAILDROP] };
export const MAIL_PATHS = [
  { path: '/var/spool/mail/root', label: "root's mailbox", kind: 'spool-file' as const, exists: true, sizeBytes: 4 * 2 ** 30 },
  { path: '/var/log/mail.log', label: 'mail log', kind: 'log-file' as const, exists: true, sizeBytes: 2 ** 20 },
];
export const PLAN = buildRescuePlan(findCulprit(REPORT)!, MAIL_PATHS, { mount: '/dev/shm', file: '/dev/shm/incident.md' }, true);

// The words of a capture's lines (the port words them in the run's language); the rest is facts.
export interface CaptureWords {
  mboxHead: string;
  firstSeparator: string;
  lastSeparator: string;
  count: string;
  hashOf: (hex: string) => string;
  queueHead: string;
  files: string;
  oldest: string;
  newest: string;
  decoder: string;
  noSpace: string;
  denied: string;
}

// The capture of the three sources: root's mailbox and the maildrop queue captured (the queue's
// incident section cut by a full disk), the mail log refused; its lines in the given words.
export function capturedIn(t: CaptureWords): CaptureAllResult {
  return {
    incidentFile: '/dev/shm/incident.md',
    aborted: false,
    items: [
      {
        source: '/var/spool/mail/root',
        ok: true,
        kind: 'mbox',
        lines: [
          { kind: 'head', text: t.mboxHead },
          { kind: 'when', text: `  ${t.firstSeparator} Thu Nov 20 03:14:00 2025` },
          { kind: 'when', text: `  ${t.lastSeparator} Fri Nov 20 03:14:00 2026` },
          { kind: 'count', text: `  ${t.count}` },
          { kind: 'hash', text: `  ${t.hashOf('1'.repeat(64))}` },
        ],
      },
      {
        source: '/var/spool/postfix/maildrop',
        ok: true,
        kind: 'queue',
        lines: [
          { kind: 'head', text: t.queueHead },
          { kind: 'count', text: `  ${t.files} 98000` },
          { kind: 'when', text: `  ${t.oldest} 2026-11-01T00:00:00.000Z 3F2A1` },
          { kind: 'when', text: `  ${t.newest} 2026-11-20T03:14:00.000Z 9C0D7` },
          { kind: 'decoder', text: `  ${t.decoder}` },
          { kind: 'hash', text: `  ${t.hashOf('2'.repeat(64))}` },
        ],
        warning: t.noSpace,
      },
      { source: '/var/log/mail.log', ok: false, lines: [], error: `/var/log/mail.log: ${t.denied}` },
    ],
    firstLook: { ok: true, lines: ['mail logs: 1 file(s), 1.0 MiB', '  /var/log/mail.log  1.0 MiB  2026-11-01 00:00 .. 2026-11-20 03:14', '', 'bytes per day (found by seeking, plain files):', '  2026-11-19  1K |#'] },
  };
}

export const CAPTURED: CaptureAllResult = capturedIn({
  mboxHead: 'mbox /var/spool/mail/root: 4294967296 bytes',
  firstSeparator: 'first separator:',
  lastSeparator: 'last separator: ',
  count: 'captured: first 5 and last 5 messages',
  hashOf: (hex) => `SHA-256 of the captured bytes: ${hex}`,
  queueHead: 'queue /var/spool/postfix/maildrop: directory',
  files: 'files:',
  oldest: 'oldest:',
  newest: 'newest:',
  decoder: 'envelopes: built-in reader',
  noSpace: 'No space left on device. The 512 bytes written were kept.',
  denied: 'permission denied',
});
