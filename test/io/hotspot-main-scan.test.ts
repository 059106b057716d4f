import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { createMainThreadScanner } from '../../src/io/hotspots/main-scan.js';
import type { WorkerSetup } from '../../src/io/hotspots/protocol.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The CLI's main thread reads small directories from inside them (chdir, lstat by bare name): it
// must count what a worker counts, go down to a child by its name, and never count what sits on
// another filesystem when a directory was swapped for a symlink after it was queued.
describeWith(['mount'], 'the main thread scanning from inside each directory', () => {
  const tmp = makeTempDir('hotspot-main-scan', '/var/tmp');
  const top = path.join(tmp.dir, 'top');
  const child = path.join(top, 'child');
  fs.mkdirSync(child, { recursive: true });
  for (let i = 0; i < 7; i++) fs.writeFileSync(path.join(top, `f${i}`), Buffer.alloc(5000 * (i + 1), 0x61));
  fs.writeFileSync(path.join(child, 'a'), Buffer.alloc(9000, 1));
  fs.linkSync(path.join(child, 'a'), path.join(child, 'b'));
  const other = mountTmpfs(path.join(tmp.dir, 'other'), { size: '2m' });
  fs.writeFileSync(path.join(other.dir, 'elsewhere'), Buffer.alloc(300_000, 1));
  const home = process.cwd();
  afterEach(() => process.chdir(home));
  afterAll(() => {
    other.unmount();
    tmp.cleanup();
  });
  const setup = (): WorkerSetup => ({ rootDev: fs.statSync(tmp.dir).dev, skip: [], topFiles: 5, progressMs: 100, workers: 1 });
  const allocated = (p: string) => fs.lstatSync(p).blocks * 512;

  it('counts a directory from inside it and enters its child by name', () => {
    const offered: string[] = [];
    const main = createMainThreadScanner(setup(), (_b, _s, _d, name) => offered.push(String(name)));
    main.scanDir(1, top, fs.statSync(top).size);
    expect(process.cwd()).toBe(top);
    const first = main.take();
    expect(first.dirIds).toEqual([1]);
    expect(first.entries).toEqual([8]); // seven files and the child directory
    expect(first.fileBytes).toEqual([[0, 1, 2, 3, 4, 5, 6].reduce((s, i) => s + allocated(path.join(top, `f${i}`)), 0)]);
    expect(first.subPaths).toEqual([child]);
    expect(offered.sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
    main.scanDir(2, child, fs.statSync(child).size);
    expect(process.cwd()).toBe(child);
    const second = main.take();
    // two names of one inode: handed on as hard links for the scan to count once
    expect(second.linkInos).toEqual([fs.statSync(path.join(child, 'a')).ino, fs.statSync(path.join(child, 'a')).ino]);
    expect(second.errIds).toEqual([]);
    expect(main.take().linkInos).toEqual([]); // taken once
  });

  it('does not count what is on another filesystem when a queued directory became a symlink to it', () => {
    const swapped = path.join(tmp.dir, 'swapped');
    fs.mkdirSync(swapped);
    const size = fs.statSync(swapped).size;
    fs.rmdirSync(swapped);
    fs.symlinkSync(other.dir, swapped);
    const main = createMainThreadScanner(setup(), () => {});
    main.scanDir(3, swapped, size);
    const b = main.take();
    expect(b.fileBytes.reduce((s, x) => s + x, 0)).toBe(0);
    expect(b.entries.reduce((s, x) => s + x, 0)).toBe(0);
  });

  it('reports a directory that vanished before it was entered', () => {
    const main = createMainThreadScanner(setup(), () => {});
    main.scanDir(4, path.join(tmp.dir, 'gone'), 4096);
    expect(main.take().errMsgs).toEqual(['dir:ENOENT']);
  });
});
