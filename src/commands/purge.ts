import path from 'node:path';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { purgeProgressPrinter } from '../cli/purge-progress.js';
import { refusalError } from '../cli/refusal-error.js';
import { confirmTyped } from '../cli/typed-confirmation.js';
import { fitLines, planWidth } from '../cli/fit-lines.js';
import { CliError, RefusedError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { planJson, planLines } from '../core/purge/plan.js';
import { purgeJson, purgeSummaryLines } from '../core/purge/report.js';
import type { Failed } from '../core/purge/outcome.js';
import type { Refused } from '../core/refusal.js';
import { spoolrescueCommand } from '../core/suggested-command.js';
import { plan as planPurge, run as runPurgeOp, type PurgeRequest } from '../ops/purge.js';
import { realPurgeDeps } from '../ops/real/purge.js';
import { purgeText } from './messages/purge.js';


// `spoolrescue purge`: empty a huge queue directory without globs, keeping its owner, mode and label.
export const command: CommandSpec = {
  name: 'purge',
  get summary() {
    return purgeText().summary;
  },
  positionals: [{ name: 'DIR', required: true, get description() { return purgeText().positionals.DIR; } }],
  flags: [
    { name: 'dry-run', type: 'boolean', get description() { return purgeText().flags['dry-run']; } },
    { name: 'yes', type: 'boolean', get description() { return purgeText().flags.yes; } },
    { name: 'incident', type: 'string', valueName: 'FILE', get description() { return purgeText().flags.incident; } },
    { name: 'postsuper', type: 'boolean', get description() { return purgeText().flags.postsuper; } },
    { name: 'in-place', type: 'boolean', get description() { return purgeText().flags['in-place']; } },
    { name: 'any-directory', type: 'boolean', get description() { return purgeText().flags['any-directory']; } },
  ],
  get details() {
    return purgeText().details;
  },
  run: runPurge,
};

// The CLI's words for an op that did not act: rails refusals read "refused: ...", exit 3;
// failures exit 1 (2 for a request that makes no sense).
function stopped(r: Refused | Failed): CliError {
  // i18n-ignore: the command and a message worded where it was made
  if ('failed' in r) return new CliError(`spoolrescue purge: ${r.failed.reason}`, r.failed.usage ? ExitCode.usage : ExitCode.failed, r.failed.hint);
  const worded = r.refused.code === 'incident-file-unusable' ? r.refused : { ...r.refused, reason: purgeText().refused(r.refused.reason) };
  return refusalError('purge', worded);
}

async function runPurge(ctx: CommandContext): Promise<number> {
  const { io, flags } = ctx;
  const dryRun = flags['dry-run'] === true;
  const yes = flags.yes === true;
  const json = ctx.global.json;
  if (!dryRun && !yes && !io.stdin.isTTY) {
    throw new RefusedError(purgeText().noTerminal, purgeText().reviewFirst(spoolrescueCommand(['purge', ctx.positionals[0], '--dry-run'], ctx.global)));
  }
  // a path on this machine, never mapped under --root (as for capture and truncate)
  const incidentFile = typeof flags.incident === 'string' ? path.resolve(ctx.io.cwd, flags.incident) : undefined;
  const printer = purgeProgressPrinter(io, ctx.terminal);
  const deps = realPurgeDeps();
  const req: PurgeRequest = {
    dirArg: ctx.positionals[0],
    paths: ctx.paths,
    postfixConfig: ctx.global.postfixConfig,
    anyDirectory: flags['any-directory'] === true,
    inPlace: flags['in-place'] === true,
    postsuper: flags.postsuper === true,
    incidentFile,
    countFirst: dryRun || !yes,
    signal: ctx.signal,
    onProgress: printer.onProgress,
  };
  const planned = await planPurge(req, deps).finally(printer.done);
  if ('refused' in planned || 'failed' in planned) throw stopped(planned);
  const { plan } = planned;
  const show = (lines: string[]) => fitLines(lines, planWidth(ctx)).forEach((l) => (json ? note(io, l) : writeLine(io, l)));
  if (dryRun) {
    if (json) writeJson(io, { dryRun: true, plan: planJson(plan) });
    else show([...planLines(plan), '', purgeText().dryRun]);
    return ExitCode.done;
  }
  if (!json || !yes) show(planLines(plan));
  if (!yes) {
    const name = path.basename(plan.dir);
    if (!(await confirmTyped(io, purgeText().typeName(name), name, ctx.signal))) throw new RefusedError(purgeText().cancelled);
  }
  const { report, failures } = await runPurgeOp(planned, deps, printer.onProgress, ctx.signal).finally(printer.done);
  if (json) writeJson(io, purgeJson(report));
  else show(['', ...purgeSummaryLines(report)]);
  return failures.length ? ExitCode.failed : ExitCode.done;
}
