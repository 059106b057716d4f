// lstat for the hotspot workers without a Stats object per entry. fs.lstatSync builds a Stats
// with four Date objects for every file; a scan reads only six numbers, and that object and its
// garbage were ~30% of a worker's user time (profiled with --cpu-prof on 200,000 files). Node's
// own fs binding returns the numbers in a reused Float64Array. The binding is internal, so it is
// used only after it answered exactly like fs.lstatSync for a known directory; otherwise
// fs.lstatSync fills the same array. Self-contained: runs inside worker threads from its source.

// Returns lstat(path) as numbers in Node's stat array layout (0 dev, 1 mode, 2 nlink, 7 ino,
// 8 size, 9 blocks) (valid until the next call), undefined when the path is gone;
// throws like fs.lstatSync on other errors. probe: a directory that exists, for the self-check;
// internal: where the binding comes from (tests give one that lies).
export function createFastLstat(
  fs: typeof import('node:fs'),
  probe: string,
  internal: () => unknown = () => (process as unknown as { binding(name: string): unknown }).binding('fs'),
): (p: string | Uint8Array) => ArrayLike<number> | undefined {
  const slow = new Float64Array(10);
  const viaStats = (p: string | Uint8Array): ArrayLike<number> | undefined => {
    const st = fs.lstatSync(p as string, { throwIfNoEntry: false });
    if (st === undefined) return undefined;
    slow[0] = st.dev;
    slow[1] = st.mode;
    slow[2] = st.nlink;
    slow[7] = st.ino;
    slow[8] = st.size;
    slow[9] = st.blocks;
    return slow;
  };
  let binding: { lstat(p: string | Uint8Array, bigint: boolean, req: undefined, throwIfNoEntry: boolean): Float64Array | undefined } | undefined;
  try {
    binding = internal() as typeof binding;
    const fast = binding!.lstat(probe, false, undefined, false);
    const want = fs.lstatSync(probe);
    const same = fast !== undefined && fast[0] === want.dev && fast[1] === want.mode && fast[2] === want.nlink && fast[7] === want.ino && fast[8] === want.size && fast[9] === want.blocks;
    if (!same || binding!.lstat(probe + '/\u0001-no-such-entry', false, undefined, false) !== undefined) binding = undefined;
  } catch {
    binding = undefined;
  }
  if (!binding) return viaStats;
  const b = binding;
  return (p) => b.lstat(p, false, undefined, false);
}
