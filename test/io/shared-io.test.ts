import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamDir, streamDirBuffers, direntKind } from '../../src/io/walk/dir-stream.js';
import { appendIncidentSection } from '../../src/io/incident/sink.js';
import { fsUsageOf } from '../../src/io/disks/fs-usage.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { describeWith } from '../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs } from '../helpers/mounts.js';

describe('directory streaming', () => {
  const tmp = makeTempDir('dirstream');
  afterAll(tmp.cleanup);
  for (let i = 0; i < 2500; i++) fs.writeFileSync(path.join(tmp.dir, `f${i}`), '');
  fs.mkdirSync(path.join(tmp.dir, 'sub'));
  fs.symlinkSync('/etc', path.join(tmp.dir, 'link'));
  const raw = Buffer.concat([Buffer.from(tmp.dir + '/'), Buffer.from([0x62, 0xff, 0x0a])]);
  fs.writeFileSync(raw, '');

  it('yields every entry once, in batches, with kinds from d_type', async () => {
    const seen = new Map<string, string>();
    let batches = 0;
    for await (const b of streamDir(tmp.dir, { batchSize: 100 })) {
      batches++;
      expect(b.length).toBeLessThanOrEqual(100);
      for (const d of b) seen.set(d.name, direntKind(d));
    }
    expect(seen.size).toBe(2503);
    expect(batches).toBeGreaterThanOrEqual(26);
    expect(seen.get('sub')).toBe('dir');
    expect(seen.get('link')).toBe('symlink');
    expect(seen.get('f7')).toBe('file');
  });

  it('gives exact bytes for names that are not UTF-8', async () => {
    const names: Buffer[] = [];
    for await (const b of streamDirBuffers(tmp.dir)) for (const d of b) names.push(d.name);
    expect(names.some((n) => n.equals(Buffer.from([0x62, 0xff, 0x0a])))).toBe(true);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    let n = 0;
    await expect(
      (async () => {
        for await (const b of streamDir(tmp.dir, { batchSize: 10, signal: ac.signal })) {
          n += b.length;
          ac.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(n).toBe(10);
  });

  it('fails at once on a missing directory or a file', () => {
    expect(() => streamDir(path.join(tmp.dir, 'nope'))).toThrow(/ENOENT/);
    expect(() => streamDir(path.join(tmp.dir, 'f1'))).toThrow(/ENOTDIR/);
  });
});

describe('incident sink', () => {
  const tmp = makeTempDir('sink');
  afterAll(tmp.cleanup);
  it('creates the file 0600 and appends, never overwrites', () => {
    const f = path.join(tmp.dir, 'incident.md');
    expect(appendIncidentSection(f, '# one').ok).toBe(true);
    expect(appendIncidentSection(f, '# two\n').ok).toBe(true);
    const text = fs.readFileSync(f, 'utf8');
    expect(text.indexOf('# one\n')).toBeGreaterThan(-1);
    expect(text.indexOf('# two\n')).toBeGreaterThan(text.indexOf('# one\n'));
    expect(text.match(/spoolrescue-seal/g)).toHaveLength(2);
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
  });
  it('refuses to write through a symlink', () => {
    const link = path.join(tmp.dir, 'evil.md');
    fs.symlinkSync(path.join(tmp.dir, 'target.md'), link);
    const r = appendIncidentSection(link, 'x');
    expect(r.ok).toBe(false);
    expect(r.errorCode).toBe('EREFUSED');
    expect(r.message).toContain('symbolic link');
    expect(fs.existsSync(path.join(tmp.dir, 'target.md'))).toBe(false);
  });
});

describeWith(['mount'], 'incident sink and usage on a full filesystem', () => {
  const tmp = makeTempDir('sink-full');
  const mnt = mountTmpfs(path.join(tmp.dir, 'm'), { size: '1m', nrInodes: 64 });
  afterAll(() => {
    mnt.unmount();
    tmp.cleanup();
  });
  it('reports usage of the tmpfs and a partial write with ENOSPC', () => {
    const u = fsUsageOf(path.join(mnt.dir, 'not-yet'));
    expect(u).toMatchObject({ mount: mnt.dir, fstype: 'tmpfs', sizeBytes: 1 << 20, inodes: 64 });
    const f = path.join(mnt.dir, 'incident.md');
    expect(appendIncidentSection(f, 'start').ok).toBe(true);
    fillFilesystem(mnt.dir);
    expect(fsUsageOf(mnt.dir).availBytes).toBe(0);
    const r = appendIncidentSection(f, 'x'.repeat(64 * 1024));
    expect(r.ok).toBe(false);
    expect(r.errorCode).toBe('ENOSPC');
    expect(fs.readFileSync(f, 'utf8')).toContain('\nstart\n');
  });
});
