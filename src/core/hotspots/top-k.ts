interface Slot<T> {
  key: number;
  /** Arrival order: among equal keys the first seen wins and comes first (stable, repeatable output). */
  seq: number;
  item: T;
}

// Heap order: (key, seq) lexicographically.
const above = <T>(a: Slot<T>, b: Slot<T>): boolean => a.key > b.key || (a.key === b.key && a.seq > b.seq);

// Keeps the K items with the smallest key seen so far in O(K) memory (a binary max-heap on key),
// so "the 10 oldest of 5 million files" never holds 5 million entries.
export class SmallestK<T> {
  private heap: Slot<T>[] = [];
  private seen = 0;
  constructor(private readonly k: number) {}

  // Offers an item; kept only if it is among the K smallest keys so far.
  offer(key: number, item: T): void {
    if (this.k <= 0) return;
    const h = this.heap;
    const seq = this.seen++;
    if (h.length < this.k) {
      h.push({ key, seq, item });
      this.up(h.length - 1);
    } else if (key < h[0].key) {
      h[0] = { key, seq, item };
      this.down(0);
    }
  }

  // Whether a key would be kept (lets callers skip building the item).
  wouldKeep(key: number): boolean {
    return this.k > 0 && (this.heap.length < this.k || key < this.heap[0].key);
  }

  // The key an item must be under to be kept: +Infinity until K are kept (-Infinity when K is 0).
  ceiling(): number {
    if (this.k <= 0) return -Infinity;
    return this.heap.length < this.k ? Infinity : this.heap[0].key;
  }

  // The kept items, smallest key first (equal keys in the order they were offered).
  sorted(): T[] {
    return [...this.heap].sort((a, b) => a.key - b.key || a.seq - b.seq).map((e) => e.item);
  }

  get size(): number {
    return this.heap.length;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!above(h[i], h[p])) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && above(h[l], h[m])) m = l;
      if (r < h.length && above(h[r], h[m])) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}

// Keeps the K items with the largest key (the newest files, the biggest directories).
export class LargestK<T> {
  private inner: SmallestK<T>;
  constructor(k: number) {
    this.inner = new SmallestK<T>(k);
  }
  offer(key: number, item: T): void {
    this.inner.offer(-key, item);
  }
  wouldKeep(key: number): boolean {
    return this.inner.wouldKeep(-key);
  }
  // The key an item must be over to be kept: -Infinity until K are kept (+Infinity when K is 0),
  // for a loop that compares instead of calling wouldKeep for each item.
  floor(): number {
    return -this.inner.ceiling();
  }
  // The kept items, largest key first (equal keys in the order they were offered).
  sorted(): T[] {
    return this.inner.sorted();
  }
  get size(): number {
    return this.inner.size;
  }
}
