// One line of /proc/self/mountinfo, decoded (see proc(5)): the kernel's own view of what is
// mounted where, read-only flags included, with no dependency on df, findmnt or /etc/mtab.
export interface MountEntry {
  mountId: number;
  parentId: number;
  /** "major:minor" of the device (st_dev), e.g. "254:0". */
  devId: string;
  /** Path inside the filesystem that is mounted here (bind mounts show a subdirectory). */
  root: string;
  mountPoint: string;
  /** Per-mount options (ro/rw, nosuid, ...). */
  mountOptions: string[];
  fstype: string;
  /** Device or pseudo-source, e.g. /dev/vda1, tmpfs, server:/export. */
  source: string;
  /** Per-superblock options (errors=remount-ro, size=, nr_inodes=, ...). */
  superOptions: string[];
  readOnly: boolean;
}

// Undoes the kernel's octal escapes of space, tab, newline and backslash (\040, \011, \012, \134).
export function unescapeMountField(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

// Parses the whole of /proc/self/mountinfo; malformed lines are skipped, not fatal.
export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const sep = line.indexOf(' - ');
    if (sep === -1) continue;
    const a = line.slice(0, sep).split(' ');
    const b = line.slice(sep + 3).split(' ');
    if (a.length < 6 || b.length < 3) continue;
    const mountOptions = a[5].split(',');
    const superOptions = b[2].split(',');
    out.push({
      mountId: Number(a[0]),
      parentId: Number(a[1]),
      devId: a[2],
      root: unescapeMountField(a[3]),
      mountPoint: unescapeMountField(a[4]),
      mountOptions,
      fstype: b[0],
      source: unescapeMountField(b[1]),
      superOptions,
      readOnly: mountOptions.includes('ro') || superOptions.includes('ro'),
    });
  }
  return out;
}

// The mount that holds a path: the last-mounted entry with the longest mount point that prefixes it.
export function mountForPath(mounts: readonly MountEntry[], absPath: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const mp = m.mountPoint;
    const inside = mp === '/' || absPath === mp || absPath.startsWith(mp + '/');
    if (inside && (!best || mp.length >= best.mountPoint.length)) best = m;
  }
  return best;
}
