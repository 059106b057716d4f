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

export const CAPTURED: CaptureAllResult = {
  incidentFile: '/dev/shm/incident.md',
  aborted: false,
  items: [
    {
      source: '/var/spool/mail/root',
      ok: true,
      kind: 'mbox',
      lines: [
        { kind: 'head', text: 'mbox /var/spool/mail/root: 4294967296 bytes' },
        { kind: 'when', text: '  first separator: Thu Nov 20 03:14:00 2025' },
        { kind: 'when', text: '  last separator:  Fri Nov 20 03:14:00 2026' },
        { kind: 'count', text: '  captured: first 5 and last 5 messages' },
        { kind: 'hash', text: `  SHA-256 of the captured bytes: ${'1'.repeat(64)}` },
      ],
    },
    {
      source: '/var/spool/postfix/maildrop',
      ok: true,
      kind: 'queue',
      lines: [
        { kind: 'head', text: 'queue /var/spool/postfix/maildrop: directory' },
        { kind: 'count', text: '  files: 98000' },
        { kind: 'when', text: '  oldest: 2026-11-01T00:00:00.000Z 3F2A1' },
        { kind: 'when', text: '  newest: 2026-11-20T03:14:00.000Z 9C0D7' },
        { kind: 'decoder', text: '  envelopes: built-in reader' },
        { kind: 'hash', text: `  SHA-256 of the captured bytes: ${'2'.repeat(64)}` },
      ],
      warning: 'No space left on device. The 512 bytes written were kept.',
    },
    { source: '/var/log/mail.log', ok: false, lines: [], error: '/var/log/mail.log: permission denied' },
  ],
  firstLook: { ok: true, lines: ['mail logs: 1 file(s), 1.0 MiB', '  /var/log/mail.log  1.0 MiB  2026-11-01 00:00 .. 2026-11-20 03:14', '', 'bytes per day (found by seeking, plain files):', '  2026-11-19  1K |#'] },
};
