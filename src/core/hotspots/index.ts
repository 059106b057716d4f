// Per-directory aggregates of a hotspot scan: one compact record per directory and none per file,
// so a million-file maildrop costs one record. After finish(), every directory also knows its
// subtree totals and its children, which is what the walk's drill-down needs without a rescan.

// A path or name as found on disk: text, or exact bytes when it is not valid UTF-8.
export type PathPart = string | Uint8Array;

// Identifies a directory in the index (the start directory is 0).
export type DirId = number;

// One directory with its direct and subtree totals.
export interface DirSummary {
  id: DirId;
  /** Parent id, -1 for the start directory. */
  parent: DirId;
  name: PathPart;
  path: PathPart;
  /** Allocated bytes of the files directly inside (not subdirectories). */
  bytes: number;
  /** Entries directly inside: files, subdirectories, everything (like ls | wc -l). */
  entries: number;
  /** Allocated bytes of the directory inode itself. */
  selfBytes: number;
  /** Everything below and including the directory, like du -sx -B1 and du -sx --inodes. */
  subtreeBytes: number;
  subtreeEntries: number;
  /** The directory could not be read completely (see the scan's errors). */
  incomplete: boolean;
}

// A typed array with room for `need` items (doubling), contents kept: per-directory arrays.
export function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

const SLASH = 0x2f;

// Joins a directory path and a name, staying text when both are text.
export function joinPath(dir: PathPart, name: PathPart): PathPart {
  if (typeof dir === 'string' && typeof name === 'string') return dir === '/' ? `/${name}` : `${dir}/${name}`;
  const d = typeof dir === 'string' ? Buffer.from(dir) : Buffer.from(dir);
  const n = typeof name === 'string' ? Buffer.from(name) : Buffer.from(name);
  const sep = d.length === 1 && d[0] === SLASH ? Buffer.alloc(0) : Buffer.from('/');
  return Buffer.concat([d, sep, n]);
}

// The last component of a path.
export function baseName(p: PathPart): PathPart {
  if (typeof p === 'string') return p.slice(p.lastIndexOf('/') + 1);
  const i = p.lastIndexOf(SLASH);
  return p.subarray(i + 1);
}

// Aggregates of every directory of one scan, filled by the scanner and read by rankings and the walk.
export class HotspotIndex {
  private parents = new Int32Array(1024);
  private self = new Float64Array(1024);
  private direct = new Float64Array(1024);
  private count = new Float64Array(1024);
  private incompleteFlags = new Uint8Array(1024);
  private names: PathPart[] = [];
  private subBytes?: Float64Array;
  private subEntries?: Float64Array;
  private childStart?: Int32Array;
  private childList?: Int32Array;
  private n = 0;

  // Starts the index with the scan's start directory (id 0) and its own allocated bytes.
  constructor(
    readonly rootPath: PathPart,
    rootSelfBytes: number,
  ) {
    this.add(-1, rootPath, rootSelfBytes);
  }

  // Number of directories recorded.
  get size(): number {
    return this.n;
  }

  // Records a directory found inside parent; returns its id (always larger than the parent's).
  add(parent: DirId, name: PathPart, selfBytes: number): DirId {
    const id = this.n++;
    if (this.n > this.parents.length) this.growTo(this.n);
    this.parents[id] = parent;
    this.self[id] = selfBytes;
    this.names.push(name);
    this.subBytes = undefined;
    return id;
  }

  // Room for need directories in every per-directory array (one check per add, not five).
  private growTo(need: number): void {
    this.parents = grow(this.parents, need);
    this.self = grow(this.self, need);
    this.direct = grow(this.direct, need);
    this.count = grow(this.count, need);
    this.incompleteFlags = grow(this.incompleteFlags, need);
  }

  // Adds bytes of files and entries found directly inside a directory.
  addDirect(id: DirId, bytes: number, entries: number): void {
    this.direct[id] += bytes;
    this.count[id] += entries;
    this.subBytes = undefined;
  }

  // Marks a directory whose listing failed or was cut short.
  markIncomplete(id: DirId): void {
    this.incompleteFlags[id] = 1;
  }

  // Computes subtree totals and children lists; call once the scan is done (cheap, O(directories)).
  // It runs once per scan, so mostly not yet optimised by V8: few passes, the arrays in locals.
  finish(): void {
    const n = this.n;
    const { parents, self, direct, count } = this;
    const sb = new Float64Array(n);
    const se = new Float64Array(n);
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      sb[i] = self[i] + direct[i];
      se[i] = count[i];
    }
    // children before parents (a child's id is larger): subtree sums, and children per parent
    for (let i = n - 1; i > 0; i--) {
      const p = parents[i];
      sb[p] += sb[i];
      se[p] += se[i];
      start[p + 1]++;
    }
    // Each directory's own inode (du --inodes counts it); its parent counted it as a direct entry.
    for (let i = 0; i < n; i++) {
      se[i] += 1;
      start[i + 1] += start[i];
    }
    const fill = start.slice(0, n);
    const list = new Int32Array(Math.max(0, n - 1));
    for (let i = 1; i < n; i++) list[fill[parents[i]]++] = i;
    this.subBytes = sb;
    this.subEntries = se;
    this.childStart = start;
    this.childList = list;
  }

  private finished(): { sb: Float64Array; se: Float64Array } {
    if (!this.subBytes) this.finish();
    return { sb: this.subBytes!, se: this.subEntries! };
  }

  // Allocated bytes of everything scanned (du -sx -B1).
  get totalBytes(): number {
    return this.finished().sb[0];
  }

  // Inodes of everything scanned, the start included (du -sx --inodes).
  get totalEntries(): number {
    return this.finished().se[0];
  }

  // Full path of a directory (text unless some component is not UTF-8).
  path(id: DirId): PathPart {
    const parts: PathPart[] = [];
    for (let i = id; i > 0; i = this.parents[i]) parts.push(this.names[i]);
    let p = this.rootPath;
    for (let k = parts.length - 1; k >= 0; k--) p = joinPath(p, parts[k]);
    return p;
  }

  // Direct bytes or entries of every directory, indexed by id (read-only: the index's own array),
  // for a ranking's pass over all of them without a call per directory.
  directValues(by: 'bytes' | 'entries'): Float64Array {
    return (by === 'bytes' ? this.direct : this.count).subarray(0, this.n);
  }

  // Everything known about one directory.
  get(id: DirId): DirSummary {
    if (id < 0 || id >= this.n) throw new RangeError(`no directory ${id} in the index`); // i18n-ignore: a broken invariant, not a message for the operator
    const { sb, se } = this.finished();
    return {
      id,
      parent: this.parents[id],
      name: this.names[id],
      path: this.path(id),
      bytes: this.direct[id],
      entries: this.count[id],
      selfBytes: this.self[id],
      subtreeBytes: sb[id],
      subtreeEntries: se[id],
      incomplete: this.incompleteFlags[id] === 1,
    };
  }

  // The subdirectories of a directory with their subtree totals, biggest subtree first: one
  // level of the drill-down.
  children(id: DirId, by: 'bytes' | 'entries' = 'bytes'): DirSummary[] {
    const { sb, se } = this.finished();
    const ids = Array.from(this.childList!.subarray(this.childStart![id], this.childStart![id + 1]));
    const key = by === 'bytes' ? sb : se;
    ids.sort((a, b) => key[b] - key[a] || a - b);
    return ids.map((c) => this.get(c));
  }

  // The ids of a directory's subdirectories in the order they were found: a walk of the whole
  // tree (the export) without building a summary per directory.
  childIds(id: DirId): Int32Array {
    this.finished();
    return this.childList!.subarray(this.childStart![id], this.childStart![id + 1]);
  }

  // The id of a directory by its path (as given to the scan, joined with '/'), or undefined.
  find(p: string): DirId | undefined {
    const root = typeof this.rootPath === 'string' ? this.rootPath : Buffer.from(this.rootPath).toString();
    if (p === root) return 0;
    const prefix = root === '/' ? '/' : `${root}/`;
    if (!p.startsWith(prefix)) return undefined;
    let id = 0;
    for (const part of p.slice(prefix.length).split('/')) {
      if (!part) continue;
      const next = this.children(id).find((c) => (typeof c.name === 'string' ? c.name : Buffer.from(c.name).toString()) === part);
      if (!next) return undefined;
      id = next.id;
    }
    return id;
  }
}
