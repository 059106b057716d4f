import { outcomeSection, selectionSection, type QueueIncidentContext } from '../core/queue/incident.js';
import type { QueueScan } from '../core/queue/scan-result.js';
import { checkSkipShown, type PostfixCheckResult } from '../core/purge/result.js';
import type { AppendResult } from '../io/incident/sink.js';
import type { PostfixState } from '../io/postfix/status.js';
import { postsuperBatches, type PostsuperOp } from '../io/queue/postsuper-batch.js';
import { removeQueueFiles } from '../io/queue/remove.js';
import type { CommandResult } from '../io/system/run-command.js';
import type { QueuePlan } from './queue.js';
import { queueOpText } from './messages/queue.js';
import type { QueueWarning } from './queue-warnings.js';
import type { Refused } from '../core/refusal.js';
import { queueFailureText, type QueueFailure } from './queue-failure.js';

// Acting on a reviewed selection: the selection goes into the incident file first, then postsuper
// (IDs on stdin, in batches) or direct removal with the logs (Postfix stopped), then postfix check
// and the outcome section. Progress with ETA (the count is known), abortable, partial kept.

// The outside world of an action.
export interface QueueActionDeps {
  postfixState(): Promise<PostfixState>;
  run(program: string, args: readonly string[], input: string, signal?: AbortSignal): Promise<CommandResult>;
  postfixCheck(): Promise<PostfixCheckResult>;
  appendIncident(markdown: string): AppendResult | null;
  host: string;
  nowMs(): number;
}

// Progress of an action: messages done of the total, rate and time left.
export interface QueueActionProgress {
  done: number;
  total: number;
  ratePerS: number;
  etaS?: number;
}

// What the action did.
export interface QueueActionOutcome {
  action: string;
  method: 'postsuper' | 'direct';
  selected: number;
  done: number;
  bytesFreed: number;
  logsRemoved: number;
  commands: string[];
  /** What went wrong, as facts worded when shown (queueFailureText; English in --json). */
  failures: QueueFailure[];
  aborted: boolean;
  check: PostfixCheckResult;
  incident: { selection: AppendResult | null; outcome: AppendResult | null };
  warnings: QueueWarning[];
}

const OPS: Record<string, PostsuperOp> = { delete: '-d', hold: '-h', release: '-H', requeue: '-r' };

// Runs the planned action over the scan's selection (after the operator confirmed it).
export async function runQueueAction(
  plan: QueuePlan,
  scan: QueueScan,
  deps: QueueActionDeps,
  onProgress?: (p: QueueActionProgress) => void,
  signal?: AbortSignal,
): Promise<QueueActionOutcome | Refused> {
  const action = plan.action!;
  const method = plan.method!;
  const now = await deps.postfixState();
  if (method === 'direct' && now.running) {
    return { refused: { code: 'postfix-started', reason: queueOpText().postfixStarted(now.how), hint: queueOpText().stopPostfixAgain } };
  }
  const ctx: QueueIncidentContext = { host: deps.host, time: new Date(deps.nowMs()), queueDir: plan.queueDir, action, method, matches: [...plan.selection.matches.map((m) => `${m.field}=${m.glob}`), ...(plan.idsFrom !== undefined ? [`ids-from=${plan.idsFrom}`] : [])] };
  const selection = deps.appendIncident(selectionSection(scan, ctx));
  if (selection && !selection.ok) {
    return { refused: { code: 'incident-not-written', reason: queueOpText().selectionNotWritten(selection.message), hint: queueOpText().incidentRoomHint } };
  }
  const total = scan.selected.length;
  const started = deps.nowMs();
  const report = (done: number) => {
    const s = (deps.nowMs() - started) / 1000;
    const ratePerS = s > 0 ? done / s : 0;
    onProgress?.({ done, total, ratePerS, etaS: ratePerS > 0 ? (total - done) / ratePerS : undefined });
  };
  const out: QueueActionOutcome = { action, method, selected: total, done: 0, bytesFreed: 0, logsRemoved: 0, commands: [], failures: [], aborted: false, check: { ran: false, output: '', logLines: [] }, incident: { selection, outcome: null }, warnings: [...plan.warnings] };
  if (method === 'direct') {
    const r = await removeQueueFiles(plan.queueDir, scan.selected, plan.hash, (d) => report(d), signal);
    Object.assign(out, { done: r.removed, bytesFreed: r.bytesFreed, logsRemoved: r.logsRemoved, aborted: r.aborted });
    out.failures.push(...r.errors.map((e): QueueFailure => ({ code: 'not-removed', path: e.path, error: e.error })));
    if (r.errorCount > r.errors.length) out.failures.push({ code: 'more-not-removed', count: r.errorCount - r.errors.length });
    if (r.missing) out.warnings.push({ code: 'already-gone', files: r.missing });
  } else {
    const byQueue = new Map<string, string[]>();
    for (const s of scan.selected) {
      if (action === 'hold' && s.queue === 'maildrop') continue;
      const ids = byQueue.get(s.queue);
      if (ids) ids.push(s.id);
      else byQueue.set(s.queue, [s.id]);
    }
    const r = await postsuperBatches(plan.configDir, OPS[action], byQueue, deps.run, report, signal);
    Object.assign(out, { done: r.done, commands: r.commands, aborted: r.aborted });
    out.failures.push(...r.failures);
    if (action === 'delete') {
      out.bytesFreed = scan.selectedBytes * (total ? Math.min(1, r.done / total) : 0);
      out.warnings.push({ code: 'postsuper-logged', lines: r.done });
    }
  }
  out.check = await deps.postfixCheck();
  if (out.check.ran && !out.check.ok) out.failures.push({ code: 'check-failed', output: out.check.output, exitCode: out.check.exitCode });
  const said = queueOpText();
  const checkText = out.check.ran ? (out.check.ok ? said.checkOk : said.checkFailed(out.check.output)) : said.checkNotRun(String(checkSkipShown(out.check)));
  out.incident.outcome = deps.appendIncident(outcomeSection(ctx, { done: out.done, bytesFreed: out.bytesFreed, failures: out.failures.map((f) => queueFailureText(f)), aborted: out.aborted, commands: out.commands, check: checkText }));
  return out;
}
