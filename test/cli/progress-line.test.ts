import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress-line.js';
import { memoryIo } from '../helpers/memory-io.js';

describe('progress line on stderr', () => {
  it('redraws in place at most every interval, never wider than the terminal, and erases itself', () => {
    const m = memoryIo({ tty: true });
    let t = 0;
    const p = progressLine(m.io, false, { now: () => t });
    p.update('counting: 1 entries');
    t = 50;
    p.update('counting: 2 entries');
    t = 100;
    p.update('counting: 3 entries');
    p.update('x'.repeat(200), true);
    p.clear();
    const frames = m.stderr().split('\r').filter(Boolean);
    expect(frames[0]).toBe('counting: 1 entries');
    expect(frames[1]).toBe('counting: 3 entries');
    expect(frames[2]).toBe('x'.repeat(79));
    expect(frames[3].trim()).toBe('');
    expect(m.stderr().endsWith('\r')).toBe(true);
  });

  it('redraws at most twice a second on a serial console', () => {
    const m = memoryIo({ tty: true });
    let t = 0;
    const p = progressLine(m.io, true, { now: () => t });
    for (t = 0; t < 1000; t += 100) p.update(`n=${t}`);
    expect(m.stderr().split('\r').filter(Boolean)).toEqual(['n=0', 'n=500']);
  });

  it('prints nothing when stderr is not a terminal', () => {
    const m = memoryIo();
    const p = progressLine(m.io, false);
    p.update('counting');
    p.clear();
    expect(m.stderr()).toBe('');
  });
});
