import os from 'node:os';
import { confirmTyped } from '../cli/typed-confirmation.js';
import { fitLines, planWidth } from '../cli/fit-lines.js';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { incidentDestination } from '../cli/incident-destination.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { progressLine } from '../cli/progress-line.js';
import { scanProgressText } from '../core/queue/scan-progress.js';
import { streamWriter } from '../cli/stream-writer.js';
import { RefusedError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { reviewLines, scanSummaryLine, shapeTableLines, verdictLines } from '../core/queue/format.js';
import { listLine, scanJson } from '../core/queue/json.js';
import { parseQueueArgs } from '../core/queue/parse-args.js';
import { findCommand } from '../io/system/find-command.js';
import { appendIncidentSection } from '../io/incident/sink.js';
import { checkJson, checkSkipShown } from '../core/purge/result.js';
import { hostPostfixMismatch, runPostfixCheck } from '../io/postfix/check.js';
import { readPostfixSettings } from '../io/postfix/settings.js';
import { postfixState } from '../io/postfix/status.js';
import { runCommand } from '../io/system/run-command.js';
import { planQueue, runQueueScan, type QueueDeps, type QueuePlan } from '../ops/queue.js';
import { runQueueAction } from '../ops/queue-action.js';
import { fmtCount, fmtDuration } from '../core/text/units.js';
import { renameKeys } from '../core/json-vocabulary.js';
import { queueWarningsJson, queueWarningWords } from '../ops/queue-warnings.js';
import { queueText } from './messages/queue.js';
import { UsageError } from '../core/cli-error.js';
import { escapeName } from '../core/text/escape-name.js';
import { queueIdsText } from '../core/queue/ids-messages.js';
import { openIdSource, type IdSource } from '../io/queue/id-lines.js';
import { selectByIds, type IdListNotes, type IdListProgress, type IdSelection } from '../ops/queue-ids.js';
import type { ProgressLine } from '../cli/progress-line.js';
import { queueFailureText } from '../ops/queue-failure.js';


// `spoolrescue queue`: who filled the queue, and a selective hold/delete of what should go.
export const command: CommandSpec = {
  name: 'queue',
  get summary() {
    return queueText().summary;
  },
  positionals: [{ name: 'QUEUE...', required: false, variadic: true, get description() { return queueText().positionals['QUEUE...']; } }],
  flags: [
    { name: 'by', type: 'string', valueName: 'KEY', get description() { return queueText().flags.by; } },
    { name: 'top', type: 'integer', min: 1, valueName: 'N', get description() { return queueText().flags.top; } },
    { name: 'match', type: 'string', repeatable: true, valueName: 'FIELD=GLOB', get description() { return queueText().flags.match; } },
    { name: 'older-than', type: 'string', valueName: 'DUR', get description() { return queueText().flags['older-than']; } },
    { name: 'newer-than', type: 'string', valueName: 'DUR', get description() { return queueText().flags['newer-than']; } },
    { name: 'list', type: 'boolean', get description() { return queueText().flags.list; } },
    { name: 'hold', type: 'boolean', get description() { return queueText().flags.hold; } },
    { name: 'release', type: 'boolean', get description() { return queueText().flags.release; } },
    { name: 'requeue', type: 'boolean', get description() { return queueText().flags.requeue; } },
    { name: 'delete', type: 'boolean', get description() { return queueText().flags.delete; } },
    { name: 'dry-run', type: 'boolean', get description() { return queueText().flags['dry-run']; } },
    { name: 'yes', type: 'boolean', get description() { return queueText().flags.yes; } },
    { name: 'incident', type: 'string', valueName: 'FILE', get description() { return queueText().flags.incident; } },
    { name: 'force-destination', type: 'boolean', get description() { return queueText().flags['force-destination']; } },
    { name: 'ids-from', type: 'string', valueName: 'FILE', get description() { return queueText().flags['ids-from']; } },
    { name: 'sample', type: 'integer', valueName: 'N', get description() { return queueText().flags.sample; } },
  ],
  get details() {
    return queueText().details;
  },
  run: runQueue,
};

async function runQueue(ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const where = 'spoolrescue queue'; // the command's name, in usage errors: i18n-ignore
  const json = ctx.global.json;
  const a = parseQueueArgs(ctx.flags, ctx.positionals, where);
  const wantReasons = a.list || a.by === 'reason' || a.selection.matches.some((m) => m.field === 'reason');
  // a table or a list needs only where the queue is (the walk finds the hash subdirectories
  // itself): postconf is not started when main.cf names it; the hash settings are for defer logs
  const tableOnly = !a.action && !wantReasons;
  const settings = await readPostfixSettings({ paths: ctx.paths, postfixConfig: ctx.global.postfixConfig, ...(tableOnly ? { postconfUnlessSet: ['queue_directory'] as const } : {}) });
  const run = (p: string, args: readonly string[]) => runCommand(p, args, { timeoutMs: 120_000 });
  const rooted = ctx.paths.root !== undefined;
  const state = () => postfixState({ configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: settings.postfixInstalled, rooted }, { run });
  // whether Postfix runs decides only how an action is done: a table does not ask (postfix status
  // is a shell script running postconf twice and master -t, ~0.3 s)
  const notAsked = async () => ({ running: false, how: '' });
  const deps: QueueDeps = { postfixState: a.action ? state : notAsked, nowMs: () => Date.now() };
  const postsuperOk = !!findCommand('postsuper') && settings.hasMainCf && !(a.action && a.action !== 'delete' && rooted) && (!a.action || !(await hostPostfixMismatch(settings, { run })));
  const planned = await planQueue(
    {
      queueDir: settings.queueDirectory, configDir: settings.configDir, queues: a.queues, by: a.by, top: a.top, selection: a.selection, action: a.action,
      wantReasons, sampleSize: a.sampleSize, ...(a.idsFrom !== undefined ? { idsFrom: a.idsFrom } : {}),
      hash: { hashQueueNames: settings.hashQueueNames, hashQueueDepth: settings.hashQueueDepth }, postsuperInstalled: postsuperOk, maillogFile: settings.maillogFile,
    },
    deps,
  );
  const said = queueText();
  if ('refused' in planned) throw new RefusedError(said.stopped(planned.refused.reason), planned.refused.hint);
  // Judged before the queue is read, by the same rules as every incident file (a path of the rescued system).
  const incidentRaw = typeof ctx.flags.incident === 'string' ? ctx.flags.incident : undefined;
  const incident = incidentRaw !== undefined && a.action && !a.dryRun ? incidentDestination(ctx, settings.queueDirectory, ctx.paths.arg(incidentRaw)) : undefined;
  if (a.action && !a.dryRun && !a.yes && !io.stdin.isTTY) throw new RefusedError(said.noTerminal, said.reviewFirst);
  const line = progressLine(io, ctx.terminal.serial);
  const out = streamWriter(io.stdout);
  const picked = a.idsFrom !== undefined ? await selectFromList(ctx, planned, a.idsFrom, line) : undefined;
  const scan =
    picked?.scan ??
    (await runQueueScan(
      planned,
      deps,
      (p) => line.update(() => scanProgressText(settings.queueDirectory, p)),
      ctx.signal,
      a.list ? (batch) => out.write(batch.map(listLine).join('')) : undefined,
    ).finally(() => line.clear()));
  out.dispose();
  const show = (lines: string[]) => fitLines(lines, planWidth(ctx)).forEach((l) => (json ? note(io, l) : writeLine(io, l)));
  const width = ctx.terminal.serial ? 80 : Math.max(60, io.stdout.columns ?? 80);
  if (a.list) {
    note(io, scanSummaryLine(scan));
    return scan.aborted ? ExitCode.failed : ExitCode.done;
  }
  if (!a.action) {
    if (json) writeJson(io, scanJson(scan, scan.selected.length > 0));
    else show([...shapeTableLines(scan, width, ctx.terminal.ascii), '', ...verdictLines(scan), ...(scan.selected.length ? ['', ...reviewLines(scan, 'review', ctx.terminal.ascii)] : []), '', scanSummaryLine(scan)]);
    return scan.aborted ? ExitCode.failed : ExitCode.done;
  }
  if (scan.aborted) throw new RefusedError(said.scanStopped);
  const how = planned.method === 'postsuper' ? said.howPostsuper(settings.configDir, { delete: '-d', hold: '-h', release: '-H', requeue: '-r' }[a.action], planned.postfix.running) : said.howDirect;
  const review = [...(picked ? [idListLine(picked.ids)] : []), ...reviewLines(scan, a.action, ctx.terminal.ascii), said.how(how), ...planned.warnings.map((w) => said.warning(queueWarningWords(w)))];
  if (a.dryRun) {
    if (json) writeJson(io, { dryRun: true, action: a.action, method: planned.method, postfix: planned.postfix, warnings: queueWarningsJson(planned.warnings), scan: scanJson(scan, true), ...(picked ? { idList: picked.ids } : {}) });
    else show([...review, '', said.dryRun]);
    return ExitCode.done;
  }
  if (!scan.selected.length) {
    if (json) writeJson(io, { action: null, selection: { count: 0, sizeBytes: 0 }, ...(picked ? { idList: picked.ids } : {}) });
    show([...(picked ? [idListLine(picked.ids)] : []), said.emptySelection]);
    return ExitCode.done;
  }
  if (!json || !a.yes) fitLines(review, planWidth(ctx)).forEach((l) => note(io, l));
  if (!a.yes) {
    const expected = `${a.action} ${scan.selected.length}`;
    if (!(await confirmTyped(io, said.typeToGoOn(expected), expected, ctx.signal))) throw new RefusedError(said.cancelled);
  }
  const outcome = await runQueueAction(
    planned,
    scan,
    {
      postfixState: state,
      run: (p, args, input, signal) => runCommand(p, args, { input, signal }),
      postfixCheck: () => runPostfixCheck(settings, { run }),
      appendIncident: (md) => (incident ? appendIncidentSection(incident, md) : null),
      host: os.hostname(),
      nowMs: () => Date.now(),
    },
    (p) => line.update(() => said.progress(a.action!, fmtCount(p.done), fmtCount(p.total), fmtCount(Math.round(p.ratePerS)), p.etaS !== undefined ? fmtDuration(p.etaS) : undefined)),
    ctx.signal,
  ).finally(() => line.clear());
  if ('refused' in outcome) throw new RefusedError(said.stopped(outcome.refused.reason), outcome.refused.hint);
  if (json) writeJson(io, { action: renameKeys({ ...outcome, failures: outcome.failures.map((f) => queueFailureText(f, 'en')), check: checkJson(outcome.check), warnings: queueWarningsJson(outcome.warnings) }, { bytesFreed: 'freedBytes' }), selection: { count: scan.selected.length, sizeBytes: scan.selectedBytes }, ...(picked ? { idList: picked.ids } : {}) });
  else {
    show([
      said.outcome(a.action, fmtCount(outcome.done), fmtCount(outcome.selected), outcome.method, outcome.aborted),
      ...outcome.warnings.map((w) => said.warning(queueWarningWords(w))),
      ...outcome.failures.map((f) => said.failed(queueFailureText(f))),
      said.check(outcome.check.ran, outcome.check.ok === true, outcome.check.output, checkSkipShown(outcome.check)),
      ...(incident ? [said.incidentFile(ctx.paths.toSystem(incident))] : []),
    ]);
  }
  return outcome.failures.length || outcome.aborted ? ExitCode.failed : ExitCode.done;
}

// The selection of --ids-from: the list read (streamed) and each ID's file checked, no envelope
// read; a list that is not one, or Ctrl-C while reading it, changes nothing.
async function selectFromList(ctx: CommandContext, planned: QueuePlan, name: string, line: ProgressLine): Promise<IdSelection> {
  const where = 'spoolrescue queue'; // the command's name, in usage errors: i18n-ignore
  const t = queueIdsText();
  let src: IdSource;
  try {
    src = openIdSource(name, ctx.io.stdin);
  } catch (e) {
    throw new UsageError(t.cannotOpen(where, escapeName(name), (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  const progress = (p: IdListProgress) => t.progress(fmtCount(p.lines), fmtCount(p.found), fmtCount(Math.round(p.ratePerS)), p.etaS !== undefined ? fmtDuration(p.etaS) : undefined);
  const r = await selectByIds(planned, src, () => Date.now(), (p) => line.update(() => progress(p)), ctx.signal).finally(() => line.clear());
  if ('refused' in r) throw new RefusedError(queueText().stopped(r.refused.reason), r.refused.hint);
  if (r.scan.aborted) throw new RefusedError(t.stopped);
  return r;
}

// One line on what became of the list's lines.
function idListLine(n: IdListNotes): string {
  const t = queueIdsText();
  const parts = [
    n.duplicates && t.repeated(fmtCount(n.duplicates)),
    n.gone && t.gone(fmtCount(n.gone)),
    n.notFile && t.notFile(fmtCount(n.notFile)),
    n.otherOwner && t.otherOwner(fmtCount(n.otherOwner)),
    n.badDir && t.badDir(fmtCount(n.badDir)),
    n.otherQueue && t.otherQueue(fmtCount(n.otherQueue)),
  ].filter((x): x is string => !!x);
  return t.summary(fmtCount(n.lines), fmtCount(n.found)) + (parts.length ? ` (${parts.join(', ')})` : '');
}
