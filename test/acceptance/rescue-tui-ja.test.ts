import { expect } from 'vitest';
import { TERMINALS } from './flooded-postfix.js';
import { expectJapaneseScreen, expectJapaneseTerminal, JAPANESE_SUMMARY_HEADINGS } from './japanese-screens.js';
import { describeFreeWalk } from './free-walk.js';

// The rescue through the free walk (free-walk.ts) under LANG=ja_JP.UTF-8 on a UTF-8 terminal:
// every screen carries the Japanese step line and help bar and fits 80 columns by display width;
// the screens say in Japanese what is translated (other words, such as the tags of mail paths,
// may still be English); the incident file has Japanese headings and the same records as in
// English. Fewer messages in root's mbox than the English journey keep the scene quick to build.

// A tag after a path, English or Japanese parentheses.
const TAG = ' ?[(（].+[)）]';

describeFreeWalk({
  lang: 'ja',
  title: 'LANG=ja_JP.UTF-8',
  terminal: TERMINALS.ja,
  delivered: 60,
  disks: {
    ready: (sc) => sc.includes('[1 ディスク]') && sc.includes('どのファイルシステムがディスクフルですか？'),
    detail: (dir) => `${dir}（/dev/`,
    expect(disks) {
      expect(disks).toMatch(/^inode: [\d,]+ 中 [\d,]+ 使用（100%）、残り 0$/m);
      expect(disks).toMatch(/^要対応: inode を 100% 使用/m);
    },
    scanned: /\S+ をスキャン済み: [\d,]+ エントリ/,
    scannedRoot: (dir) => `${dir} をスキャン済み:`,
  },
  hotspots: {
    queueTag: TAG,
    files: /\[f ファイル\]/,
    mailboxTag: new RegExp(`/mail/root${TAG}$`),
    lookInside: /\[3\*?(中身を見る|中身)\]/,
    back: /\[2\*(容量の大きい場所|大きい場所)\]/,
    entries: /\[C 件数\]/,
  },
  evidence: {
    dest: '証跡ファイルをどこに置きますか？',
    ready: '次はどうしますか？',
    fileLabel: '証跡ファイル:',
    mboxCaptured: /^ {2}採取: 最初の 5 通と最後の 5 通のメール$/m,
    source: /^採取元: \S+maildrop/m,
    queueCaptured: /最も新しいもの: \S+ \S+\n(.*\n)*.*sha256 [0-9a-f]{64}/,
    files: (n) => new RegExp(`^ {2}ファイル数: ${n}$`, 'm'),
    oldest: /^ {2}最も古いもの: \S+ (\S+)$/m,
    newest: /^ {2}最も新しいもの: \S+ (\S+)$/m,
  },
  purge: {
    review: 'Enter か p で削除 (purge): 確認のため「maildrop」と入力します。',
    danger: '危険：元に戻せません。',
    expectReview(plan, flooded) {
      expect(plan).toMatch(/^削除 \(purge\) \//m);
      expect(plan).toMatch(new RegExp(`^ {2}中身: +${flooded} 個のエントリ、`, 'm'));
      expect(plan).toMatch(/^ {2}ファイルシステム: [^]*?空き inode\s+0、/m);
      expect(plan).toMatch(/^ {2}Postfix: +停止中/m);
      expect(plan).toMatch(/^ {2}方式: +in-place$/m);
    },
    expectDone(done, flooded, incidentFile) {
      expect(done).toMatch(new RegExp(`^削除 \\(purge\\) 完了: \\S+ \\(in-place\\): ${flooded} 個のエントリを削除`, 'm'));
      expect(done).toMatch(/^ {2}検証: 所有者 \S+ \(\d+:\d+\)、モード 0730、ラベル なし: スナップショットどおり$/m);
      expect(done).toMatch(/^ {2}中身: 空$/m);
      expect(done).toMatch(/^ {2}postfix check: 正常、報告なし$/m);
      expect(done.replace(/\s+/g, '')).toContain(`証跡ファイル:${incidentFile}に節を追記しました`);
    },
  },
  summary: {
    shown: '証跡ファイル (まとめを追記済み):',
    headings: JAPANESE_SUMMARY_HEADINGS,
  },
  expectTerminal: expectJapaneseTerminal,
  expectScreen: expectJapaneseScreen,
});
