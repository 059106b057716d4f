import { describe, expect, it } from 'vitest';
import { buildRescuePlan, findCulprit, planOutline } from '../../../src/core/plan/rescue-plan.js';
import type { Suspect } from '../../../src/core/suspects/rank.js';
import { dfFlag } from '../../../src/core/disks/model.js';
import { DISKS, FULL_VAR, fsRow } from '../../ui/fake-ports.js';
import { speak } from '../../../src/core/i18n/speak.js';

// The plan from plain facts: which flagged filesystem and culprit, which sources, which steps.

const suspect = (over: Partial<Suspect>): Suspect => ({ path: '/var/spool/postfix/maildrop', hostPath: '/var/spool/postfix/maildrop', kind: 'queue', name: { word: 'queue', of: 'maildrop' }, label: 'maildrop queue', estimatedEntries: 5000, bytes: 1 << 20, reason: 'r', devId: FULL_VAR.devId, mount: '/var', fstype: 'ext4', ...over });
const MAILDROP = suspect({});
const LOG = suspect({ path: '/var/log/maillog', hostPath: '/var/log/maillog', kind: 'mail-log', label: 'mail log', estimatedEntries: null, bytes: 2 << 30 });
const ROOT_BOX = suspect({ path: '/var/spool/mail/root', hostPath: '/var/spool/mail/root', kind: 'mailbox', label: "root's mailbox", estimatedEntries: null, bytes: 3 << 30 });
const MAIL_PATHS = [
  { path: '/var/spool/mail/root', label: "root's mailbox", kind: 'spool-file' as const, exists: true, sizeBytes: 100 },
  { path: '/var/spool/mail', label: 'mail spool', kind: 'spool-dir' as const, exists: true, sizeBytes: 4096 },
  { path: '/var/log/maillog', label: 'mail log', kind: 'log-file' as const, exists: true, sizeBytes: 10 },
  { path: '/var/log/mail.log', label: 'mail log', kind: 'log-file' as const, exists: false, sizeBytes: null },
];
const DEST = { mount: '/dev/shm', file: '/dev/shm/i.md' };

describe('findCulprit', () => {
  it.each([
    ['no suspects looked at', undefined, null],
    ['a culprit on a filesystem that is not flagged', [suspect({ devId: '254:1', mount: '/' })], null],
    ['only a log on the flagged filesystem (the free walk handles logs)', [LOG], null],
    ['the queue, past a bigger log', [LOG, MAILDROP], '/var/spool/postfix/maildrop'],
    ['a mailbox', [ROOT_BOX], '/var/spool/mail/root'],
  ])('%s', (_what, suspects, expected) => {
    const c = findCulprit({ ...DISKS, suspects });
    expect(c?.suspect.hostPath ?? null).toBe(expected);
  });

  it('prefers the selected filesystem over a fuller one', () => {
    const other = fsRow('/srv', { devId: '9:9', usePercent: 80, inodeUsePercent: 95, flags: [dfFlag({ code: 'inodes-full', inodeUsePercent: 95, inodesFree: 50 })] });
    const report = { ...DISKS, filesystems: [...DISKS.filesystems, other], suspects: [MAILDROP, suspect({ hostPath: '/srv/q', path: '/srv/q', devId: '9:9', mount: '/srv' })] };
    expect(findCulprit(report)!.fs.mount).toBe('/var');
    expect(findCulprit(report, '9:9')!.fs.mount).toBe('/srv');
  });
});

describe('buildRescuePlan', () => {
  it("a queue: root's mailbox, the queue and the existing log in one capture, then purge, mail flow, summary", () => {
    const plan = buildRescuePlan(findCulprit({ ...DISKS, suspects: [MAILDROP] })!, MAIL_PATHS, DEST, true);
    expect(plan.steps).toEqual([
      { kind: 'capture', incidentFile: '/dev/shm/i.md', sources: [{ path: '/var/spool/mail/root', label: "root's mailbox" }, { path: '/var/spool/postfix/maildrop', label: 'maildrop queue' }, { path: '/var/log/maillog', label: 'mail log' }], maillogs: ['/var/log/maillog'] },
      { kind: 'empty', target: { path: '/var/spool/postfix/maildrop', kind: 'dir', label: 'maildrop queue' } },
      { kind: 'mailflow' },
      { kind: 'summary' },
    ]);
    expect(planOutline(plan.culprit, true)).toBe('evidence, purge maildrop, mail flow, summary');
  });

  it('a mailbox is captured once and truncated; no room for evidence and no mail flow leave those steps out', () => {
    const plan = buildRescuePlan(findCulprit({ ...DISKS, suspects: [ROOT_BOX] })!, MAIL_PATHS, null, false);
    expect(plan.steps).toEqual([{ kind: 'empty', target: { path: '/var/spool/mail/root', kind: 'file', label: "root's mailbox" } }, { kind: 'summary' }]);
    expect(planOutline(plan.culprit, false)).toBe('evidence, truncate root, summary');
    speak('ja');
    try {
      expect(planOutline(plan.culprit, false)).toBe('証跡、root を切り詰め、まとめ');
      const queue = buildRescuePlan(findCulprit({ ...DISKS, suspects: [MAILDROP] })!, MAIL_PATHS, DEST, true);
      expect(planOutline(queue.culprit, true)).toBe('証跡、maildrop を削除 (purge)、メール配送の確認、まとめ');
    } finally {
      speak('en');
    }
    const withRoom = buildRescuePlan(findCulprit({ ...DISKS, suspects: [ROOT_BOX] })!, MAIL_PATHS, DEST, false);
    const capture = withRoom.steps[0];
    expect(capture.kind === 'capture' && capture.sources.map((s) => s.path)).toEqual(['/var/spool/mail/root', '/var/log/maillog']);
  });
});
