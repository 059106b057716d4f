import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeStormLog } from '../../fixtures/lib/maillog-storm.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The full pass's progress line (rate, ETA) on a terminal, and Ctrl-C keeping partial counts.
describe('spoolrescue maillog progress and Ctrl-C (in-process)', () => {
  const tmp = makeTempDir('maillog-progress', '/var/tmp');
  afterAll(tmp.cleanup);
  const log = path.join(tmp.dir, 'maillog');
  beforeAll(() => {
    writeStormLog({ path: log, rng: createRng(2), startDay: new Date(Date.UTC(2026, 11, 1)), days: 6, bytes: 24 << 20, storm: { perDay: [10, 20, 30] } });
  });

  it('draws rate and ETA on stderr when it is a terminal, never on stdout', async () => {
    const m = memoryIo({ tty: true });
    const code = await runCli(['maillog', log, '--json'], { io: m.io });
    expect(code).toBe(0);
    expect(m.stderr()).toMatch(/\rmaillog: [\d.]+ (B|KiB|MiB) of [\d.]+ MiB \(\d+%\), [\d.]+ (B|KiB|MiB|GiB)\/s, ETA ([\dhms. ]+|-), [\d,]+ lines/);
    expect(JSON.parse(m.stdout()).pass.complete).toBe(true);
  });

  it('Ctrl-C stops the pass, prints the partial counts and exits 1', async () => {
    const m = memoryIo({ tty: false });
    const ac = new AbortController();
    const run = runCli(['maillog', log, '--json'], { io: m.io, signal: ac.signal });
    setTimeout(() => ac.abort(new Error('interrupted by Ctrl-C')), 5);
    expect(await run).toBe(1);
    const j = JSON.parse(m.stdout());
    expect(j.pass).toMatchObject({ complete: false, aborted: true });
    expect(j.report.sizeBytes).toBeLessThan(fs.statSync(log).size);
    expect(m.stderr()).toContain('interrupted; the counts above cover the part read before Ctrl-C');
  });
});
