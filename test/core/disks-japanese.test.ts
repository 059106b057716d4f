import { afterEach, describe, expect, it } from 'vitest';
import { formatDfReport } from '../../src/core/disks/format.js';
import { dfJson } from '../../src/core/disks/json.js';
import { buildDfReport, type StatfsResult } from '../../src/core/disks/model.js';
import { parseMountinfo } from '../../src/core/disks/mountinfo.js';
import { speak } from '../../src/core/i18n/speak.js';
import { formatSuspects } from '../../src/core/suspects/format.js';
import { rankSuspects, type SuspectFacts } from '../../src/core/suspects/rank.js';
import { listedCandidate, suspectCandidates } from '../../src/core/suspects/candidates.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { fmtBytes } from '../../src/core/text/units.js';

// The first screen's words in Japanese: why a filesystem is flagged and the likely culprits, laid
// out within 80 columns, while `df --json` keeps its English reasons.
const MOUNTS = parseMountinfo(
  [
    '22 1 254:0 / / rw,relatime - ext4 /dev/vda1 rw,errors=remount-ro',
    '28 22 7:0 / /var/spool/postfix rw - ext4 /dev/loop0 rw',
    '29 22 7:1 / /srv/archive ro - xfs /dev/loop1 ro,errors=remount-ro',
  ].join('\n'),
);
const ok = (bsize: number, blocks: number, bfree: number, bavail: number, files: number, ffree: number): StatfsResult => ({ ok: true, stats: { bsize, blocks, bfree, bavail, files, ffree } });
const report = () =>
  buildDfReport({
    mounts: MOUNTS,
    statfs: new Map([
      [22, ok(4096, 1_000_000, 50_000, 0, 65536, 30000)],
      [28, ok(4096, 10_000, 8000, 7500, 1000, 0)],
      [29, ok(4096, 10_000, 5000, 5000, 0, 0)],
    ]),
    deletedOpen: [{ pid: 812, command: 'rsyslogd', fd: 7, path: '/var/log/maillog', sizeBytes: 50_000_000, allocatedBytes: 50_003_968, devId: '254:0' }],
    deletedOpenBytesByDevId: new Map([['254:0', 50_003_968]]),
    deletedOpenCount: 1,
    skippedProcesses: 2,
    formatBytes: fmtBytes,
  });

const facts = (): SuspectFacts[] => {
  const settings = { queueDirectory: '/var/spool/postfix', mailSpoolDirectory: '/var/spool/mail', hashQueueNames: ['deferred'], hashQueueDepth: 1 };
  const paths = { sys: (p: string) => p } as Parameters<typeof suspectCandidates>[1];
  const maildrop = suspectCandidates(settings, paths).find((c) => c.hostPath.endsWith('/maildrop'))!;
  const box = listedCandidate('/var/spool/mail', 'alice', 'mailbox');
  const where = { devId: '7:0', mount: '/var/spool/postfix', fstype: 'ext4' };
  return [
    { candidate: maildrop, isDir: true, size: 5_800_000, allocatedBytes: 5_800_000, ...where },
    { candidate: box, isDir: false, size: 3 * 2 ** 30, allocatedBytes: 3 * 2 ** 30, ...where },
  ];
};

afterEach(() => speak('en'));

describe('the disks report in Japanese', () => {
  it('says why each filesystem is flagged in Japanese, within 80 columns; --json stays English', () => {
    const english = report();
    speak('ja');
    const r = report();
    const text = formatDfReport(r, 80);
    expect(text.split('\n')[0]).toMatch(/^  マウント先 +種類 +サイズ +(使用量 +)?残り +使用 +予約 +I残り +I使用$/);
    // wrapped lines read joined
    const joined = text.replace(/\n +/g, ' ');
    expect(joined).toContain('! / (/dev/vda1): 一般ユーザーにはディスクフル（195 MiB の予約ブロックには root だけが書き込めます）');
    expect(joined).toContain('! /var/spool/postfix (/dev/loop0): inode を 100% 使用: 空き容量があっても新しいファイルを作れません');
    expect(joined).toContain('読み取り専用でマウントされています: ここには何も書き込めません（errors=remount-ro');
    expect(joined).toContain('削除済みだが開かれたまま (1 個。');
    expect(joined).toContain('（2 個のプロセスは調べられませんでした');
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(JSON.stringify(dfJson(r))).toBe(JSON.stringify(dfJson(english)));
    expect(JSON.stringify(dfJson(r))).toContain('inodes 100% used: no new file can be created, even with bytes free');
  });

  it('says why a filesystem gave no figures in Japanese; --json keeps the English reason', () => {
    const mounts = parseMountinfo(['22 1 254:0 / / rw - ext4 /dev/vda1 rw', '40 22 0:50 / /mnt/nfs rw - nfs4 srv:/export rw', '41 22 0:51 / /mnt/fuse rw - fuse.sshfs me@host: rw'].join('\n'));
    const dead = () =>
      buildDfReport({
        mounts,
        statfs: new Map<number, StatfsResult>([
          [22, ok(4096, 1_000_000, 500_000, 450_000, 65536, 30000)],
          [40, { ok: false, timedOut: true, problem: { code: 'timed-out', ms: 3000 } }],
          [41, { ok: false, timedOut: false, problem: { code: 'helper-ended', why: 'signal SIGKILL' } }],
        ]),
        deletedOpen: [], deletedOpenBytesByDevId: new Map(), deletedOpenCount: 0, skippedProcesses: 0, formatBytes: fmtBytes,
      });
    const english = dead();
    speak('ja');
    // Japanese wraps anywhere: read the lines joined, without the spaces
    const joined = formatDfReport(dead(), 80).replace(/\s+/g, '');
    expect(joined).toContain('応答がありません（3000ms以内にstatfsの応答がありません（サーバかデーモンが止まっていませんか））。触らずにおきました');
    expect(joined).toContain('statfsに失敗しました（statfsヘルパーが応答せずに終了しました（signalSIGKILL））');
    expect(joined).not.toMatch(/noanswerfromstatfs|helperended/);
    const flags = (dfJson(dead()) as { filesystems: { mount: string; flags: unknown[] }[] }).filesystems.map((f) => f.flags).flat();
    expect(flags).toEqual([
      { code: 'not-responding', reason: 'not responding: no answer from statfs within 3000 ms (server or daemon gone?); it was left alone' },
      { code: 'statfs-failed', reason: 'statfs failed: statfs helper ended without an answer (signal SIGKILL)' },
    ]);
    expect(JSON.stringify(dfJson(dead()))).toBe(JSON.stringify(dfJson(english)));
  });

  it('names the likely culprits in Japanese within 80 columns; their --json label and reason stay English', () => {
    const english = rankSuspects(facts(), (p) => p, fmtBytes);
    speak('ja');
    const ja = rankSuspects(facts(), (p) => p, fmtBytes);
    const lines = formatSuspects(ja, 80, false, 12);
    expect(lines[0]).toBe('原因候補（12 ms、スキャンなし）。各場所の inode 自体のサイズから:');
    const joined = lines.join('\n').replace(/\n +/g, ' ');
    expect(joined).toContain('alice のメールボックス: ディスク上で 3 GiB');
    expect(joined).toContain('Postfix の maildrop キュー: ディレクトリ自体が');
    expect(joined).toContain('ext4 ではエントリあたり約 29 バイト');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    const json = (s: typeof ja) => dfJson({ filesystems: [], deletedOpen: [], deletedOpenCount: 0, skippedProcesses: 0, suspects: s }).suspects;
    expect(json(ja)).toEqual(json(english));
    expect(ja.map((s) => s.label)).toEqual(["alice's mailbox", 'Postfix maildrop queue']);
  });
});
