import type { PurgeProgress } from '../../core/purge/progress.js';
import type { TaskOptions } from './common.js';

// Step 5's ports: the purge core (plan, execute, verify, postfix check) and the truncate cores.

// Live figures of a purge, as the purge core reports them (counting, swapping, deleting, postsuper).
export type { PurgeProgress };

// The plan shown before anything is destroyed (the purge core's own lines), or why it is refused.
export interface PurgeReview {
  /** Host path of DIR. */
  target: string;
  /** What the operator types to confirm: DIR's name. */
  name: string;
  /** The purge core's plan: what DIR is, its snapshot, contents, Postfix state, strategy and why. */
  lines: string[];
  /** Entries counted before acting (null when not counted). */
  entries: number | null;
  /** Set when the purge is refused (exit 3 in the CLI): nothing may be confirmed. */
  refusal?: string;
}

// How a purge ended: the purge core's verdict and its lines (verification, postfix check, incident).
export interface PurgeResult {
  /** DIR is there, empty, exactly as snapshotted, and recorded when asked: the purge is done. */
  ok: boolean;
  aborted: boolean;
  removed: number;
  bytesFreed: number;
  seconds: number;
  /** Lines for the screen: outcome, verification, postfix check, incident file, failures. */
  lines: string[];
  /** What keeps it from being done, one line each (empty when ok). */
  failures: string[];
}

// Step 5a: plan (counting with progress), then execute with progress and abort.
export interface PurgePort {
  plan(dir: string, opts: TaskOptions<PurgeProgress> & { incidentFile?: string }): Promise<PurgeReview>;
  execute(review: PurgeReview, opts: TaskOptions<PurgeProgress> & { incidentFile?: string }): Promise<PurgeResult>;
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
