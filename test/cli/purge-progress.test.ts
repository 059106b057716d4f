import { describe, expect, it } from 'vitest';
import { purgeProgressPrinter } from '../../src/cli/purge-progress.js';
import type { PurgeProgress } from '../../src/core/purge/progress.js';
import { memoryIo } from '../helpers/memory-io.js';

// The purge's progress on the one stderr progress line: throttled, redrawn at once when the phase
// changes, the swap's moment kept on a line of its own, and silent off a terminal.

const at = (phase: PurgeProgress['phase'], done: number): PurgeProgress => ({ phase, done, bytesFreed: 0, ratePerS: 0, elapsedMs: 0, where: '/q/maildrop', dirBackInPlaceAfterMs: 200 });
const plain = { serial: false, ascii: true, color: false };

describe('purge progress on stderr', () => {
  it('redraws at most every 250 ms, at once on a new phase, and keeps the swap line and the last line', () => {
    const m = memoryIo({ tty: true });
    let t = 0;
    const p = purgeProgressPrinter(m.io, plain, () => t);
    p.onProgress(at('counting', 1));
    t = 100;
    p.onProgress(at('counting', 2));
    t = 120;
    p.onProgress(at('swapping', 0));
    t = 130;
    p.onProgress(at('deleting', 5));
    t = 300;
    p.onProgress(at('deleting', 6));
    t = 400;
    p.onProgress(at('deleting', 7));
    p.done();
    const out = m.stderr();
    expect(out).not.toContain('counting: 2 entries');
    expect(out).toContain('counting: 1 entries - /q/maildrop');
    // Cut to the terminal's width (79 columns here), and ended so the next line does not overwrite it.
    expect(out).toMatch(/\rswapped: \/q\/maildrop is back in place, empty, 0\.2s after start;[^\r\n]*\n\rdeleting: 5 removed/);
    expect(out).toContain('deleting: 5 removed');
    expect(out).toContain('deleting: 7 removed');
    expect(out).not.toContain('deleting: 6 removed');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('redraws at most twice a second on a serial console', () => {
    const m = memoryIo({ tty: true });
    let t = 0;
    const p = purgeProgressPrinter(m.io, { ...plain, serial: true }, () => t);
    for (t = 0; t < 1000; t += 100) p.onProgress(at('deleting', t));
    expect(m.stderr().split('\r').filter(Boolean).map((l) => l.trim())).toEqual(['deleting: 0 removed - /q/maildrop', 'deleting: 500 removed - /q/maildrop']);
  });

  it('prints nothing when stderr is not a terminal', () => {
    const m = memoryIo();
    const p = purgeProgressPrinter(m.io, plain);
    p.onProgress(at('counting', 1));
    p.onProgress(at('swapping', 0));
    p.done();
    expect(m.stderr()).toBe('');
  });
});
