import { editErrorWords, followUpNoteWords, unreadConfigWords } from '../core/prevent/apply-facts.js';
import { confirmTyped } from '../cli/typed-confirmation.js';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { incidentDestination } from '../cli/incident-destination.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { CliError, RefusedError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { commandJson } from '../core/prevent/fix-commands.js';
import { FINDING_CODES } from '../core/prevent/finding.js';
import { findingJson } from '../core/prevent/finding-words.js';
import { planLines, reportLines, shownLine } from '../core/prevent/report-text.js';
import { appendClosingSection } from '../io/prevent/closing-section.js';
import { retryStormFromRecords } from '../core/prevent/retry-storm-record.js';
import { readIncidentRecords } from '../io/incident/sink.js';
import { planPrevent, runPrevent, type PreventPlan, type PreventRun } from '../ops/prevent.js';
import { VERSION } from '../version.js';
import { preventText } from './messages/prevent.js';

// `spoolrescue prevent`: what will fill the disk again on this host, and --apply for the safe fixes.

async function confirm(ctx: CommandContext): Promise<void> {
  if (ctx.flags.yes === true) return;
  if (!ctx.io.stdin.isTTY || !ctx.io.stderr.isTTY) {
    throw new RefusedError(preventText().noTerminal, preventText().addYes);
  }
  if (!(await confirmTyped(ctx.io, preventText().typeApply, 'apply', ctx.signal))) throw new RefusedError(preventText().notConfirmed);
}

// The lines the incident file keeps about what this run changed.
function changeLines(plan: PreventPlan, run: PreventRun): string[] {
  const said = preventText();
  const out: string[] = [];
  for (const e of run.edits) out.push(said.recordEdit(e.ok, e.path, e.backup, e.created, e.error && editErrorWords(e.error)));
  for (const e of plan.edits) out.push('', '```diff', e.diff.replace(/`/g, "'").trimEnd(), '```');
  for (const c of run.commands) out.push(said.recordCommand(c.command, c.ran, c.ok, c.note && followUpNoteWords(c.note)));
  for (const v of run.verified) out.push(said.recordVerified(v.id, v.fixed));
  return out.map(shownLine);
}

function jsonOf(plan: PreventPlan, run: PreventRun | null, incident: unknown) {
  return {
    findings: (run ? run.findingsAfter : plan.findings).map(findingJson),
    findingsBefore: run ? plan.findings.map(findingJson) : null,
    unreadable: plan.unreadable.map((u) => unreadConfigWords(u, 'en')),
    plan: plan.fixes.length || plan.alreadyFine.length ? { fixes: plan.fixes.map((f) => ({ id: f.id, code: f.code, notes: f.notes })), alreadyFine: plan.alreadyFine, edits: plan.edits.map((e) => ({ path: e.path, created: e.before === null, diff: e.diff })), commands: plan.commands.map(commandJson), backupDir: plan.backupDir } : null,
    applied: run ? { ok: run.ok, edits: run.edits.map((e) => ({ ...e, error: e.error && editErrorWords(e.error, 'en') })), commands: run.commands.map((c) => ({ ...c, note: c.note && followUpNoteWords(c.note, 'en') })), verified: run.verified } : null,
    incident,
  };
}

async function run(ctx: CommandContext): Promise<number> {
  const applyRaw = ctx.flags.apply as string | undefined;
  const apply = applyRaw ? applyRaw.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (applyRaw !== undefined && !apply.length) throw new UsageError(preventText().applyNeedsCode);
  // The same destination rules as every incident file; the mail spool's filesystem is the troubled one.
  const incident = ctx.flags.incident ? incidentDestination(ctx, ctx.paths.sys('/var/spool')) : undefined;
  const req = {
    paths: ctx.paths,
    postfixConfig: ctx.global.postfixConfig,
    apply,
    forwardRootTo: ctx.flags['forward-root-to'] as string | undefined,
    backupDir: ctx.flags['backup-dir'] as string | undefined,
    // The mail-log step's verdict, when it recorded one in this incident file (sealed records only).
    retryStorm: incident ? retryStormFromRecords(await readIncidentRecords(incident, ctx.signal)) : null,
    signal: ctx.signal,
  };
  const planned = await planPrevent(req);
  if ('refused' in planned && planned.refused.code === 'unknown-code') throw new UsageError(preventText().stopped(planned.refused.reason), planned.refused.hint);
  if ('refused' in planned) throw new RefusedError(preventText().refused(planned.refused.reason), planned.refused.hint);
  const say = (l: string) => (ctx.global.json ? note(ctx.io, shownLine(l)) : writeLine(ctx.io, shownLine(l)));
  let result: PreventRun | null = null;
  if (!apply.length) {
    if (!ctx.global.json) for (const l of reportLines(planned.findings, planned.unreadable.map((u) => unreadConfigWords(u)))) writeLine(ctx.io, shownLine(l));
  } else {
    for (const id of planned.alreadyFine) say(preventText().alreadyFine(id));
    if (planned.edits.length || planned.commands.length) {
      for (const l of planLines(planned.edits, planned.commands, planned.fixes.flatMap((f) => f.notes), planned.backupDir)) say(l);
      await confirm(ctx);
      result = await runPrevent(planned, req);
      const said = preventText();
      for (const e of result.edits) say(e.ok ? said.edited(e.path, e.backup) : said.editFailed(e.error && editErrorWords(e.error)));
      for (const c of result.commands) say(said.commandOutcome(c.command, c.ran, c.ok, c.note && followUpNoteWords(c.note)));
      for (const v of result.verified) say(said.verified(v.id, v.fixed));
    }
  }
  let incidentOut: unknown = null;
  if (incident) {
    const open = result ? result.findingsAfter : planned.findings;
    const fixedNow = result ? result.verified.filter((v) => v.fixed).map((v) => v.id) : [];
    const { result: w, markdown } = await appendClosingSection({ incidentFile: incident, paths: ctx.paths, open, fixedNow, changes: result ? changeLines(planned, result) : [], version: VERSION, signal: ctx.signal });
    incidentOut = { file: incident, ok: w.ok, writtenBytes: w.bytesWritten, error: w.ok ? null : w.message };
    if (!w.ok) {
      note(ctx.io, preventText().recordFailed(incident, w.message));
      if (!ctx.global.json) ctx.io.stdout.write('\n' + markdown);
    } else if (!ctx.global.json) writeLine(ctx.io, preventText().recorded(incident));
    if (!w.ok && !result) throw new CliError(preventText().incidentUnwritable(incident, w.message));
  }
  if (ctx.global.json) writeJson(ctx.io, jsonOf(planned, result, incidentOut));
  if (result && !result.ok) return ExitCode.failed;
  return ExitCode.done;
}

// `spoolrescue prevent`: report the findings; with --apply, show the exact change, confirm, apply, verify, record.
export const command: CommandSpec = {
  name: 'prevent',
  get summary() {
    return preventText().summary;
  },
  positionals: [],
  flags: [
    { name: 'apply', type: 'string', valueName: 'CODE[,CODE...]', get description() { return preventText().flags.apply; } },
    { name: 'yes', type: 'boolean', get description() { return preventText().flags.yes; } },
    { name: 'forward-root-to', type: 'string', valueName: 'ADDRESS', get description() { return preventText().flags['forward-root-to']; } },
    { name: 'backup-dir', type: 'string', valueName: 'DIR', get description() { return preventText().flags['backup-dir']; } },
    { name: 'incident', type: 'string', valueName: 'FILE', get description() { return preventText().flags.incident; } },
    { name: 'force-destination', type: 'boolean', get description() { return preventText().flags['force-destination']; } },
  ],
  get details() {
    return preventText().details(FINDING_CODES.join(', '));
  },
  run,
};
