import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { runCaptureAll, type CaptureAllProgress } from '../../src/ops/capture-all.js';
import { realCaptureDeps } from '../../src/ops/real/capture.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Evidence in one go on real files: a spool, a queue directory and a log captured by the one
// capture op into ONE incident file on another filesystem, in order, with one progress; a
// missing source is an entry with its error and the others still run; an abort before the start
// writes nothing.
describeWith(['mount'], 'capture-all: every source into one incident file', () => {
  const tmp = makeTempDir('ops-capture-all', '/var/tmp');
  const evidence = mountTmpfs(path.join(tmp.dir, 'evidence'), { size: '16m' });
  const small = mountTmpfs(path.join(tmp.dir, 'small'), { size: '8m' });
  afterAll(() => {
    evidence.unmount();
    small.unmount();
    tmp.cleanup();
  });
  const spool = path.join(tmp.dir, 'root');
  fs.writeFileSync(spool, Array.from({ length: 12 }, (_, i) => `From cron@x Thu Jan  ${i + 1} 00:00:00 2026\nSubject: job ${i}\n\nout ${i}\n\n`).join(''));
  const queue = path.join(tmp.dir, 'maildrop');
  fs.mkdirSync(queue);
  for (let i = 0; i < 20; i++) {
    const f = path.join(queue, `A${String(i).padStart(4, '0')}`);
    fs.writeFileSync(f, 'x');
    fs.utimesSync(f, 1_700_000_000 + i * 60, 1_700_000_000 + i * 60);
  }
  const log = path.join(tmp.dir, 'maillog');
  fs.writeFileSync(log, Array.from({ length: 30 }, (_, i) => `2026-01-01T00:${String(i).padStart(2, '0')}:00+00:00 mx postfix/qmgr[1]: 4A${i}: removed\n`).join(''));
  const paths = createSystemPaths(undefined);

  it('captures each source in order into the one file, reports one progress, keeps going past a missing one', async () => {
    const incidentFile = path.join(evidence.dir, 'incident.md');
    const seen: CaptureAllProgress[] = [];
    const missing = path.join(tmp.dir, 'gone');
    const r = await runCaptureAll({ sources: [spool, missing, queue, log], paths, incidentFile, force: false, items: 3 }, realCaptureDeps(), (p) => seen.push(p));
    expect(r.aborted).toBe(false);
    expect(r.incidentFile).toBe(incidentFile);
    expect(r.items.map((i) => [i.source, i.ok])).toEqual([[spool, true], [missing, false], [queue, true], [log, true]]);
    expect(r.items[1].ok ? '' : r.items[1].error).toMatch(/gone/);
    expect([...new Set(seen.map((p) => p.index))]).toEqual([0, 1, 2, 3]);
    expect(seen.every((p) => p.count === 4)).toBe(true);
    const text = fs.readFileSync(incidentFile, 'utf8');
    expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
    const order = ['spoolrescue capture: mbox', 'spoolrescue capture: queue', 'spoolrescue capture: log'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const s of ['job 0', 'job 2', 'job 9', 'job 11']) expect(text).toContain(`Subject: ${s}\n`);
    expect(text).not.toContain('Subject: job 5\n');
    expect(text).toContain('A0000');
    expect(text).toContain('A0019');
  });

  it('a refused destination (too small) is said once and nothing is written', async () => {
    const incidentFile = path.join(small.dir, 'incident.md');
    const r = await runCaptureAll({ sources: [spool, queue, log], paths, incidentFile, force: false, items: 3 }, realCaptureDeps());
    expect(r.items).toHaveLength(1);
    expect(r.items[0].ok ? '' : r.items[0].error).toMatch(/^refusing to write the incident file .*: .* has only .* available \(need 10 MB\)\. Nothing was written\.$/);
    expect(fs.existsSync(incidentFile)).toBe(false);
  });

  it('an abort before the first source writes nothing and says so', async () => {
    const incidentFile = path.join(evidence.dir, 'aborted.md');
    const ac = new AbortController();
    ac.abort();
    const r = await runCaptureAll({ sources: [spool, queue], paths, incidentFile, force: false, items: 3 }, realCaptureDeps(), undefined, ac.signal);
    expect(r).toEqual({ incidentFile, items: [], aborted: true });
    expect(fs.existsSync(incidentFile)).toBe(false);
  });
});
