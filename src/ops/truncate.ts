import path from 'node:path';
import { RefusedError, CliError } from '../core/cli-error.js';
import type { FileFacts } from '../core/incident/file-facts.js';
import { isCaptureOf, type IncidentRecord } from '../core/incident/records.js';
import { truncateSection, type TruncateEvidence } from '../core/incident/truncate.js';
import { fail, Halt, type Failed } from '../core/purge/outcome.js';
import { incidentRoomRefusal, neededIncidentBytes, spoolWriteRefusal } from '../core/truncate/rules.js';
import { truncationText } from '../core/truncate/messages.js';
import { refuse, type Refused } from '../core/refusal.js';
import type { SystemPaths } from '../core/system-paths.js';
import { loadAccountNames } from '../io/system/account-names.js';
import { statSubject } from '../io/incident/evidence-capture.js';
import { fileFactsOf, selinuxLabel } from '../io/files/file-facts.js';
import { findCommand } from '../io/system/find-command.js';
import { checkIncidentUsable } from '../io/incident/file.js';
import { appendIncidentSection, readIncidentRecords, type AppendResult } from '../io/incident/sink.js';
import { readPostfixSettings } from '../io/postfix/settings.js';
import { SpoolLockError, type HeldLock } from '../io/truncate/spool-lock.js';
import { spoolLockWords } from '../core/truncate/lock-words.js';
import { TruncateError, type TruncateResult } from '../io/truncate/spool-truncate.js';
import { incidentRoomFacts, spoolWriteCodes, truncateGuarded, type LateOutcome } from '../io/truncate/guard.js';

// The truncate use case, shared by `spoolrescue truncate` and the walk: only a regular file, only
// after a capture of this very file (path, device, inode) is in the incident file, in place under
// Postfix's lock, late mail kept first, checked again after, and recorded in the incident file.

// What the operator asked for.
export interface TruncateRequest {
  hostPath: string;
  paths: SystemPaths;
  postfixConfig?: string;
  /** Host path of the incident file holding the capture (and taking the record). */
  incidentFile?: string;
  /** Truncate without a capture, knowingly. */
  noEvidence: boolean;
  /** Destroy mail that arrived after the capture when it cannot be kept, knowingly. */
  acceptLoss: boolean;
  /** How long to wait for Postfix's lock. */
  waitMs: number;
  /** Without an fcntl helper, hold the dotlock alone. */
  dotlockOnly: boolean;
}

// The outside world a truncation reports to.
export interface TruncateDeps {
  host: string;
  now: () => Date;
}

// The reviewed plan: the spool's facts and the capture the truncation relies on.
export interface TruncationPlan {
  request: TruncateRequest;
  systemPath: string;
  file: FileFacts;
  /** The capture of this very file found in the incident file (null: --no-evidence). */
  capture: IncidentRecord | null;
  capturedSize: number | null;
  /** Bytes that arrived after the capture, as measured now. */
  lateBytes: number;
}

// A refusal of the plan, with the spool's facts when they were read.
export type TruncateRefused = Refused & { file?: FileFacts };

// What the truncation did, for the report and the record.
export interface TruncationDone {
  result: TruncateResult;
  lock: HeldLock;
  late: LateOutcome;
  evidence: TruncateEvidence;
  /** The incident file's section (kept to be shown when writing it failed). */
  markdown: string;
  written: AppendResult | null;
}

// Whether the incident file can take `bytes` more: its ownership rules, then its filesystem's room.
function incidentProblem(file: string, bytes: number): Refused | null {
  try {
    checkIncidentUsable(file);
  } catch (e) {
    if (e instanceof RefusedError) return refuse('incident-file-unusable', e.message, e.hint);
    return refuse('incident-file-unwritable', truncationText().incidentUnwritable(file, (e as Error).message));
  }
  return incidentRoomRefusal(incidentRoomFacts(file), bytes);
}

async function findCapture(req: TruncateRequest, spool: { path: string; dev: number; ino: number }, signal?: AbortSignal): Promise<{ record: IncidentRecord | null } | Refused | Failed> {
  if (req.noEvidence) return { record: null };
  const incident = req.incidentFile;
  if (!incident) return refuse('no-incident-file', truncationText().noIncidentFile(spool.path));
  let records: IncidentRecord[];
  try {
    records = await readIncidentRecords(incident, signal);
  } catch (e) {
    if (e instanceof RefusedError) return refuse('incident-file-unusable', e.message, e.hint);
    if (e instanceof CliError) return fail('incident-unreadable', e.message, e.hint);
    return fail('incident-unreadable', truncationText().incidentUnreadable(incident, (e as Error).message));
  }
  const match = records.filter((r) => isCaptureOf(r, spool)).at(-1);
  if (!match) return refuse('no-capture', truncationText().noCapture(incident, spool.path, String(spool.ino)));
  return { record: match };
}

// Reads the spool and the incident file and decides: the plan to confirm, or why not.
export async function plan(req: TruncateRequest, _deps: TruncateDeps, signal?: AbortSignal): Promise<TruncationPlan | TruncateRefused | Failed> {
  const systemPath = req.paths.toSystem(req.hostPath);
  const st = statSubject(req.hostPath, systemPath);
  const file = fileFactsOf(req.hostPath, st, req.paths, loadAccountNames(req.paths));
  const refused = (r: Refused): TruncateRefused => ({ ...r, file });
  if (!st.isFile()) return refused(refuse('not-a-file', truncationText().notAFile(systemPath)));
  const codes = spoolWriteCodes(req.hostPath);
  const dirWhat = truncationText().dotlockDirectory(path.dirname(systemPath), path.basename(systemPath));
  for (const [what, code] of [[systemPath, codes.spool], [dirWhat, codes.dir]] as const) {
    if (code === undefined) continue;
    const r = spoolWriteRefusal(what, code);
    return r ? refused(r) : fail('spool-unwritable', truncationText().cannotWrite(what, code));
  }
  const found = await findCapture(req, { path: systemPath, dev: st.dev, ino: st.ino }, signal);
  if ('failed' in found) return found;
  if ('refused' in found) return refused(found);
  const capture = found.record;
  const capturedSize = typeof capture?.size === 'number' ? capture.size : null;
  const lateBytes = capturedSize === null ? 0 : Math.max(0, st.size - capturedSize);
  const room = req.incidentFile ? incidentProblem(req.incidentFile, neededIncidentBytes(req.acceptLoss ? 0 : lateBytes)) : null;
  if (room) return refused(room);
  return { request: req, systemPath, file, capture, capturedSize, lateBytes };
}

// Truncates under the lock, checks inode, owner, mode and label again, and records it.
export async function run(p: TruncationPlan, deps: TruncateDeps, _onProgress: unknown, signal?: AbortSignal): Promise<TruncationDone | Refused | Failed> {
  const req = p.request;
  const settings = await readPostfixSettings({ paths: req.paths, postfixConfig: req.postfixConfig });
  const labelBefore = await selinuxLabel(req.hostPath);
  let done;
  try {
    done = await truncateGuarded({
      hostPath: req.hostPath,
      expect: { dev: p.file.dev, ino: p.file.ino },
      capturedSize: p.capturedSize,
      incidentFile: req.incidentFile,
      file: p.file,
      acceptLoss: req.acceptLoss || p.capture === null,
      lock: { waitMs: req.waitMs, postfixConfig: settings.hasMainCf ? settings.configDir : undefined, signal, allowDotlockOnly: req.dotlockOnly },
      incidentRoom: (bytes) => incidentProblem(req.incidentFile!, bytes),
    });
  } catch (e) {
    if (e instanceof Halt) return e.outcome;
    if (e instanceof SpoolLockError) return e.exitCode === 3 ? refuse('lock-impossible', e.message, e.hint) : fail('lock-failed', e.message, e.hint);
    if (e instanceof TruncateError) return fail('truncate-failed', e.message);
    throw e;
  }
  const { result, lock, late } = done;
  const labelAfter = await selinuxLabel(req.hostPath);
  // the incident file's section is written in the run's language
  const lockSaid = spoolLockWords(lock.facts);
  const evidence: TruncateEvidence = {
    file: { ...p.file, uid: result.uid, gid: result.gid, mode: result.mode },
    sizeBefore: result.sizeBefore,
    sizeAfter: result.sizeAfter,
    lockMethod: lockSaid.method,
    lockExcludes: lockSaid.excludes,
    kept: result.kept && labelBefore === labelAfter,
    labelBefore,
    labelAfter,
    capture: p.capture,
    late: p.capture ? late : undefined,
  };
  const markdown = truncateSection(evidence, { host: deps.host, time: deps.now() });
  const written = req.incidentFile ? appendIncidentSection(req.incidentFile, markdown) : null;
  return { result, lock, late, evidence, markdown, written };
}

// Which lock a truncation will take on this host, told in the review before it is taken.
export function lockToBeTaken(): 'postlock' | 'dotlock-and-fcntl' | 'none' {
  if (findCommand('postlock')) return 'postlock';
  return findCommand('python3') || findCommand('perl') ? 'dotlock-and-fcntl' : 'none';
}
