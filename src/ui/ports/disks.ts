// Step 1's port, typed after `spoolrescue df --json`.

// One filesystem row of `df --json`.
export interface FilesystemRow {
  mount: string;
  device: string;
  fstype: string;
  sizeBytes: number;
  usedBytes: number;
  availBytes: number;
  reservedBytes: number;
  inodes: number;
  inodesUsed: number;
  inodesFree: number;
  usePercent: number;
  inodeUsePercent: number;
  readOnly: boolean;
  /** Why this filesystem needs attention, in words ("bytes 97% used", "read-only"); empty when fine. */
  flags: string[];
}

// A file deleted but still held open by a process: df counts it, du does not.
export interface DeletedOpenFile {
  pid: number;
  command: string;
  fd: number;
  path: string;
  sizeBytes: number;
  mount: string;
}

// The whole `df --json` document; deletedOpen is null when this build cannot look.
export interface DfReport {
  filesystems: FilesystemRow[];
  deletedOpen: DeletedOpenFile[] | null;
  /** Why deletedOpen is null. */
  deletedOpenNote?: string;
}

// Step 1: filesystems now (called at start and again for the summary's before/after).
export interface DisksPort {
  loadDisks(): Promise<DfReport>;
}
