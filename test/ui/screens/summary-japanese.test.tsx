import { describe, expect, it, vi } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';
import { backToEnglishAfterEach, expectFits } from './japanese-frames.js';

// Step 6, Summary, in Japanese on fake ports (UTF-8 terminal, 80x24): the before/after table's
// headings, the incident file line, the log, the findings' title, the review of a fix, its typed
// confirmation and what it says after, all within 80 columns by display width.

backToEnglishAfterEach();


async function openSummary() {
  speak('ja');
  const { ports, calls } = fakePorts();
  const w = renderWalk(ports, { ascii: false });
  await w.waitFor('[1 ディスク]');
  const f = await w.press('6', /> HIGH root-mail-stays-local/);
  return { w, calls, f };
}

describe('Summary screen in Japanese', () => {
  it('the table, the incident file, the log and the findings speak Japanese and fit 80 columns', async () => {
    const { f, calls } = await openSummary();
    expect(f).toContain('[6*まとめ]');
    expect(f).toMatch(/^ファイルシステム +使用（前） +使用（後） +解放 +解放 inode$/m);
    expect(f).toMatch(/^\/var +9\.9 GiB +9\.9 GiB +0 B +0$/m);
    expect(f).toContain('証跡ファイル: なし (証跡のステップ 4 で作成)');
    expect(f).toContain('ウォークで行ったこと:');
    expect(f).toContain('再発防止 (Enter で選んだ指摘の対策を確認):');
    expect(f).toMatch(/ \(助言\): /);
    expectFits(f);
    expect(calls.records).toHaveLength(0);
  });

  it('reviews a fix, cancels on a wrong code, applies on the typed code, logs it in Japanese', async () => {
    const { w, calls } = await openSummary();
    await w.press('j', /> INFO crond-mail-on/);
    let f = await w.press(KEY.enter, /\+CRONDARGS="-m off"/);
    expect(f).toContain('crond-mail-on の変更 (Enter: コードを入力して適用、Esc: 閉じる):');
    expectFits(f);
    f = await w.press(KEY.enter, 'この変更を適用するには「crond-mail-on」と入力:');
    expectFits(f);
    for (const c of 'crond') await w.press(c);
    f = await w.press(KEY.enter, '取り消しました: 「crond」は「crond-mail-on」と違います。何も変更していません。');
    expect(calls.fixes.filter((x) => x.applied)).toEqual([]);
    await w.press(KEY.enter, '「crond-mail-on」と入力');
    for (const c of 'crond-mail-on') await w.press(c);
    f = await w.press(KEY.enter, 'crond-mail-on を適用:');
    expectFits(f);
    await vi.waitFor(() => expect(w.frame()).not.toMatch(/INFO crond-mail-on/));
    f = await w.press(KEY.esc, '確認を閉じました。何も変更していません。');
    expect(f).toMatch(/再発防止: crond-mail-on 対策済み/);
    expectFits(f);
  });

  it('root-mail-stays-local asks for the address in Japanese; nothing typed cancels', async () => {
    const { w, calls } = await openSummary();
    const f = await w.press(KEY.enter, 'root 宛てメールの転送先 (ログインアカウントか user@domain): _');
    expectFits(f);
    await w.press(KEY.enter, '取り消しました。何も変更していません。');
    expect(calls.fixes).toEqual([]);
  });
});
