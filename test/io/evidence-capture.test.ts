import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { captureEvidence } from '../../src/io/incident/evidence-capture.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The in-process capture the TUI calls: a real file that grows while it is read.
describe('captureEvidence on a spool being delivered to', () => {
  const tmp = makeTempDir('evidence');
  afterAll(tmp.cleanup);
  const spool = path.join(tmp.dir, 'root');
  const m = writeMbox({ path: spool, rng: createRng(5), messages: 400, collect: true, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1) });

  it('stops at the size taken at start and reports what arrived meanwhile', async () => {
    const late = 'From late@x  Mon Jan  5 12:00:00 2026\nSubject: late\n\nbody\n\n';
    let appended = false;
    const o = await captureEvidence({
      hostPath: spool,
      paths: createSystemPaths(undefined, tmp.dir),
      items: 3,
      chunkSize: 4096,
      onProgress: () => {
        if (!appended) fs.appendFileSync(spool, late);
        appended = true;
      },
    });
    expect(appended).toBe(true);
    expect(o.kind).toBe('mbox');
    if (o.kind !== 'mbox') return;
    expect(o.data.grewBy).toBe(late.length);
    expect(o.data.capture.last.map((x) => x.bytes.toString())).toEqual(m.texts!.slice(-3));
    expect(o.markdown).toContain(`grew by ${late.length} bytes while it was read`);
  });

  it('stops promptly when aborted, writing nothing', async () => {
    const ac = new AbortController();
    const p = captureEvidence({ hostPath: spool, paths: createSystemPaths(undefined, tmp.dir), count: true, chunkSize: 512, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(p).rejects.toThrow();
  });
});
