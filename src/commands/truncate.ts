import path from 'node:path';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { refusalError } from '../cli/refusal-error.js';
import { confirmTyped } from '../cli/typed-confirmation.js';
import { fitLines, planWidth } from '../cli/fit-lines.js';
import { CliError, RefusedError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { modeText, ownerText } from '../core/incident/file-facts.js';
import { uncapturedBytes } from '../core/incident/truncate.js';
import { spoolLockWords } from '../core/truncate/lock-words.js';
import type { Failed } from '../core/purge/outcome.js';
import type { Refused } from '../core/refusal.js';
import { spoolrescueCommand } from '../core/suggested-command.js';
import { realTruncateDeps } from '../ops/real/truncate.js';
import { plan as planTruncate, run as runTruncate, type TruncateRequest, type TruncationDone, type TruncationPlan } from '../ops/truncate.js';
import { truncateText } from './messages/truncate.js';

// The CLI's words for a truncation that did not happen: exit 3 for a refusal, 2 when no incident
// file was named, 1 for a failure; hints that name a command are the CLI's own.
function stopped(ctx: CommandContext, r: Refused | Failed): CliError {
  if ('failed' in r) return new CliError(truncateText().stopped(r.failed.reason), r.failed.usage ? ExitCode.usage : ExitCode.failed, r.failed.hint);
  const { code } = r.refused;
  const req = ctx.flags.incident as string | undefined;
  if (code === 'no-incident-file') {
    return new UsageError(truncateText().noIncident, truncateText().captureFirst(spoolrescueCommand(['capture', ctx.positionals[0] ?? 'SPOOL', '--incident', 'FILE'], ctx.global)));
  }
  if (code === 'not-a-file') return refusalError('truncate', { ...r.refused, reason: truncateText().notAFile(r.refused.reason) });
  if (code === 'no-capture' && req) {
    const shown = ctx.paths.toSystem(ctx.paths.arg(ctx.positionals[0]));
    return refusalError('truncate', { ...r.refused, hint: truncateText().captureItFirst(spoolrescueCommand(['capture', shown, '--incident', path.resolve(ctx.io.cwd, req)], ctx.global)) });
  }
  return refusalError('truncate', r.refused);
}

function planText(p: TruncationPlan): string[] {
  const { file, capture, lateBytes } = p;
  const incident = p.request.incidentFile;
  const said = truncateText();
  const lines = [
    said.plan(p.systemPath, String(file.size), String(file.ino), ownerText(file), modeText(file.mode)),
    capture ? said.evidence(String(capture.time), String(incident), String(capture.size)) : said.noEvidence,
  ];
  if (lateBytes > 0) lines.push((p.request.acceptLoss ? said.lateWillBeLost : said.lateWillBeKept)(String(lateBytes)));
  return lines;
}

async function confirm(ctx: CommandContext, spoolName: string): Promise<void> {
  if (ctx.flags.yes === true) return;
  if (!ctx.io.stdin.isTTY || !ctx.io.stderr.isTTY) {
    throw new RefusedError(truncateText().noTerminal, truncateText().addYes);
  }
  const ok = await confirmTyped(ctx.io, truncateText().typeName(spoolName), spoolName, ctx.signal);
  if (!ok) throw new RefusedError(truncateText().notConfirmed);
}

function report(ctx: CommandContext, p: TruncationPlan, done: TruncationDone): number {
  const { result, lock, late, evidence, markdown, written } = done;
  const incident = p.request.incidentFile;
  const { capture } = p;
  const json = {
    path: p.systemPath,
    hostPath: p.request.hostPath,
    sizeBeforeBytes: result.sizeBefore,
    sizeAfterBytes: result.sizeAfter,
    inode: result.ino,
    dev: result.dev,
    uid: result.uid,
    gid: result.gid,
    mode: modeText(result.mode),
    kept: evidence.kept,
    label: { before: evidence.labelBefore, after: evidence.labelAfter },
    lock: spoolLockWords(lock.facts, 'en'),
    uncapturedBytes: uncapturedBytes(evidence),
    late: capture ? { sizeBytes: late.bytes, fate: late.fate } : null,
    evidence: capture ? { file: incident, time: capture.time, sha256: capture.sha256, sizeBytes: capture.size } : null,
    incident: written ? { file: incident, ok: written.ok, writtenBytes: written.bytesWritten, error: written.ok ? null : written.message } : null,
  };
  if (ctx.global.json) writeJson(ctx.io, written && !written.ok ? { ...json, markdown } : json);
  else {
    const said = truncateText();
    const lines = [said.truncated(p.systemPath, String(result.sizeBefore), String(result.sizeAfter), evidence.kept), said.lock(spoolLockWords(lock.facts).method)];
    if (late.fate === 'kept') lines.push(said.lateAppended(String(late.bytes), String(incident)));
    if (late.fate === 'lost' && late.bytes > 0) lines.push(said.lateDestroyed(String(late.bytes)));
    if (written?.ok) lines.push(said.recorded(String(incident)));
    for (const l of fitLines(lines, planWidth(ctx))) writeLine(ctx.io, l);
  }
  if (written && !written.ok) {
    note(ctx.io, truncateText().recordFailed(String(written.message)));
    if (!ctx.global.json) ctx.io.stdout.write('\n' + markdown);
    return ExitCode.failed;
  }
  return evidence.kept ? ExitCode.done : ExitCode.failed;
}

async function run(ctx: CommandContext): Promise<number> {
  const incidentRaw = ctx.flags.incident as string | undefined;
  const req: TruncateRequest = {
    hostPath: ctx.paths.arg(ctx.positionals[0]),
    paths: ctx.paths,
    postfixConfig: ctx.global.postfixConfig,
    incidentFile: incidentRaw ? path.resolve(ctx.io.cwd, incidentRaw) : undefined,
    noEvidence: ctx.flags['no-evidence'] === true,
    acceptLoss: ctx.flags['accept-loss'] === true,
    waitMs: ((ctx.flags.wait as number | undefined) ?? 30) * 1000,
    dotlockOnly: ctx.flags['dotlock-only'] === true,
  };
  const deps = realTruncateDeps();
  const planned = await planTruncate(req, deps, ctx.signal);
  if ('refused' in planned || 'failed' in planned) throw stopped(ctx, planned);
  for (const l of fitLines(planText(planned), planWidth(ctx))) (ctx.global.json ? note : writeLine)(ctx.io, l);
  await confirm(ctx, path.basename(planned.systemPath));
  const done = await runTruncate(planned, deps, undefined, ctx.signal);
  if ('refused' in done || 'failed' in done) throw stopped(ctx, done);
  return report(ctx, planned, done);
}

// `spoolrescue truncate`: empty a spool in place (inode, owner, mode, label kept) under Postfix's lock.
export const command: CommandSpec = {
  name: 'truncate',
  get summary() {
    return truncateText().summary;
  },
  positionals: [{ name: 'SPOOL', required: true, get description() { return truncateText().positionals.SPOOL; } }],
  flags: [
    { name: 'incident', type: 'string', valueName: 'FILE', get description() { return truncateText().flags.incident; } },
    { name: 'yes', type: 'boolean', get description() { return truncateText().flags.yes; } },
    { name: 'no-evidence', type: 'boolean', get description() { return truncateText().flags['no-evidence']; } },
    { name: 'wait', type: 'integer', valueName: 'SECONDS', min: 1, get description() { return truncateText().flags.wait; } },
    { name: 'accept-loss', type: 'boolean', get description() { return truncateText().flags['accept-loss']; } },
    { name: 'dotlock-only', type: 'boolean', get description() { return truncateText().flags['dotlock-only']; } },
  ],
  get details() {
    return truncateText().details;
  },
  run,
};
