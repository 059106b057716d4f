import path from 'node:path';
import type { DestinationCandidate } from '../core/incident/destination-rules.js';
import { CliError, UsageError } from '../core/cli-error.js';
import { ExitCode } from '../core/exit-codes.js';
import { checkIncidentDestination, noIncidentFile, type IncidentDestinationRefused } from '../ops/incident-destination.js';
import { realIncidentDestinationDeps } from '../ops/real/incident-destination.js';
import type { CommandContext } from './command.js';
import { note } from './output.js';
import { refusalError } from './refusal-error.js';
import { fmtBytes } from '../core/text/units.js';
import { cliText } from './messages.js';

// The CLI's side of the incident destination check (src/ops/incident-destination.ts): --incident
// and --force-destination in, the command's wording and exit code out.

// "--incident /dev/shm/incident.md (tmpfs, 11.8 GB free)" lines for messages that send the operator elsewhere.
function candidateHint(c: readonly DestinationCandidate[]): string {
  const t = cliText();
  if (!c.length) return t.noRoomElsewhere;
  const lines = c.slice(0, 5).map((d) => t.roomLine(d.suggestion, d.fstype, fmtBytes(d.availBytes), d.usedPercent));
  return [t.roomHeading, ...lines].join('\n');
}

// The command's error for a refused destination: usage (none named, exit 2), failed (no such
// directory, exit 1) or refused for safety (exit 3), with the filesystems that have room.
export function incidentRefusalError(command: string, r: IncidentDestinationRefused): CliError {
  const { code, reason, hint } = r.refused;
  if (code === 'no-incident-file') return new UsageError(cliText().incidentRequired(command), candidateHint(r.candidates));
  if (code === 'no-directory' || code === 'not-a-directory') return new CliError(`spoolrescue ${command}: ${reason}`, ExitCode.failed, hint);
  return refusalError(command, code === 'destination-refused' ? { ...r.refused, hint: candidateHint(r.candidates) } : r.refused);
}

// The incident file of --incident, relative to the working directory (not mapped under --root).
export function incidentFlag(ctx: CommandContext): string | undefined {
  const raw = ctx.flags.incident as string | undefined;
  return raw ? path.resolve(ctx.io.cwd, raw) : undefined;
}

// The checked incident file of --incident, or the command's error; a forced destination's warnings go to stderr.
// `file` defaults to --incident as typed, resolved against the working directory.
export function incidentDestination(ctx: CommandContext, subject: string, file: string | undefined = incidentFlag(ctx)): string {
  const deps = realIncidentDestinationDeps();
  const r = file === undefined ? noIncidentFile(subject, deps) : checkIncidentDestination({ file, subject, force: ctx.flags['force-destination'] === true }, deps);
  if ('refused' in r) throw incidentRefusalError(ctx.command, r);
  noteWarnings(ctx, r.warnings);
  return r.file;
}

// A forced destination's warnings, on stderr.
export function noteWarnings(ctx: CommandContext, warnings: readonly string[]): void {
  for (const w of warnings) note(ctx.io, cliText().warning(w));
}
