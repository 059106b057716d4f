// Chooses how DIR is emptied and says why, from facts gathered beforehand. Swap makes the queue
// usable again at once and drops ext4's bloated directory; in place is the fallback that works
// whenever swap cannot be done exactly (no inode, a mount point, a label that cannot be copied).
import type { LabelState } from './purge-snapshot.js';

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
  /** The label can be written onto a new directory (setfattr or chcon available). */
  labelWritable: boolean;
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
    blockers.push(`a filesystem is mounted inside DIR (${f.mountsInside[0]}${more}): swapping would carry it along; it is left alone`);
  }
  if (f.parentInodesFree < 1) blockers.push('no free inode for a new directory (swap needs one)');
  else if (f.parentBytesFree < 4096) blockers.push('no free block for a new directory (swap needs one)');
  const label = f.label;
  if (label.state === 'present' && !f.labelWritable) {
    blockers.push('DIR has an SELinux label that cannot be copied onto a new directory (setfattr/chcon missing); in place keeps it');
  } else if (label.state === 'unknown' && (f.selinuxEnabled || !f.labelWritable)) {
    blockers.push(`DIR's SELinux label cannot be read (${label.why}); in place keeps it whatever it is`);
  } else if (f.selinuxEnabled && !f.labelWritable) {
    blockers.push('SELinux is enabled but labels cannot be written here (setfattr/chcon missing); in place keeps the label');
  }
  if (blockers.length) return { strategy: 'in-place', reasons: blockers };
  return {
    strategy: 'swap',
    reasons: [
      'a new empty directory with the same owner, mode and label replaces DIR at once (the queue works again within a second)',
      "the old directory is renamed aside and deleted afterwards; ext4's bloated directory goes away",
    ],
  };
}
