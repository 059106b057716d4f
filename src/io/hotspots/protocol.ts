// Messages between the hotspot scheduler (main thread, hotspot-scan.ts) and its worker threads
// (hotspot-worker.ts). Structured-clone friendly: flat arrays of numbers and strings/bytes.

// A path as it travels: text, or exact bytes when a name is not valid UTF-8. Absolute, or
// relative to the process's working directory when the scan moved to its start ("." is the start).
export type WirePath = string | Uint8Array;

// Fixed facts for one scan, given to every worker at start (workerData).
export interface WorkerSetup {
  /** st_dev of the scan's start: nothing on another device is counted or entered. */
  rootDev: number;
  /** Mount points below the start (other filesystems and bind mounts), written like the paths
   *  workers build: never lstat'ed (a dead NFS mount would hang the lstat), never counted. */
  skip: string[];
  /** How many largest files each worker keeps. */
  topFiles: number;
  /** A worker busy in one directory reports at least this often (ms). */
  progressMs: number;
  /** Workers in the scan: a worker in a huge directory hands every other chunk of names to them. */
  workers: number;
  /** With --export: this worker's spill file (an open descriptor), where it appends each
   *  directory's entries as lines of ncdu's export format. */
  exportFd?: number;
  /** Go on down one subdirectory of each directory read, as the next directory to read, instead
   *  of sending it back to be queued: a deep narrow tree then costs no round trip per level.
   *  'all': every small subdirectory (the scan process reads whole subtrees). */
  keepChild?: boolean | 'all';
}

// Work for a worker: whole directories, a chunk of names of a huge directory another worker is
// reading, or "send your largest files, we are done".
export type ToWorker =
  | { t: 'dirs'; ids: number[]; paths: WirePath[]; sizes: number[] }
  | { t: 'names'; id: number; dir: string; names: string }
  | { t: 'finish' };

// What a worker found since its last message. Every number is an increment, so partial reports
// from a directory that takes long (a million-file maildrop) add up without double counting.
export interface WorkerBatch {
  t: 'batch';
  /** True when the last 'dirs' or 'names' message is done (the worker is idle). */
  idle: boolean;
  /** Direct bytes (non-directories, hard links excluded) and direct entries per directory id. */
  dirIds: number[];
  fileBytes: number[];
  entries: number[];
  /** Subdirectories found: parent id, full path, allocated bytes of the directory itself, and
   *  its st_size (which bounds its number of entries: small ones are read in one call). */
  subParents: number[];
  subPaths: WirePath[];
  subBytes: number[];
  subSizes: number[];
  /** 0 when the subdirectory is to be queued; else the worker reads it itself next, and this
   *  is the (negative, per worker) id its counts, subdirectories and files are reported under. */
  subKept: number[];
  /** Files with more than one link, for the main thread to count once per inode. */
  linkDirs: number[];
  linkInos: number[];
  linkBytes: number[];
  linkSizes: number[];
  linkNames: WirePath[];
  /** Directories on another filesystem that were not entered. */
  skipped: WirePath[];
  errIds: number[];
  /** What could not be read in directory errIds[i], as a code and figures for the main thread to
   *  word: 'stat:N:CODE' (N entries not lstat'ed), 'dir:CODE' or 'dir:?:the system's message'. */
  errMsgs: string[];
  /** With --export: entries of directory fragIds[i] written at fragOffsets[i] (fragLengths[i] bytes). */
  fragIds: number[];
  fragOffsets: number[];
  fragLengths: number[];
  /** Where the worker is (for progress). */
  path: string;
}

// A chunk of names from a huge directory, for another worker to lstat (the reader goes on reading).
export interface WorkerShare {
  t: 'share';
  id: number;
  dir: string;
  /** Names joined with NUL (no name can hold one): one string is far cheaper to pass on than an array. */
  names: string;
}

// The worker's answer to 'finish': its largest single-link files.
export interface WorkerLargest {
  t: 'largest';
  bytes: number[];
  sizes: number[];
  dirIds: number[];
  names: WirePath[];
}

// Directories the scan process had still to read, handed back (its 'giveBack'): ids are the
// index's, or its own negative ids of directories it kept (already reported in a batch).
interface ScanProcessReturned {
  t: 'returned';
  ids: number[];
  paths: WirePath[];
  sizes: number[];
}

// Any message from a worker ('ready': the scan process has started and takes work).
export type FromWorker = WorkerBatch | WorkerShare | WorkerLargest | ScanProcessReturned | { t: 'ready' };

// To the scan process: the scan's facts first (it starts before they are known), then work;
// 'giveBack' when the main thread has nothing left to read.
// ('program' comes first of all: the source the process runs, scan-process-launch.ts.)
export type ToScanProcess = ToWorker | { t: 'program'; source: string } | { t: 'setup'; setup: WorkerSetup } | { t: 'giveBack' };
