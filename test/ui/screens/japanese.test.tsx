import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { fakePorts, steppedPurge } from '../fake-ports.js';
import { summaryMarkdown } from '../../../src/ui/incident-markdown.js';
import { KEY, renderWalk } from '../render-walk.js';
import { REPORT, startScan } from './hotspot-scan.js';

// The walk's screens in Japanese on a UTF-8 terminal (fake ports, 80x24): each screen speaks
// Japanese and no line is wider than 80 columns measured by display width.

beforeEach(() => speak('ja'));
afterEach(() => {
  cleanup();
  speak('en');
});

const fitsWidth = (frame: string, width = 80) => {
  for (const l of frame.split('\n')) expect(displayWidth(l), `${l}\n${frame}`).toBeLessThanOrEqual(width);
};

describe('the walk in Japanese (screens)', () => {
  it('Hotspots: scan progress, the rankings and the action menu in Japanese', async () => {
    const { w, s, screen: scanning } = await startScan({ ascii: false, ready: '[1 ディスク]', scanning: '/var をスキャン中' });
    expect(scanning).toContain('Esc で停止');
    fitsWidth(scanning);
    s.run.resolve(REPORT);
    const done = await w.waitFor('/var をスキャン済み');
    expect(done).toContain('/var をスキャン済み: 1,200,000 エントリ、9 GiB、読めないもの 1 件');
    expect(done).toMatch(/\[C 件数\]/);
    expect(done).toContain('ディレクトリ（直下にあるもの）');
    fitsWidth(done);
    const bytes = await w.press('s', /\[s 容量\]/);
    fitsWidth(bytes);
    const menu = await w.press('a', '証跡を採取して証跡ファイルへ');
    expect(menu).toContain('中身を見る（先頭のエントリ、件数、最古/最新）');
    fitsWidth(menu);
  });

  it('Look inside: facts, the page line, the count in Japanese', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports, { ascii: false });
    await w.waitFor('[1 ディスク]');
    await w.press('2', 'maildrop');
    const f = await w.press('i', /エントリ 1-\d+/);
    expect(f).toMatch(/\[3\*(中身を見る|中身)\]/);
    expect(f).toContain('dir postfix:postdrop モード 0730、ディレクトリ自体 4 KiB');
    expect(f).toContain('エントリ 1-15（ディレクトリ順、ls -U と同じく未ソート）。Space: 次ページ');
    expect(f).toContain('未集計（c ですべてのエントリを数え、o で最古と最新を探します）。');
    fitsWidth(f);
    const counted = await w.press('c', '全部で 100 エントリ');
    fitsWidth(counted);
  });

  it('Purge: the plan, then the typed confirmation in Japanese, laid out within 80 columns; a wrong name cancels', async () => {
    const purge = steppedPurge();
    const { ports } = fakePorts({ purge: purge.port });
    const w = renderWalk(ports, { ascii: false });
    await w.waitFor('[1 ディスク]');
    await w.press('2', 'maildrop');
    const plan = await w.press('p', '確認のため「maildrop」と入力します。');
    expect(plan).toContain('削除 (purge) /var/spool/postfix/maildrop');
    fitsWidth(plan);
    const confirm = await w.press(KEY.enter, '危険：元に戻せません。');
    expect(confirm).toContain('/var/spool/postfix/maildrop を空にするには「maildrop」と入力: _');
    expect(confirm).toContain('「maildrop」と入力したときだけ Enter で実行します。');
    fitsWidth(confirm);
    await w.type('mail');
    const cancelled = await w.press(KEY.enter, '取り消しました');
    expect(cancelled).toContain('取り消しました: 「mail」は「maildrop」と違います。何も変更していません。');
    fitsWidth(cancelled);
  });

  it('Evidence: the source, the incident file and where it goes, in Japanese', async () => {
    const { ports } = fakePorts();
    const w = renderWalk(ports, { ascii: false });
    await w.waitFor('[1 ディスク]');
    await w.press('2', 'maildrop');
    const f = await w.press('e', '証跡ファイルをどこに置きますか？');
    expect(f).toMatch(/\[4 証跡\]/);
    expect(f).toContain('採取元: /var/spool/postfix/maildrop');
    expect(f).toMatch(/証跡ファイル: /);
    expect(f).toMatch(/空き .* 使用/);
    fitsWidth(f);
  });

  it('the incident file summary has Japanese headings and the same records', () => {
    const md = summaryMarkdown([{ mount: '/var', usedBefore: 10 * 2 ** 30, usedAfter: 6 * 2 ** 30, inodesBefore: 1_200_000, inodesAfter: 200_000 }], [{ atMs: Date.UTC(2026, 11, 1, 23, 0), text: 'maildrop' }], {
      findings: [{ code: 'maillog-not-rotated', id: 'maillog-not-rotated', severity: 'medium', where: { file: '/var/log/maillog' }, fixable: false, facts: { log: '/var/log/maillog', postfixOwn: false } }],
      unreadable: [],
    });
    expect(md).toContain('| ファイルシステム | 使用量（前） | 使用量（後） | 解放したバイト | 解放した inode |');
    expect(md).toContain('| /var | 10 GiB | 6 GiB | 4 GiB | 1,000,000 |');
    expect(md).toContain('ウォークで行ったこと:');
    expect(md).toContain('- 2026-12-01T23:00:00.000Z maildrop');
    expect(md).toContain('再発防止（未対応の指摘 1 件）:');
    // the finding is worded from its facts in the run's language
    expect(md).toMatch(/- \[ \] `maillog-not-rotated` \(medium\) \/var\/log\/maillog: \/var\/log\/maillog を対象とする logrotate のルールがありません。対策: \/var\/log\/maillog を \/etc\/logrotate\.d のルール/);
    expect(md).not.toMatch(/no logrotate rule/);
  });
});
