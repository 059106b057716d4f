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
function unescapeMountField(s: string): string {
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

const SLASH = 0x2f;

// The mount that holds a path: the last-mounted entry with the longest mount point that prefixes it.
export function mountForPath(mounts: readonly MountEntry[], absPath: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  // an index loop and no `mp + '/'`: a run is too short for V8 to optimise this, and interpreted,
  // for...of made an object per mount and the concatenation a string: ~2 KB a call, most of what
  // the likely culprits allocated
  for (let i = 0; i < mounts.length; i++) {
    const m = mounts[i];
    const mp = m.mountPoint;
    const inside = mp === '/' || (absPath.startsWith(mp) && (absPath.length === mp.length || absPath.charCodeAt(mp.length) === SLASH));
    if (inside && (!best || mp.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

// Kernel filesystems that hold no user data (df leaves them out); tmpfs/devtmpfs/ramfs are kept:
// they are where evidence can go when every disk is full.
const PSEUDO_FS = new Set([
  'proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'pstore', 'bpf',
  'configfs', 'fusectl', 'hugetlbfs', 'autofs', 'binfmt_misc', 'efivarfs', 'selinuxfs', 'nsfs', 'rpc_pipefs',
  'nfsd', 'sockfs', 'pipefs', 'anon_inodefs', 'fuse.gvfsd-fuse', 'fuse.portal', 'rootfs',
]);

// True for proc, sysfs, cgroup and the like: mounts that are not a place where bytes pile up.
export function isPseudoFilesystem(fstype: string): boolean {
  return PSEUDO_FS.has(fstype);
}

const NETWORK_FS = /^(nfs|nfs4|cifs|smb3|smbfs|ncpfs|afs|ceph|glusterfs|9p|lustre|gpfs|ocfs2|gfs2|davfs|fuse(\..*)?|fuseblk)$/;

// True for filesystems whose statfs/lstat can block for a long time when a server or daemon is gone.
export function mayHang(fstype: string): boolean {
  return NETWORK_FS.test(fstype);
}

// "major:minor" of an st_dev number as the kernel encodes it (glibc's gnu_dev_major/minor), to
// match a stat() result against mountinfo's devId.
export function devIdOf(stDev: number | bigint): string {
  if (typeof stDev === 'number' && Number.isSafeInteger(stDev) && stDev >= 0) {
    // the same bits in plain arithmetic (bit ranges that do not overlap add up as they OR):
    // no BigInt made per call, on every stat of the likely culprits and the deleted-open files
    const low = stDev % 0x1_0000_0000;
    const high = (stDev - low) / 0x1_0000_0000;
    const above12 = Math.floor(stDev / 0x1000);
    return `${((low >>> 8) & 0xfff) + (high - (high % 0x1000))}:${(low & 0xff) + (above12 - (above12 % 0x100))}`;
  }
  const d = BigInt(stDev);
  const major = ((d >> 8n) & 0xfffn) | ((d >> 32n) & ~0xfffn);
  const minor = (d & 0xffn) | ((d >> 12n) & ~0xffn);
  return `${major}:${minor}`;
}

// The mounts a process can actually reach: a mount hidden by a later mount on the same point
// (over-mounted) is dropped, since statfs of that path answers for the one on top.
export function visibleMounts(mounts: readonly MountEntry[]): MountEntry[] {
  const last = new Map<string, number>();
  mounts.forEach((m, i) => last.set(m.mountPoint, i));
  return mounts.filter((m, i) => last.get(m.mountPoint) === i);
}

// Mount points strictly below dir (dir itself excluded), for scans that must not step into them.
export function mountsBelow(mounts: readonly MountEntry[], dir: string): MountEntry[] {
  const prefix = dir === '/' ? '/' : dir + '/';
  return mounts.filter((m) => m.mountPoint !== dir && m.mountPoint.startsWith(prefix));
}

// Local filesystems whose statfs is answered from in-memory counters (no I/O, no server): safe to
// ask in-process. Anything else (network, FUSE, ZFS whose pool may be suspended, unknown) is
// asked through a helper process with a deadline.
const ANSWERS_FROM_MEMORY = new Set([
  'ext2', 'ext3', 'ext4', 'xfs', 'btrfs', 'tmpfs', 'devtmpfs', 'ramfs', 'vfat', 'msdos', 'exfat', 'f2fs', 'jfs',
  'reiserfs', 'iso9660', 'squashfs', 'udf', 'overlay', 'nilfs2', 'erofs', 'hfsplus', 'ntfs3',
]);

// True when statfs of this filesystem type cannot wait on a server, daemon or pool.
export function statfsIsLocal(fstype: string): boolean {
  return ANSWERS_FROM_MEMORY.has(fstype);
}
