import { describe, expect, it, vi } from 'vitest';
import { speak } from '../../../src/core/i18n/speak.js';
import { fakePorts, purged, steppedPurge } from '../fake-ports.js';
import { fakePlan } from '../fake-plan.js';
import { KEY, renderWalk } from '../render-walk.js';
import { capturedIn, PLAN, REPORT } from './plan-fixtures.js';
import { backToEnglishAfterEach, expectFits } from './japanese-frames.js';

backToEnglishAfterEach();

// Step "Plan" in Japanese on fake ports (UTF-8 terminal, 80x24): the plan's lines, what Enter does,
// the capture's progress and outcome, the skip and the mail flow check speak Japanese and no line
// is wider than 80 columns by display width; the walk's log (the incident file's record) too.

const CAPTURED = capturedIn({
  mboxHead: 'mbox /var/spool/mail/root: 4.0 GiB、inode 12、root:mail、モード 0600',
  firstSeparator: '最初の区切り行:',
  lastSeparator: '最後の区切り行:',
  count: '採取: 最初の 5 通と最後の 5 通のメール',
  hashOf: (hex) => `採取したバイトの SHA-256: ${hex}`,
  queueHead: 'キュー /var/spool/postfix/maildrop: ディレクトリ、inode 34、postfix:postdrop、モード 1730',
  files: 'ファイル数:',
  oldest: '最も古いもの:',
  newest: '最も新しいもの:',
  decoder: 'エンベロープ: 内蔵のレコードデコーダ',
  noSpace: 'デバイスに空きがありません',
  denied: '権限がありません',
});


async function openPlan() {
  speak('ja');
  const plan = fakePlan(PLAN);
  const purge = steppedPurge();
  const { ports } = fakePorts({ disks: { loadDisks: async () => REPORT }, plan: plan.port, purge: purge.port });
  const w = renderWalk(ports, { columns: 80, rows: 24, ascii: false });
  await vi.waitFor(() => expect(w.state().disks.load.status).toBe('done'), { timeout: 10_000 });
  const f = await w.press('P', '証跡の置き場所: /dev/shm/incident.md');
  return { w, plan, purge, f };
}

describe('Plan screen in Japanese', () => {
  it('the numbered plan, the capture with its progress and outcome, the log line, within 80 columns', async () => {
    const { w, plan, f: opened } = await openPlan();
    let f = opened;
    expect(f).toContain('[手順]');
    expect(f).toMatch(/^\/var の救出手順 \(/m);
    expect(f).toContain('原因候補 (スキャン前): Postfix の maildrop キュー、約 98,000 エントリ');
    expect(f).toMatch(/^> 1 証跡を採取: root's mailbox、maildrop queue、mail log$/m);
    expect(f).toMatch(/^ {2}2 \/var\/spool\/postfix\/maildrop を削除 \(purge\): 確認のあと「maildrop」と入力$/m);
    expect(f).toMatch(/^ {2}4 まとめ: /m);
    expect(f).toContain('Enter: 今すぐ証跡を採取。s でスキップ、Esc で手順を離れます。');
    expect(f).toMatch(/Enter このステップ {2}s スキップ {2}Esc 自由に歩く/);
    expectFits(f);
    f = await w.press(KEY.enter, '採取中... Esc で停止');
    await vi.waitFor(() => expect(plan.calls.captures.length).toBe(1));
    plan.progress({ index: 1, count: 3, source: '/var/spool/postfix/maildrop', step: { phase: 'listing', done: 4000, total: 0 } });
    f = await w.waitFor('採取元 2 / 3');
    expectFits(f);
    plan.captured(CAPTURED);
    f = await w.waitFor('証跡の保存先 /dev/shm/incident.md:');
    expect(f).toContain('採取できませんでした: /var/log/mail.log: /var/log/mail.log: 権限がありません');
    // Lines are chosen by kind in Japanese too: the kind and path, the dates and names, the warning
    // stay; the counts, the decoder and the hash (in the incident file) do not.
    expect(f).toMatch(/^mbox \/var\/spool\/mail\/root$/m);
    expect(f).toMatch(/^キュー \/var\/spool\/postfix\/maildrop$/m);
    expect(f).toContain('  最も古いもの: 2026-11-01T00:00:00.000Z 3F2A1');
    expect(f).toContain('  警告: デバイスに空きがありません');
    expect(f).not.toContain('SHA-256');
    expect(f).not.toContain('採取: 最初の');
    expect(f).not.toContain('ファイル数');
    expect(f).not.toContain('エンベロープ');
    expect(f).not.toContain('WARNING');
    expect(f).toMatch(/^> 2 /m);
    expectFits(f);
    await vi.waitFor(() => expect(w.state().log.at(-1)?.text).toBe('証跡: 3 件中 2 件の採取元を /dev/shm/incident.md に採取'));
    f = await w.press('s', '空にするステップは黙ってスキップしません');
    expectFits(f);
  });

  it('s skips the evidence; after the purge the mail flow check is asked and said in Japanese', async () => {
    const { w, plan, purge } = await openPlan();
    let f = await w.press('s', 'スキップしました: 証跡の採取。');
    expect(f).toMatch(/^\* 1 証跡を採取/m);
    expect(f).toContain('Enter: 削除 (purge) の確認 (名前の入力までは何もしません)。Esc: 手順を離れる');
    expectFits(f);
    await w.press(KEY.enter, 'Enter か p で削除 (purge): 確認のため「maildrop」と入力します。');
    await w.press(KEY.enter, '危険');
    await w.type('maildrop');
    await w.press(KEY.enter, (fr) => !fr.includes('危険'));
    await vi.waitFor(() => expect(purge.executed.length).toBe(1));
    purge.run.resolve(purged());
    await w.waitFor('Enter で手順を続けます');
    f = await w.press(KEY.enter, 'Enter: Postfix を起動してテストメールを送信。s でスキップ。');
    expect(f).toContain('空にしました: 削除/切り詰めのステップ (5) に検証結果があります。');
    expectFits(f);
    f = await w.press(KEY.enter, 'テストメールの宛先 (Enter: 表示のまま / 全部消すとスキップ): root@localhost');
    expectFits(f);
    f = await w.press(KEY.enter, 'メールが流れるか確認中... Esc で待つのをやめます。');
    await vi.waitFor(() => expect(plan.calls.mailFlows).toBe(1));
    plan.flowFailed('sendmail: not found');
    f = await w.waitFor('メール配送の確認に失敗しました: sendmail: not found (Enter でもう一度)');
    expectFits(f);
    await w.press(KEY.enter, 'テストメールの宛先');
    await w.press(KEY.enter, 'メールが流れるか確認中');
    await vi.waitFor(() => expect(plan.calls.mailFlows).toBe(2));
    plan.flowed({ refusal: null, started: true, delivered: true, lines: [{ kind: 'postfix', text: 'Postfix: 起動しました（postfix -c /etc/postfix start）' }, { kind: 'queued', text: 'キューID 4BCD9' }, { kind: 'delivered', text: 'root@localhost に配送されました: Dec  1 03:14:01 mx postfix/local[9]: 4BCD9: status=sent' }] });
    f = await w.waitFor('Enter: まとめと再発防止の指摘。');
    expect(f).toContain('Postfix: 起動しました（postfix -c /etc/postfix start）');
    expect(f).toContain('root@localhost に配送されました');
    expectFits(f);
    await vi.waitFor(() => expect(w.state().log.at(-1)?.text).toBe('メール配送の確認: Postfix を起動、テストメールは配送されました'));
  });
});
