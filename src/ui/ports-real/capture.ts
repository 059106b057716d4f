import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError } from '../../core/cli-error.js';
import { evidenceSummary } from '../../core/evidence.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { checkDestination } from '../../io/destination-check.js';
import { captureEvidence, statSubject } from '../../io/evidence-capture.js';
import { appendIncidentSection } from '../../io/incident-sink.js';
import { checkIncidentUsable } from '../../io/incident-file.js';
import { readPostfixSettings } from '../../io/postfix-settings.js';
import type { CaptureProgress, CaptureRequest, CaptureResult, TaskOptions } from '../ports.js';

// The Evidence step's capture: the same checks and core as `spoolrescue capture` (destination
// rules, no symlinks, the evidence core reading only both ends), then one section appended to the
// incident file. A refused destination is an error before anything is read.

// Checks the incident file's directory and the destination rules; throws the reason when refused.
export function checkIncidentFile(file: string, source: string, force: boolean): void {
  const dir = path.dirname(file);
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new CliError(`the directory of the incident file does not exist: ${dir}`);
  if (!st.isDirectory()) throw new CliError(`${dir} is not a directory`);
  checkIncidentUsable(file, false);
  const report = checkDestination(file, source, force);
  if (!report.verdict.ok) {
    const other = report.candidates[0] ? ` Filesystems with room: ${report.candidates.slice(0, 3).map((c) => c.mount).join(', ')}.` : '';
    throw new RefusedError(`refusing to write the incident file ${file}: ${report.verdict.reason}. Nothing was written.${other}`);
  }
}

// The capture port for a run of the walk (--root and --postfix-config aware).
export function capturePort(paths: SystemPaths, postfixConfig?: string) {
  return {
    async run(req: CaptureRequest, opts: TaskOptions<CaptureProgress>): Promise<CaptureResult> {
      const subject = statSubject(req.source, paths.toSystem(req.source));
      checkIncidentFile(req.incidentFile, req.source, req.force === true);
      const settings = subject.isDirectory() ? await readPostfixSettings({ paths, postfixConfig }) : undefined;
      const outcome = await captureEvidence({
        hostPath: req.source,
        paths,
        items: req.messages,
        postfix: settings && { configDir: settings.configDir, hasMainCf: settings.hasMainCf, hashQueueNames: settings.hashQueueNames },
        signal: opts.signal,
        onProgress: opts.onProgress,
      });
      opts.signal.throwIfAborted();
      const written = appendIncidentSection(req.incidentFile, outcome.markdown);
      const warning = written.ok ? undefined : `${written.message}. The ${written.bytesWritten} bytes written were kept; choose another filesystem and capture again.`;
      return { incidentFile: req.incidentFile, kind: outcome.kind, source: outcome.file.systemPath, sha256: outcome.sha256, summary: evidenceSummary(outcome), bytesWritten: written.bytesWritten, ...(warning ? { warning } : {}) };
    },
  };
}
