import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError, UsageError } from '../../core/cli-error.js';
import { mayHang, mountForPath, type MountEntry } from '../../core/disks/mountinfo.js';
import { statfsPaths } from '../disks/statfs.js';
import { spoolrescueCommand, type InvocationFlags } from '../../core/suggested-command.js';

// Checks the start of a scan and returns its canonical path, lstat and mount: it must exist, be a
// directory, and not be a symlink (refused, exit 3: --follow resolves the start before this). On a
// network or FUSE mount, statfs is tried first with a deadline: a dead server would hang the lstat.
export async function checkStart(
  start: string,
  mounts: readonly MountEntry[],
  o: { timeoutMs?: number; signal?: AbortSignal; invocation?: InvocationFlags } = {},
): Promise<{ real: string; st: fs.BigIntStats; mount: MountEntry | undefined }> {
  const abs = path.resolve(start);
  const home = mountForPath(mounts, abs);
  if (home && mayHang(home.fstype)) {
    const [probe] = await statfsPaths([abs], o);
    if (!probe.ok && probe.timedOut) {
      throw new CliError(`spoolrescue hotspots: ${abs} is on ${home.fstype} ${home.source}, which does not answer: ${probe.message}`, 1, 'Nothing was scanned. Check the server or daemon behind that mount.');
    }
  }
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(abs, { bigint: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new CliError(`spoolrescue hotspots: ${abs}: no such directory`, 1, 'Check the path (with --root, paths are looked up under the root).');
    throw new CliError(`spoolrescue hotspots: cannot examine ${abs}: ${err.message}`);
  }
  if (st.isSymbolicLink()) {
    let target = '?';
    try {
      target = fs.readlinkSync(abs);
    } catch {
      // keep '?'
    }
    throw new RefusedError(`spoolrescue hotspots: ${abs} is a symlink (to ${target}); not followed`, `Run it on the target: ${spoolrescueCommand(['hotspots', path.resolve(path.dirname(abs), target)], o.invocation ?? {})}   (or add --follow)`);
  }
  if (!st.isDirectory()) {
    throw new UsageError(`spoolrescue hotspots: ${abs} is not a directory (${Number(st.blocks) * 512} bytes allocated)`, 'Give the directory that holds it; to look inside a spool use capture.');
  }
  let real = abs;
  try {
    real = fs.realpathSync(abs);
  } catch {
    // keep the lexical path
  }
  return { real, st, mount: mountForPath(mounts, real) ?? home };
}

// Makes dir the working directory; returns the previous one, or undefined when that failed (no
// search permission, or not allowed in a worker thread): the scan then uses absolute paths.
export function moveTo(dir: string): string | undefined {
  const before = process.cwd();
  try {
    process.chdir(dir);
    return before;
  } catch {
    return undefined;
  }
}

// Returns to the working directory moveTo left.
export function moveBack(dir: string): void {
  try {
    process.chdir(dir);
  } catch {
    process.chdir('/'); // the old directory is gone: anywhere that exists
  }
}
