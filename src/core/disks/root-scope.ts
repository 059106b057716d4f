// Under --root the walk rescues the tree below ROOT, while df lists every filesystem of the host:
// which of them belong to the rescued system decides where the Disks screen starts, which rows
// are marked as the host's, and what the Summary counts.

const under = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`);

// Mount points of the rescued system: the filesystem that holds ROOT (the longest mount point
// above it) and every filesystem mounted below ROOT. root is a canonical absolute path.
export function rescuedMounts(mountPoints: readonly string[], root: string): string[] {
  const holder = mountPoints.filter((m) => under(root, m)).sort((a, b) => b.length - a.length)[0];
  return mountPoints.filter((m) => m === holder || under(m, root));
}
