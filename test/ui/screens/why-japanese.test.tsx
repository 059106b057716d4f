import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeStormLog } from '../../../fixtures/lib/maillog-storm.js';
import { speak } from '../../../src/core/i18n/speak.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { maillogPort } from '../../../src/ui/ports/real.js';
import { fakePorts } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// Step "Why" in Japanese (80x24) on the real maillog port and a generated log with a known storm:
// the verdicts are worded from their figures in Japanese, within 80 columns.

const STORM = [14, 261, 461, 287, 345, 102, 0];

afterEach(() => {
  cleanup();
  speak('en');
});

describe('the Why step in Japanese', () => {
  const tmp = makeTempDir('why-ja', '/var/tmp');
  afterAll(tmp.cleanup);
  let storm = '';
  beforeAll(() => {
    fs.mkdirSync(path.join(tmp.dir, 'var/log'), { recursive: true });
    const log = path.join(tmp.dir, 'var/log/maillog');
    storm = writeStormLog({ path: log, rng: createRng(9), startDay: new Date(Date.UTC(2026, 11, 20)), days: 9, bytes: 1 << 20, storm: { perDay: STORM, startDayIndex: 1 }, diskFull: true }).stormQueueId;
    fs.utimesSync(log, new Date('2026-12-28T23:59:59Z'), new Date('2026-12-28T23:59:59Z'));
  });

  it('names the retry storm and the full disk in Japanese, nothing wider than 80 columns', async () => {
    speak('ja');
    const { ports } = fakePorts({ maillog: maillogPort(createSystemPaths(tmp.dir, '/')) });
    const w = renderWalk(ports, { columns: 80, rows: 24, ascii: false });
    await w.waitFor('[1 ディスク]');
    const f = await w.press('w', `* 再送の嵐: ${storm} を 1470 回試行`);
    expect(f).toMatch(/\* 2026-12-2\dT[\d:]+[+-]\d\d:\d\d からディスクフル/);
    expect(f).not.toContain('retry storm');
    for (const l of f.split('\n')) expect(displayWidth(l), `${l}\n${f}`).toBeLessThanOrEqual(80);
    w.unmount();
  });
});
