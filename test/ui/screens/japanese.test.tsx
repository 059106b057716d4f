import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { speak } from '../../../src/core/i18n/speak.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import type { HotspotReport, HotspotsPort } from '../../../src/ui/ports/index.js';
import { controlled, fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

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

const REPORT: HotspotReport = {
  root: '/var',
  device: '/dev/vdb1',
  fstype: 'ext4',
  mount: '/var',
  totalBytes: 9 * 2 ** 30,
  totalEntries: 1_200_000,
  directories: 40,
  byEntries: [{ path: '/var/spool/postfix/maildrop', entries: 1_000_000, bytes: 600 * 2 ** 20, subtreeEntries: 1_000_000, subtreeBytes: 600 * 2 ** 20 }],
  byBytes: [{ path: '/var/spool/mail', entries: 3, bytes: 4 * 2 ** 30, subtreeEntries: 3, subtreeBytes: 4 * 2 ** 30 }],
  largestFiles: [],
  skippedMounts: [],
  errors: [{ path: '/var/lib/secret', message: 'EACCES' }],
  errorCount: 1,
  elapsedMs: 1234,
};

describe('the walk in Japanese (screens)', () => {
  it('Hotspots: scan progress, the rankings and the action menu in Japanese', async () => {
    const run = controlled<HotspotReport>();
    const hotspots: HotspotsPort = {
      scan: async (_root, o) => {
        run.attach(o.signal);
        return { report: await run.promise, children: async () => [] };
      },
    };
    const { ports } = fakePorts({ hotspots });
    const w = renderWalk(ports, { ascii: false });
    await w.waitFor('[1 ディスク]');
    const scanning = await w.press(KEY.enter, '/var をスキャン中');
    expect(scanning).toContain('Esc で停止');
    fitsWidth(scanning);
    run.resolve(REPORT);
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
});
