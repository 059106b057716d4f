import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { scan } from '../../src/io/hotspots/scan.js';
import { bindMount } from '../helpers/bind-mount.js';
import { describeWith } from '../helpers/capabilities.js';
import { duTotals } from '../helpers/du.js';
import type { TestMount } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const write = (file: string, bytes: number) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.alloc(bytes, 1));
};

describeWith(['root', 'mount'], 'hotspots do not count across a bind mount of the same filesystem', () => {
  const tmp = makeTempDir('hotspots-bind');
  const root = path.join(tmp.dir, 'var');
  const outside = path.join(tmp.dir, 'srv-data');
  write(path.join(root, 'spool/mail/root'), 60_000);
  write(path.join(root, 'log/mail.log'), 30_000);
  write(path.join(outside, 'huge.img'), 2 << 20);
  write(path.join(outside, 'more/other.img'), 1 << 20);
  // What the tree holds on its own, measured before anything is mounted in it.
  const own = duTotals(root);
  const points = [path.join(root, 'spool/bind'), path.join(root, 'log/a/b/deep bind')];
  const mounts: TestMount[] = points.map((p) => bindMount(outside, p));
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });

  it.each([1, 3])('totals are the tree\'s own (the mount point dirs aside), the mounts are listed as skipped (%i workers)', async (workers) => {
    expect(fs.statSync(points[0]).dev).toBe(fs.statSync(root).dev);
    const { report } = await scan(root, { workers });
    // The directories a/ and a/b/ made to hold the deep mount point are the tree's own.
    const holders = ['log/a', 'log/a/b'].map((d) => fs.lstatSync(path.join(root, d)).blocks * 512);
    expect(report.totalEntries).toBe(own.inodes + 2);
    expect(report.totalBytes).toBe(own.bytes + holders[0] + holders[1]);
    expect(report.skippedMounts.sort()).toEqual([...points].sort());
    expect(report.largestFiles.map((f) => path.basename(f.path))).toEqual(['root', 'mail.log']);
  });
});
