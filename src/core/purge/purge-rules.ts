import { BLOCKING_FLAGS, type FlagState } from './dir-attrs.js';
import { POSTSUPER_QUEUES } from '../postfix/layout.js';
import { refuse, type Refused } from '../refusal.js';
import { fail, type Failed } from './outcome.js';
import { purgeRulesText } from './purge-rules-messages.js';
import { refusalWords, targetWords, type TargetClass } from './target.js';

// The safety rails of a purge as pure decisions over the facts io/ gathered: what is refused
// (nothing changed, exit 3 in the CLI), what cannot be done, and the postsuper command for a
// whole queue. Reasons name the directory as the rescued system sees it, never a command.

// A refusal about DIR, worded the one way every rail words it.
function dirRefusal(code: string, shownDir: string, why: string, hint?: string): Refused {
  return refuse(code, purgeRulesText().nothingChanged(shownDir, why), hint);
}

// Refuses a DIR that is not a plain directory, or a target the rails forbid or that needs
// --any-directory; null when DIR may be purged.
export function targetRefusal(shownDir: string, facts: { isSymlink: boolean; isDirectory: boolean; target: TargetClass; anyDirectory: boolean }): Refused | null {
  const { target } = facts;
  const t = purgeRulesText();
  if (facts.isSymlink) return dirRefusal('symlink', shownDir, t.symlink, t.symlinkHint);
  if (!facts.isDirectory) return dirRefusal('not-a-directory', shownDir, t.notDirectory);
  if (target.refusal) return dirRefusal('forbidden-target', shownDir, t.forbidden(targetWords(target), refusalWords(target.refusal)));
  if (!target.allowedByDefault && !facts.anyDirectory) {
    return dirRefusal('outside-queues', shownDir, t.isWhat(targetWords(target)), t.outsideHint);
  }
  return null;
}

// Refuses an immutable or append-only DIR: nothing inside it can be removed.
export function flagsRefusal(shownDir: string, flags: FlagState): Refused | null {
  const blocking = flags.state === 'read' ? [...flags.flags].filter((c) => BLOCKING_FLAGS[c]) : [];
  if (!blocking.length) return null;
  const t = purgeRulesText();
  return dirRefusal('immutable', shownDir, t.immutable(blocking.map((c) => t.flagNames[c]).join(t.and), blocking.join('')), t.immutableHint(blocking.join(''), shownDir));
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
  const t = purgeRulesText();
  if (f.readOnly || f.accessCode === 'EROFS') return dirRefusal('read-only', shownDir, t.readOnly(f.mount), t.readOnlyHint(f.mount));
  if (f.accessCode === undefined) return null;
  if (f.euid !== 0 && f.ownerUid !== f.euid) return dirRefusal('needs-root', shownDir, t.needsRoot(f.ownerUid, f.euid), t.runAsRoot);
  return dirRefusal('permission-denied', shownDir, t.denied(f.euid, f.accessCode), f.euid === 0 ? t.lsmHint : t.runAsRoot);
}

// The command that lets Postfix delete a whole queue itself (undefined for anything else).
export function postsuperCommandFor(target: TargetClass, configDir: string): string | undefined {
  const isQueue = target.kind === 'postfix-queue' && POSTSUPER_QUEUES.includes(target.queueName!);
  return isQueue ? `postsuper -c ${configDir} -d ALL ${target.queueName}` : undefined;
}

// What the rails say about postsuper -d ALL when it was asked for: only for a whole queue, only
// when DIR exists, only with Postfix installed and answering for this very configuration.
export function postsuperProblem(shownDir: string, f: { target: TargetClass; exists: boolean; postfixInstalled: boolean; mismatch: string | null; isQueue: boolean }): Refused | Failed | null {
  const t = purgeRulesText();
  if (!f.isQueue) return fail('postsuper-not-a-queue', t.postsuperNotQueue(POSTSUPER_QUEUES.join(', '), shownDir, targetWords(f.target)), undefined, true);
  if (!f.exists) return dirRefusal('postsuper-dir-missing', shownDir, t.postsuperDirMissing);
  if (!f.postfixInstalled) return fail('postsuper-missing', t.postsuperMissing);
  if (f.mismatch) return fail('postsuper-mismatch', t.postsuperMismatch(f.mismatch));
  return null;
}

// Refuses deleting files under a running Postfix's queue by hand: it would race with its daemons.
export function runningPostfixRefusal(shownDir: string, f: { target: TargetClass; running: boolean; how: string; postsuper: boolean; configDir: string; postsuperCommand?: string }): Refused | null {
  const postfixTarget = f.target.kind === 'postfix-queue' || f.target.kind === 'postfix-queue-subdir';
  if (!postfixTarget || !f.running || f.postsuper) return null;
  const t = purgeRulesText();
  const hint = f.postsuperCommand ? t.runningHintPostsuper(f.configDir, f.postsuperCommand) : t.runningHint(f.configDir);
  return dirRefusal('postfix-running', shownDir, t.running(f.how), hint);
}

// Refuses a purge that would delete the incident file it is to be recorded in.
export function incidentInsideRefusal(shownDir: string, incidentFile: string, inside: boolean): Refused | null {
  return inside ? dirRefusal('incident-inside', shownDir, purgeRulesText().incidentInside(incidentFile), purgeRulesText().incidentInsideHint) : null;
}

// Whether the purge goes through postsuper: as asked, or (the walk's choice) exactly when DIR is
// a whole queue of a Postfix that is running.
export function usePostsuper(asked: boolean | 'when-running', isQueue: boolean, running: boolean): boolean {
  return asked === 'when-running' ? isQueue && running : asked;
}
