import { BLOCKING_FLAGS, type FlagState } from './dir-attrs.js';
import { POSTSUPER_QUEUES } from '../postfix/layout.js';
import type { TargetClass } from './target.js';
import { refuse, type Refused } from '../refusal.js';
import { fail, type Failed } from './outcome.js';

// The safety rails of a purge as pure decisions over the facts io/ gathered: what is refused
// (nothing changed, exit 3 in the CLI), what cannot be done, and the postsuper command for a
// whole queue. Reasons name the directory as the rescued system sees it, never a command.

// A refusal about DIR, worded the one way every rail words it.
function dirRefusal(code: string, shownDir: string, why: string, hint?: string): Refused {
  return refuse(code, `${shownDir} ${why}; nothing was changed`, hint);
}

// Refuses a DIR that is not a plain directory, or a target the rails forbid or that needs
// --any-directory; null when DIR may be purged.
export function targetRefusal(shownDir: string, facts: { isSymlink: boolean; isDirectory: boolean; target: TargetClass; anyDirectory: boolean }): Refused | null {
  const { target } = facts;
  if (facts.isSymlink) return dirRefusal('symlink', shownDir, 'is a symlink (never followed)', 'Give the real directory if that is what you mean.');
  if (!facts.isDirectory) return dirRefusal('not-a-directory', shownDir, 'is not a directory');
  if (target.refusal) return dirRefusal('forbidden-target', shownDir, `is ${target.description}: ${target.refusal}`);
  if (!target.allowedByDefault && !facts.anyDirectory) {
    return dirRefusal('outside-queues', shownDir, `is ${target.description}`, 'Purging a directory outside the Postfix queues and the mail spool needs --any-directory.');
  }
  return null;
}

// Refuses an immutable or append-only DIR: nothing inside it can be removed.
export function flagsRefusal(shownDir: string, flags: FlagState): Refused | null {
  const blocking = flags.state === 'read' ? [...flags.flags].filter((c) => BLOCKING_FLAGS[c]) : [];
  if (!blocking.length) return null;
  return dirRefusal(
    'immutable',
    shownDir,
    `is ${blocking.map((c) => BLOCKING_FLAGS[c]).join(' and ')} (chattr +${blocking.join('')}): nothing inside it can be removed`,
    `If that is really meant to go, clear the flag first: chattr -${blocking.join('')} ${shownDir}`,
  );
}

// What io/ found out about emptying DIR as this process.
export interface AccessFacts {
  mount: string;
  readOnly: boolean;
  /** The error code of access(R_OK|W_OK|X_OK) on DIR, undefined when it succeeded. */
  accessCode?: string;
  ownerUid: number;
  euid: number;
}

// Refuses a DIR this process cannot empty: a read-only filesystem, or no permission to list and
// unlink inside it (told before a plan of "0 entries" and an EACCES half-way).
export function accessRefusal(shownDir: string, f: AccessFacts): Refused | null {
  if (f.readOnly || f.accessCode === 'EROFS') {
    return dirRefusal('read-only', shownDir, `is on a read-only filesystem (${f.mount}): nothing can be deleted there`, `Remount it read-write first (mount -o remount,rw ${f.mount}) if the filesystem is healthy.`);
  }
  if (f.accessCode === undefined) return null;
  if (f.euid !== 0 && f.ownerUid !== f.euid) {
    return dirRefusal('needs-root', shownDir, `needs root: it belongs to uid ${f.ownerUid} and this is uid ${f.euid}, who cannot list and remove what is inside`, 'Run the purge as root.');
  }
  return dirRefusal(
    'permission-denied',
    shownDir,
    `cannot be emptied by uid ${f.euid}: permission denied (${f.accessCode}) to list or remove its entries`,
    f.euid === 0 ? 'Check for an LSM (SELinux/AppArmor) denial.' : 'Run the purge as root.',
  );
}

// The command that lets Postfix delete a whole queue itself (undefined for anything else).
export function postsuperCommandFor(target: TargetClass, configDir: string): string | undefined {
  const isQueue = target.kind === 'postfix-queue' && POSTSUPER_QUEUES.includes(target.queueName!);
  return isQueue ? `postsuper -c ${configDir} -d ALL ${target.queueName}` : undefined;
}

// What the rails say about postsuper -d ALL when it was asked for: only for a whole queue, only
// when DIR exists, only with Postfix installed and answering for this very configuration.
export function postsuperProblem(shownDir: string, f: { target: TargetClass; exists: boolean; postfixInstalled: boolean; mismatch: string | null; isQueue: boolean }): Refused | Failed | null {
  if (!f.isQueue) return fail('postsuper-not-a-queue', `--postsuper works on whole Postfix queues (${POSTSUPER_QUEUES.join(', ')}); ${shownDir} is ${f.target.description}`, undefined, true);
  if (!f.exists) return dirRefusal('postsuper-dir-missing', shownDir, 'is missing after an interrupted run; rerun without --postsuper (with Postfix stopped) to restore it');
  if (!f.postfixInstalled) return fail('postsuper-missing', '--postsuper needs Postfix installed on this host (postsuper not found)');
  if (f.mismatch) return fail('postsuper-mismatch', `--postsuper cannot be used here: ${f.mismatch}`);
  return null;
}

// Refuses deleting files under a running Postfix's queue by hand: it would race with its daemons.
export function runningPostfixRefusal(shownDir: string, f: { target: TargetClass; running: boolean; how: string; postsuper: boolean; configDir: string; postsuperCommand?: string }): Refused | null {
  const postfixTarget = f.target.kind === 'postfix-queue' || f.target.kind === 'postfix-queue-subdir';
  if (!postfixTarget || !f.running || f.postsuper) return null;
  const hint = f.postsuperCommand
    ? `Stop Postfix (postfix -c ${f.configDir} stop) and rerun, or let Postfix delete the queue files: add --postsuper (runs ${f.postsuperCommand}).`
    : `Stop Postfix (postfix -c ${f.configDir} stop) and rerun.`;
  return dirRefusal('postfix-running', shownDir, `belongs to a running Postfix (${f.how}): deleting files under it would race with its daemons`, hint);
}

// Refuses a purge that would delete the incident file it is to be recorded in.
export function incidentInsideRefusal(shownDir: string, incidentFile: string, inside: boolean): Refused | null {
  return inside ? dirRefusal('incident-inside', shownDir, `contains the incident file ${incidentFile}`, 'Write the incident file elsewhere (/dev/shm, /run, another disk).') : null;
}

// Whether the purge goes through postsuper: as asked, or (the walk's choice) exactly when DIR is
// a whole queue of a Postfix that is running.
export function usePostsuper(asked: boolean | 'when-running', isQueue: boolean, running: boolean): boolean {
  return asked === 'when-running' ? isQueue && running : asked;
}
