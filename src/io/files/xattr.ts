import fs from 'node:fs';
import { parseGetfattrDump, type FlagState, type XattrEntry, type XattrState } from '../../core/purge/dir-attrs.js';
import { labelTextFromHex, type LabelState } from '../../core/purge/snapshot.js';
import { findCommand } from '../system/find-command.js';
import { readInodeFlags, writeInodeFlags } from './inode-flags.js';
import { runCommand, type CommandResult } from '../system/run-command.js';
import type { LabelToolFacts } from '../../core/purge/label-tools.js';
import type { AttrReason } from '../../core/purge/attr-reason.js';

// Node has no xattr API: every extended attribute (POSIX ACLs, the SELinux label, user.*,
// trusted.*) is read with getfattr and written with setfattr (package attr), inode flags with
// lsattr/chattr. Without a tool the attributes are "unknown", never "none": a purge then keeps
// the inode (in place) instead of recreating the directory without them.
export interface LabelTools {
  /** Reads DIR's SELinux label without following a symlink (stat -c %C on SELinux hosts without
   *  attr); from `xattrs` when they were read already. */
  read(path: string, xattrs?: XattrState): Promise<LabelState>;
  /** Reads every extended attribute of DIR without following a symlink. */
  readXattrs(path: string): Promise<XattrState>;
  /** Makes path's extended attributes exactly `want` (sets each, removes what `have` has extra). */
  writeXattrs(path: string, want: readonly XattrEntry[], have: readonly XattrEntry[]): Promise<{ ok: boolean; failure?: AttrReason }>;
  /** Reads DIR's settable inode flags. */
  readFlags(path: string): Promise<FlagState>;
  /** Makes path's inode flags exactly `want`. */
  writeFlags(path: string, want: string, have: string): Promise<{ ok: boolean; failure?: AttrReason }>;
  /** Extended attributes can be written (setfattr). */
  readonly xattrsWritable: boolean;
  /** Inode flags can be written (chattr). */
  readonly flagsWritable: boolean;
  /** SELinux is enabled on this host (/sys/fs/selinux/enforce readable). */
  readonly selinuxEnabled: boolean;
  /** Which tools are used, for the plan (worded when shown). */
  readonly tools: LabelToolFacts;
}

// Seams for tests: the command runner, which tools exist, where selinuxfs is.
export interface LabelToolDeps {
  run?: (program: string, args: readonly string[]) => Promise<CommandResult>;
  has?: (program: string) => boolean;
  /** Where selinuxfs is mounted (default /sys/fs/selinux). */
  selinuxFs?: string;
}

const NAME = 'security.selinux';

function xattrFailure(r: CommandResult): XattrState {
  if (/Operation not supported/i.test(r.stderr)) return { state: 'unsupported' };
  return { state: 'unknown', why: r.failure ?? { code: 'tool-failed', tool: 'getfattr' } };
}

// True when SELinux is enabled: selinuxfs is mounted and its enforce file can be read.
function selinuxEnabledAt(selinuxFs: string): boolean {
  try {
    fs.readFileSync(`${selinuxFs}/enforce`);
    return true;
  } catch {
    return false;
  }
}

// Builds the attribute adapter from what is on PATH; every call runs without a shell and never throws.
export function createLabelTools(deps: LabelToolDeps = {}): LabelTools {
  const run = deps.run ?? ((p: string, a: readonly string[]) => runCommand(p, a, { timeoutMs: 10_000 }));
  const has = deps.has ?? ((p: string) => findCommand(p) !== undefined);
  const selinuxEnabled = selinuxEnabledAt(deps.selinuxFs ?? '/sys/fs/selinux');
  const getfattr = has('getfattr');
  const setfattr = has('setfattr');
  const lsattr = has('lsattr');
  const chattr = has('chattr');
  const statLabel = selinuxEnabled && has('stat');
  const missing = (tool: string, pkg: string): AttrReason => ({ code: 'tool-missing', tool, package: pkg });
  const readXattrs = async (path: string): Promise<XattrState> => {
    if (!getfattr) return { state: 'unknown', why: missing('getfattr', 'attr') };
    const r = await run('getfattr', ['-h', '-d', '-m', '-', '-e', 'hex', '--absolute-names', '--', path]);
    return r.ok ? { state: 'read', entries: parseGetfattrDump(r.stdout) } : xattrFailure(r);
  };
  return {
    selinuxEnabled,
    xattrsWritable: setfattr,
    flagsWritable: chattr,
    tools: { getfattr, setfattr, lsattr, selinux: selinuxEnabled },
    readXattrs,
    async read(path, xattrs) {
      const x = xattrs ?? (await readXattrs(path));
      if (x.state === 'read') {
        const e = x.entries.find((v) => v.name === NAME);
        return e ? { state: 'present', hex: e.hex, text: labelTextFromHex(e.hex) } : { state: 'absent' };
      }
      if (x.state === 'unsupported') return { state: 'unsupported' };
      if (statLabel) {
        const r = await run('stat', ['-c', '%C', '--', path]);
        const text = r.stdout.trim();
        if (r.ok && text && text !== '?') return { state: 'present', hex: Buffer.from(text + '\0').toString('hex'), text };
        return { state: 'unknown', why: r.failure ?? { code: 'stat-no-label' } };
      }
      return selinuxEnabled ? { state: 'unknown', why: x.why } : { state: 'unknown', why: { code: 'selinux-off', why: x.why } };
    },
    async writeXattrs(path, want, have) {
      const wanted = new Map(want.map((e) => [e.name, e.hex]));
      const steps: string[][] = [];
      for (const e of have) if (!wanted.has(e.name)) steps.push(['-h', '-x', e.name, '--', path]);
      const had = new Map(have.map((e) => [e.name, e.hex]));
      for (const e of want) if (had.get(e.name) !== e.hex) steps.push(['-h', '-n', e.name, ...(e.hex ? ['-v', `0x${e.hex}`] : []), '--', path]);
      if (!steps.length) return { ok: true };
      if (!setfattr) return { ok: false, failure: missing('setfattr', 'attr') };
      for (const args of steps) {
        const r = await run('setfattr', args);
        if (!r.ok) return { ok: false, failure: r.failure ?? { code: 'tool-failed', tool: 'setfattr' } };
      }
      return { ok: true };
    },
    readFlags: (path) => readInodeFlags(run, lsattr, path),
    writeFlags: (path, want, have) => writeInodeFlags(run, chattr, path, want, have),
  };
}
