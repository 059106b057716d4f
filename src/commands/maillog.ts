import os from 'node:os';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { incidentDestination } from '../cli/incident-destination.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { progressLine } from '../cli/progress-line.js';
import { CliError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { lookJson, lookLines } from '../core/maillog/first-look-view.js';
import { passProgressText } from '../core/maillog/progress-text.js';
import { reportLines } from '../core/maillog/report-text.js';
import { maillogVerdictJson } from '../core/maillog/verdict-words.js';
import { parseWallTime } from '../core/maillog/wall-time.js';
import { printable } from '../core/maillog/printable.js';
import { renameKeys } from '../core/json-vocabulary.js';
import { isRefusal, passComplete, planMaillog, recordMaillog, runMaillog, type MaillogPlan } from '../ops/maillog.js';
import { logOpenWords, passErrorWords } from '../io/maillog/messages.js';
import { maillogText } from './messages/maillog.js';


function wallFlag(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.flags[name] as string | undefined;
  if (v === undefined) return undefined;
  const w = parseWallTime(v);
  if (w === null) throw new UsageError(maillogText().badTime(name, v));
  return w;
}

function planJson(plan: MaillogPlan, show: (p: string) => string) {
  return { ...lookJson(plan.files, show), source: plan.source, unreadable: plan.unreadable.map((u) => ({ path: show(u.path), hostPath: u.path, code: u.code, message: logOpenWords(u, 'en') })), maximalQueueLifetimeSecs: plan.lifetimeSecs };
}

// The document in the one vocabulary (docs/json.md): the log's byte figures are sizes (`sizeBytes`),
// what the pass read is `readBytes`; renamed at the edge so the analysis keeps its own names.
function maillogJson(doc: Record<string, unknown>): object {
  return renameKeys(doc, { bytes: 'sizeBytes', bytesRead: 'readBytes' }) as object;
}

async function run(ctx: CommandContext): Promise<number> {
  const show = (p: string) => ctx.paths.toSystem(p);
  const sinceWall = wallFlag(ctx, 'since');
  const untilWall = wallFlag(ctx, 'until');
  const files = ctx.positionals.map((p) => ctx.paths.arg(p));
  const incident = ctx.flags.incident !== undefined ? incidentDestination(ctx, files[0] ?? ctx.paths.sys('/var/log')) : undefined;
  const plan = await planMaillog({ files, paths: ctx.paths, postfixConfig: ctx.global.postfixConfig, sinceWall, untilWall, top: ctx.flags.top as number | undefined });
  if (isRefusal(plan)) {
    const code = plan.refused.code === 'symlink' ? ExitCode.refused : ExitCode.failed;
    if (ctx.global.json) {
      writeJson(ctx.io, { refused: plan.refused });
      return code;
    }
    // i18n-ignore: the command and a message worded where it was made
    throw new CliError(`spoolrescue maillog: ${plan.refused.reason}`, code, plan.refused.hint);
  }
  const width = Math.max(60, ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 80);
  for (const u of plan.unreadable) note(ctx.io, maillogText().skipped(logOpenWords(u)));
  if (ctx.flags['first-look'] === true) {
    if (ctx.global.json) writeJson(ctx.io, maillogJson({ ...planJson(plan, show), pass: null }));
    else for (const l of lookLines(plan.files, show, width)) writeLine(ctx.io, printable(l));
    return ExitCode.done;
  }
  if (!ctx.global.json) {
    for (const l of lookLines(plan.files, show, width)) writeLine(ctx.io, printable(l));
    writeLine(ctx.io, '');
  }
  const progress = progressLine(ctx.io, ctx.terminal.serial);
  const t0 = performance.now();
  const outcome = await runMaillog(plan, undefined, (p) => progress.update(() => passProgressText(p, performance.now() - t0)), ctx.signal);
  progress.clear();
  const { report, pass } = outcome;
  const complete = passComplete(pass);
  // i18n-ignore: the command and a message worded where it was made
  for (const f of pass.files) if (f.error) note(ctx.io, `spoolrescue maillog: ${passErrorWords(f.error)}`);
  let incidentJson = null;
  if (incident) {
    const w = recordMaillog(report, { incidentFile: incident, host: os.hostname(), time: new Date(), files: plan.files.map((f) => show(f.path)), complete });
    incidentJson = { file: incident, ok: w.ok, writtenBytes: w.bytesWritten, error: w.ok ? null : { code: w.errorCode ?? null, message: w.message ?? null } };
    // i18n-ignore: the command and a message worded where it was made
    if (!w.ok) note(ctx.io, `spoolrescue maillog: ${w.message}`);
  }
  if (ctx.global.json) {
    const passJson = { complete, aborted: pass.aborted, elapsedMs: Math.round(pass.elapsedMs), files: pass.files.map((f) => ({ path: show(f.path), hostPath: f.path, bytesRead: f.bytesRead, complete: f.complete, error: f.error ? passErrorWords(f.error, 'en') : null })) };
    writeJson(ctx.io, maillogJson({ ...planJson(plan, show), pass: passJson, report: { ...report, verdicts: report.verdicts.map(maillogVerdictJson) }, incident: incidentJson }));
  } else {
    const secs = pass.elapsedMs / 1000;
    const read = pass.files.reduce((a, f) => a + f.bytesRead, 0);
    writeLine(ctx.io, maillogText().passDone(complete, secs.toFixed(1), (read / 2 ** 20 / Math.max(secs, 0.001)).toFixed(0)));
    for (const l of reportLines(report, { charts: ctx.flags.chart === true, width })) writeLine(ctx.io, printable(l));
    if (incidentJson?.ok) writeLine(ctx.io, maillogText().appended(incidentJson.writtenBytes, incident!));
  }
  if (pass.aborted) {
    note(ctx.io, maillogText().interrupted);
    return ExitCode.failed;
  }
  return incidentJson && !incidentJson.ok ? ExitCode.failed : ExitCode.done;
}

// `spoolrescue maillog`: why the disk filled, from the mail log, in seconds.
export const command: CommandSpec = {
  name: 'maillog',
  get summary() {
    return maillogText().summary;
  },
  positionals: [{ name: 'FILE...', required: false, variadic: true, get description() { return maillogText().positionals['FILE...']; } }],
  flags: [
    { name: 'since', type: 'string', valueName: 'T', get description() { return maillogText().flags.since; } },
    { name: 'until', type: 'string', valueName: 'T', get description() { return maillogText().flags.until; } },
    { name: 'chart', type: 'boolean', get description() { return maillogText().flags.chart; } },
    { name: 'first-look', type: 'boolean', get description() { return maillogText().flags['first-look']; } },
    { name: 'top', type: 'integer', valueName: 'N', min: 1, get description() { return maillogText().flags.top; } },
    { name: 'incident', type: 'string', valueName: 'FILE', get description() { return maillogText().flags.incident; } },
    { name: 'force-destination', type: 'boolean', get description() { return maillogText().flags['force-destination']; } },
  ],
  get details() {
    return maillogText().details;
  },
  run,
};
