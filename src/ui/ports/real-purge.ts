import path from 'node:path';
import { planLines } from '../../core/purge/plan.js';
import { purgeSummaryLines } from '../../core/purge/report.js';
import type { Failed } from '../../core/purge/outcome.js';
import type { Refused } from '../../core/refusal.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { plan as planPurge, run as runPurge, type PurgeDeps, type PurgePlanned } from '../../ops/purge.js';
import { realPurgeDeps } from '../../ops/real/purge.js';
import { realTruncateDeps } from '../../ops/real/truncate.js';
import { lockToBeTaken, plan as planTruncate, run as runTruncate, type TruncateDeps, type TruncationPlan } from '../../ops/truncate.js';
import type { PurgePort, PurgeReview, TruncatePlan, TruncatePort, TruncateResult } from './index.js';
import { portsText } from './messages.js';
import { spoolLockWords } from '../../core/truncate/lock-words.js';

// The walk's purge and truncate ports mapped onto the same ops the CLI runs: the walk only words
// the results (a refusal or a failure is a line on the step, nothing may be confirmed).

// A refusal or a failure as the step shows it: the reason, then what to do.
function stoppedText(r: Refused | Failed): string {
  const { reason, hint } = 'refused' in r ? r.refused : r.failed;
  return `${reason}${hint ? `. ${hint}` : ''}`;
}

// The purge port for a run of the walk. A whole queue of a running Postfix is planned with
// postsuper -d ALL (Postfix deletes its own files).
export function purgePort(paths: SystemPaths, postfixConfig?: string, deps: PurgeDeps = realPurgeDeps()): PurgePort {
  const planned = new WeakMap<PurgeReview, PurgePlanned>();
  return {
    async plan(dir, o) {
      const name = path.basename(dir);
      const p = await planPurge(
        { dirArg: dir, paths, postfixConfig, anyDirectory: false, inPlace: false, postsuper: 'when-running', incidentFile: o.incidentFile, countFirst: true, signal: o.signal, onProgress: o.onProgress },
        deps,
      );
      if ('refused' in p || 'failed' in p) return { target: dir, name, lines: [], entries: null, refusal: stoppedText(p) };
      const review: PurgeReview = { target: dir, name, lines: planLines(p.plan).slice(1), entries: p.plan.count?.entries ?? null };
      planned.set(review, p);
      return review;
    },

    async execute(review, o) {
      const p = planned.get(review);
      if (!p) throw new Error(portsText().planStale);
      // The walk starts long before the purge: its clock starts with the purge ("DIR was back in
      // place 0.2 s after start"), as the CLI's starts with the process.
      const t0 = deps.now();
      const withIncident = { ...p, request: { ...p.request, incidentFile: o.incidentFile } };
      const { outcome, report, failures } = await runPurge(withIncident, { ...deps, now: () => deps.now() - t0 }, o.onProgress, o.signal);
      return {
        ok: failures.length === 0,
        aborted: outcome.aborted,
        removed: outcome.removed,
        bytesFreed: outcome.bytes,
        seconds: outcome.durationMs / 1000,
        lines: purgeSummaryLines(report),
        failures,
      };
    },
  };
}

// The lock the truncation will take, in words.
function lockWords(lock: ReturnType<typeof lockToBeTaken>): string {
  const t = portsText();
  return { postlock: t.lockPostlock, 'dotlock-and-fcntl': t.lockDotlock, none: t.lockNone }[lock];
}

// How the walk words a refused truncation; the reasons are the op's, the pointers the walk's.
function truncateRefusal(r: Refused | Failed, systemPath: string, ino: number, incidentFile?: string): string {
  const t = portsText();
  if ('refused' in r && r.refused.code === 'no-incident-file') return t.noIncidentFile;
  if ('refused' in r && r.refused.code === 'no-capture') return t.noCapture(path.basename(incidentFile ?? ''), systemPath, String(ino));
  if ('refused' in r && r.refused.code === 'not-a-file') return t.notAFile(r.refused.reason);
  return stoppedText(r);
}

// The truncate port for a run of the walk: the CLI's defaults (30 s for the lock, late mail kept
// or refused, never --accept-loss).
export function truncatePort(paths: SystemPaths, postfixConfig?: string, deps: TruncateDeps = realTruncateDeps()): TruncatePort {
  const planned = new WeakMap<TruncatePlan, TruncationPlan>();
  return {
    async plan(spool, incidentFile) {
      const req = { hostPath: spool, paths, postfixConfig, incidentFile, noEvidence: false, acceptLoss: false, waitMs: 30_000, dotlockOnly: false };
      const p = await planTruncate(req, deps);
      const f = 'file' in p && p.file ? p.file : null;
      const base: TruncatePlan = {
        target: spool,
        sizeBytes: f?.size ?? 0,
        dev: f?.dev ?? 0,
        ino: f?.ino ?? 0,
        uid: f?.uid ?? 0,
        gid: f?.gid ?? 0,
        owner: f ? (f.user ?? String(f.uid)) : '',
        group: f ? (f.group ?? String(f.gid)) : '',
        mode: f?.mode ?? 0,
        lock: lockWords(lockToBeTaken()),
        capture: null,
        lateBytes: 0,
      };
      if ('refused' in p || 'failed' in p) return { ...base, refusal: truncateRefusal(p, paths.toSystem(spool), base.ino, incidentFile) };
      const c = p.capture;
      const review: TruncatePlan = { ...base, capture: c ? { time: String(c.time), sha256: String(c.sha256), size: p.capturedSize } : null, lateBytes: p.lateBytes };
      planned.set(review, p);
      return review;
    },

    async execute(review, o): Promise<TruncateResult> {
      const p = planned.get(review);
      if (!p) throw new Error(portsText().planStale);
      const done = await runTruncate(p, deps, undefined, o.signal);
      if ('refused' in done || 'failed' in done) {
        return { ok: false, sizeBefore: review.sizeBytes, sizeAfter: review.sizeBytes, kept: true, lock: '', recorded: false, message: stoppedText(done) };
      }
      const { result, lock, evidence, written } = done;
      const message = written && !written.ok ? portsText().truncatedNotRecorded(String(written.message)) : evidence.kept ? undefined : portsText().changed;
      return { ok: true, sizeBefore: result.sizeBefore, sizeAfter: result.sizeAfter, kept: evidence.kept, lock: spoolLockWords(lock.facts).method, recorded: written?.ok === true, ...(message ? { message } : {}) };
    },
  };
}
