import os from 'node:os';
import path from 'node:path';
import { fileRecord, type FileFacts } from '../../core/incident-file-facts.js';
import { isCaptureOf } from '../../core/incident-records.js';
import { truncateSection, type TruncateEvidence } from '../../core/incident-truncate.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { loadAccountNames } from '../../io/account-names.js';
import { statSubject } from '../../io/evidence-capture.js';
import { fileFactsOf, selinuxLabel } from '../../io/file-facts.js';
import { findCommand } from '../../io/find-command.js';
import { appendIncidentSection, readIncidentRecords } from '../../io/incident-sink.js';
import { readPostfixSettings } from '../../io/postfix-settings.js';
import { checkIncidentRoom, checkSpoolWritable, neededIncidentBytes, truncateGuarded } from '../../io/truncate-guard.js';
import { CliError } from '../../core/cli-error.js';
import type { TruncatePlan, TruncatePort, TruncateResult } from '../ports.js';

// Truncate on the spool cores, with the rules of `spoolrescue truncate`: only a regular file, only
// after a capture of this very file (path, device, inode) is in the incident file, in place under
// Postfix's lock, checked again after, and recorded in the incident file.

// How long the walk waits for Postfix's lock (the CLI's default).
const LOCK_WAIT_MS = 30_000;

function lockWords(): string {
  if (findCommand('postlock')) return "Postfix's own mailbox locks (postlock), waited for up to 30 s";
  if (findCommand('python3') || findCommand('perl')) return 'dotlock and fcntl lock (postlock is not installed), waited for up to 30 s';
  return 'none possible: postlock, python3 and perl are missing (use the CLI with --dotlock-only)';
}

// The truncate port for a run of the walk.
export function truncatePort(paths: SystemPaths, postfixConfig?: string): TruncatePort {
  return {
    async plan(spool, incidentFile) {
      const systemPath = paths.toSystem(spool);
      const st = statSubject(spool, systemPath);
      const names = loadAccountNames(paths);
      const f: FileFacts = fileFactsOf(spool, st, paths, names);
      const base: TruncatePlan = {
        target: spool,
        sizeBytes: f.size,
        dev: f.dev,
        ino: f.ino,
        uid: f.uid,
        gid: f.gid,
        owner: f.user ?? String(f.uid),
        group: f.group ?? String(f.gid),
        mode: f.mode,
        lock: lockWords(),
        capture: null,
        lateBytes: 0,
      };
      if (!st.isFile()) return { ...base, refusal: `${systemPath} is not a regular file; only mbox spools are truncated (a queue directory is purged)` };
      if (!incidentFile) return { ...base, refusal: 'no incident file yet: capture this spool first (Evidence, step 4)' };
      let records;
      try {
        checkSpoolWritable(spool, systemPath);
        records = await readIncidentRecords(incidentFile);
      } catch (e) {
        if (e instanceof CliError) return { ...base, refusal: e.message.replace(/^spoolrescue truncate: /, '') };
        throw e;
      }
      const match = records.filter((r) => isCaptureOf(r, { path: systemPath, dev: f.dev, ino: f.ino })).at(-1);
      if (!match) return { ...base, refusal: `${path.basename(incidentFile)} holds no capture of ${systemPath} (inode ${f.ino}): capture it first (Evidence, step 4)` };
      const size = typeof match.size === 'number' ? match.size : null;
      try {
        checkIncidentRoom(incidentFile, neededIncidentBytes(size === null ? 0 : Math.max(0, f.size - size)));
      } catch (e) {
        if (e instanceof CliError) return { ...base, refusal: e.message.replace(/^spoolrescue truncate: /, '') };
        throw e;
      }
      return { ...base, capture: { time: String(match.time), sha256: String(match.sha256), size }, lateBytes: size === null ? 0 : Math.max(0, f.size - size) };
    },

    async execute(plan, o): Promise<TruncateResult> {
      const settings = await readPostfixSettings({ paths, postfixConfig });
      const labelBefore = await selinuxLabel(plan.target);
      const st = statSubject(plan.target, paths.toSystem(plan.target));
      const { result, lock, late } = await truncateGuarded({
        hostPath: plan.target,
        expect: { dev: plan.dev, ino: plan.ino },
        capturedSize: plan.capture?.size ?? null,
        incidentFile: o.incidentFile,
        file: fileFactsOf(plan.target, st, paths, loadAccountNames(paths)),
        acceptLoss: plan.capture === null,
        lock: { waitMs: LOCK_WAIT_MS, postfixConfig: settings.hasMainCf ? settings.configDir : undefined, signal: o.signal },
      });
      const labelAfter = await selinuxLabel(plan.target);
      const names = loadAccountNames(paths);
      const file: FileFacts = {
        systemPath: paths.toSystem(plan.target),
        hostPath: plan.target,
        type: 'file',
        size: result.sizeAfter,
        dev: result.dev,
        ino: result.ino,
        uid: result.uid,
        gid: result.gid,
        user: names.user(result.uid),
        group: names.group(result.gid),
        mode: result.mode,
        mtimeMs: Date.now(),
      };
      const kept = result.kept && labelBefore === labelAfter;
      const capture = plan.capture ? { step: 'capture', ...fileRecord(file), time: plan.capture.time, sha256: plan.capture.sha256, size: plan.capture.size } : null;
      const evidence: TruncateEvidence = { file, sizeBefore: result.sizeBefore, sizeAfter: result.sizeAfter, lockMethod: lock.method, lockExcludes: lock.excludes, kept, labelBefore, labelAfter, capture, late: capture ? late : undefined };
      const written = o.incidentFile ? appendIncidentSection(o.incidentFile, truncateSection(evidence, { host: os.hostname(), time: new Date() })) : null;
      const message = written && !written.ok ? `truncated, but recording it failed: ${written.message}` : kept ? undefined : 'inode, owner, mode or label CHANGED: check them';
      return { ok: true, sizeBefore: result.sizeBefore, sizeAfter: result.sizeAfter, kept, lock: lock.method, recorded: written?.ok === true, ...(message ? { message } : {}) };
    },
  };
}
