import { afterEach, describe, expect, it } from 'vitest';
import { formatHotspotReport } from '../../src/core/hotspots/format.js';
import type { HotspotReport } from '../../src/core/hotspots/rank.js';
import { speak } from '../../src/core/i18n/speak.js';
import { entryErrorText, LOSSY_NAME, readStopOf, readStopText } from '../../src/core/listing/entry.js';
import { entryLine } from '../../src/core/listing/format.js';
import { entryJson } from '../../src/core/listing/json.js';
import { listingErrorsInEnglish } from '../../src/core/listing/messages.js';
import { humanListingView } from '../../src/core/listing/views.js';
import { displayWidth } from '../../src/core/text/text-fit.js';

afterEach(() => speak('en'));

const REPORT: HotspotReport = {
  root: '/var',
  device: '/dev/vdb1',
  fstype: 'ext4',
  mount: '/var',
  totalBytes: 9 * 2 ** 30,
  totalEntries: 1_200_000,
  directories: 40,
  byEntries: [{ path: '/var/spool/postfix/maildrop', entries: 1_000_000, bytes: 600 * 2 ** 20, subtreeEntries: 1_000_000, subtreeBytes: 600 * 2 ** 20 }],
  byBytes: [{ path: '/var/spool/mail', entries: 3, bytes: 4 * 2 ** 30, subtreeEntries: 3, subtreeBytes: 4 * 2 ** 30, incomplete: true }],
  largestFiles: [{ path: '/var/spool/mail/root', bytes: 4 * 2 ** 30, size: 4 * 2 ** 30 }],
  skippedMounts: ['/var/lib/docker'],
  errors: [{ path: '/var/lib/secret', message: 'EACCES' }],
  errorCount: 12,
  elapsedMs: 1234,
} as HotspotReport;

const fits = (text: string) => {
  for (const l of text.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
};

describe('hotspots and ls in Japanese', () => {
  it('the hotspots report: headings, column titles and notes in Japanese, columns aligned by display width', () => {
    const en = formatHotspotReport(REPORT, 80);
    expect(en).toContain('9 GiB (9,663,676,416 bytes allocated) in 1,200,000 entries, 40 directories, 1.2s');
    expect(en).toMatch(/^ +BYTES +ENTRIES +SUBTREE {2}PATH$/m);
    speak('ja');
    const ja = formatHotspotReport(REPORT, 80);
    fits(ja);
    expect(ja).toContain('/var（/dev/vdb1、ext4、マウント先 /var）');
    expect(ja.replace(/\n {2}/g, ' ')).toContain('9 GiB（割り当て 9,663,676,416 バイト）、1,200,000 エントリ、40 ディレクトリ、1.2s');
    expect(ja).toContain('直下のファイルのバイト数が多い場所');
    expect(ja).toContain('直下のエントリ数が多い場所');
    expect(ja).toContain('大きいファイル');
    const head = ja.split('\n').find((l) => l.includes('配下合計'))!;
    // the three figure columns are 9, 10 and 10 columns wide however wide the titles' characters
    expect(displayWidth(head.slice(0, head.indexOf('配下合計') + 4))).toBe(29);
    expect(ja).toContain('（! = 完全には読めませんでした。下を参照）');
    expect(ja).toContain('入らなかった場所（別のファイルシステム）: ./lib/docker');
    expect(ja).toContain('読めなかったもの（12 件。合計には含みません）:');
    expect(ja).toContain('  ... ほか 2 件（--json で確認できます）');
  });

  it('the ls summary in Japanese; an entry\'s error in Japanese on screen, in English in --json', () => {
    speak('ja');
    const view = humanListingView({ path: '/var/spool/postfix/maildrop', limit: 2, width: 80, ascii: false, symlink: { path: '/q', target: '/var/spool/postfix' } as never });
    const head = view.head();
    expect(head).toContain('（ディレクトリ順、並べ替えなし）');
    expect(head).toContain('（シンボリックリンク /q -> /var/spool/postfix をたどりました）');
    const tail = view.tail({ written: 2, count: 1_000_000, truncated: true, oldest: [], newest: [], oldestAsked: 3, newestAsked: 0, incomplete: null });
    expect(tail).toBe('続きがあります。最初の 2 件を表示しています（--limit N、--count）\n1,000,000 エントリ\n更新日時が古い順に 3 件:\n  （なし）\n');
    fits(head + tail);
    // an entry's error is a code: worded in Japanese when shown, in English in --json
    expect(entryErrorText('EACCES')).toBe('アクセスが拒否されました');
    expect(entryErrorText('EACCES', listingErrorsInEnglish())).toBe('permission denied');
    const gone = { name: 'gone', type: 'file' as const, size: null, mtimeMs: null, error: 'ENOENT' };
    const line = entryLine(gone, { width: 80, ascii: false, utc: true }).line;
    expect(line).toBe('-     ? ?                   gone  [一覧の作成中に消えました]');
    expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(entryJson(gone).error).toBe('vanished while listing');
    expect(entryJson({ ...gone, error: LOSSY_NAME }).error).toBe('name is not valid UTF-8 and the directory changed while it was read: exact bytes unknown');
    expect(entryErrorText(LOSSY_NAME)).toBe('名前が UTF-8 として正しくなく、読んでいる間にディレクトリが変わりました: 正確なバイト列は不明です');
    expect(readStopText(readStopOf({ code: 'ENOENT' }, 5), 'en')).toBe('the directory was deleted while it was being read (after 5 entries)');
    expect(readStopText(readStopOf({ code: 'ENOENT' }, 5))).toBe('読み取り中にディレクトリが削除されました（5 エントリの後）');
    expect(readStopText(readStopOf({ code: 'EIO', message: 'EIO: i/o error' }, 7))).toBe('7 エントリの後でディレクトリの読み取りに失敗しました: EIO: i/o error');
  });
});
