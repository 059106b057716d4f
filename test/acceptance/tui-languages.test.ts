import { expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import type { TmuxSession } from '../helpers/tmux.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { builtWalks, screenFits } from './built-walk.js';

// The built walk in a real terminal (tmux, 80x24) in both languages: a Japanese locale gives
// Japanese step names, help bar and full help, every line within 80 columns measured by display
// width; the C locale gives English; a serial console stays English unless --lang ja asks.

describeWith(['tmux'], 'the walk in Japanese and in English (tmux 80x24)', () => {
  const walks = builtWalks('tui-languages');
  const start = (name: string, env: Record<string, string>, flags: string[] = []) => walks.start(name, { env, flags });

  // The whole screen fits: no more rows than the terminal, no line wider than 80 columns, the
  // step line first and the help bar on the last row.
  const fits = (screen: string, stepLine: RegExp, bar: RegExp) => {
    const lines = screenFits(screen, 80, 24);
    expect(lines.filter((l) => stepLine.test(l)), screen).toHaveLength(1);
    expect(lines.at(-1), screen).toMatch(bar);
  };

  // Waits for the screen of a step: its name (long or short) in brackets on the step line, and
  // the help bar on the last row.
  const stepScreen = (s: TmuxSession, current: RegExp, barEnd: RegExp, also = '') =>
    s.waitFor((sc) => current.test(sc) && sc.includes(also) && barEnd.test(sc.replace(/\n+$/, '').split('\n').at(-1) ?? ''), 15_000);

  it('LANG=ja_JP.UTF-8: Japanese step names, help bar and full help, nothing wider than 80 columns', async () => {
    const s = start('ja', { TERM: 'xterm-256color', LANG: 'ja_JP.UTF-8' });
    const JA_BAR = /Tab 次へ {2}\? ヘルプ {2}q 終了$/;
    // each step's name in brackets (marked done, "*", once its work finished), long or (when the
    // long line is wider than 80) short
    const walk = [/\[1[ *]ディスク\]/, /\[2[ *](容量の大きい場所|大きい場所)\]/, /\[3[ *](中身を見る|中身)\]/, /\[4[ *]証跡\]/, /\[5[ *](削除\/切り詰め|削除)\]/, /\[6[ *]まとめ\]/];
    const first = await stepScreen(s, walk[0], JA_BAR);
    fits(first, walk[0], JA_BAR);
    expect(first).toMatch(/^Enter スキャン/m);
    expect(first).not.toMatch(/\? help|q quit|next step|Disks|Hotspots/);
    for (const current of walk.slice(1)) {
      s.key('Tab');
      fits(await stepScreen(s, current, JA_BAR), current, JA_BAR);
    }
    s.key('1');
    await stepScreen(s, walk[0], JA_BAR);
    const help = await s.press('?', 'どこでも');
    expect(help).toContain('ヘルプ全体');
    expect(help).toMatch(/続きあり: j または PgDn/);
    for (const l of help.split('\n')) expect(displayWidth(l), help).toBeLessThanOrEqual(80);
    await s.press('?', (sc) => !sc.includes('どこでも'));
    s.key('q');
    expect(await s.waitExit(40_000)).toBe(0);
  }, 120_000);

  it('LANG=C: the same walk in English, ASCII only', async () => {
    const s = start('c', { TERM: 'xterm-256color', LANG: 'C', LC_ALL: 'C' });
    const EN_BAR = /Tab next step {2}\? help {2}q quit$/;
    const walk = [/\[1[ *]Disks\]/, /\[2[ *]Hotspots\]/, /\[3[ *]Look inside\]/, /\[4[ *]Evidence\]/, /\[5[ *]Purge\/Truncate\]/, /\[6[ *]Summary\]/];
    fits(await stepScreen(s, walk[0], EN_BAR, 'Which filesystem is full?'), walk[0], EN_BAR);
    for (const current of walk.slice(1)) {
      s.key('Tab');
      fits(await stepScreen(s, current, EN_BAR), current, EN_BAR);
    }
    await s.press('?', 'Anywhere');
    s.key('?');
    s.key('q');
    expect(await s.waitExit(40_000)).toBe(0);
    expect(s.raw().toString('latin1')).not.toMatch(/[\u0080-\u00ff]/);
  }, 120_000);

  it('a serial console (--serial, TERM=linux) stays English under a Japanese locale; --lang ja asks for Japanese and is warned', async () => {
    const serial = start('serial', { TERM: 'linux', LANG: 'ja_JP.UTF-8' }, ['--serial']);
    const screen = await serial.waitFor((sc) => sc.includes('[1 Disks]') && /\? help {2}q quit/.test(sc) && sc.includes('Which filesystem is full?'), 15_000);
    expect(screen).not.toMatch(/ディスク/);
    serial.key('q');
    expect(await serial.waitExit(40_000)).toBe(0);
    expect(serial.raw().toString('latin1')).not.toMatch(/[\u0080-\u00ff]/);

    const asked = start('serial-ja', { TERM: 'linux', LANG: 'C' }, ['--serial', '--lang', 'ja']);
    // the walk speaks Japanese, which the ASCII-only console cannot show: it said so first
    const shown = await asked.waitFor((sc) => /\[1[ *]\?+\]/.test(sc), 15_000);
    expect(shown).not.toContain('[1 Disks]');
    expect(asked.raw().toString('utf8')).toContain('ASCII');
    asked.key('q');
    expect(await asked.waitExit(40_000)).toBe(0);
  }, 120_000);
});
