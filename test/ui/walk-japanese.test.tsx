import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { DangerConfirm, promptLine } from '../../src/ui/components/DangerConfirm.js';
import { helpBarText } from '../../src/ui/components/HelpBar.js';
import { HelpScreen } from '../../src/ui/components/HelpScreen.js';
import { stepLineText } from '../../src/ui/components/StepLine.js';
import { TooSmall } from '../../src/ui/components/TooSmall.js';
import { helpSections } from '../../src/ui/keymap.js';
import type { Scope } from '../../src/ui/keys.js';
import { STEPS } from '../../src/ui/steps/index.js';
import { ThemeProvider, themeFor } from '../../src/ui/theme.js';
import type { StepId, StepMark } from '../../src/ui/walk/types.js';

// The walk's shared parts in Japanese: the help bar, the step line, the full help and the typed
// confirmation speak Japanese and fit 80 columns measured by display width (a Japanese character
// takes two); the same code speaks English again when the language is English.

const SCREENS: Scope[][] = [
  ['disks', 'list', 'global', 'steps'],
  ['hotspots', 'list', 'global', 'steps'],
  ['inside', 'list', 'global', 'steps'],
  ['evidence', 'global', 'steps'],
  ['purge', 'global', 'steps'],
  ['summary', 'list', 'global', 'steps'],
  ['why', 'list', 'global', 'steps'],
  ['hotspots', 'running', 'list', 'global', 'steps'],
  ['dialog'],
];

const UTF8 = themeFor({ serial: false, ascii: false, color: false });

const marks = (): Record<StepId, StepMark> => Object.fromEntries(STEPS.map((s) => [s.id, 'todo'])) as Record<StepId, StepMark>;

describe('the walk in Japanese', () => {
  afterEach(() => speak('en'));

  it('the help bar speaks Japanese, keeps key names, and fits 80 columns on every screen', () => {
    speak('ja');
    for (const scopes of SCREENS) {
      const bar = helpBarText(scopes, 80);
      expect(displayWidth(bar), bar).toBeLessThanOrEqual(80);
      if (scopes[0] !== 'dialog') expect(bar, bar).toMatch(/Tab 次へ {2}\? ヘルプ {2}q 終了$/);
    }
    expect(helpBarText(['disks', 'list', 'global', 'steps'], 80)).toMatch(/^Enter スキャン/);
    expect(helpBarText(['inside', 'list', 'global', 'steps'], 80)).toMatch(/^c 件数 {2}o 最古\/最新/);
    expect(helpBarText(['dialog'], 80)).toBe('Esc 取消');
    // a narrow terminal drops the screen's keys before the essential ones, by columns
    const narrow = helpBarText(['hotspots', 'list', 'global', 'steps'], 40);
    expect(displayWidth(narrow)).toBeLessThanOrEqual(40);
    expect(narrow).toContain('q 終了');
  });

  it('the step line names the steps in Japanese and fits 80 columns', () => {
    speak('ja');
    const line = stepLineText('disks', marks(), 80);
    expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(line).toContain('[1 ディスク]');
    expect(line).toMatch(/証跡/);
    const why = stepLineText('why', marks(), 80);
    expect(why).toMatch(/ \[原因\]$/);
    expect(displayWidth(why)).toBeLessThanOrEqual(80);
  });

  it('the full help has Japanese titles and lines; English comes back with the language', () => {
    speak('ja');
    const ja = helpSections();
    expect(ja.map((s) => s.title)).toEqual(expect.arrayContaining(['どこでも', 'ステップ', 'ディスク', '中身を見る', '削除 (purge) / 切り詰め', '原因（メールログ）', 'このヘルプ']));
    expect(ja.flatMap((s) => s.lines).find((l) => l.keys === 'q')?.help).toBe('終了（削除 (purge) の実行中は先に確認します）');
    const screen = render(
      <ThemeProvider theme={UTF8}>
        <HelpScreen width={80} height={22} />
      </ThemeProvider>,
    );
    const frame = screen.lastFrame() ?? '';
    expect(frame).toContain('どこでも');
    for (const l of frame.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(frame).toMatch(/-- 続きあり: j または PgDn \(\d+ \/ \d+\) --/);
    screen.unmount();
    speak('en');
    expect(helpSections()[0].title).toBe('Anywhere');
    expect(helpBarText(['dialog'], 80)).toBe('Esc cancel');
  });

  it('the typed confirmation lays out by display width: a Japanese prompt and a long answer stay within 80 columns', () => {
    speak('ja');
    const prompt = `「maildrop」と入力すると /var/tmp/${'メール'.repeat(20)}/spool/postfix/maildrop を空にします: `;
    const line = promptLine(prompt, 'maildrop', 80, false);
    expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(line.startsWith('「maildrop」と入力')).toBe(true);
    expect(line).toContain('\u2026');
    expect(line.endsWith('を空にします: maildrop_')).toBe(true);
    const input = { purpose: 'confirm-purge', prompt, buffer: 'maild', expected: 'maildrop', danger: true } as const;
    const r = render(
      <ThemeProvider theme={UTF8}>
        <DangerConfirm input={input as never} width={80} />
      </ThemeProvider>,
    );
    const frame = r.lastFrame() ?? '';
    expect(frame).toContain('危険：元に戻せません。既定は取消です。');
    expect(frame).toContain('「maildrop」と入力したときだけ Enter で実行します。');
    for (const l of frame.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    r.unmount();
  });

  it('says in Japanese when the terminal is too small, wrapped by columns', () => {
    speak('ja');
    const r = render(
      <ThemeProvider theme={UTF8}>
        <TooSmall columns={40} rows={10} />
      </ThemeProvider>,
    );
    const frame = r.lastFrame() ?? '';
    expect(frame).toMatch(/^端末が小さすぎます（必要 60x16、現在/);
    expect(frame).toContain('40x10）');
    expect(frame).toContain('q で終了。');
    for (const l of frame.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(40);
    r.unmount();
  });
});
