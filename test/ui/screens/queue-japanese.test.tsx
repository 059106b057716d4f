import { describe, expect, it, vi } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { helpBarText } from '../../../src/ui/components/HelpBar.js';
import { fakePorts, fakeQueue } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';
import { backToEnglishAfterEach, expectFits } from './japanese-frames.js';

// Step "Queue" in Japanese on a fake port (UTF-8 terminal, 80x24): the help bar (its m key too,
// whose words are made when the bar is drawn), the table's lines, the review, the typed
// confirmation (the typed words stay ASCII) and the log line, all within 80 columns by display width.

backToEnglishAfterEach();


async function openQueue() {
  speak('ja');
  const queue = fakeQueue();
  const { ports } = fakePorts({ queue: queue.port });
  const w = renderWalk(ports, { columns: 80, rows: 24, ascii: false });
  await w.waitFor('[1 ディスク]');
  await w.press('t', 'キューを domain 別に読み込み中: ファイル');
  return { w, queue };
}

describe('Queue screen in Japanese', () => {
  it("the help bar's keys speak Japanese, the m key's too, and English again after speak('en')", () => {
    speak('ja');
    const bar = helpBarText(['queue', 'list', 'global', 'steps'], 80);
    expect(bar).toMatch(/^b 集計キー {2}m 条件 {2}x 操作 {2}Esc 戻る/);
    expect(displayWidth(bar)).toBeLessThanOrEqual(80);
    speak('en');
    expect(helpBarText(['queue', 'list', 'global', 'steps'], 80)).toMatch(/^b by {2}m match {2}x action {2}Esc back/);
  });

  it('the table, the review, the typed confirmation and the log in Japanese, within 80 columns', async () => {
    const { w, queue } = await openQueue();
    let f = await w.waitFor('500 / 1,000');
    expectFits(f);
    queue.finish();
    f = await w.waitFor('メール 1,000 通を');
    expect(f).toContain('[キュー]');
    // the verdict is worded from its counts in Japanese (JSON keeps the English words)
    expect(f).toContain('! バックスキャッターの疑い');
    expect(f).toContain('メール 1000 通のうち 600 通 (60%)');
    expect(f).toContain('domain 別 (b: sender 別、Space: 印、x: 操作、r: 再読込)');
    expect(f).toContain('Enter: > の行を保留 (先に確認)');
    expect(f).toMatch(/m 条件/);
    expectFits(f);
    f = await w.press('x', 'Enter: > の行を削除 (先に確認)。正当なメールは保留で残せます');
    expectFits(f);
    f = await w.press(KEY.enter, "確認: domain 'forged1.example' のメールを削除 (domain=forged1.example)");
    expect(f).toContain("Enter: 削除する (「delete 600」と入力)   x: 代わりに保留解除   Esc: 戻る");
    expectFits(f);
    f = await w.press(KEY.enter, '600 通を削除するには「delete 600」と入力 (domain=forged1.example): _');
    expectFits(f);
    await w.type('delete 60');
    f = await w.press(KEY.enter, '取り消しました: 「delete 60」は「delete 600」と違います。何も変更していません。');
    expect(queue.acted).toHaveLength(0);
    expectFits(f);
    await w.press(KEY.enter, '600 通を削除するには');
    await w.type('delete 600');
    f = await w.press(KEY.enter, 'Enter: キューを読み直す   Esc: 表へ戻る');
    expect(queue.acted).toHaveLength(1);
    expectFits(f);
    await vi.waitFor(() => expect(w.state().log.at(-1)?.text).toBe('キュー: domain=forged1.example の削除: 完了、600 通中 600 通、1.1 MiB を解放'));
  });

  it('marked rows: the Enter line counts them, the review names them by the key', async () => {
    const { w, queue } = await openQueue();
    queue.finish();
    await w.waitFor('メール 1,000 通を');
    await w.press(' ', () => true);
    let f = await w.press(' ', '印の付いた 2 行を保留 (先に確認)');
    expectFits(f);
    f = await w.press(KEY.enter, '確認: domain 別の 2 行 のメールを保留');
    expectFits(f);
    f = await w.press(KEY.esc, 'domain 別 (b:');
    f = await w.press(KEY.esc, (fr) => !fr.includes('[キュー]'));
    await vi.waitFor(() => expect(w.state().step).toBe('disks'));
  });
});
