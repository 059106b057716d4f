// Decides from paths alone whether a directory may be purged: the first safety rail, before any
// filesystem fact is looked at. All paths are canonical host paths (parent realpath + basename).
import { implausibleMailDirectory } from '../config-path-guard.js';
import { CHROOT_DIRS, queueDirInfo } from '../postfix/layout.js';
import { LANGUAGES } from '../i18n/language.js';
import type { Language } from '../i18n/speak.js';
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

// The verdict on DIR: its kind, whether a flag is needed, or why it is refused.
export interface TargetClass {
  kind: PurgeTargetKind;
  /** Queue name (first path component under $queue_directory) for Postfix targets. */
  queueName?: string;
  /** Allowed without --any-directory. */
  allowedByDefault: boolean;
  /** Set when DIR must never be purged (exit 3), with the reason. */
  refusal?: string;
  /** How the place is described (in English: --json keeps it in every language). */
  description: string;
  /** The description in the run's language, when that is not English. */
  said?: string;
}

// How the place is described to the operator, in the run's language.
export function targetWords(t: TargetClass): string {
  return t.said ?? t.description;
}

const isUnder = (child: string, parent: string): boolean => child !== parent && child.startsWith(parent === '/' ? '/' : parent + '/');
const isSameOrUnder = (child: string, parent: string): boolean => child === parent || isUnder(child, parent);

function refused(kind: PurgeTargetKind, description: string, refusal: string): TargetClass {
  return { kind, allowedByDefault: false, refusal, description };
}

// Classifies DIR against the Postfix instance and the mail spool; refusals are never overridable.
// The description is English (--json) with the run's words beside it; a refusal is in the run's language.
export function classifyTarget(p: TargetPaths): TargetClass {
  const lang = LANGUAGES.find((l) => purgeTargetText() === purgeTargetText.messages[l]) ?? 'en';
  const english = classify(p, 'en');
  if (lang === 'en') return english;
  const own = classify(p, lang);
  return { ...english, ...(own.refusal !== undefined ? { refusal: own.refusal } : {}), said: own.description };
}

function classify(p: TargetPaths, lang: Language): TargetClass {
  const t = purgeTargetText.messages[lang];
  const { dir } = p;
  if (dir === '/' || dir === p.systemRoot) return refused('other', t.rootDir, t.isRootDir);
  const critical: [string, string][] = [
    [p.queueDirectory, t.queueDirectory],
    [p.mailSpoolDirectory, t.mailSpool],
    [p.postfixConfigDir, t.configDirectory],
    [p.dataDirectory, t.dataDirectory],
  ];
  for (const [where, what] of critical) {
    if (dir === where) return refused('other', what, t.itself(what, where === p.queueDirectory ? t.queueHint : ''));
    if (isUnder(where, dir)) return refused('other', t.holding(what), t.contains(what, where));
  }
  const doubt = configDoubt(p, lang);
  if (doubt) return doubt;
  if (isUnder(dir, p.queueDirectory)) {
    const rel = dir.slice(p.queueDirectory.length + 1);
    const first = rel.split('/')[0];
    const inside = rel === first ? '' : t.insideIt;
    if (t.protectedWhy[first]) return refused('other', t.postfixDir(first, inside), t.neverEmptied(t.protectedWhy[first]));
    if (CHROOT_DIRS.includes(first)) return refused('other', t.chrootDir(first, inside), t.chrootWhy(first));
    const info = queueDirInfo(first);
    if (info && rel === first) return { kind: 'postfix-queue', queueName: first, allowedByDefault: true, description: t.queue(first) };
    if (info) return { kind: 'postfix-queue-subdir', queueName: first, allowedByDefault: true, description: t.insideQueue(first) };
    return { kind: 'other', allowedByDefault: false, description: t.unknownInQueueDir };
  }
  if (p.parentLooksLikeOtherQueue) return refused('other', t.otherInstance, t.otherInstanceWhy);
  if (isUnder(dir, p.mailSpoolDirectory)) return { kind: 'mail-spool', allowedByDefault: true, description: t.underSpool };
  return { kind: 'other', allowedByDefault: false, description: t.outside };
}

// A DIR below a configured queue directory or mail spool that cannot be one (main.cf says
// `mail_spool_directory = /`): such a setting grants nothing; --any-directory is needed.
function configDoubt(p: TargetPaths, lang: Language): TargetClass | null {
  const sys = (h: string) => (p.systemRoot === '/' ? h : h === p.systemRoot ? '/' : h.startsWith(p.systemRoot + '/') ? h.slice(p.systemRoot.length) : h);
  for (const [where, name] of [[p.queueDirectory, 'queue_directory'], [p.mailSpoolDirectory, 'mail_spool_directory']] as const) {
    const why = isUnder(p.dir, where) ? implausibleMailDirectory(sys(where)) : null;
    if (why) return { kind: 'other', allowedByDefault: false, description: purgeTargetText.messages[lang].implausible(name, sys(where), why) };
  }
  return null;
}

// True when a path is the other path or inside it (incident file inside DIR, mounts inside DIR).
export function pathIsSameOrUnder(child: string, parent: string): boolean {
  return isSameOrUnder(child, parent);
}
