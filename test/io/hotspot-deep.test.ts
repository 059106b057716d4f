import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { scan } from '../../src/io/hotspots/scan.js';
import { describeWith } from '../helpers/capabilities.js';
import { duTotals } from '../helpers/du.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Directories deeper than 20 levels are lstat'ed through an open descriptor (/proc/self/fd/N/name):
// the same totals as du, with hard links, symlinks, a name that is not UTF-8 and a mount point
// down there, whether the scan moved to its start (the CLI) or not.
describeWith(['mount'], 'hotspots on a tree 45 levels deep', () => {
  const tmp = makeTempDir('hotspot-deep', '/var/tmp');
  let deep = tmp.dir;
  for (let l = 0; l < 45; l++) {
    deep = path.join(deep, `level${l}`);
    fs.mkdirSync(deep);
    for (let f = 0; f < 5; f++) fs.writeFileSync(path.join(deep, `m${f}`), Buffer.alloc(300 * (l + f + 1), 0x61));
  }
  fs.linkSync(path.join(deep, 'm0'), path.join(deep, 'hard'));
  fs.linkSync(path.join(deep, 'm0'), path.join(tmp.dir, 'level0', 'hard-top'));
  fs.symlinkSync('m1', path.join(deep, 'link'));
  fs.writeFileSync(Buffer.concat([Buffer.from(deep + '/'), Buffer.from([0x6e, 0xff])]), Buffer.alloc(7000, 1));
  const at30 = path.join(tmp.dir, ...Array.from({ length: 31 }, (_, l) => `level${l}`), 'mnt');
  fs.mkdirSync(at30);
  const du = duTotals(tmp.dir);
  const m = mountTmpfs(at30, { size: '1m' });
  fs.writeFileSync(path.join(at30, 'elsewhere'), Buffer.alloc(50_000, 1));
  afterAll(() => {
    m.unmount();
    tmp.cleanup();
  });

  it.each([false, true])('counts like du (chdir %s), the mount point not entered', async (chdir) => {
    const { report, index } = await scan(tmp.dir, { chdir, workers: 2 });
    // du was asked before the mount: the empty mount point directory is the one difference.
    const mnt = fs.statSync(at30);
    expect(mnt.dev).not.toBe(fs.statSync(tmp.dir).dev);
    expect(report.totalBytes).toBe(du.bytes - 4096);
    expect(report.totalEntries).toBe(du.inodes - 1);
    expect(report.skippedMounts.map(String)).toContain(at30);
    expect(index.size).toBe(46);
    expect(report.errorCount).toBe(0);
  });
});
