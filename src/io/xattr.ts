import fs from 'node:fs';
import { labelTextFromHex, type LabelState } from '../core/purge-snapshot.js';
import { findCommand } from './find-command.js';
import { runCommand, type CommandResult } from './run-command.js';

// Node has no xattr API: the SELinux label (security.selinux) is read and written with getfattr and
// setfattr (package attr), or chcon --reference / stat -c %C on SELinux hosts without attr.
export interface LabelTools {
  /** Reads DIR's label without following a symlink. */
  read(path: string): Promise<LabelState>;
  /** Copies a label onto path (from its bytes, or from a reference directory with chcon). */
  write(path: string, label: Extract<LabelState, { state: 'present' }>, reference?: string): Promise<{ ok: boolean; failure?: string }>;
  /** A label can be written (setfattr, or chcon on an SELinux host). */
  readonly writable: boolean;
  /** SELinux is enabled on this host. */
  readonly selinuxEnabled: boolean;
  /** Which tools are used, for the plan. */
  readonly describe: string;
}

// Seams for tests: the command runner, which tools exist, where selinuxfs is.
export interface LabelToolDeps {
  run?: (program: string, args: readonly string[]) => Promise<CommandResult>;
  has?: (program: string) => boolean;
  /** Where selinuxfs is mounted (default /sys/fs/selinux). */
  selinuxFs?: string;
}

const NAME = 'security.selinux';

function parseGetfattr(r: CommandResult): LabelState {
  if (r.ok) {
    const m = /security\.selinux=0x([0-9a-fA-F]*)/.exec(r.stdout);
    if (m) return { state: 'present', hex: m[1].toLowerCase(), text: labelTextFromHex(m[1]) };
    return { state: 'unknown', why: `getfattr printed no ${NAME} value` };
  }
  if (/No such attribute|No data available/i.test(r.stderr)) return { state: 'absent' };
  if (/Operation not supported/i.test(r.stderr)) return { state: 'unsupported' };
  return { state: 'unknown', why: r.failure ?? 'getfattr failed' };
}

// Builds the label adapter from what is installed; every call runs without a shell and never throws.
export function createLabelTools(deps: LabelToolDeps = {}): LabelTools {
  const run = deps.run ?? ((p: string, a: readonly string[]) => runCommand(p, a, { timeoutMs: 10_000 }));
  const has = deps.has ?? ((p: string) => findCommand(p) !== undefined);
  const selinuxEnabled = fs.existsSync(`${deps.selinuxFs ?? '/sys/fs/selinux'}/enforce`);
  const getfattr = has('getfattr');
  const setfattr = has('setfattr');
  const chcon = selinuxEnabled && has('chcon');
  const statLabel = selinuxEnabled && has('stat');
  const readers = getfattr ? 'getfattr' : statLabel ? 'stat -c %C' : 'none';
  const writers = setfattr ? 'setfattr' : chcon ? 'chcon --reference' : 'none';
  return {
    selinuxEnabled,
    writable: setfattr || chcon,
    describe: `read with ${readers}, written with ${writers}${selinuxEnabled ? ' (SELinux enabled)' : ''}`,
    async read(path) {
      if (getfattr) return parseGetfattr(await run('getfattr', ['-h', '-n', NAME, '-e', 'hex', '--absolute-names', '--', path]));
      if (statLabel) {
        const r = await run('stat', ['-c', '%C', '--', path]);
        const text = r.stdout.trim();
        if (r.ok && text && text !== '?') return { state: 'present', hex: Buffer.from(text + '\0').toString('hex'), text };
        return { state: 'unknown', why: r.failure ?? 'stat printed no label' };
      }
      return { state: 'unknown', why: 'getfattr is not installed (package attr)' };
    },
    async write(path, label, reference) {
      if (setfattr) {
        const r = await run('setfattr', ['-h', '-n', NAME, '-v', `0x${label.hex}`, '--', path]);
        return r.ok ? { ok: true } : { ok: false, failure: r.failure };
      }
      if (chcon && reference) {
        const r = await run('chcon', ['-h', `--reference=${reference}`, '--', path]);
        return r.ok ? { ok: true } : { ok: false, failure: r.failure };
      }
      return { ok: false, failure: 'no tool can write SELinux labels here (install attr for setfattr)' };
    },
  };
}
