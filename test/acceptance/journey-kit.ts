import { expect } from 'vitest';
import { displayWidth } from '../../src/core/text/text-fit.js';
import type { TmuxSession } from '../helpers/tmux.js';

// What the journeys through the walk share, whatever their language: what a wait looks for, how
// wrapped lines are read, and the session that keeps every screen it read for the checks of the
// whole walk.

// What the screens wait for.
export type Until = string | RegExp | ((screen: string) => boolean);

// Long lines continue on the next row, indented: read them joined.
export const joined = (screen: string) => screen.replace(/\n {4}(?=\S)/g, ' ');

// A path or text as a regular expression matching it literally.
export const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// The session as a journey drives it: every screen read is kept in `screens`, and every key
// pressed (not typed text) is counted by `onKey`.
export function keptSession(s: TmuxSession, screens: string[], onKey: () => void = () => {}): TmuxSession {
  const kept = async (p: Promise<string>) => {
    const screen = await p;
    screens.push(screen);
    return screen;
  };
  return {
    ...s,
    key: (key) => {
      onKey();
      s.key(key);
    },
    press: (key, until, timeoutMs) => {
      onKey();
      return kept(s.press(key, until, timeoutMs));
    },
    waitFor: (check, timeoutMs) => kept(s.waitFor(check, timeoutMs)),
  };
}

// Every screen fit the terminal (24 rows, no line wider than 80 columns by display width) and
// passed the language's own check (its step line, its help bar).
export function expectScreensFit(screens: string[], expectScreen: (screen: string) => void): void {
  expect(screens.length).toBeGreaterThan(8);
  for (const screen of screens) {
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines.length, screen).toBeLessThanOrEqual(24);
    for (const l of lines) expect(displayWidth(l), `${l}\n${screen}`).toBeLessThanOrEqual(80);
    expectScreen(screen);
  }
}

// The words of a purge by typed name: its review, the DANGER line, and the screen after it.
export interface PurgeWords {
  review: Until;
  danger: Until;
  done: Until;
}

// Opens the purge's review of maildrop with `key`, checks it, confirms by typing 'maildrop' and
// returns the screen after the purge (wrapped lines joined).
export async function purgeMaildrop(s: TmuxSession, key: string, words: PurgeWords, expectReview: (screen: string) => void): Promise<string> {
  const review = await s.press(key, words.review, 60_000);
  expectReview(review);
  await s.press('Enter', words.danger);
  s.type('maildrop');
  await s.waitFor(/: maildrop_?$/m);
  return joined(await s.press('Enter', words.done, 120_000));
}
