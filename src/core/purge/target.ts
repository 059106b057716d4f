// Decides from paths alone whether a directory may be purged: the first safety rail, before any
// filesystem fact is looked at. All paths are canonical host paths (parent realpath + basename).
import type { Language } from '../i18n/speak.js';
import { implausibleMailDirectory } from '../config-path-guard.js';
import { CHROOT_DIRS, queueDirInfo } from '../postfix/layout.js';
import { purgeTargetText } from './target-messages.js';

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

// The places DIR must never be, nor contain.
type CriticalPlace = 'queue-directory' | 'mail-spool' | 'config-directory' | 'data-directory';

// What place DIR is, as facts: worded when shown (`targetWords`), English in --json.
type TargetPlace =
  | { code: 'root-dir' | CriticalPlace | 'unknown-in-queue-dir' | 'other-instance' | 'under-spool' | 'outside' }
  | { code: 'holding'; what: CriticalPlace }
  | { code: 'postfix-dir' | 'chroot-dir'; name: string; inside: boolean }
  | { code: 'queue' | 'inside-queue'; name: string }
  | { code: 'implausible'; setting: string; value: string; why: string };

// Why DIR must never be purged, as facts (worded when refused: `refusalWords`).
export type TargetRefusal =
  | { code: 'root-dir' | 'other-instance' }
  | { code: 'itself'; what: CriticalPlace }
  | { code: 'contains'; what: CriticalPlace; where: string }
  | { code: 'protected' | 'chroot'; name: string };

// The verdict on DIR: its kind, whether a flag is needed, or why it is refused.
export interface TargetClass {
  kind: PurgeTargetKind;
  /** Queue name (first path component under $queue_directory) for Postfix targets. */
  queueName?: string;
  /** Allowed without --any-directory. */
  allowedByDefault: boolean;
  /** Set when DIR must never be purged (exit 3), with the reason. */
  refusal?: TargetRefusal;
  /** What place DIR is. */
  place: TargetPlace;
}

type Words = ReturnType<typeof purgeTargetText>;

const criticalWords = (what: CriticalPlace, t: Words): string =>
  ({ 'queue-directory': t.queueDirectory, 'mail-spool': t.mailSpool, 'config-directory': t.configDirectory, 'data-directory': t.dataDirectory })[what];

// How the place is described: the run's language unless one is named ('en' for --json).
export function targetWords(c: Pick<TargetClass, 'place'>, language?: Language): string {
  const t = purgeTargetText(language);
  const p = c.place;
  switch (p.code) {
    case 'root-dir':
      return t.rootDir;
    case 'queue-directory':
    case 'mail-spool':
    case 'config-directory':
    case 'data-directory':
      return criticalWords(p.code, t);
    case 'holding':
      return t.holding(criticalWords(p.what, t));
    case 'postfix-dir':
      return t.postfixDir(p.name, p.inside ? t.insideIt : '');
    case 'chroot-dir':
      return t.chrootDir(p.name, p.inside ? t.insideIt : '');
    case 'queue':
      return t.queue(p.name);
    case 'inside-queue':
      return t.insideQueue(p.name);
    case 'unknown-in-queue-dir':
      return t.unknownInQueueDir;
    case 'other-instance':
      return t.otherInstance;
    case 'under-spool':
      return t.underSpool;
    case 'outside':
      return t.outside;
    case 'implausible':
      return t.implausible(p.setting, p.value, p.why);
  }
}

// Why DIR is never purged, in the run's language unless one is named.
export function refusalWords(r: TargetRefusal, language?: Language): string {
  const t = purgeTargetText(language);
  switch (r.code) {
    case 'root-dir':
      return t.isRootDir;
    case 'other-instance':
      return t.otherInstanceWhy;
    case 'itself':
      return t.itself(criticalWords(r.what, t), r.what === 'queue-directory' ? t.queueHint : '');
    case 'contains':
      return t.contains(criticalWords(r.what, t), r.where);
    case 'protected':
      return t.neverEmptied(t.protectedWhy[r.name]);
    case 'chroot':
      return t.chrootWhy(r.name);
  }
}

// What the plan names as allowing DIR: its place, or the flag that was needed.
export function allowedByWords(c: TargetClass, language?: Language): string {
  return c.allowedByDefault ? targetWords(c, language) : '--any-directory';
}

const isUnder = (child: string, parent: string): boolean => child !== parent && child.startsWith(parent === '/' ? '/' : parent + '/');
const isSameOrUnder = (child: string, parent: string): boolean => child === parent || isUnder(child, parent);

function refused(place: TargetPlace, refusal: TargetRefusal): TargetClass {
  return { kind: 'other', allowedByDefault: false, refusal, place };
}

// Classifies DIR against the Postfix instance and the mail spool; refusals are never overridable.
export function classifyTarget(p: TargetPaths): TargetClass {
  const { dir } = p;
  if (dir === '/' || dir === p.systemRoot) return refused({ code: 'root-dir' }, { code: 'root-dir' });
  const critical: [string, CriticalPlace][] = [
    [p.queueDirectory, 'queue-directory'],
    [p.mailSpoolDirectory, 'mail-spool'],
    [p.postfixConfigDir, 'config-directory'],
    [p.dataDirectory, 'data-directory'],
  ];
  for (const [where, what] of critical) {
    if (dir === where) return refused({ code: what }, { code: 'itself', what });
    if (isUnder(where, dir)) return refused({ code: 'holding', what }, { code: 'contains', what, where });
  }
  const doubt = configDoubt(p);
  if (doubt) return doubt;
  if (isUnder(dir, p.queueDirectory)) {
    const rel = dir.slice(p.queueDirectory.length + 1);
    const first = rel.split('/')[0];
    const inside = rel !== first;
    if (PROTECTED_DIRS.includes(first)) return refused({ code: 'postfix-dir', name: first, inside }, { code: 'protected', name: first });
    if (CHROOT_DIRS.includes(first)) return refused({ code: 'chroot-dir', name: first, inside }, { code: 'chroot', name: first });
    const info = queueDirInfo(first);
    if (info && rel === first) return { kind: 'postfix-queue', queueName: first, allowedByDefault: true, place: { code: 'queue', name: first } };
    if (info) return { kind: 'postfix-queue-subdir', queueName: first, allowedByDefault: true, place: { code: 'inside-queue', name: first } };
    return { kind: 'other', allowedByDefault: false, place: { code: 'unknown-in-queue-dir' } };
  }
  if (p.parentLooksLikeOtherQueue) return refused({ code: 'other-instance' }, { code: 'other-instance' });
  if (isUnder(dir, p.mailSpoolDirectory)) return { kind: 'mail-spool', allowedByDefault: true, place: { code: 'under-spool' } };
  return { kind: 'other', allowedByDefault: false, place: { code: 'outside' } };
}

// Postfix's own directories under the queue directory that hold its sockets and locks.
const PROTECTED_DIRS = ['pid', 'public', 'private'];

// A DIR below a configured queue directory or mail spool that cannot be one (main.cf says
// `mail_spool_directory = /`): such a setting grants nothing; --any-directory is needed.
function configDoubt(p: TargetPaths): TargetClass | null {
  const sys = (h: string) => (p.systemRoot === '/' ? h : h === p.systemRoot ? '/' : h.startsWith(p.systemRoot + '/') ? h.slice(p.systemRoot.length) : h);
  for (const [where, name] of [[p.queueDirectory, 'queue_directory'], [p.mailSpoolDirectory, 'mail_spool_directory']] as const) {
    const why = isUnder(p.dir, where) ? implausibleMailDirectory(sys(where)) : null;
    if (why) return { kind: 'other', allowedByDefault: false, place: { code: 'implausible', setting: name, value: sys(where), why } };
  }
  return null;
}

// True when a path is the other path or inside it (incident file inside DIR, mounts inside DIR).
export function pathIsSameOrUnder(child: string, parent: string): boolean {
  return isSameOrUnder(child, parent);
}
