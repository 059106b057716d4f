// Keeps the first and the last K names removed, in O(K) memory, for the incident file: which files
// were the oldest and newest arrivals in the purged pile, without a list of millions of names.
export class FirstLastNames<T> {
  private readonly first: T[] = [];
  private readonly ring: T[] = [];
  private next = 0;
  private seen = 0;
  constructor(private readonly k: number) {}

  // Records one name (in the order entries were removed).
  add(item: T): void {
    this.seen++;
    if (this.first.length < this.k) {
      this.first.push(item);
      return;
    }
    if (this.k === 0) return;
    if (this.ring.length < this.k) this.ring.push(item);
    else this.ring[this.next] = item;
    this.next = (this.next + 1) % this.k;
  }

  // The first K names.
  head(): T[] {
    return [...this.first];
  }

  // The last K names, oldest first; overlaps nothing with head() (fewer when under 2K were seen).
  tail(): T[] {
    if (this.ring.length < this.k) return [...this.ring];
    return [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  // How many names were offered in all.
  get count(): number {
    return this.seen;
  }
}
