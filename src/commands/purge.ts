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

const DETAILS = `Empties DIR of every entry without a shell or a glob, streaming (millions of files, bounded
memory), and leaves DIR exactly as it was: owner, group, full mode (sticky/setgid), every extended
attribute (POSIX ACLs, SELinux label, user.*, trusted.*) and inode flags (chattr) are snapshotted
first, restored, and compared afterwards. Exit 0 only when all of that holds. Mount points inside
DIR (other filesystems and bind mounts alike) are never entered.

Allowed without --any-directory: Postfix queue directories (maildrop, bounce, deferred, ...) and
directories under the mail spool. Always refused (exit 3): /, a symlink, not a directory, Postfix's
queue directory itself, pid/ public/ private/, the chroot's etc/ lib/ usr/ dev/, a queue of a
running Postfix (use --postsuper), any directory holding the queue, spool or configuration, a
read-only filesystem, a DIR the caller cannot empty (not root), an immutable or append-only DIR.

Strategy (chosen, shown with the reason): swap - a new empty directory with the same owner, mode and
label replaces DIR within a second, the old one is renamed aside (.DIR.spoolrescue-purge-STAMP) and
deleted with progress; a rerun finishes what Ctrl-C or a crash left. In place - when DIR is a mount
point, a filesystem is mounted inside it, no inode is free, or an attribute cannot be read or
copied (getfattr/setfattr, lsattr/chattr missing): keeping the inode keeps every attribute.

There is no --follow: a link that another user can repoint between the check and the deleting
would empty whatever it points at. Give the real directory.`;

// `spoolrescue purge`: empty a huge queue directory without globs, keeping its owner, mode and label.
export const command: CommandSpec = {
  name: 'purge',
  summary: 'empty a huge queue directory (maildrop, bounce, ...) and restore its exact owner/mode',
  positionals: [{ name: 'DIR', required: true, description: 'directory to empty' }],
  flags: [
    { name: 'dry-run', type: 'boolean', description: 'show the plan (strategy, entries, bytes, owner/mode, Postfix state), change nothing' },
    { name: 'yes', type: 'boolean', description: 'do not ask for the typed confirmation' },
    { name: 'incident', type: 'string', valueName: 'FILE', description: 'incident file to record the purge in' },
    { name: 'postsuper', type: 'boolean', description: "let Postfix delete the queue: postsuper -d ALL QUEUE (works while it runs)" },
    { name: 'in-place', type: 'boolean', description: 'unlink the entries inside DIR instead of swapping in a new directory' },
    { name: 'any-directory', type: 'boolean', description: 'allow a directory outside the Postfix queues and the mail spool' },
  ],
  details: DETAILS,
  run: runPurge,
};

// The CLI's words for an op that did not act: rails refusals read "refused: ...", exit 3;
// failures exit 1 (2 for a request that makes no sense).
function stopped(r: Refused | Failed): CliError {
  if ('failed' in r) return new CliError(`spoolrescue purge: ${r.failed.reason}`, r.failed.usage ? ExitCode.usage : ExitCode.failed, r.failed.hint);
  const worded = r.refused.code === 'incident-file-unusable' ? r.refused : { ...r.refused, reason: `refused: ${r.refused.reason}` };
  return refusalError('purge', worded);
}

async function runPurge(ctx: CommandContext): Promise<number> {
  const { io, flags } = ctx;
  const dryRun = flags['dry-run'] === true;
  const yes = flags.yes === true;
  const json = ctx.global.json;
  if (!dryRun && !yes && !io.stdin.isTTY) {
    throw new RefusedError('spoolrescue purge: refused: no terminal to confirm on and no --yes; nothing was changed', `Review with ${spoolrescueCommand(['purge', ctx.positionals[0], '--dry-run'], ctx.global)}, then rerun with --yes.`);
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
    else show([...planLines(plan), '', 'Dry run: nothing was changed.']);
    return ExitCode.done;
  }
  if (!json || !yes) show(planLines(plan));
  if (!yes) {
    const name = path.basename(plan.dir);
    if (!(await confirmTyped(io, `Type the directory's name (${name}) to purge it; anything else cancels: `, name, ctx.signal))) throw new RefusedError(`spoolrescue purge: cancelled; nothing was changed`);
  }
  const { report, failures } = await runPurgeOp(planned, deps, printer.onProgress, ctx.signal).finally(printer.done);
  if (json) writeJson(io, purgeJson(report));
  else show(['', ...purgeSummaryLines(report)]);
  return failures.length ? ExitCode.failed : ExitCode.done;
}
