import { afterEach, expect } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';

// What the screen tests in Japanese share: each test's walk is unmounted and the language set
// back to English after it, and a frame fits the 80x24 terminal by display width.

// Unmounts each test's walk and goes back to English after it (call once at the top of a file).
export function backToEnglishAfterEach(): void {
  afterEach(() => {
    cleanup();
    speak('en');
  });
}

// The frame fits 80x24: no more than 24 rows, no row wider than 80 columns by display width.
export function expectFits(frame: string): void {
  expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  for (const l of frame.split('\n')) expect(displayWidth(l), `${l}\n${frame}`).toBeLessThanOrEqual(80);
}
