import { expect } from 'vitest';

// What every journey in Japanese checks of its terminal, whatever the path through the walk.

// The Japanese step line (each step's long or short name) and help bar (or a dialog's Esc line).
const STEP_LINE = /^.?1.ディスク.*2.(容量の大きい場所|大きい場所).*3.(中身を見る|中身).*4.証跡.*5.(削除\/切り詰め|削除).*6.まとめ/;
const BAR = /(Tab 次へ {2}\? ヘルプ {2}q 終了|^Esc 取消)$/;

// The headings of the summary the walk appends to the incident file, in Japanese.
export const JAPANESE_SUMMARY_HEADINGS = ['| ファイルシステム | 使用量（前） | 使用量（後） | 解放したバイト | 解放した inode |\n', '\nウォークで行ったこと:\n'];

// Every byte that reached the terminal is UTF-8, with Japanese in it.
export function expectJapaneseTerminal(raw: Buffer): void {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  expect(text).toContain('証跡');
}

// A screen starts with the Japanese step line and ends with the Japanese help bar.
export function expectJapaneseScreen(screen: string): void {
  const lines = screen.replace(/\n+$/, '').split('\n');
  expect(lines[0], screen).toMatch(STEP_LINE);
  expect(lines.at(-1), screen).toMatch(BAR);
}
