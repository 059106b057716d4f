import type { CommandContext, CommandSpec } from '../cli/command.js';
import { incidentFlag, incidentRefusalError, noteWarnings } from '../cli/incident-destination.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { progressLine } from '../cli/progress-line.js';
import { followOperand } from '../cli/follow-operand.js';
import { CliError, UsageError } from '../core/cli-error.js';
import { evidenceJson, evidenceSummary } from '../core/incident/evidence.js';
import { ExitCode } from '../core/exit-codes.js';
import type { CaptureProgress, EvidenceKind } from '../io/incident/evidence-capture.js';
import { planCapture, runCapture } from '../ops/capture.js';
import { realCaptureDeps } from '../ops/real/capture.js';
import { fmtCount } from '../core/text/units.js';
import { captureText } from './messages/capture.js';

const KINDS: EvidenceKind[] = ['mbox', 'queue', 'log', 'raw'];

function progressText(p: CaptureProgress): string {
  if (p.phase === 'listing') return `listing: ${fmtCount(p.done)} entries`;
  const pct = p.total ? ` (${((100 * p.done) / p.total).toFixed(0)}%)` : '';
  return `${p.phase}: ${(p.done / 2 ** 20).toFixed(0)} MiB${pct}`;
}

async function run(ctx: CommandContext): Promise<number> {
  const hostPath = followOperand(ctx, ctx.paths.arg(ctx.positionals[0]));
  const kind = ctx.flags.kind as string | undefined;
  if (kind !== undefined && !KINDS.includes(kind as EvidenceKind)) throw new UsageError(captureText().badKind(KINDS.join(', '), kind));
  const deps = realCaptureDeps();
  const plan = planCapture(
    {
      source: hostPath,
      paths: ctx.paths,
      postfixConfig: ctx.global.postfixConfig,
      incidentFile: incidentFlag(ctx),
      force: ctx.flags['force-destination'] === true,
      items: (ctx.flags.messages as number | undefined) ?? 5,
      cap: ctx.flags['max-bytes'] as number | undefined,
      count: ctx.flags.count === true,
      kind: kind as EvidenceKind | undefined,
    },
    deps,
  );
  if ('refused' in plan) throw incidentRefusalError(ctx.command, plan);
  noteWarnings(ctx, plan.warnings);
  const incident = plan.incidentFile;
  const progress = progressLine(ctx.io, ctx.terminal.serial, { minIntervalMs: ctx.terminal.serial ? 500 : 250 });
  let done;
  try {
    done = await runCapture(plan, deps, (p) => progress.update(progressText(p)), ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted) throw new CliError(captureText().interrupted);
    throw e;
  } finally {
    progress.clear();
  }
  const { evidence: outcome, written } = done;
  const incidentJson = { file: incident, ok: written.ok, writtenBytes: written.bytesWritten, error: written.ok ? null : { code: written.errorCode ?? null, message: written.message ?? null } };
  if (ctx.global.json) {
    writeJson(ctx.io, { ...evidenceJson(outcome), incident: incidentJson, ...(written.ok ? {} : { markdown: outcome.markdown }) });
  } else {
    for (const line of evidenceSummary(outcome)) writeLine(ctx.io, line);
    if (written.ok) writeLine(ctx.io, captureText().appended(written.bytesWritten, incident));
  }
  if (written.ok) return ExitCode.done;
  // i18n-ignore: the command and a message worded where it was made
  note(ctx.io, `spoolrescue capture: ${written.message}`);
  note(ctx.io, captureText().partKept(written.bytesWritten, ctx.global.json));
  if (!ctx.global.json) {
    writeLine(ctx.io, '');
    ctx.io.stdout.write(outcome.markdown);
  }
  return ExitCode.failed;
}

// `spoolrescue capture`: first and last messages/files/lines into an incident file, with hashes.
export const command: CommandSpec = {
  name: 'capture',
  get summary() {
    return captureText().summary;
  },
  positionals: [{ name: 'SPOOL', required: true, get description() { return captureText().positionals.SPOOL; } }],
  flags: [
    { name: 'incident', type: 'string', valueName: 'FILE', required: true, get description() { return captureText().flags.incident; } },
    { name: 'messages', type: 'integer', valueName: 'N', min: 1, get description() { return captureText().flags.messages; } },
    { name: 'count', type: 'boolean', get description() { return captureText().flags.count; } },
    { name: 'kind', type: 'string', valueName: 'KIND', get description() { return captureText().flags.kind; } },
    { name: 'max-bytes', type: 'integer', valueName: 'N', min: 64, get description() { return captureText().flags['max-bytes']; } },
    { name: 'force-destination', type: 'boolean', get description() { return captureText().flags['force-destination']; } },
    { name: 'follow', type: 'boolean', get description() { return captureText().flags.follow; } },
  ],
  get details() {
    return captureText().details;
  },
  run,
};
