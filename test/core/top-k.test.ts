import { describe, expect, it } from 'vitest';
import { LargestK, SmallestK } from '../../src/core/hotspots/top-k.js';
import { createRng } from '../../fixtures/lib/prng.js';

describe('top-k', () => {
  it('keeps exactly the k smallest and k largest of a random stream', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 5000 }, () => rng.int(0, 1e9));
    const small = new SmallestK<number>(10);
    const large = new LargestK<number>(10);
    for (const x of xs) {
      small.offer(x, x);
      large.offer(x, x);
    }
    const sorted = [...xs].sort((a, b) => a - b);
    expect(small.sorted()).toEqual(sorted.slice(0, 10));
    expect(large.sorted()).toEqual(sorted.slice(-10).reverse());
    expect(small.size).toBe(10);
  });
  it('handles fewer items than k and k = 0', () => {
    const s = new SmallestK<string>(5);
    s.offer(2, 'b');
    s.offer(1, 'a');
    expect(s.sorted()).toEqual(['a', 'b']);
    const z = new SmallestK<string>(0);
    z.offer(1, 'x');
    expect(z.sorted()).toEqual([]);
    expect(z.wouldKeep(0)).toBe(false);
  });
});

describe('top-k ties', () => {
  it('keeps the first seen among equal keys and lists them in arrival order', () => {
    const s = new SmallestK<string>(3);
    const l = new LargestK<string>(3);
    for (const [k, v] of [[5, 'a'], [1, 'b'], [1, 'c'], [1, 'd'], [1, 'e'], [9, 'f'], [9, 'g']] as const) {
      s.offer(k, v);
      l.offer(k, v);
    }
    expect(s.sorted()).toEqual(['b', 'c', 'd']);
    expect(l.sorted()).toEqual(['f', 'g', 'a']);
  });
});

describe('top-k bounds', () => {
  it('says the key an item must beat, the same answer as wouldKeep for every key', () => {
    const l = new LargestK<number>(3);
    const s = new SmallestK<number>(3);
    expect(l.floor()).toBe(-Infinity);
    expect(s.ceiling()).toBe(Infinity);
    for (const k of [7, 3, 9, 3, 12, 1]) {
      l.offer(k, k);
      s.offer(k, k);
      for (const probe of [0, 1, 3, 5, 7, 9, 12, 13]) {
        expect(probe > l.floor()).toBe(l.wouldKeep(probe));
        expect(probe < s.ceiling()).toBe(s.wouldKeep(probe));
      }
    }
    expect(l.floor()).toBe(7);
    expect(s.ceiling()).toBe(3);
    expect(new LargestK<number>(0).floor()).toBe(Infinity);
  });
});
