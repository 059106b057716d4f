import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError } from '../../core/cli-error.js';
import { destinationProblem } from '../../core/destination-rules.js';
import { ExitCode } from '../../core/exit-codes.js';
import { destinationCandidates } from '../destination-check.js';
import { fsUsageOf, readMounts } from '../fs-usage.js';

// Where `hotspots --export FILE` may write: never onto the filesystem being scanned (the export
// would take the space the rescue is freeing, and the scan would count it), nor onto a nearly
// full one, unless --force-export. Checked before the scan starts.

// The absolute export path, or a refusal (exit 3) naming filesystems with room.
export function exportDestination(raw: string, cwd: string, scanStart: string, force: boolean, warn: (line: string) => void): string {
  const file = path.resolve(cwd, raw);
  const dir = path.dirname(file);
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new CliError(`spoolrescue hotspots: the directory of the export file does not exist: ${dir}`, ExitCode.failed, 'Create it, or pick a file in an existing directory.');
  const existing = fs.lstatSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) throw new CliError(`spoolrescue hotspots: ${file} exists and is not a regular file; nothing was written`, ExitCode.failed, 'Pick another name.');
  const problems: string[] = [];
  if (st.dev === fs.statSync(scanStart).dev) problems.push(`it is on the filesystem being scanned (${scanStart})`);
  const own = destinationProblem(fsUsageOf(dir, readMounts()));
  if (own) problems.push(own);
  if (problems.length === 0) return file;
  if (force) {
    for (const p of problems) warn(`spoolrescue hotspots: --force-export: writing ${file} although ${p}`);
    return file;
  }
  const room = destinationCandidates(scanStart, path.basename(file)).slice(0, 5).map((c) => `  --export ${c.suggestion}   (${c.fstype})`);
  throw new RefusedError(`spoolrescue hotspots: refusing to write the export ${file}: ${problems.join('; ')}. Nothing was scanned or written.`, room.length ? ['Filesystems with room:', ...room, 'or --force-export to write it there anyway.'].join('\n') : 'Free some space elsewhere, or use --force-export knowingly.');
}
