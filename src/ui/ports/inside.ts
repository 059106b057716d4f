import type { TaskOptions } from './common.js';

// Step 3's port, typed after `spoolrescue ls --json`.

// One entry as `ls --json` gives it (mtime in ms since the epoch).
export interface LsEntry {
  name: string;
  type: string;
  size: number | null;
  mtime: number | null;
  error?: string;
}

// Forward-only reader over a huge directory: each page continues where the last one stopped.
export interface DirectoryPager {
  next(count: number, signal: AbortSignal): Promise<{ entries: LsEntry[]; done: boolean }>;
  close(): void;
}

// lstat facts of the thing the operator picked (a directory or a spool file).
export interface PathFacts {
  path: string;
  kind: 'dir' | 'file' | 'symlink' | 'other' | 'missing';
  sizeBytes: number;
  mode: number;
  uid: number;
  gid: number;
  owner?: string;
  group?: string;
  mtimeMs: number;
  error?: string;
}

// Step 3: unsorted, streaming, capped listing; counting and oldest/newest on demand.
export interface LookInsidePort {
  stat(path: string): Promise<PathFacts>;
  open(dirPath: string): DirectoryPager;
  count(dirPath: string, opts: TaskOptions<number>): Promise<number>;
  oldestNewest(dirPath: string, k: number, opts: TaskOptions<number>): Promise<{ oldest: LsEntry[]; newest: LsEntry[]; count: number }>;
}
