import { describe, expect, it } from 'vitest';
import { FrameWriter, changedSpans, clampRow, spanUpdate, surelyFits } from '../../src/ui/terminal/frame-writer.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { ScreenModel } from './screen-model.js';

// The writer must reproduce every frame exactly while sending as little as possible.

function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomFrame(r: () => number, prev: string[] | null, columns: number, rows: number): string[] {
  const chars = 'abc xyz0123456789-#';
  const line = () => Array.from({ length: Math.floor(r() * columns) }, () => chars[Math.floor(r() * chars.length)]).join('');
  if (!prev) return Array.from({ length: rows }, line);
  return prev.map((l) => {
    const roll = r();
    if (roll < 0.6) return l;
    if (roll < 0.8) return line();
    const a = [...l.padEnd(columns, ' ').slice(0, columns)];
    for (let i = 0; i < 3; i++) a[Math.floor(r() * columns)] = chars[Math.floor(r() * chars.length)];
    return a.join('').replace(/\s+$/, '').slice(0, Math.floor(r() * columns) + 1);
  });
}

function writer(spans: boolean, columns = 40, rows = 10) {
  const screen = new ScreenModel(columns, rows);
  let now = 0;
  const w = new FrameWriter({ write: (s) => screen.apply(s), columns, rows, spans, minIntervalMs: 0, now: () => now++ });
  return { w, screen };
}

describe('frame writer', () => {
  it.each([true, false])('reproduces every frame exactly (spans: %s)', (spans) => {
    const r = rng(7);
    const { w, screen } = writer(spans);
    let frame: string[] | null = null;
    for (let i = 0; i < 300; i++) {
      frame = randomFrame(r, frame, 40, 10);
      w.push(frame.join('\n'));
      const expected = frame.map((l, row) => (spans && row === 9 ? l.slice(0, 39) : l).replace(/\s+$/, '')).join('\n');
      expect(screen.text()).toBe(expected);
    }
  });

  it('sends only the changed digits of a progress line', () => {
    const prev = 'Removed   123,456 of 1,000,000 [##--------]  12%';
    const next = 'Removed   129,001 of 1,000,000 [##--------]  12%';
    expect(changedSpans(prev, next)).toEqual([[12, 17]]);
    expect(spanUpdate(5, prev, next)).toBe('\u001b[5;13H9,001');
    expect(spanUpdate(5, 'rate 12,345/s   ETA 1m 15s', 'rate 12,399/s   ETA 1m 14s')).toBe('\u001b[5;10H99\u001b[13C4');
    expect(spanUpdate(2, 'long line here', 'long')).toBe('\u001b[2;5H\u001b[K');
  });

  it('writes at most once per interval, the latest frame last, and nothing for an unchanged frame', () => {
    let now = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const writes: string[] = [];
    const w = new FrameWriter({
      write: (s) => writes.push(s),
      columns: 20,
      rows: 3,
      spans: true,
      minIntervalMs: 500,
      now: () => now,
      setTimer: (fn, ms) => timers.push({ at: now + ms, fn }),
      clearTimer: () => undefined,
    });
    w.push('a\nb\nc');
    expect(writes).toHaveLength(1);
    now = 100;
    w.push('a\nB\nc');
    now = 200;
    w.push('a\nBB\nc');
    expect(writes).toHaveLength(1);
    expect(timers).toHaveLength(1);
    now = timers[0].at;
    timers[0].fn();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe('\u001b[2;1HBB');
    now = 2000;
    w.push('a\nBB\nc');
    expect(writes).toHaveLength(2);
    expect(w.stats.flushes).toBe(2);
  });

  it('never fills the bottom-right cell on a serial console, and redraws all after invalidate', () => {
    const { w, screen } = writer(true, 10, 2);
    w.push('0123456789\n0123456789');
    expect(screen.text()).toBe('0123456789\n012345678');
    w.invalidate();
    w.push('0123456789\n0123456789');
    expect(screen.text()).toBe('0123456789\n012345678');
  });

  it('cuts a row wider than the terminal by display width, colours kept, so it cannot wrap onto the next row', () => {
    const wide = `\u001b[31m${'削'.repeat(41)}\u001b[39m`;
    const cut = clampRow(wide, 80);
    expect(displayWidth(cut)).toBe(80);
    expect(cut.startsWith('\u001b[31m')).toBe(true);
    expect(cut).toContain('削'.repeat(40));
    expect(cut).not.toContain('削'.repeat(41));
    // a wide character that would straddle the last column is left out whole
    expect(displayWidth(clampRow(`a${'削'.repeat(40)}`, 80))).toBe(79);
    expect(clampRow('short 削', 80)).toBe('short 削');
    const written: string[] = [];
    const w = new FrameWriter({ write: (d) => written.push(d), columns: 80, rows: 3, spans: false, minIntervalMs: 0, now: () => 0 });
    w.push(['x', wide, 'y'].join('\n'));
    const row2 = written.join('').split('\u001b[2;1H')[1]!.split('\u001b[K')[0]!;
    expect(displayWidth(row2)).toBeLessThanOrEqual(80);
  });

  it('measures only rows that might be too wide: columns/2 wide characters fit uncut, one more is cut', () => {
    const written: string[] = [];
    const w = new FrameWriter({ write: (d) => written.push(d), columns: 80, rows: 2, spans: false, minIntervalMs: 0, now: () => 0 });
    const rowOf = (n: number) => written.join('').split(`\u001b[${n};1H`)[1]!.split('\u001b[K')[0]!;
    w.push(`${'削'.repeat(40)}\n${'削'.repeat(41)}`);
    expect(rowOf(1)).toBe('削'.repeat(40));
    expect(rowOf(2)).toBe(`${'削'.repeat(40)}\u001b[0m`);
    expect(surelyFits('削'.repeat(40), 80)).toBe(true);
    expect(surelyFits('削'.repeat(41), 80)).toBe(false);
    expect(surelyFits('削'.repeat(40), 79)).toBe(false);
    // colours take no columns: 80 coloured letters fit, 81 do not
    expect(surelyFits(`\u001b[1m\u001b[38;5;208m${'a'.repeat(80)}\u001b[39m\u001b[22m`, 80)).toBe(true);
    expect(surelyFits(`\u001b[1m${'a'.repeat(81)}\u001b[22m`, 80)).toBe(false);
    // an escape that does not end as a CSI sequence is counted, not skipped
    expect(surelyFits(`\u001b[${'削'.repeat(40)}`, 80)).toBe(false);
  });

  it('never calls a row fitting that clampRow would cut (the bound holds for every character)', () => {
    // no character below U+1100 takes more than one column, none above more than two a UTF-16 unit
    for (let c = 0x20; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      expect(displayWidth(String.fromCharCode(c)), c.toString(16)).toBeLessThanOrEqual(c < 0x1100 ? 1 : 2);
    }
    const units = ['a', ' ', '削', 'ｱ', '\u0301', '👍', '©\ufe0f', '\u001b[31m', '\u001b[0m', '\u001b[', '\u001b]0;t\u0007', '\u200b', 'é'];
    const r = rng(7);
    let fitted = 0;
    for (let n = 0; n < 3000; n++) {
      const columns = 10 + Math.floor(r() * 70);
      let row = '';
      const len = Math.floor(r() * columns * 1.3);
      for (let k = 0; k < len; k++) row += units[Math.floor(r() * units.length)];
      if (!surelyFits(row, columns)) continue;
      fitted++;
      expect(clampRow(row, columns), JSON.stringify(row)).toBe(row);
      expect(displayWidth(row)).toBeLessThanOrEqual(columns);
    }
    expect(fitted).toBeGreaterThan(500);
  });
});
