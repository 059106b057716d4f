import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/io/hotspots/scan.js';
import { perDirectory, writeChains } from '../helpers/deep-chains.js';
import { duTotals } from '../helpers/du.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// On the CLI's scan (chdir) of a deep narrow tree without the scan process (it could not start, or
// SPOOLRESCUE_SCAN_PROCESS=off) the main thread and a worker share the chains,
// and the worker goes on down a subdirectory of each directory it reads without sending it back
// first: the counts, rankings and largest files must be those of one thread reading everything,
// hard links shared between chains counted once, and Ctrl-C must still stop it.
describe('hotspots on deep chains shared between the main thread and a worker', () => {
  const tmp = makeTempDir('hotspot-deep-split', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'deep');
  const bottoms = writeChains(root, { chains: 24, levels: 30, files: 4, sideAt: (l) => l % 7 === 3 });
  fs.writeFileSync(path.join(bottoms[17], 'biggest'), Buffer.alloc(900_000, 0x63));
  const du = duTotals(root);
  const directories = 1 + 24 * (1 + 30 + 2 * 4); // side branches at levels 3, 10, 17 and 24

  it('counts what one thread counts, the worker reading chains on its own', async () => {
    const single = await scan(root, { workers: 1, top: 30 });
    expect({ bytes: single.report.totalBytes, inodes: single.report.totalEntries }).toEqual({ bytes: du.bytes, inodes: du.inodes });
    let dispatched = 0;
    const here = process.cwd();
    const split = await scan(root, { workers: 2, top: 30, chdir: true, scanProcess: 'off', beforeDispatch: (paths) => (dispatched += paths.length) });
    expect(process.cwd()).toBe(here);
    expect(split.workersStarted).toBe(1);
    expect({ bytes: split.report.totalBytes, inodes: split.report.totalEntries }).toEqual({ bytes: du.bytes, inodes: du.inodes });
    expect(split.index.size).toBe(directories);
    expect(perDirectory(split.index, bottoms)).toEqual(perDirectory(single.index, bottoms));
    // the same rankings, up to the order of directories with equal figures
    const rows = (r: typeof split.report) => [r.byBytes.map((x) => x.bytes), r.byEntries.map((x) => x.entries), r.largestFiles.map((x) => x.bytes)];
    expect(rows(split.report)).toEqual(rows(single.report));
    expect(split.report.largestFiles[0].path).toBe(path.join(bottoms[17], 'biggest'));
    // every directory is read once; those a worker went down into were never handed out
    expect(dispatched).toBeLessThan(directories);
  });

  it('stops when aborted half-way through the shared scan, and gives the working directory back', async () => {
    const ac = new AbortController();
    const reason = new Error('operator pressed Ctrl-C');
    let dispatched = 0;
    const here = process.cwd();
    const p = scan(root, {
      workers: 2,
      chdir: true,
      scanProcess: 'off',
      signal: ac.signal,
      beforeDispatch: (paths) => {
        if ((dispatched += paths.length) >= 500) ac.abort(reason);
      },
    });
    await expect(p).rejects.toBe(reason);
    expect(process.cwd()).toBe(here);
  });
});
