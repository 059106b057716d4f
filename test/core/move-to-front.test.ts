import { describe, expect, it } from 'vitest';
import { moveToFront } from '../../src/core/hotspots/move-to-front.js';

describe('moving the end of a queue to its front', () => {
  it('puts a[from..] first and keeps both parts in order, for numbers and for text', () => {
    const sizes = [4096.5, 8192, 12288, 1, 2];
    moveToFront(sizes, 3);
    expect(sizes).toEqual([1, 2, 4096.5, 8192, 12288]);
    const paths = ['a', 'b', 'c'];
    moveToFront(paths, 1);
    expect(paths).toEqual(['b', 'c', 'a']);
  });

  it('leaves the queue as it is when nothing or everything would move', () => {
    const q = [1, 2, 3];
    moveToFront(q, 3);
    expect(q).toEqual([1, 2, 3]);
    moveToFront(q, 0);
    expect(q).toEqual([1, 2, 3]);
    const empty: number[] = [];
    moveToFront(empty, 0);
    expect(empty).toEqual([]);
  });
});
