import path from 'node:path';
import os from 'node:os';
import { askLine } from '../cli/ask-line.js';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { CliError, RefusedError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { modeText, ownerText } from '../core/incident-file-facts.js';
import { isCaptureOf, type IncidentRecord } from '../core/incident-records.js';
import { truncateSection, uncapturedBytes, type TruncateEvidence } from '../core/incident-truncate.js';
import { loadAccountNames } from '../io/account-names.js';
import { statSubject } from '../io/evidence-capture.js';
import { fileFactsOf, selinuxLabel } from '../io/file-facts.js';
import { appendIncidentSection, readIncidentRecords } from '../io/incident-sink.js';
import { readPostfixSettings } from '../io/postfix-settings.js';
import { SpoolLockError } from '../io/spool-lock.js';
import { TruncateError } from '../io/spool-truncate.js';
import { checkIncidentRoom, checkSpoolWritable, neededIncidentBytes, truncateGuarded } from '../io/truncate-guard.js';
import { spoolrescueCommand } from '../core/suggested-command.js';

// Finds the capture the truncation relies on; refuses (exit 3) when the incident file has none.
async function findCapture(ctx: CommandContext, incident: string | undefined, spool: { path: string; dev: number; ino: number }): Promise<IncidentRecord | null> {
  if (ctx.flags['no-evidence'] === true) return null;
  if (!incident) {
    throw new UsageError('spoolrescue truncate: --incident FILE is required (the file that holds the capture of this spool)', `Capture first: ${spoolrescueCommand(['capture', ctx.positionals[0] ?? 'SPOOL', '--incident', 'FILE'], ctx.global)}; or truncate without evidence with --no-evidence.`);
  }
  let records: IncidentRecord[];
  try {
    records = await readIncidentRecords(incident, ctx.signal);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`spoolrescue truncate: ${e.message}`, e.exitCode, e.hint);
    throw new CliError(`spoolrescue truncate: cannot read the incident file ${incident}: ${(e as Error).message}`);
  }
  const match = records.filter((r) => isCaptureOf(r, spool)).at(-1);
  if (!match) {
    throw new RefusedError(
      `spoolrescue truncate: ${incident} holds no capture of ${spool.path} (inode ${spool.ino}); refusing to destroy mail that was not captured. Nothing was changed.`,
      `Capture it first: ${spoolrescueCommand(['capture', spool.path, '--incident', incident], ctx.global)}   (or use --no-evidence knowingly)`,
    );
  }
  return match;
}

async function confirm(ctx: CommandContext, spoolName: string): Promise<void> {
  if (ctx.flags.yes === true) return;
  if (!ctx.io.stdin.isTTY || !ctx.io.stderr.isTTY) {
    throw new RefusedError('spoolrescue truncate: not a terminal, so no confirmation can be asked; nothing was changed.', 'Add --yes to truncate without asking.');
  }
  const answer = await askLine(ctx.io, `Type the spool's name (${spoolName}) to truncate it; anything else cancels: `, ctx.signal);
  if (answer?.trim() !== spoolName) throw new RefusedError('spoolrescue truncate: not confirmed; nothing was changed.');
}

async function run(ctx: CommandContext): Promise<number> {
  const hostPath = ctx.paths.arg(ctx.positionals[0]);
  const systemPath = ctx.paths.toSystem(hostPath);
  const st = statSubject(hostPath, systemPath);
  if (!st.isFile()) throw new RefusedError(`spoolrescue truncate: ${systemPath} is not a regular file; only mbox spools are truncated (queue directories: spoolrescue purge)`);
  checkSpoolWritable(hostPath, systemPath);
  const incidentRaw = ctx.flags.incident as string | undefined;
  const incident = incidentRaw ? path.resolve(ctx.io.cwd, incidentRaw) : undefined;
  const capture = await findCapture(ctx, incident, { path: systemPath, dev: st.dev, ino: st.ino });
  const acceptLoss = ctx.flags['accept-loss'] === true;
  const capturedSize = typeof capture?.size === 'number' ? capture.size : null;
  const lateNow = capturedSize === null ? 0 : Math.max(0, st.size - capturedSize);
  if (incident) checkIncidentRoom(incident, neededIncidentBytes(acceptLoss ? 0 : lateNow));
  const file = fileFactsOf(hostPath, st, ctx.paths, loadAccountNames(ctx.paths));
  const plan = [
    `truncate ${systemPath} in place: ${st.size} bytes -> 0, inode ${st.ino}, ${ownerText(file)}, mode ${modeText(file.mode)} (all kept)`,
    capture ? `  evidence: capture of ${String(capture.time)} in ${incident} (size then ${String(capture.size)} bytes)` : '  evidence: none (--no-evidence)',
  ];
  if (lateNow > 0) plan.push(`  note: ${lateNow} bytes arrived after the capture; ${acceptLoss ? 'they will be lost (--accept-loss)' : 'they will be appended to the incident file under the lock, before truncating'}`);
  if (!ctx.global.json) for (const l of plan) writeLine(ctx.io, l);
  else for (const l of plan) note(ctx.io, l);
  await confirm(ctx, path.basename(systemPath));
  const settings = await readPostfixSettings({ paths: ctx.paths, postfixConfig: ctx.global.postfixConfig });
  const labelBefore = await selinuxLabel(hostPath);
  let done;
  try {
    done = await truncateGuarded({
      hostPath,
      expect: { dev: st.dev, ino: st.ino },
      capturedSize,
      incidentFile: incident,
      file,
      acceptLoss: acceptLoss || capture === null,
      lock: {
        waitMs: ((ctx.flags.wait as number | undefined) ?? 30) * 1000,
        postfixConfig: settings.hasMainCf ? settings.configDir : undefined,
        signal: ctx.signal,
        allowDotlockOnly: ctx.flags['dotlock-only'] === true,
      },
    });
  } catch (e) {
    if (e instanceof SpoolLockError) throw new CliError(`spoolrescue truncate: ${e.message}`, e.exitCode, e.hint);
    if (e instanceof TruncateError) throw new CliError(`spoolrescue truncate: ${e.message}`);
    throw e;
  }
  const { result, lock, late } = done;
  const labelAfter = await selinuxLabel(hostPath);
  const evidence: TruncateEvidence = {
    file: { ...file, uid: result.uid, gid: result.gid, mode: result.mode },
    sizeBefore: result.sizeBefore,
    sizeAfter: result.sizeAfter,
    lockMethod: lock.method,
    lockExcludes: lock.excludes,
    kept: result.kept && labelBefore === labelAfter,
    labelBefore,
    labelAfter,
    capture,
    late: capture ? late : undefined,
  };
  const markdown = truncateSection(evidence, { host: os.hostname(), time: new Date() });
  const written = incident ? appendIncidentSection(incident, markdown) : null;
  const json = {
    path: systemPath,
    hostPath,
    sizeBefore: result.sizeBefore,
    sizeAfter: result.sizeAfter,
    inode: result.ino,
    dev: result.dev,
    uid: result.uid,
    gid: result.gid,
    mode: modeText(result.mode),
    kept: evidence.kept,
    label: { before: labelBefore, after: labelAfter },
    lock: { method: lock.method, excludes: lock.excludes },
    uncapturedBytes: uncapturedBytes(evidence),
    lateBytes: capture ? { bytes: late.bytes, fate: late.fate } : null,
    evidence: capture ? { file: incident, time: capture.time, sha256: capture.sha256, size: capture.size } : null,
    incident: written ? { file: incident, ok: written.ok, bytesWritten: written.bytesWritten, error: written.ok ? null : written.message } : null,
  };
  if (ctx.global.json) writeJson(ctx.io, written && !written.ok ? { ...json, markdown } : json);
  else {
    writeLine(ctx.io, `truncated ${systemPath}: ${result.sizeBefore} -> ${result.sizeAfter} bytes; inode, owner and mode ${evidence.kept ? 'kept' : 'CHANGED (check them)'}`);
    writeLine(ctx.io, `  lock: ${lock.method}`);
    if (late.fate === 'kept') writeLine(ctx.io, `  ${late.bytes} bytes that arrived after the capture were appended to ${incident} first`);
    if (late.fate === 'lost' && late.bytes > 0) writeLine(ctx.io, `  ${late.bytes} bytes that arrived after the capture were destroyed uncaptured (--accept-loss)`);
    if (written?.ok) writeLine(ctx.io, `  recorded in ${incident}`);
  }
  if (written && !written.ok) {
    note(ctx.io, `spoolrescue truncate: the spool was truncated, but recording it failed: ${written.message}`);
    if (!ctx.global.json) ctx.io.stdout.write('\n' + markdown);
    return ExitCode.failed;
  }
  return evidence.kept ? ExitCode.done : ExitCode.failed;
}

// `spoolrescue truncate`: empty a spool in place (inode, owner, mode, label kept) under Postfix's lock.
export const command: CommandSpec = {
  name: 'truncate',
  summary: "truncate a mail spool in place, holding Postfix's lock, after evidence was captured",
  positionals: [{ name: 'SPOOL', required: true, description: 'mbox spool to truncate' }],
  flags: [
    { name: 'incident', type: 'string', valueName: 'FILE', description: 'incident file that holds a capture of SPOOL (the truncation is recorded there)' },
    { name: 'yes', type: 'boolean', description: 'do not ask for confirmation' },
    { name: 'no-evidence', type: 'boolean', description: 'truncate even though no capture of SPOOL was recorded' },
    { name: 'wait', type: 'integer', valueName: 'SECONDS', min: 1, description: "how long to wait for Postfix's lock (default 30)" },
    { name: 'accept-loss', type: 'boolean', description: 'truncate even when mail that arrived after the capture cannot be kept in the incident file' },
    { name: 'dotlock-only', type: 'boolean', description: 'without postlock, python3 or perl: truncate holding the dotlock alone (fcntl-only writers not kept out)' },
  ],
  details: [
    "The lock is Postfix's own (postlock) when Postfix is installed; otherwise the <spool>.lock dotlock",
    'plus an fcntl lock held by python3 or perl (without either it refuses unless --dotlock-only).',
    'Mail that arrived after the capture is appended to the incident file under the lock before truncating',
    '(refused, exit 3, when it cannot be, unless --accept-loss).',
    'Without a terminal, --yes is required (exit 3 otherwise).',
  ].join('\n'),
  run,
};
