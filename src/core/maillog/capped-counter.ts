// Counts by key with a bound on distinct keys: a log of a million clients must not grow a
// million-entry map. Once full, new keys go to `overflow` (what was counted stays exact).
export class CappedCounter {
  readonly map = new Map<string, number>();
  overflow = 0;
  constructor(readonly cap = 20_000) {}

  // Adds n to key (a flat copy of the key is stored, never a slice of a chunk).
  add(key: string, n = 1): void {
    const v = this.map.get(key);
    if (v !== undefined) this.map.set(key, v + n);
    else if (this.map.size < this.cap) this.map.set(key.length >= 13 ? Buffer.from(key, 'latin1').toString('latin1') : key, n);
    else this.overflow += n;
  }

  // The k largest, largest first (ties by key, so output is repeatable).
  top(k: number): { key: string; count: number }[] {
    return [...this.map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k).map(([key, count]) => ({ key, count }));
  }

  // Sum of every count, overflow included.
  total(): number {
    let t = this.overflow;
    for (const v of this.map.values()) t += v;
    return t;
  }
}
