import { fmtBytes, fmtCount } from '../text/units.js';
import { disksText } from './messages.js';
import type { Language } from '../i18n/speak.js';
import { statfsProblemWords, type StatfsProblem } from './statfs-problem.js';

// Why a filesystem needs attention: the code scripts read and the figures the words are made of.
export type DfFlagFacts =
  | { code: 'bytes-full'; usePercent: number; availBytes: number; reservedBytes: number }
  | { code: 'inodes-full'; inodeUsePercent: number; inodesFree: number }
  | { code: 'read-only'; remountRo: boolean }
  | { code: 'not-responding' | 'statfs-failed'; problem: StatfsProblem }
  | { code: 'deleted-open'; bytes: number };

// Why a filesystem is flagged, in words made from the flag's facts at the moment they are shown:
// in the run's language unless one is named ('en' gives `df --json`'s reason).
export function flagWords(f: DfFlagFacts, language?: Language, fmt: (bytes: number) => string = fmtBytes): string {
  const t = disksText(language);
  switch (f.code) {
    case 'not-responding':
      return t.notResponding(statfsProblemWords(f.problem, language));
    case 'statfs-failed':
      return t.statfsFailed(statfsProblemWords(f.problem, language));
    case 'bytes-full':
      if (f.availBytes === 0) return f.reservedBytes > 0 ? t.reserveOnly(fmt(f.reservedBytes)) : t.bytesFull;
      return t.bytesUsed(f.usePercent, fmt(f.availBytes));
    case 'inodes-full':
      return f.inodesFree === 0 ? t.inodesFull : t.inodesUsed(f.inodeUsePercent, fmtCount(f.inodesFree));
    case 'read-only':
      return t.readOnly(f.remountRo);
    case 'deleted-open':
      return t.deletedOpen(fmt(f.bytes));
  }
}
