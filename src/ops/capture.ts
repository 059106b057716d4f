import type fs from 'node:fs';
import type { CaptureOutcome } from '../core/incident/evidence.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { captureEvidence, CaptureProgress, EvidenceKind, statSubject } from '../io/incident/evidence-capture.js';
import type { AppendResult, appendIncidentSection } from '../io/incident/sink.js';
import type { readPostfixSettings } from '../io/postfix/settings.js';
import { checkIncidentDestination, noIncidentFile, type IncidentDestinationDeps, type IncidentDestinationRefused } from './incident-destination.js';

// The capture use case, for `spoolrescue capture` and the walk's Evidence step alike: plan = what
// the subject is and whether the incident file may be written (nothing read yet), run = the
// evidence core reading both ends, then one sealed section appended to the incident file.

// What to capture and where.
export interface CaptureRequest {
  /** Host path of the spool, queue directory or log. */
  source: string;
  paths: SystemPaths;
  postfixConfig?: string;
  /** Absolute host path of the incident file (none named: refused, with the filesystems that have room). */
  incidentFile: string | undefined;
  /** Write it even where the destination rules refuse (the operator chose knowingly). */
  force: boolean;
  /** First and last N messages, files or lines. */
  items: number;
  cap?: number;
  count?: boolean;
  kind?: EvidenceKind;
}

// The checked request: the subject's lstat and the accepted destination.
export interface CapturePlan {
  request: CaptureRequest;
  subject: fs.Stats;
  incidentFile: string;
  /** Destination warnings (a forced destination) the operator should see. */
  warnings: string[];
}

// What a capture did: the evidence and how its section was written.
export interface CaptureDone {
  evidence: CaptureOutcome;
  written: AppendResult;
}

// The outside world the capture uses; built once in src/ops/real/capture.ts.
export interface CaptureDeps {
  destination: IncidentDestinationDeps;
  statSubject: typeof statSubject;
  readPostfixSettings: typeof readPostfixSettings;
  captureEvidence: typeof captureEvidence;
  appendIncidentSection: typeof appendIncidentSection;
}

// Looks at the subject (a missing path or a symlink is an error before anything else) and checks
// the incident destination; nothing is read or written.
export function planCapture(req: CaptureRequest, deps: CaptureDeps): CapturePlan | IncidentDestinationRefused {
  const subject = deps.statSubject(req.source, req.paths.toSystem(req.source));
  if (req.incidentFile === undefined) return noIncidentFile(req.source, deps.destination);
  const dest = checkIncidentDestination({ file: req.incidentFile, subject: req.source, force: req.force }, deps.destination);
  if ('refused' in dest) return dest;
  return { request: req, subject, incidentFile: dest.file, warnings: dest.warnings };
}

// Captures and appends the section; an abort throws before anything is written to the incident file.
export async function runCapture(plan: CapturePlan, deps: CaptureDeps, onProgress?: (p: CaptureProgress) => void, signal?: AbortSignal): Promise<CaptureDone> {
  const r = plan.request;
  const settings = plan.subject.isDirectory() ? await deps.readPostfixSettings({ paths: r.paths, postfixConfig: r.postfixConfig }) : undefined;
  const evidence = await deps.captureEvidence({
    hostPath: r.source,
    paths: r.paths,
    items: r.items,
    cap: r.cap,
    count: r.count,
    kind: r.kind,
    postfix: settings && { configDir: settings.configDir, hasMainCf: settings.hasMainCf, hashQueueNames: settings.hashQueueNames },
    signal,
    onProgress,
  });
  signal?.throwIfAborted();
  return { evidence, written: deps.appendIncidentSection(plan.incidentFile, evidence.markdown) };
}
