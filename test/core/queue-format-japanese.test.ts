import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { scanProgressText } from '../../src/core/queue/scan-progress.js';
import { messageLines, reviewLines, scanSummaryLine, verdictLines } from '../../src/core/queue/format.js';
import type { QueueMessage } from '../../src/core/queue/message.js';
import type { QueueScan } from '../../src/core/queue/scan-result.js';
import { displayWidth } from '../../src/core/text/text-fit.js';

afterEach(() => speak('en'));

const MESSAGE = {
  queue_name: 'deferred', queue_id: '4ABC123DEF', file_bytes: 2048, arrival_time: 1_764_633_600, sender: '',
  recipients: [{ address: 'a@x.example', done: false }, { address: 'b@x.example', done: false }, { address: 'c@x.example', done: false }, { address: 'd@x.example', done: false }],
  client_address: null, uid: 0, headers: [], errors: [{ code: 'duplicate-sender', figures: [] }],
} as unknown as QueueMessage;

const SCAN = {
  messages: 120_000, verdicts: [], elapsedMs: 4000, aborted: true, incomplete: 2, vanished: 0, broken: 1,
  notes: { strays: 0, missingQueues: ['hold'], mountPoints: [] },
  selected: new Array(3), selectedBytes: 3 * 2 ** 20, selectedBeyond: 1, sample: [MESSAGE],
} as unknown as QueueScan;

describe('the queue report in Japanese', () => {
  it('words the review, the envelope and the scan line in Japanese; English stays as it was', () => {
    expect(scanSummaryLine(SCAN)).toBe('STOPPED: partial, 120,000 messages in 4.0s (30,000/s); 2 still being written, 1 with parse errors, missing: hold.');
    expect(messageLines(MESSAGE)[1]).toBe('  from <> to a@x.example, b@x.example, c@x.example and 1 more');
    expect(messageLines(MESSAGE)).toContain('  errors: duplicate sender record');
    speak('ja');
    expect(scanSummaryLine(SCAN)).toBe('中断（途中まで）: メール 120,000 通を 4.0s で読みました (30,000/s)。書き込み中 2, 解析エラー 1, 見つからないもの: hold。');
    expect(verdictLines(SCAN)).toEqual(['目立つ大量送信のパターンはありません（メール 120,000 通）。']);
    const review = reviewLines(SCAN, 'hold');
    expect(review[0]).toBe('選択: メール 3 通、ディスク上 3 MiB（読んだ 120,000 通のうち）。操作: hold');
    expect(review[1]).toContain('--match で指定していない宛先');
    expect(review).toContain('  送信者 <> 宛先 a@x.example, b@x.example, c@x.example ほか 1 件');
    expect(review).toContain('  ローカル、uid 0');
    expect(review).toContain('  エラー: 送信者のレコードが重複しています');
    for (const l of review) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    expect(scanProgressText('/var/spool/postfix', { files: 10, elapsedMs: 1000, ratePerS: 10 } as never)).toBe('/var/spool/postfix のファイルを数えています（残り時間のため）');
  });
});
