import os from 'node:os';
import type { CaptureOutcome } from '../core/incident/evidence.js';
import { lookLines } from '../core/maillog/first-look-view.js';
import { firstLookMarkdown } from '../core/plan/first-look-section.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { CaptureProgress } from '../io/incident/evidence-capture.js';
import type { AppendResult } from '../io/incident/sink.js';
import { planCapture, runCapture, type CaptureDeps } from './capture.js';
import { planMaillog, type MaillogDeps } from './maillog.js';
import { captureAllText } from './messages/capture-all.js';

// Evidence in one go: every source a rescue plan names (spool first and last messages, queue
// oldest and newest files, the mail log's first and last lines) captured one after the other by
// the capture op into ONE incident file, then the mail log's first look (the maillog op's: sizes,
// first and last times, bytes per day) as one more section, all with one progress. A source that fails is an entry with
// its error and the others still run (a refused destination stops all: it refuses them alike);
// an abort keeps the sections already written.

// What to capture and where.
export interface CaptureAllRequest {
  /** Host paths, captured in this order. */
  sources: string[];
  paths: SystemPaths;
  postfixConfig?: string;
  incidentFile: string;
  /** Write even where the destination rules refuse (the operator chose knowingly). */
  force: boolean;
  /** First and last N messages, files or lines of each source. */
  items: number;
  /** Host paths of the mail logs whose first look follows the captures (none: no first look). */
  maillogs?: string[];
}

// The one progress of the whole capture: which source, and the capture op's figures for it.
export interface CaptureAllProgress {
  /** 0-based index of the source being read. */
  index: number;
  count: number;
  source: string;
  step: CaptureProgress | null;
}

// What happened to one source.
type CaptureAllItem =
  | { source: string; ok: true; evidence: CaptureOutcome; bytesWritten: number; warning?: string }
  | { source: string; ok: false; error: string };

// The mail log's first look as written: its lines (as the terminal shows them), or why not.
type FirstLookItem = { ok: true; lines: string[]; bytesWritten: number; warning?: string } | { ok: false; error: string };

// What the whole capture did; `aborted` when the operator stopped it (items hold what was done).
export interface CaptureAllOutcome {
  incidentFile: string;
  items: CaptureAllItem[];
  /** null: no mail log asked for, or not reached (refused, stopped). */
  firstLook: FirstLookItem | null;
  aborted: boolean;
}

// The capture op's world, and the maillog op's for the first look (its real adapters by default).
export type CaptureAllDeps = CaptureDeps & { maillog?: MaillogDeps; host?: () => string };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// A section written only in part: why, and that its bytes stay.
function partWritten(written: AppendResult): string | undefined {
  return written.ok ? undefined : captureAllText().partWritten(String(written.message), written.bytesWritten);
}

// Captures every source into the incident file, in order, reporting one progress.
export async function runCaptureAll(req: CaptureAllRequest, deps: CaptureAllDeps, onProgress?: (p: CaptureAllProgress) => void, signal?: AbortSignal): Promise<CaptureAllOutcome> {
  const items: CaptureAllItem[] = [];
  let incidentFile = req.incidentFile;
  const logs = req.maillogs ?? [];
  const count = req.sources.length + (logs.length ? 1 : 0);
  const stopped = () => ({ incidentFile, items, firstLook: null, aborted: true });
  for (const [index, source] of req.sources.entries()) {
    if (signal?.aborted) return stopped();
    onProgress?.({ index, count, source, step: null });
    try {
      const plan = planCapture({ source, paths: req.paths, postfixConfig: req.postfixConfig, incidentFile: req.incidentFile, force: req.force, items: req.items }, deps);
      // A refused destination refuses every source alike: said once, nothing more is tried.
      if ('refused' in plan) {
        items.push({ source, ok: false, error: plan.refused.reason });
        return { incidentFile, items, firstLook: null, aborted: false };
      }
      incidentFile = plan.incidentFile;
      const { evidence, written } = await runCapture(plan, deps, (step) => onProgress?.({ index, count, source, step }), signal);
      const warning = partWritten(written);
      items.push({ source, ok: true, evidence, bytesWritten: written.bytesWritten, ...(warning ? { warning } : {}) });
    } catch (e) {
      if (signal?.aborted) return stopped();
      items.push({ source, ok: false, error: message(e) });
    }
  }
  if (!logs.length) return { incidentFile, items, firstLook: null, aborted: false };
  if (signal?.aborted) return stopped();
  onProgress?.({ index: count - 1, count, source: logs[0], step: null });
  return { incidentFile, items, firstLook: await firstLook(req, logs, incidentFile, deps), aborted: false };
}

// The maillog op's first look at the logs (milliseconds: both ends and a few seeks per day),
// appended as one section to the incident file the captures wrote to.
async function firstLook(req: CaptureAllRequest, logs: string[], incidentFile: string, deps: CaptureAllDeps): Promise<FirstLookItem> {
  try {
    const plan = await planMaillog({ files: logs, paths: req.paths, postfixConfig: req.postfixConfig }, deps.maillog);
    if ('refused' in plan) return { ok: false, error: plan.refused.reason };
    const show = (p: string) => req.paths.toSystem(p);
    const md = firstLookMarkdown(plan.files, { host: (deps.host ?? os.hostname)(), time: new Date(), show });
    const written = deps.appendIncidentSection(incidentFile, md);
    const unreadable = plan.unreadable.map((u) => u.message);
    const warning = [...unreadable, partWritten(written) ?? []].flat().join('; ');
    return { ok: true, lines: lookLines(plan.files, show), bytesWritten: written.bytesWritten, ...(warning ? { warning } : {}) };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}
