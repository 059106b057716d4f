import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFastLstat } from '../../src/io/hotspots/fast-lstat.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const tmp = makeTempDir('fast-lstat');
afterAll(() => tmp.cleanup());
fs.writeFileSync(path.join(tmp.dir, 'file'), Buffer.alloc(10_000, 1));
fs.mkdirSync(path.join(tmp.dir, 'dir'));
fs.symlinkSync('file', path.join(tmp.dir, 'link'));
fs.linkSync(path.join(tmp.dir, 'file'), path.join(tmp.dir, 'hard'));
const odd = Buffer.concat([Buffer.from(tmp.dir + '/'), Buffer.from([0x66, 0xff, 0xfe])]);
fs.writeFileSync(odd, 'x');

// The six numbers a scan reads, from fs.lstatSync.
const want = (p: string | Buffer) => {
  const st = fs.lstatSync(p);
  return [st.dev, st.mode, st.nlink, st.ino, st.size, st.blocks];
};
const got = (a: ArrayLike<number> | undefined) => (a ? [a[0], a[1], a[2], a[7], a[8], a[9]] : a);

describe.each([
  ['through the fs binding', () => createFastLstat(fs, tmp.dir)],
  ['through fs.lstatSync when the binding answers wrongly', () => createFastLstat(fs, tmp.dir, () => ({ lstat: () => new Float64Array(36) }))],
  ['through fs.lstatSync when there is no binding', () => createFastLstat(fs, tmp.dir, () => undefined)],
])('fast lstat %s', (_, make) => {
  const lstat = make();
  it('answers like fs.lstatSync for a file, a directory, a symlink (not followed), a hard link and a non-UTF-8 name', () => {
    for (const name of ['file', 'dir', 'link', 'hard']) expect(got(lstat(path.join(tmp.dir, name)))).toEqual(want(path.join(tmp.dir, name)));
    expect(got(lstat(odd))).toEqual(want(odd));
  });
  it('says undefined for a path that is gone, and throws the errno of other failures', () => {
    expect(lstat(path.join(tmp.dir, 'gone'))).toBeUndefined();
    expect(() => lstat(path.join(tmp.dir, 'file', 'below'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });
});

it('uses the binding on this Node (its array is not the fallback array of 10)', () => {
  expect(createFastLstat(fs, tmp.dir)(tmp.dir)!.length).toBeGreaterThan(10);
  expect(createFastLstat(fs, tmp.dir, () => undefined)(tmp.dir)!.length).toBe(10);
});
