import { statfsProblemWords } from '../../core/disks/statfs-problem.js';
import fs from 'node:fs';
import path from 'node:path';
import { CliError, RefusedError, UsageError } from '../../core/cli-error.js';
import { mayHang, mountForPath, type MountEntry } from '../../core/disks/mountinfo.js';
import { statfsPaths } from '../disks/statfs.js';
import { spoolrescueCommand, type InvocationFlags } from '../../core/suggested-command.js';
import { hotspotsIoText } from './messages.js';

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
      throw new CliError(hotspotsIoText().mountDoesNotAnswer(abs, home.fstype, home.source, statfsProblemWords(probe.problem)), 1, hotspotsIoText().mountHint);
    }
  }
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(abs, { bigint: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new CliError(hotspotsIoText().noSuchDirectory(abs), 1, hotspotsIoText().checkPath);
    throw new CliError(hotspotsIoText().cannotExamine(abs, err.message));
  }
  if (st.isSymbolicLink()) {
    let target = '?';
    try {
      target = fs.readlinkSync(abs);
    } catch {
      // keep '?'
    }
    throw new RefusedError(hotspotsIoText().symlink(abs, target), hotspotsIoText().runOnTarget(spoolrescueCommand(['hotspots', path.resolve(path.dirname(abs), target)], o.invocation ?? {})));
  }
  if (!st.isDirectory()) {
    throw new UsageError(hotspotsIoText().notDirectory(abs, Number(st.blocks) * 512), hotspotsIoText().notDirectoryHint);
  }
  let real = abs;
  try {
    real = fs.realpathSync(abs);
  } catch {
    // keep the lexical path
  }
  return { real, st, mount: mountForPath(mounts, real) ?? home };
}
