import { parseLsattrFlags, type FlagState } from '../../core/purge/dir-attrs.js';
import type { CommandResult } from '../system/run-command.js';
import type { AttrReason } from '../../core/purge/attr-reason.js';

// Inode flags (chattr +A, +d, +S, ...) through lsattr/chattr from e2fsprogs: Node has no ioctl, and
// a native addon for FS_IOC_GETFLAGS would be one more thing to build on every server. Without
// lsattr the flags are unknown, which makes a purge keep the inode (in place).

type Run = (program: string, args: readonly string[]) => Promise<CommandResult>;

// Reads a directory's settable flags; never throws.
export async function readInodeFlags(run: Run, hasLsattr: boolean, dir: string): Promise<FlagState> {
  if (!hasLsattr) return { state: 'unknown', why: { code: 'tool-missing', tool: 'lsattr', package: 'e2fsprogs' } };
  const r = await run('lsattr', ['-d', '--', dir]);
  if (r.ok) {
    const flags = parseLsattrFlags(r.stdout);
    return flags === undefined ? { state: 'unknown', why: { code: 'lsattr-no-flags', output: r.stdout.trim() } } : { state: 'read', flags };
  }
  if (/Inappropriate ioctl|Operation not supported|not supported/i.test(r.stderr)) return { state: 'unsupported' };
  return { state: 'unknown', why: r.failure ?? { code: 'tool-failed', tool: 'lsattr' } };
}

// Gives a directory exactly the wanted flags (adding the missing, removing the extra); never throws.
export async function writeInodeFlags(run: Run, hasChattr: boolean, dir: string, want: string, have: string): Promise<{ ok: boolean; failure?: AttrReason }> {
  const add = [...want].filter((c) => !have.includes(c)).join('');
  const remove = [...have].filter((c) => !want.includes(c)).join('');
  if (!add && !remove) return { ok: true };
  if (!hasChattr) return { ok: false, failure: { code: 'tool-missing', tool: 'chattr', package: 'e2fsprogs' } };
  // chattr takes no '--'; dir is an absolute path, never read as an option.
  const args = [...(remove ? [`-${remove}`] : []), ...(add ? [`+${add}`] : []), dir];
  const r = await run('chattr', args);
  return r.ok ? { ok: true } : { ok: false, failure: r.failure ?? { code: 'tool-failed', tool: 'chattr' } };
}
