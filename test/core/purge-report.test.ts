import { describe, expect, it } from 'vitest';
import { purgeIncidentSection } from '../../src/core/purge/incident.js';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth, wrapText } from '../../src/core/text/text-fit.js';
import { planJson, planLines, type PurgePlan } from '../../src/core/purge/plan.js';
import { purgeJson, purgeSummaryLines, type PurgeReport } from '../../src/core/purge/report.js';
import { purgeFailures, type PurgeOutcome, type PurgeVerification } from '../../src/core/purge/result.js';
import type { DirSnapshot } from '../../src/core/purge/snapshot.js';

const snapshot: DirSnapshot = {
  uid: 107,
  gid: 114,
  owner: 'postfix',
  group: 'postdrop',
  mode: 0o1730,
  dev: 1,
  ino: 2,
  label: { state: 'present', hex: '6100', text: 'a' },
  xattrs: { state: 'read', entries: [{ name: 'security.selinux', hex: '6100' }] },
  flags: { state: 'read', flags: '' },
};
const plan: PurgePlan = {
  dir: '/var/spool/postfix/maildrop',
  shownDir: '/var/spool/postfix/maildrop',
  target: { kind: 'postfix-queue', queueName: 'maildrop', allowedByDefault: true, place: { code: 'queue', name: 'maildrop' } },
  exists: true,
  snapshot: { ...snapshot },
  snapshotOf: '/var/spool/postfix/maildrop',
  tableWarnings: [],
  postfix: { configDir: '/etc/postfix', queueDirectory: '/var/spool/postfix', installed: true, settingsFrom: 'postconf', running: false, how: 'postfix -c /etc/postfix status: not running' },
  strategy: { strategy: 'swap', reasons: [{ code: 'in-place-asked' }] },
  filesystem: { mount: '/', fstype: 'ext4', inodesFree: 0, bytesFree: 1 << 20 },
  mountsInside: [],
  count: { entries: 1_000_000, bytes: 4 * 2 ** 30, skipped: [{ name: Buffer.from('mnt\n'), reason: { code: 'mount-point' } }], skippedCount: 1 },
  leftovers: [{ kind: 'aside', name: '.maildrop.spoolrescue-purge-20260101T000000Z-1', path: '/var/spool/postfix/.maildrop.spoolrescue-purge-20260101T000000Z-1' }],
  labelTools: { getfattr: true, setfattr: true, lsattr: true, selinux: false },
  warnings: [],
};
const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`${prefix}${i}`));
const outcome: PurgeOutcome = {
  strategyUsed: 'swap',
  removed: 1_000_000,
  bytes: 4 * 2 ** 30,
  errors: 0,
  skipped: 0,
  problems: [],
  aborted: false,
  firstRemoved: [Buffer.from('evil\nname'), Buffer.from([0x66, 0xff]), Buffer.from('```'), ...names('F', 17)],
  lastRemoved: names('L', 20),
  startedAt: '2026-11-22T07:00:00.000Z',
  durationMs: 12_300,
  dirBackInPlaceAfterMs: 180,
  asides: [{ path: '/var/spool/postfix/.maildrop.spoolrescue-purge-x', removed: true }],
};
const verification: PurgeVerification = { dirPresent: true, differences: [], repaired: [], after: { ...snapshot, ino: 3 }, notCompared: [], entriesLeft: 0, entriesLeftCapped: false, sampleLeft: [] };
const report: PurgeReport = { plan, outcome, verification, postfixCheck: { ran: true, command: 'postfix -c /etc/postfix check', ok: true, exitCode: 0, output: '', logLines: [] }, incident: { file: '/dev/shm/i.md', ok: true } };

describe('purge plan and report', () => {
  it('shows the plan with every fact the operator reviews, names escaped', () => {
    const text = planLines(plan).join('\n');
    expect(text).toContain('snapshot:   owner postfix:postdrop (107:114), mode 01730, SELinux label a');
    expect(text).toContain('contents:   1,000,000 entries, 4 GiB');
    expect(text).toContain('skipped:    mnt\\n: a mount point (another filesystem or a bind mount); not entered, left as it is');
    expect(text).toContain('Postfix:    not running (postfix -c /etc/postfix status: not running)');
    expect(text).toContain('strategy:   swap\n              - --in-place was given');
    expect(text).toContain('leftover:   .maildrop.spoolrescue-purge-20260101T000000Z-1: set aside by an interrupted purge; deleted too');
    expect(planJson(plan)).toMatchObject({ strategy: 'swap', snapshot: { mode: '01730', label: 'a', labelHex: '6100' }, count: { entries: 1_000_000, skipped: [{ name: 'mnt\n', reason: 'a mount point (another filesystem or a bind mount); not entered, left as it is' }] } });
  });

  it('succeeds only when DIR is there, empty, as snapshotted, and nothing was left or skipped', () => {
    expect(purgeFailures(outcome, verification)).toEqual([]);
    expect(purgeFailures({ ...outcome, aborted: true }, verification)[0]).toMatch(/rerun the same command/);
    expect(purgeFailures(outcome, { ...verification, differences: [{ code: 'mode', now: 0o730, was: 0o1730 }] })).toEqual(['DIR does not match its snapshot: mode is 0730, was 01730']);
    expect(purgeFailures(outcome, { ...verification, entriesLeft: 1000, entriesLeftCapped: true })).toEqual(['DIR is not empty: at least 1,000 entries left']);
    expect(purgeFailures({ ...outcome, asides: [{ path: '/x', removed: false }] }, verification)).toEqual(['set-aside copies left to finish: /x']);
    expect(purgeFailures(outcome, verification, { ok: false, message: 'ENOSPC' })).toEqual(['the incident file was not written: ENOSPC']);
    expect(purgeFailures({ ...outcome, strategyUsed: 'postsuper' }, { ...verification, entriesLeft: 3 })).toEqual([]);
  });

  it('gives one JSON document with exact names and a terminal summary with escaped ones', () => {
    const j = purgeJson(report) as any;
    expect(j).toMatchObject({ ok: true, failures: [], result: { entriesRemoved: 1_000_000, dirBackInPlaceAfterMs: 180 }, verification: { snapshotHeld: true, empty: true, after: { mode: '01730' } } });
    expect(j.result.firstRemoved[0]).toEqual({ name: 'evil\nname' });
    expect(j.result.firstRemoved[1].nameBase64).toBe(Buffer.from([0x66, 0xff]).toString('base64'));
    const lines = purgeSummaryLines(report);
    expect(lines[0]).toBe('Purged: /var/spool/postfix/maildrop (swap): 1,000,000 entries removed, 4 GiB freed in 12s');
    expect(lines.join('\n')).toContain('DIR was back in place, empty, 0.2s after start');
    expect(lines.join('\n')).toContain('postfix check: ok, nothing to report');
  });

  it('gives the terminal summary in Japanese under ja, wrapped within 80 columns, the JSON unchanged', () => {
    const json = JSON.stringify(purgeJson(report));
    speak('ja');
    try {
      const lines = purgeSummaryLines(report);
      expect(lines[0]).toBe('削除 (purge) 完了: /var/spool/postfix/maildrop (swap): 1,000,000 個のエントリを削除、4 GiB を解放（12s）');
      expect(lines.join('\n')).toContain('DIR は開始から 0.2s で空の状態で元の場所に戻りました');
      expect(lines.join('\n')).toContain('postfix check: 正常、報告なし');
      expect(lines.join('\n')).toContain('  中身: 空');
      // the command wraps lines at the terminal's width, by display width
      for (const line of lines) for (const part of wrapText(line, 80, '    ')) expect(displayWidth(part), part).toBeLessThanOrEqual(80);
      expect(JSON.stringify(purgeJson(report))).toBe(json);
    } finally {
      speak('en');
    }
  });

  it('writes an incident section whose names cannot break out of their code block', () => {
    const md = purgeIncidentSection(report, { host: 'mail1', version: '1.2.3', at: '2026-11-22T07:01:00Z' });
    expect(md).toMatch(/^\n## spoolrescue purge: \/var\/spool\/postfix\/maildrop\n/);
    expect(md).toContain('| host | mail1 |');
    expect(md).toContain('| time | 2026-11-22T07:01:00.000Z (UTC) |');
    expect(md).toContain('| spoolrescue | 1.2.3 |');
    expect(md).toContain('- Snapshot before: owner postfix:postdrop (107:114), mode 01730, SELinux label a');
    expect(md).toContain('- Removed: 1,000,000 entries, 4,294,967,296 bytes (4 GiB)');
    expect(md).toContain('- Result: done');
    expect(md).toContain('evil\\nname');
    expect(md).toContain('f\\377');
    expect(md).toContain('\n````\nevil\\nname\n');
    expect(md).not.toContain('evil\nname');
    expect(md).toContain('L19');
  });

  it('writes the same section with Japanese prose under ja, the record and the names unchanged', () => {
    const ctx = { host: 'mail1', version: '1.2.3', at: '2026-11-22T07:01:00Z' };
    const en = purgeIncidentSection(report, ctx);
    speak('ja');
    try {
      const md = purgeIncidentSection(report, ctx);
      expect(md).toMatch(/^\n## spoolrescue 削除 \(purge\): \/var\/spool\/postfix\/maildrop\n/);
      expect(md).toContain('| ホスト | mail1 |');
      expect(md).toContain('- 事前のスナップショット: 所有者 postfix:postdrop (107:114)、モード 01730、SELinux ラベル a');
      expect(md).toContain('- 削除: 1,000,000 個のエントリ、4,294,967,296 バイト (4 GiB)');
      expect(md).toContain('- 結果: 完了');
      expect(md).not.toContain('- Result:');
      const records = (text: string) => text.split('\n').filter((l) => l.startsWith('<!-- spoolrescue-record'));
      expect(records(md)).toEqual(records(en));
      const fences = (text: string) => text.split('````').filter((_, i) => i % 2 === 1);
      expect(fences(md)).toEqual(fences(en));
    } finally {
      speak('en');
    }
  });
});
