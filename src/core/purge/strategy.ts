// Chooses how DIR is emptied and says why, from facts gathered beforehand. Swap makes the queue
// usable again at once and drops ext4's bloated directory; in place is the fallback that works
// whenever swap cannot be done exactly (no inode, a mount point, a label that cannot be copied).
import type { FlagState, XattrState } from './dir-attrs.js';
import type { LabelState } from './snapshot.js';
import { LANGUAGES } from '../i18n/language.js';
import type { Language } from '../i18n/speak.js';
import { strategyText } from './strategy-messages.js';

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

// The chosen strategy and the reasons shown in the plan.
export interface StrategyChoice {
  strategy: PurgeStrategy;
  /** One line per reason, in English (--json keeps them in every language). */
  reasons: string[];
  /** The reasons in the run's language, when that is not English: the plan shows these. */
  said?: string[];
}

// Picks the strategy; every in-place choice names what made swap impossible or unwanted.
export function chooseStrategy(f: StrategyFacts): StrategyChoice {
  const lang = LANGUAGES.find((l) => strategyText() === strategyText.messages[l]) ?? 'en';
  const english = choose(f, 'en');
  return lang === 'en' ? english : { ...english, said: choose(f, lang).reasons };
}

function choose(f: StrategyFacts, lang: Language): StrategyChoice {
  const t = strategyText.messages[lang];
  if (f.postsuperRequested) return { strategy: 'postsuper', reasons: [t.postsuper] };
  const blockers: string[] = [];
  if (f.inPlaceRequested) blockers.push(t.inPlaceAsked);
  if (f.dirIsMountPoint) blockers.push(t.mountPoint);
  if (f.mountsInside.length) blockers.push(t.mountsInside(f.mountsInside[0], f.mountsInside.length - 1));
  if (f.parentInodesFree < 1) blockers.push(t.noInode);
  else if (f.parentBytesFree < 4096) blockers.push(t.noBlock);
  blockers.push(...attributeBlockers(f, lang));
  if (blockers.length) return { strategy: 'in-place', reasons: blockers };
  return { strategy: 'swap', reasons: [t.swapNew, t.swapOld] };
}

// Why a new directory could not carry DIR's attributes exactly: each makes the choice in place,
// which keeps the inode and so every attribute, known or not.
function attributeBlockers(f: StrategyFacts, lang: Language): string[] {
  const t = strategyText.messages[lang];
  const out: string[] = [];
  const x = f.xattrs;
  if (x.state === 'unknown') out.push(t.xattrsUnknown(x.why));
  else if (x.state === 'read' && x.entries.length && !f.xattrsWritable) out.push(t.xattrsNotCopied(x.entries.map((e) => e.name).join(', ')));
  else if (f.selinuxEnabled && !f.xattrsWritable) out.push(t.labelNotWritten);
  const fl = f.flags;
  if (fl.state === 'unknown') out.push(t.flagsUnknown(fl.why));
  else if (fl.state === 'read' && fl.flags && !f.flagsWritable) out.push(t.flagsNotSet(fl.flags));
  return out;
}
