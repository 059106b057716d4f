import type { TaskOptions } from './common.js';

// Step 5's ports, typed after `spoolrescue purge --json` and `truncate`.

// The plan shown before anything is destroyed.
export interface PurgePlan {
  target: string;
  strategy: 'swap' | 'in-place' | 'postsuper';
  strategyReason: string;
  entries: number;
  bytes: number;
  uid: number;
  gid: number;
  owner: string;
  group: string;
  mode: number;
  selinuxLabel: string | null;
  postfixRunning: boolean | null;
  /** When set, the purge is refused (exit 3 in the CLI) and nothing may be confirmed. */
  refusal?: string;
  warnings: string[];
}

// Live figures of a running purge.
export interface PurgeProgress {
  removed: number;
  total: number | null;
  bytesFreed: number;
  /** Entries per second. */
  rate: number;
  etaSeconds: number | null;
}

// After a purge: is DIR back exactly as it was, and what Postfix says.
export interface PurgeVerification {
  ownerOk: boolean;
  groupOk: boolean;
  modeOk: boolean;
  labelOk: boolean | null;
  postfixCheck: { ran: boolean; ok: boolean; output: string } | null;
}

// How a purge ended.
export interface PurgeResult {
  outcome: 'done' | 'aborted' | 'failed';
  removed: number;
  bytesFreed: number;
  seconds: number;
  verification: PurgeVerification | null;
  message?: string;
}

// Step 5a: plan, then execute with progress and abort.
export interface PurgePort {
  plan(dir: string, opts: TaskOptions<number>): Promise<PurgePlan>;
  execute(plan: PurgePlan, opts: TaskOptions<PurgeProgress> & { incidentFile?: string }): Promise<PurgeResult>;
}

// The plan of a truncate: the spool's facts and the capture it relies on.
export interface TruncatePlan {
  target: string;
  sizeBytes: number;
  dev: number;
  ino: number;
  uid: number;
  gid: number;
  owner: string;
  group: string;
  mode: number;
  /** How the spool will be locked while it is truncated. */
  lock: string;
  /** The capture of this very file (same path, device and inode) found in the incident file. */
  capture: { time: string; sha256: string; size: number | null } | null;
  /** Bytes that arrived after the capture and would be lost uncaptured. */
  lateBytes: number;
  /** When set, the truncate is refused and nothing may be confirmed. */
  refusal?: string;
}

// How a truncate ended.
export interface TruncateResult {
  ok: boolean;
  sizeBefore: number;
  sizeAfter: number;
  /** Inode, owner, mode and label unchanged (checked again after). */
  kept: boolean;
  lock: string;
  recorded: boolean;
  message?: string;
}

// Step 5b: truncate a spool in place under Postfix's lock.
export interface TruncatePort {
  plan(spool: string, incidentFile: string | undefined): Promise<TruncatePlan>;
  execute(plan: TruncatePlan, opts: { signal: AbortSignal; incidentFile?: string }): Promise<TruncateResult>;
}
