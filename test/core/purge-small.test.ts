import { describe, expect, it } from 'vitest';
import { asideName, freshName, parseLeftoverName, purgeStamp } from '../../src/core/purge/aside.js';
import { FirstLastNames } from '../../src/core/purge/names.js';
import { etaSeconds, progressLine, RateMeter } from '../../src/core/purge/progress.js';
import { parseIdFile } from '../../src/core/purge/owner-names.js';
import { fmtDuration } from '../../src/core/text/units.js';

describe('set-aside names', () => {
  const stamp = purgeStamp(Date.UTC(2026, 10, 22, 7, 14, 44), 4242);
  it('stamps time and pid', () => expect(stamp).toBe('20261122T071444Z-4242'));
  it('names the copies so a rerun recognises them, and only them', () => {
    expect(asideName('maildrop', stamp)).toBe('.maildrop.spoolrescue-purge-20261122T071444Z-4242');
    expect(parseLeftoverName(asideName('maildrop', stamp), 'maildrop')).toEqual({ kind: 'aside', stamp });
    expect(parseLeftoverName(freshName('maildrop', stamp), 'maildrop')).toEqual({ kind: 'fresh', stamp });
    expect(parseLeftoverName(asideName('maildrop', stamp), 'bounce')).toBeUndefined();
    expect(parseLeftoverName('.maildrop.spoolrescue-purge-garbage', 'maildrop')).toBeUndefined();
    expect(parseLeftoverName('maildrop', 'maildrop')).toBeUndefined();
  });
});

describe('FirstLastNames', () => {
  it('keeps the first and last K in order, in O(K)', () => {
    const k = new FirstLastNames<number>(3);
    for (let i = 0; i < 100; i++) k.add(i);
    expect(k.head()).toEqual([0, 1, 2]);
    expect(k.tail()).toEqual([97, 98, 99]);
    expect(k.count).toBe(100);
  });
  it('never repeats a name when fewer than 2K were seen', () => {
    const k = new FirstLastNames<number>(3);
    for (let i = 0; i < 5; i++) k.add(i);
    expect(k.head()).toEqual([0, 1, 2]);
    expect(k.tail()).toEqual([3, 4]);
  });
});

describe('progress arithmetic', () => {
  it('measures the rate over a sliding window', () => {
    const m = new RateMeter(1000);
    expect(m.sample(0, 0)).toBe(0);
    expect(m.sample(500, 500)).toBe(1000);
    expect(m.sample(1000, 1000)).toBe(1000);
    expect(m.sample(2000, 1100)).toBe(100);
  });
  it('gives an ETA only with a total and a rate', () => {
    expect(etaSeconds(100, 1100, 100)).toBe(10);
    expect(etaSeconds(100, undefined, 100)).toBeUndefined();
    expect(etaSeconds(100, 1000, 0)).toBeUndefined();
  });
  it('formats durations for people', () => {
    expect(fmtDuration(2.345)).toBe('2.3s');
    expect(fmtDuration(42)).toBe('42s');
    expect(fmtDuration(185)).toBe('3m 05s');
    expect(fmtDuration(3725)).toBe('1h 02m');
  });
  it('prints one line with counts, bytes, rate and ETA first, the path last and escaped', () => {
    const line = progressLine({ phase: 'deleting', where: '/q/mail\ndrop', done: 120_000, total: 1_000_000, bytesFreed: 3 * 2 ** 20, ratePerS: 80_000, etaS: 11, elapsedMs: 1500 });
    expect(line).toBe('deleting: 120,000 / 1,000,000 (12%) removed, 3 MiB freed, 80,000/s, ETA 11s - /q/mail\\ndrop');
    expect(progressLine({ phase: 'counting', where: '/q', done: 5000, bytesFreed: 0, ratePerS: 0, elapsedMs: 1 })).toBe('counting: 5,000 entries - /q');
    expect(progressLine({ phase: 'swapping', where: '/q', done: 0, bytesFreed: 0, ratePerS: 0, elapsedMs: 1, dirBackInPlaceAfterMs: 210 })).toBe(
      'swapped: /q is back in place, empty, 0.2s after start; the old one is deleted next',
    );
  });
});

describe('parseIdFile', () => {
  it('maps ids and names both ways, skipping junk', () => {
    const ids = parseIdFile('root:x:0:0:root:/root:/bin/bash\n# comment\npostfix:x:107:114::/var/spool/postfix:/usr/sbin/nologin\nbad line\nx:y:notanumber\n');
    expect(ids.byId.get(107)).toBe('postfix');
    expect(ids.byName.get('root')).toBe(0);
    expect(ids.byId.size).toBe(2);
  });
});
