import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileFacts } from '../../core/incident/file-facts.js';
import { lateArrivalSection } from '../../core/incident/late.js';
import { Halt } from '../../core/purge/outcome.js';
import { lateMailDecision, lateRefusal, OWN_SECTION, type IncidentRoomFacts } from '../../core/truncate/rules.js';
import type { Refused } from '../../core/refusal.js';
import { fsUsageOf } from '../disks/fs-usage.js';
import { appendIncidentSection, sealedSectionBytes } from '../incident/sink.js';
import { lockSpool, type HeldLock, type LockOptions } from './spool-lock.js';
import { truncateInPlace, type TruncateResult } from './spool-truncate.js';
import { truncateIoText } from './messages.js';

// The facts a truncation is decided on (who may write the spool, room for the record) and the
// locked step itself: under the lock the spool is measured again, and mail that arrived after the
// capture is appended to the incident file first, or the truncation stops (core/purge decides).

// The spool and its directory (where the dotlock goes) with the error code of a write-access
// check on each (undefined when writable).
export function spoolWriteCodes(hostPath: string): { spool?: string; dir?: string } {
  const codeOf = (p: string): string | undefined => {
    try {
      fs.accessSync(p, fs.constants.W_OK);
      return undefined;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? 'error';
    }
  };
  return { spool: codeOf(hostPath), dir: codeOf(path.dirname(hostPath)) };
}

// Measures the filesystem the incident file is (or will be) on.
export function incidentRoomFacts(file: string): IncidentRoomFacts {
  const u = fsUsageOf(path.dirname(file));
  const availBytes = (process.geteuid?.() ?? 0) === 0 ? u.freeBytes : u.availBytes;
  return { file, mount: u.mount, readOnly: u.readOnly, availBytes, exists: fs.existsSync(file), inodes: u.inodes, inodesFree: u.inodesFree };
}

// How truncateGuarded handles mail that arrived after the capture.
export interface GuardOptions {
  hostPath: string;
  expect: { dev: number; ino: number };
  /** Spool size the capture recorded (null: no capture, --no-evidence). */
  capturedSize: number | null;
  incidentFile?: string;
  file: FileFacts;
  /** The operator accepts that late mail is destroyed uncaptured (--accept-loss). */
  acceptLoss: boolean;
  lock: LockOptions;
  /** Whether the incident file can take `bytes` more (the op's rule); null when it can. */
  incidentRoom: (bytes: number) => Refused | null;
}

// What happened to the late mail, for the report.
export interface LateOutcome {
  bytes: number;
  /** kept: appended to the incident file; lost: accepted loss; none: nothing arrived. */
  fate: 'kept' | 'lost' | 'none';
}

// Takes the lock, re-measures the spool under it, keeps what arrived since the capture in the
// incident file (or throws Halt with the refusal: nothing changed), truncates in place, releases.
export async function truncateGuarded(o: GuardOptions): Promise<{ result: TruncateResult; lock: HeldLock; late: LateOutcome }> {
  const lock = await lockSpool(o.hostPath, o.lock);
  try {
    const late = o.capturedSize === null ? { bytes: 0, fate: 'none' as const } : keepLateMail(o, o.capturedSize);
    const result = truncateInPlace(o.hostPath, o.expect);
    return { result, lock, late };
  } finally {
    await lock.release();
  }
}

function keepLateMail(o: GuardOptions, capturedSize: number): LateOutcome {
  const fd = fs.openSync(o.hostPath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  try {
    const shown = o.file.systemPath;
    const decision = lateMailDecision({ shown, size: fs.fstatSync(fd).size, capturedSize, acceptLoss: o.acceptLoss, hasIncidentFile: !!o.incidentFile });
    if ('refused' in decision) throw new Halt(decision);
    if (decision.fate !== 'keep') return decision;
    const n = decision.bytes;
    const stop = (reason: string): LateOutcome => {
      if (o.acceptLoss) return { bytes: n, fate: 'lost' };
      throw new Halt(lateRefusal(shown, n, reason));
    };
    const bytes = Buffer.alloc(n);
    let got = 0;
    while (got < n) {
      const r = fs.readSync(fd, bytes, got, n - got, capturedSize + got);
      if (r === 0) break;
      got += r;
    }
    const markdown = lateArrivalSection({ file: o.file, fromOffset: capturedSize, bytes: bytes.subarray(0, got) }, { host: os.hostname(), time: new Date() });
    const room = o.incidentRoom(sealedSectionBytes(markdown) + OWN_SECTION);
    if (room) return stop(truncateIoText().incidentCannotTake(room.refused.reason));
    const w = appendIncidentSection(o.incidentFile!, markdown);
    if (!w.ok) return stop(truncateIoText().incidentWriteFailed(w.message));
    return { bytes: got, fate: 'kept' };
  } finally {
    fs.closeSync(fd);
  }
}
