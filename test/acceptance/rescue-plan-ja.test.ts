import { expect } from 'vitest';
import { TERMINALS } from './flooded-postfix.js';
import { expectJapaneseScreen, expectJapaneseTerminal, JAPANESE_SUMMARY_HEADINGS } from './japanese-screens.js';
import { escaped } from './journey-kit.js';
import { describePlanJourney } from './plan-journey.js';

// The rescue by the plan (plan-journey.ts) under LANG=ja_JP.UTF-8 on a UTF-8 terminal: every
// screen carries the Japanese step line and help bar and fits 80 columns by display width; the
// screens say in Japanese what is translated (other words may still be English); the incident
// file has Japanese headings and the same records as in English. Fewer messages in root's mbox
// than the English journeys keep the scene quick to build: the journey is the same.

describePlanJourney({
  lang: 'ja',
  title: 'LANG=ja_JP.UTF-8',
  terminal: TERMINALS.ja,
  delivered: 60,
  disks: {
    // the filesystems are read and the likely culprits named
    ready: (sc) => sc.includes('[1 ディスク]') && /^原因候補/m.test(sc) && /Tab 次へ {2}\? ヘルプ {2}q 終了\n*$/.test(sc),
    expect(disks) {
      expect(disks).toMatch(/^原因候補（未スキャン）[\s\S]*maildrop/m);
      expect(disks).toMatch(/^Enter スキャン /m);
    },
  },
  plan: {
    shown: (sc) => sc.includes('spoolrescue-incident-') && sc.includes('Postfix が止まっていれば起動し'),
    expect(plan) {
      expect(plan).toMatch(/^> 1 /m);
      expect(plan).toMatch(/^ {2}3 Postfix が止まっていれば起動し、テストメールの配送を確認/m);
      expect(plan).toMatch(/^ {2}4 /m);
    },
  },
  captured: {
    shown: /^\* 1 [\s\S]*^ {2}最も新しいもの: \S+ \S+$/m,
    oldest: /^ {2}最も古いもの: \S+ (\S+)$/m,
    newest: /^ {2}最も新しいもの: \S+ (\S+)$/m,
    expect(done, scene) {
      expect(done).toMatch(new RegExp(`^mbox ${escaped(scene.mbox)}$`, 'm'));
      expect(done).toMatch(/^ {2}最初の区切り行: /m);
      expect(done).toMatch(new RegExp(`^キュー ${escaped(scene.maildrop)}$`, 'm'));
    },
  },
  purge: {
    review: 'Enter か p で削除 (purge): 確認のため「maildrop」と入力します。',
    danger: '危険：元に戻せません。',
    done: /postfix check: [\s\S]*Enter で手順を続けます。/,
    expectReview(plan, flooded) {
      expect(plan).toMatch(/^削除 \(purge\) \//m);
      expect(plan).toMatch(new RegExp(`(^|\\s)${flooded}\\s`, 'm'));
    },
    expectDone(done, flooded) {
      expect(done).toMatch(new RegExp(`^削除 \\(purge\\) 完了: \\S+ \\(in-place\\): ${flooded} 個のエントリを削除`, 'm'));
      expect(done).toMatch(/^ {2}検証: 所有者 \S+ \(\d+:\d+\)、モード 0730、ラベル なし: スナップショットどおり$/m);
      expect(done).toMatch(/^ {2}postfix check: 正常、報告なし$/m);
    },
  },
  flow: {
    next: (sc) => /^> 3 /m.test(sc) && /^\* 2 /m.test(sc),
    address: /テストメールの宛先 .*: root@localhost_?$/m,
    done: /status=sent/,
    expect(flow) {
      expect(flow).toMatch(/^\* 3 Postfix が止まっていれば起動し/m);
      const queueId = /^キューID (\w+)$/m.exec(flow)?.[1];
      expect(queueId, flow).toBeDefined();
      expect(flow).toMatch(new RegExp(`^root@localhost に配送されました: .*postfix/local\\[\\d+\\]: ${queueId}: to=<root@localhost>, .*status=sent`, 'm'));
    },
  },
  summary: {
    shown: /\[6.まとめ\]/,
    headings: JAPANESE_SUMMARY_HEADINGS,
  },
  expectTerminal: expectJapaneseTerminal,
  expectScreen: expectJapaneseScreen,
});
