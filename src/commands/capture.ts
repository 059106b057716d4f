import fs from 'node:fs';
import path from 'node:path';
import type { CommandContext, CommandSpec } from '../cli/command.js';
import { note, writeJson, writeLine } from '../cli/output.js';
import { progressLine } from '../cli/progress-line.js';
import { CliError, RefusedError, UsageError } from '../core/cli-error.js';
import type { DestinationCandidate } from '../core/destination-rules.js';
import { evidenceJson, evidenceSummary } from '../core/evidence.js';
import { ExitCode } from '../core/exit-codes.js';
import { checkDestination, destinationCandidates } from '../io/destination-check.js';
import { shortBytes } from '../core/table-text.js';
import { captureEvidence, statSubject, type CaptureProgress, type EvidenceKind } from '../io/evidence-capture.js';
import { appendIncidentSection } from '../io/incident-sink.js';
import { checkIncidentUsable } from '../io/incident-file.js';
import { readPostfixSettings } from '../io/postfix-settings.js';

const KINDS: EvidenceKind[] = ['mbox', 'queue', 'log', 'raw'];

// "/dev/shm/incident.md (tmpfs, 11.8 GB free)" lines for messages that send the operator elsewhere.
export function candidateHint(c: readonly DestinationCandidate[]): string {
  if (!c.length) return 'No other writable filesystem with 10 MB free was found; free some space first, or use --force-destination knowingly.';
  const lines = c.slice(0, 5).map((d) => `  --incident ${d.suggestion}   (${d.fstype}, ${shortBytes(d.availBytes)} free, ${d.usedPercent}% used)`);
  return ['Filesystems with room:', ...lines].join('\n');
}

function progressText(p: CaptureProgress): string {
  if (p.phase === 'listing') return `listing: ${p.done.toLocaleString('en-US')} entries`;
  const pct = p.total ? ` (${((100 * p.done) / p.total).toFixed(0)}%)` : '';
  return `${p.phase}: ${(p.done / 2 ** 20).toFixed(0)} MiB${pct}`;
}

// Resolves and checks the incident file before anything is read: refuses (exit 3) a destination
// that is nearly full or on the troubled filesystem, naming filesystems with room instead.
export function incidentDestination(ctx: CommandContext, subject: string): string {
  const raw = ctx.flags.incident as string | undefined;
  if (!raw) {
    throw new UsageError(`spoolrescue ${ctx.command}: --incident FILE is required (where the evidence is appended)`, candidateHint(destinationCandidates(subject)));
  }
  // a path on this machine, never mapped under --root: evidence goes where the operator can read it
  const file = path.resolve(ctx.io.cwd, raw);
  const dir = path.dirname(file);
  // the directory may be reached through a symlink (/var/run -> /run); the file itself never is
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new CliError(`spoolrescue ${ctx.command}: the directory of the incident file does not exist: ${dir}`, ExitCode.failed, 'Create it, or pick a file in an existing directory.');
  if (!st.isDirectory()) throw new CliError(`spoolrescue ${ctx.command}: ${dir} is not a directory`);
  try {
    checkIncidentUsable(file, false);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`spoolrescue ${ctx.command}: ${e.message}`, e.exitCode, e.hint);
    throw e;
  }
  const report = checkDestination(file, subject, ctx.flags['force-destination'] === true);
  if (!report.verdict.ok) {
    throw new RefusedError(`spoolrescue ${ctx.command}: refusing to write the incident file ${file}: ${report.verdict.reason}. Nothing was written.`, candidateHint(report.candidates));
  }
  for (const w of report.verdict.warnings) note(ctx.io, `warning: ${w}`);
  return file;
}

async function run(ctx: CommandContext): Promise<number> {
  const hostPath = ctx.paths.arg(ctx.positionals[0]);
  const kind = ctx.flags.kind as string | undefined;
  if (kind !== undefined && !KINDS.includes(kind as EvidenceKind)) throw new UsageError(`spoolrescue capture: --kind must be one of ${KINDS.join(', ')}, got '${kind}'`);
  const st = statSubject(hostPath, ctx.paths.toSystem(hostPath));
  const incident = incidentDestination(ctx, hostPath);
  const settings = st.isDirectory() ? await readPostfixSettings({ paths: ctx.paths, postfixConfig: ctx.global.postfixConfig }) : undefined;
  const progress = progressLine(ctx.io, ctx.terminal.serial, { minIntervalMs: ctx.terminal.serial ? 500 : 250 });
  let outcome;
  try {
    outcome = await captureEvidence({
      hostPath,
      paths: ctx.paths,
      items: (ctx.flags.messages as number | undefined) ?? 5,
      cap: ctx.flags['max-bytes'] as number | undefined,
      count: ctx.flags.count === true,
      kind: kind as EvidenceKind | undefined,
      postfix: settings && { configDir: settings.configDir, hasMainCf: settings.hasMainCf, hashQueueNames: settings.hashQueueNames },
      signal: ctx.signal,
      onProgress: (p) => progress.update(progressText(p)),
    });
  } catch (e) {
    if (ctx.signal.aborted) throw new CliError('spoolrescue capture: interrupted; nothing was written to the incident file');
    throw e;
  } finally {
    progress.clear();
  }
  const written = appendIncidentSection(incident, outcome.markdown);
  const incidentJson = { file: incident, ok: written.ok, bytesWritten: written.bytesWritten, error: written.ok ? null : { code: written.errorCode ?? null, message: written.message ?? null } };
  if (ctx.global.json) {
    writeJson(ctx.io, { ...evidenceJson(outcome), incident: incidentJson, ...(written.ok ? {} : { markdown: outcome.markdown }) });
  } else {
    for (const line of evidenceSummary(outcome)) writeLine(ctx.io, line);
    if (written.ok) writeLine(ctx.io, `appended ${written.bytesWritten} bytes to ${incident}`);
  }
  if (written.ok) return ExitCode.done;
  note(ctx.io, `spoolrescue capture: ${written.message}`);
  note(ctx.io, `The part already written (${written.bytesWritten} bytes) was kept. The whole section is printed ${ctx.global.json ? 'in the JSON ("markdown")' : 'below'} so the terminal log holds it.`);
  if (!ctx.global.json) {
    writeLine(ctx.io, '');
    ctx.io.stdout.write(outcome.markdown);
  }
  return ExitCode.failed;
}

// `spoolrescue capture`: first and last messages/files/lines into an incident file, with hashes.
export const command: CommandSpec = {
  name: 'capture',
  summary: 'evidence: first/last messages of a spool, oldest/newest queue files, log head/tail',
  positionals: [{ name: 'SPOOL', required: true, description: 'mbox spool, Postfix queue directory or mail log' }],
  flags: [
    { name: 'incident', type: 'string', valueName: 'FILE', description: 'incident file to append to (Markdown, created 0600)' },
    { name: 'messages', type: 'integer', valueName: 'N', min: 1, description: 'first and last N messages, files or lines (default 5)' },
    { name: 'count', type: 'boolean', description: 'count every message of an mbox (reads the whole spool)' },
    { name: 'kind', type: 'string', valueName: 'KIND', description: 'mbox, queue, log or raw (default: recognised from the content)' },
    { name: 'max-bytes', type: 'integer', valueName: 'N', min: 64, description: 'bytes kept per message or queue file (default 65536)' },
    { name: 'force-destination', type: 'boolean', description: 'write the incident file even on a full filesystem or the troubled one' },
  ],
  details: [
    'The incident file is appended to, never overwritten, and fsynced after the section. It is',
    'refused (exit 3, nothing written) on a filesystem >= 98% full or with < 10 MB available, and',
    "on the captured spool's own filesystem when that one is >= 90% full or read-only.",
    'FILE is a path on this machine; it is not mapped under --root.',
  ].join('\n'),
  run,
};
