import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statfsMounts, statfsPaths } from '../../src/io/disks/statfs.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('statfs without hanging', () => {
  const tmp = makeTempDir('statfs');
  afterAll(tmp.cleanup);

  it('gives the same numbers as an in-process statfs, through the helper process', async () => {
    const [root, missing] = await statfsPaths(['/', path.join(tmp.dir, 'missing')]);
    const s = fs.statfsSync('/');
    expect(root.ok).toBe(true);
    if (root.ok) {
      expect(root.stats.bsize).toBe(s.bsize);
      expect(root.stats.blocks).toBe(s.blocks);
      expect(root.stats.files).toBe(s.files);
    }
    expect(missing).toMatchObject({ ok: false, timedOut: false, problem: { code: 'failed', errno: 'ENOENT' } });
  });

  it('answers at once for no paths', async () => {
    expect(await statfsPaths([])).toEqual([]);
  });

  it('reports paths without an answer by the deadline as not responding, and returns', async () => {
    const silent = path.join(tmp.dir, 'silent-helper');
    fs.writeFileSync(silent, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const r = await statfsPaths(['/', '/tmp'], { timeoutMs: 300, nodePath: silent });
    expect(r).toEqual([
      { ok: false, timedOut: true, problem: { code: 'timed-out', ms: 300 } },
      { ok: false, timedOut: true, problem: { code: 'timed-out', ms: 300 } },
    ]);
  });

  it('says so when the helper cannot start', async () => {
    const [r] = await statfsPaths(['/'], { nodePath: path.join(tmp.dir, 'no-such-node') });
    expect(r).toMatchObject({ ok: false, timedOut: false });
    expect(!r.ok && r.problem.code).toMatch(/^helper-(not-started|ended)$/);
  });

  it('stops on abort', async () => {
    const silent = path.join(tmp.dir, 'silent-helper2');
    fs.writeFileSync(silent, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const ac = new AbortController();
    const p = statfsPaths(['/'], { timeoutMs: 60_000, nodePath: silent, signal: ac.signal });
    ac.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });

  it('asks local filesystems in-process and others through the helper', async () => {
    const silent = path.join(tmp.dir, 'silent-helper3');
    fs.writeFileSync(silent, '#!/bin/sh\nexec sleep 60\n', { mode: 0o755 });
    const r = await statfsMounts(
      [
        { mountPoint: '/', fstype: 'ext4' },
        { mountPoint: '/', fstype: 'nfs4' },
      ],
      { timeoutMs: 200, nodePath: silent },
    );
    expect(r[0].ok).toBe(true);
    expect(r[1]).toMatchObject({ ok: false, timedOut: true });
  });
});
