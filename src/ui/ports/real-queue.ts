import os from 'node:os';
import { reviewParts } from '../../core/queue/format.js';
import type { GroupKey } from '../../core/queue/keys.js';
import { checkSkipShown } from '../../core/purge/result.js';
import type { QueueScan } from '../../core/queue/scan-result.js';
import type { MatchRule, Selection } from '../../core/queue/selection.js';
import { parseSelectionLine, type SelectionLine } from '../../core/queue/selection-line.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { fmtBytes, fmtCount } from '../../core/text/units.js';
import { appendIncidentSection } from '../../io/incident/sink.js';
import { hostPostfixMismatch, runPostfixCheck } from '../../io/postfix/check.js';
import { readPostfixSettings, type PostfixSettings } from '../../io/postfix/settings.js';
import { postfixState } from '../../io/postfix/status.js';
import { findCommand } from '../../io/system/find-command.js';
import { runCommand } from '../../io/system/run-command.js';
import { runQueueAction } from '../../ops/queue-action.js';
import { planQueue, runQueueScan, selectKeptRows, type QueueDeps, type QueuePlan } from '../../ops/queue.js';
import type { TaskOptions } from './common.js';
import type { QueueActResult, QueuePort, QueueReview, QueueReviewRequest, QueueScanProgress, QueueStepAction } from './queue.js';
import { portsText } from './messages.js';
import { queueWarningWords } from '../../ops/queue-warnings.js';
import { queueFailureText } from '../../ops/queue-failure.js';

// The Queue step on the queue op, with the same facts `spoolrescue queue` gathers: each chosen row
// of the table becomes an exact --match on its key; the review takes the rows' files from what
// the table's scan kept (no second pass over a big queue; read again only past the cap), and the
// action runs only on the IDs of that review.

/** Messages whose files the table's scan keeps for the review (about 80 bytes each). */
const KEEP_IDS = 1_000_000;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeGlob = (s: string) => s.replace(/[*?[]/g, '[$&]');
const exact = (field: MatchRule['field'], value: string): MatchRule => ({ field, glob: escapeGlob(value), re: new RegExp(`^${escapeRe(value)}$`, 'is') });

// The rule that selects the messages of one row (null: the row is not one group: "(none)", "(the
// rest)", the overflow row; a key in parentheses is the table's, not a value).
function rowRule(by: GroupKey, key: string): MatchRule | null {
  if (key.startsWith('(') && key !== '(local)') return null;
  switch (by) {
    case 'client': {
      if (key === '(local)') return exact('origin', 'local');
      const addr = /\[([^\]]*)\]$/.exec(key)?.[1];
      return addr ? exact('client', addr) : null;
    }
    case 'reason': {
      // the row shows the reason without host details (shortReason): match them again as \S+; i18n-ignore: regex source
      let re = escapeRe(key).replace(/^connect to \\\.\\\.\\\.:/, 'connect to \\S+:').replace(/^host \\\.\\\.\\\. said:/, 'host \\S+ said:').replace(/ /g, '\\s+');
      if (key.length >= 120) re += '.*';
      return { field: 'reason', glob: `${key}${key.length >= 120 ? '*' : ''}`, re: new RegExp(`^${re}$`, 'is') };
    }
    default:
      return exact(by, key);
  }
}

interface Facts {
  settings: PostfixSettings;
  deps: QueueDeps;
  run: (p: string, args: readonly string[]) => ReturnType<typeof runCommand>;
}

// The queue port for one walk (--root and --postfix-config as given to the CLI).
export function queuePort(paths: SystemPaths, postfixConfig?: string): QueuePort {
  const kept = new Map<number, { plan: QueuePlan; scan: QueueScan; facts: Facts }>();
  let next = 1;
  const rooted = paths.root !== undefined;
  async function facts(): Promise<Facts> {
    const settings = await readPostfixSettings({ paths, postfixConfig });
    const run = (p: string, args: readonly string[]) => runCommand(p, args, { timeoutMs: 120_000 });
    const state = () => postfixState({ configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: settings.postfixInstalled, rooted }, { run });
    return { settings, run, deps: { postfixState: state, nowMs: () => Date.now() } };
  }
  // the table on screen, whose kept files the review selects from
  let shown: QueueScan | undefined;
  async function plan(f: Facts, by: GroupKey, selection: Selection, action?: QueueStepAction) {
    const s = f.settings;
    const postsuperOk = !!findCommand('postsuper') && s.hasMainCf && !(action && action !== 'delete' && rooted) && (!action || !(await hostPostfixMismatch(s, { run: f.run })));
    return planQueue(
      {
        queueDir: s.queueDirectory, configDir: s.configDir, queues: ['maildrop', 'incoming', 'active', 'deferred', 'hold', 'corrupt'], by, top: 50,
        selection, action, wantReasons: by === 'reason' || selection.matches.some((m) => m.field === 'reason'), sampleSize: 3, keepIds: action ? undefined : KEEP_IDS,
        hash: { hashQueueNames: s.hashQueueNames, hashQueueDepth: s.hashQueueDepth }, postsuperInstalled: postsuperOk, maillogFile: s.maillogFile,
      },
      f.deps,
    );
  }
  // A typed selection: read again (the table kept files, not the fields a match looks at).
  async function reviewLine(f: Facts, req: QueueReviewRequest, line: string, o: TaskOptions<QueueScanProgress>): Promise<QueueReview> {
    const base = { handle: 0, action: req.action, by: req.by, keys: [], match: line.trim(), count: 0, bytes: 0, staysCount: 0, staysBytes: 0, beyond: 0, lines: [] as string[] };
    let parsed: SelectionLine;
    try {
      parsed = parseSelectionLine(line);
    } catch (e) {
      return { ...base, refusal: (e as Error).message };
    }
    const named = { ...base, match: parsed.canonical };
    const p = await plan(f, req.by, parsed.selection, req.action);
    if ('refused' in p) return { ...named, refusal: portsText().refusedHint(p.refused.reason, p.refused.hint) };
    return reviewOf(f, p, named, await readAgain(f, p, o), false);
  }
  // The selection read from the files (with progress), as the CLI reads it; a stop is no review.
  async function readAgain(f: Facts, p: QueuePlan, o: TaskOptions<QueueScanProgress>): Promise<QueueScan> {
    const scan = await runQueueScan(p, f.deps, o.onProgress, o.signal);
    if (scan.aborted) throw o.signal.reason ?? new Error('stopped');
    return scan;
  }
  // The review of a selection read (or taken from the table's kept files), kept for the action.
  function reviewOf(f: Facts, p: QueuePlan, base: QueueReview, scan: QueueScan, fromTable: boolean): QueueReview {
    const handle = next++;
    kept.set(handle, { plan: p, scan, facts: f });
    const flag = { delete: '-d', hold: '-h', release: '-H', requeue: '-r' }[base.action];
    const t = portsText();
    const how = p.method === 'postsuper' ? t.howPostsuper(flag, p.postfix.running ? t.postfixRuns : t.postfixStopped) : t.howDirect;
    const staysCount = scan.messages - scan.selected.length;
    const staysBytes = Math.max(0, scan.totals.bytes - scan.selectedBytes);
    // the figures and how first, the sample last (it is what a short screen cuts)
    const review = reviewParts(scan, base.action, true);
    const lines = [
      ...review.figures,
      t.stays(fmtCount(staysCount), fmtBytes(staysBytes)),
      t.how(how),
      ...(fromTable ? [t.fromTable] : []),
      ...p.warnings.map((w) => t.warning(queueWarningWords(w))),
      ...review.sample,
    ];
    const refusal = scan.selected.length ? undefined : t.emptyNow;
    return { ...base, handle, count: scan.selected.length, bytes: scan.selectedBytes, staysCount, staysBytes, beyond: scan.selectedBeyond, lines, ...(refusal ? { refusal } : {}) };
  }
  return {
    async scan(by, o) {
      const f = await facts();
      const p = await plan(f, by, { matches: [] });
      if ('refused' in p) throw new Error(p.refused.reason);
      const scan = await runQueueScan(p, f.deps, o.onProgress, o.signal);
      shown = scan;
      const t = portsText();
      return { queueDir: paths.toSystem(f.settings.queueDirectory), postfix: t.postfixState(p.postfix.running ? t.postfixRuns : t.postfixStopped, p.postfix.how), scan };
    },
    async review(req, o) {
      const f = await facts();
      if (req.line !== undefined) return reviewLine(f, req, req.line, o);
      const rules = req.keys.map((k) => rowRule(req.by, k));
      const base = { handle: 0, action: req.action, by: req.by, keys: req.keys, match: rules.map((r) => (r ? `${r.field}=${r.glob}` : '')).join(' '), count: 0, bytes: 0, staysCount: 0, staysBytes: 0, beyond: 0, lines: [] as string[] };
      const odd = req.keys.find((_, i) => !rules[i]);
      if (odd !== undefined || !rules.length) return { ...base, refusal: portsText().oddRow(odd ?? '') };
      const p = await plan(f, req.by, { matches: rules as MatchRule[] }, req.action);
      if ('refused' in p) return { ...base, refusal: portsText().refusedHint(p.refused.reason, p.refused.hint) };
      const fromTable = shown && shown.by === req.by ? selectKeptRows(p, shown, req.keys) : null;
      return reviewOf(f, p, base, fromTable ?? (await readAgain(f, p, o)), fromTable !== null);
    },
    async act(review: QueueReview, o): Promise<QueueActResult> {
      const k = kept.get(review.handle);
      if (!k) throw new Error(portsText().queueStale);
      kept.delete(review.handle);
      const s = k.facts.settings;
      const outcome = await runQueueAction(
        k.plan,
        k.scan,
        {
          postfixState: k.facts.deps.postfixState,
          run: (p, args, input, signal) => runCommand(p, args, { input, signal }),
          postfixCheck: () => runPostfixCheck(s, { run: k.facts.run }),
          appendIncident: (md) => (o.incidentFile ? appendIncidentSection(o.incidentFile, md) : null),
          host: os.hostname(),
          nowMs: () => Date.now(),
        },
        o.onProgress,
        o.signal,
      );
      const t = portsText();
      if ('refused' in outcome) return { ok: false, aborted: false, done: 0, selected: review.count, bytesFreed: 0, lines: [t.refused(outcome.refused.reason), ...(outcome.refused.hint ? [outcome.refused.hint] : [])] };
      const lines = [
        t.acted(outcome.action, fmtCount(outcome.done), fmtCount(outcome.selected), outcome.method, outcome.aborted),
        ...(outcome.action === 'delete' ? [t.freed(fmtBytes(outcome.bytesFreed), outcome.logsRemoved ? fmtCount(outcome.logsRemoved) : '')] : []),
        ...outcome.warnings.map((w) => t.warning(queueWarningWords(w))),
        ...outcome.failures.map((x) => t.failed(queueFailureText(x))),
        outcome.check.ran ? (outcome.check.ok ? t.checkOk : t.check(outcome.check.output)) : t.checkNotRun(String(checkSkipShown(outcome.check))),
        o.incidentFile ? (outcome.incident.outcome?.ok ? t.recordedIn(paths.toSystem(o.incidentFile)) : t.recordingFailed(outcome.incident.outcome?.message ?? '?')) : t.notRecorded,
      ];
      return { ok: !outcome.failures.length && !outcome.aborted, aborted: outcome.aborted, done: outcome.done, selected: outcome.selected, bytesFreed: outcome.bytesFreed, lines };
    },
  };
}
