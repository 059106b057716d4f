// Chooses how DIR is emptied and says why, from facts gathered beforehand. Swap makes the queue
// usable again at once and drops ext4's bloated directory; in place is the fallback that works
// whenever swap cannot be done exactly (no inode, a mount point, a label that cannot be copied).
import type { FlagState, XattrState } from './dir-attrs.js';
import type { LabelState } from './snapshot.js';

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
  /** One line per reason, shown in the plan. */
  reasons: string[];
}

// Picks the strategy; every in-place choice names what made swap impossible or unwanted.
export function chooseStrategy(f: StrategyFacts): StrategyChoice {
  if (f.postsuperRequested) return { strategy: 'postsuper', reasons: ["--postsuper: Postfix's own postsuper -d ALL deletes the queue files"] };
  const blockers: string[] = [];
  if (f.inPlaceRequested) blockers.push('--in-place was given');
  if (f.dirIsMountPoint) blockers.push('DIR is a mount point: it cannot be renamed aside');
  if (f.mountsInside.length) {
    const more = f.mountsInside.length > 1 ? ` and ${f.mountsInside.length - 1} more` : '';
    blockers.push(`a filesystem or bind mount is mounted inside DIR (${f.mountsInside[0]}${more}): swapping would carry it along; it is left alone, never entered`);
  }
  if (f.parentInodesFree < 1) blockers.push('no free inode for a new directory (swap needs one)');
  else if (f.parentBytesFree < 4096) blockers.push('no free block for a new directory (swap needs one)');
  blockers.push(...attributeBlockers(f));
  if (blockers.length) return { strategy: 'in-place', reasons: blockers };
  return {
    strategy: 'swap',
    reasons: [
      'a new empty directory with the same owner, mode and label replaces DIR at once (the queue works again within a second)',
      "the old directory is renamed aside and deleted afterwards; ext4's bloated directory goes away",
    ],
  };
}

// Why a new directory could not carry DIR's attributes exactly: each makes the choice in place,
// which keeps the inode and so every attribute, known or not.
function attributeBlockers(f: StrategyFacts): string[] {
  const out: string[] = [];
  const x = f.xattrs;
  if (x.state === 'unknown') {
    out.push(`DIR's extended attributes (ACLs, SELinux label, user.*, trusted.*) cannot be read (${x.why}); in place keeps them whatever they are`);
  } else if (x.state === 'read' && x.entries.length && !f.xattrsWritable) {
    out.push(`DIR has extended attributes (${x.entries.map((e) => e.name).join(', ')}) that cannot be copied onto a new directory (setfattr missing); in place keeps them`);
  } else if (f.selinuxEnabled && !f.xattrsWritable) {
    out.push('SELinux is enabled but labels cannot be written here (setfattr missing); in place keeps the label');
  }
  const fl = f.flags;
  if (fl.state === 'unknown') out.push(`DIR's inode flags (chattr) cannot be read (${fl.why}); in place keeps them whatever they are`);
  else if (fl.state === 'read' && fl.flags && !f.flagsWritable) out.push(`DIR has inode flags (${fl.flags}) that cannot be set on a new directory (chattr missing); in place keeps them`);
  return out;
}
