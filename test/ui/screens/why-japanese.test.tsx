import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { renderWalk } from '../render-walk.js';
import { maillogPortsUnder, stormLogRoot } from './why-fixtures.js';

// Step "Why" in Japanese (80x24) on the real maillog port and a generated log with a known storm:
// the verdicts are worded from their figures in Japanese, within 80 columns.

afterEach(() => {
  cleanup();
  speak('en');
});

describe('the Why step in Japanese', () => {
  const log = stormLogRoot('why-ja');

  it('names the retry storm and the full disk in Japanese, nothing wider than 80 columns', async () => {
    speak('ja');
    const storm = log.storm();
    const { ports } = maillogPortsUnder(log.root);
    const w = renderWalk(ports, { columns: 80, rows: 24, ascii: false });
    await w.waitFor('[1 ディスク]');
    const f = await w.press('w', `* 再送の嵐: ${storm} を 1470 回試行`);
    expect(f).toMatch(/\* 2026-12-2\dT[\d:]+[+-]\d\d:\d\d からディスクフル/);
    expect(f).not.toContain('retry storm');
    for (const l of f.split('\n')) expect(displayWidth(l), `${l}\n${f}`).toBeLessThanOrEqual(80);
    w.unmount();
  });
});
