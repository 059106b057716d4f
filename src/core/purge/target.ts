// Decides from paths alone whether a directory may be purged: the first safety rail, before any
// filesystem fact is looked at. All paths are canonical host paths (parent realpath + basename).
import { implausibleMailDirectory } from '../config-path-guard.js';
import { CHROOT_DIRS, queueDirInfo } from '../postfix/layout.js';

// What kind of place DIR is, which decides whether it may be purged without --any-directory.
type PurgeTargetKind = 'postfix-queue' | 'postfix-queue-subdir' | 'mail-spool' | 'other';

// Canonical host paths of DIR and of the places that decide whether it may be purged.
export interface TargetPaths {
  dir: string;
  /** The directory treated as "/" (the host's / or --root). */
  systemRoot: string;
  queueDirectory: string;
  mailSpoolDirectory: string;
  postfixConfigDir: string;
  dataDirectory: string;
  /** DIR's parent has pid/, public/ and maildrop/ but is not the configured queue directory. */
  parentLooksLikeOtherQueue: boolean;
}

// The verdict on DIR: its kind, whether a flag is needed, or why it is refused.
export interface TargetClass {
  kind: PurgeTargetKind;
  /** Queue name (first path component under $queue_directory) for Postfix targets. */
  queueName?: string;
  /** Allowed without --any-directory. */
  allowedByDefault: boolean;
  /** Set when DIR must never be purged (exit 3), with the reason. */
  refusal?: string;
  /** How the place is described to the operator. */
  description: string;
}

const isUnder = (child: string, parent: string): boolean => child !== parent && child.startsWith(parent === '/' ? '/' : parent + '/');
const isSameOrUnder = (child: string, parent: string): boolean => child === parent || isUnder(child, parent);

const PROTECTED_WHY: Record<string, string> = {
  pid: "Postfix's pid/ holds master.pid and lock files",
  public: "Postfix's public/ holds the pickup and qmgr sockets",
  private: "Postfix's private/ holds the sockets of its daemons",
};

function refused(kind: PurgeTargetKind, description: string, refusal: string): TargetClass {
  return { kind, allowedByDefault: false, refusal, description };
}

// Classifies DIR against the Postfix instance and the mail spool; refusals are never overridable.
export function classifyTarget(p: TargetPaths): TargetClass {
  const { dir } = p;
  if (dir === '/' || dir === p.systemRoot) return refused('other', 'the root directory', 'it is the root directory');
  const critical: [string, string][] = [
    [p.queueDirectory, "Postfix's queue directory"],
    [p.mailSpoolDirectory, 'the mail spool (every user mailbox)'],
    [p.postfixConfigDir, "Postfix's configuration directory"],
    [p.dataDirectory, "Postfix's data directory"],
  ];
  for (const [where, what] of critical) {
    if (dir === where) {
      const hint = where === p.queueDirectory ? '; purge its queues one by one (maildrop, bounce, deferred, ...)' : '';
      return refused('other', what, `it is ${what} itself${hint}`);
    }
    if (isUnder(where, dir)) return refused('other', `a directory holding ${what}`, `it contains ${what} (${where})`);
  }
  const doubt = configDoubt(p);
  if (doubt) return doubt;
  if (isUnder(dir, p.queueDirectory)) {
    const rel = dir.slice(p.queueDirectory.length + 1);
    const first = rel.split('/')[0];
    const inside = rel === first ? '' : ' (inside it)';
    if (PROTECTED_WHY[first]) return refused('other', `Postfix's ${first}/${inside}`, `${PROTECTED_WHY[first]}; it must never be emptied`);
    if (CHROOT_DIRS.includes(first)) {
      return refused('other', `the chroot's ${first}/${inside}`, `the chroot's ${first}/ holds copies Postfix's daemons need; it must never be emptied`);
    }
    const info = queueDirInfo(first);
    if (info && rel === first) return { kind: 'postfix-queue', queueName: first, allowedByDefault: true, description: `Postfix queue ${first}` };
    if (info) return { kind: 'postfix-queue-subdir', queueName: first, allowedByDefault: true, description: `a directory inside Postfix queue ${first}` };
    return { kind: 'other', allowedByDefault: false, description: 'a directory Postfix does not know, under its queue directory' };
  }
  if (p.parentLooksLikeOtherQueue) {
    return refused(
      'other',
      "another Postfix instance's queue",
      "its parent looks like the queue directory of another Postfix instance; pass that instance's --postfix-config",
    );
  }
  if (isUnder(dir, p.mailSpoolDirectory)) return { kind: 'mail-spool', allowedByDefault: true, description: 'a directory under the mail spool' };
  return { kind: 'other', allowedByDefault: false, description: 'a directory outside the Postfix queue and the mail spool' };
}

// A DIR below a configured queue directory or mail spool that cannot be one (main.cf says
// `mail_spool_directory = /`): such a setting grants nothing; --any-directory is needed.
function configDoubt(p: TargetPaths): TargetClass | null {
  const sys = (h: string) => (p.systemRoot === '/' ? h : h === p.systemRoot ? '/' : h.startsWith(p.systemRoot + '/') ? h.slice(p.systemRoot.length) : h);
  for (const [where, name] of [[p.queueDirectory, 'queue_directory'], [p.mailSpoolDirectory, 'mail_spool_directory']] as const) {
    const why = isUnder(p.dir, where) ? implausibleMailDirectory(sys(where)) : null;
    if (why) return { kind: 'other', allowedByDefault: false, description: `a directory under ${name} = ${sys(where)}, which the configuration cannot mean (${why})` };
  }
  return null;
}

// True when a path is the other path or inside it (incident file inside DIR, mounts inside DIR).
export function pathIsSameOrUnder(child: string, parent: string): boolean {
  return isSameOrUnder(child, parent);
}
