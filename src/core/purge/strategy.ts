// Chooses how DIR is emptied and says why, from facts gathered beforehand. Swap makes the queue
// usable again at once and drops ext4's bloated directory; in place is the fallback that works
// whenever swap cannot be done exactly (no inode, a mount point, a label that cannot be copied).
import type { FlagState, XattrState } from './dir-attrs.js';
import type { LabelState } from './snapshot.js';
import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { strategyText } from './strategy-messages.js';
import type { AttrReason } from './attr-reason.js';

// How DIR gets emptied.
export type PurgeStrategy = 'swap' | 'in-place' | 'postsuper';

// The facts the strategy depends on, gathered by the inspection.
export interface StrategyFacts {
  /** DIR is itself a mount point (it cannot be renamed). */
  dirIsMountPoint: boolean;
  /** Mount points below DIR (host paths); they are never crossed. */
  mountsInside: string[];
  /** Free inodes and bytes (for root) on the filesystem that holds DIR's parent. */
  parentInodesFree: number;
  parentBytesFree: number;
  label: LabelState;
  /** Every extended attribute of DIR (ACLs and the label included), or why unknown. */
  xattrs: XattrState;
  /** DIR's inode flags, or why unknown. */
  flags: FlagState;
  /** Extended attributes can be written onto a new directory (setfattr). */
  xattrsWritable: boolean;
  /** Inode flags can be written onto a new directory (chattr). */
  flagsWritable: boolean;
  /** SELinux is enabled on the host (/sys/fs/selinux). */
  selinuxEnabled: boolean;
  /** --in-place was given. */
  inPlaceRequested: boolean;
  /** --postsuper was given. */
  postsuperRequested: boolean;
}

// AttrReason the strategy was chosen, as facts: worded when shown (`reasonWords`), in the run's
// language in the plan and the incident file, in English in --json.
export type StrategyReason =
  | { code: 'postsuper' | 'in-place-asked' | 'mount-point' | 'no-inode' | 'no-block' | 'swap-new' | 'swap-old' | 'label-not-written' }
  | { code: 'mounts-inside'; first: string; more: number }
  | { code: 'xattrs-unknown' | 'flags-unknown'; why: AttrReason }
  | { code: 'xattrs-not-copied'; names: string }
  | { code: 'flags-not-set'; flags: string };

// The chosen strategy and the reasons shown in the plan.
export interface StrategyChoice {
  strategy: PurgeStrategy;
  /** One fact per reason. */
  reasons: StrategyReason[];
}

// Picks the strategy; every in-place choice names what made swap impossible or unwanted.
export function chooseStrategy(f: StrategyFacts): StrategyChoice {
  if (f.postsuperRequested) return { strategy: 'postsuper', reasons: [{ code: 'postsuper' }] };
  const blockers: StrategyReason[] = [];
  if (f.inPlaceRequested) blockers.push({ code: 'in-place-asked' });
  if (f.dirIsMountPoint) blockers.push({ code: 'mount-point' });
  if (f.mountsInside.length) blockers.push({ code: 'mounts-inside', first: f.mountsInside[0], more: f.mountsInside.length - 1 });
  if (f.parentInodesFree < 1) blockers.push({ code: 'no-inode' });
  else if (f.parentBytesFree < 4096) blockers.push({ code: 'no-block' });
  blockers.push(...attributeBlockers(f));
  if (blockers.length) return { strategy: 'in-place', reasons: blockers };
  return { strategy: 'swap', reasons: [{ code: 'swap-new' }, { code: 'swap-old' }] };
}

// AttrReason a new directory could not carry DIR's attributes exactly: each makes the choice in place,
// which keeps the inode and so every attribute, known or not.
function attributeBlockers(f: StrategyFacts): StrategyReason[] {
  const out: StrategyReason[] = [];
  const x = f.xattrs;
  if (x.state === 'unknown') out.push({ code: 'xattrs-unknown', why: x.why });
  else if (x.state === 'read' && x.entries.length && !f.xattrsWritable) out.push({ code: 'xattrs-not-copied', names: x.entries.map((e) => e.name).join(', ') });
  else if (f.selinuxEnabled && !f.xattrsWritable) out.push({ code: 'label-not-written' });
  const fl = f.flags;
  if (fl.state === 'unknown') out.push({ code: 'flags-unknown', why: fl.why });
  else if (fl.state === 'read' && fl.flags && !f.flagsWritable) out.push({ code: 'flags-not-set', flags: fl.flags });
  return out;
}

// One reason in words: the run's language unless one is named ('en' for --json).
export function reasonWords(r: StrategyReason, language?: Language): string {
  return wordFact(strategyText(language), r);
}
