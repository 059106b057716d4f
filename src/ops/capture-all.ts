import type { CaptureOutcome } from '../core/incident/evidence.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { CaptureProgress } from '../io/incident/evidence-capture.js';
import { planCapture, runCapture, type CaptureDeps } from './capture.js';

// Evidence in one go: every source a rescue plan names (spool first and last messages, queue
// oldest and newest files, the mail log's first and last lines) captured one after the other by
// the capture op into ONE incident file, with one progress. A source that fails is an entry with
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

// What the whole capture did; `aborted` when the operator stopped it (items hold what was done).
export interface CaptureAllOutcome {
  incidentFile: string;
  items: CaptureAllItem[];
  aborted: boolean;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// Captures every source into the incident file, in order, reporting one progress.
export async function runCaptureAll(req: CaptureAllRequest, deps: CaptureDeps, onProgress?: (p: CaptureAllProgress) => void, signal?: AbortSignal): Promise<CaptureAllOutcome> {
  const items: CaptureAllItem[] = [];
  let incidentFile = req.incidentFile;
  for (const [index, source] of req.sources.entries()) {
    if (signal?.aborted) return { incidentFile, items, aborted: true };
    onProgress?.({ index, count: req.sources.length, source, step: null });
    try {
      const plan = planCapture({ source, paths: req.paths, postfixConfig: req.postfixConfig, incidentFile: req.incidentFile, force: req.force, items: req.items }, deps);
      // A refused destination refuses every source alike: said once, nothing more is tried.
      if ('refused' in plan) {
        items.push({ source, ok: false, error: plan.refused.reason });
        return { incidentFile, items, aborted: false };
      }
      incidentFile = plan.incidentFile;
      const { evidence, written } = await runCapture(plan, deps, (step) => onProgress?.({ index, count: req.sources.length, source, step }), signal);
      const warning = written.ok ? undefined : `${written.message}. The ${written.bytesWritten} bytes written were kept.`;
      items.push({ source, ok: true, evidence, bytesWritten: written.bytesWritten, ...(warning ? { warning } : {}) });
    } catch (e) {
      if (signal?.aborted) return { incidentFile, items, aborted: true };
      items.push({ source, ok: false, error: message(e) });
    }
  }
  return { incidentFile, items, aborted: false };
}
