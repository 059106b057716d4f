import { fmtBytes, fmtCount } from '../text/units.js';
import { direntModel } from './dirent-size.js';
import { suspectsText } from './messages.js';

type Words = ReturnType<typeof suspectsText>;

// What a likely culprit is called, as facts: a word of the catalogue and the name it is of.
export type SuspectName =
  | { word: 'queue' | 'mailboxOf' | 'lockOf'; of: string }
  | { word: 'clientQueue' | 'mailSpool' | 'rootMailbox' | 'mailLog' | 'mailLogPart' | 'logFile' | 'logDir' | 'journal' | 'tmp' };

// A culprit's name in words: in the run's language unless other words are given (English: --json's label).
export function nameWords(n: SuspectName, t: Words = suspectsText()): string {
  return 'of' in n ? t[n.word](n.of) : t[n.word];
}

// The facts a culprit's reason is made of (a Suspect has them).
interface SuspectWordFacts {
  name: SuspectName;
  estimatedEntries: number | null;
  bytes: number;
  dirBytes?: number;
  hashedParts?: number;
  fstype: string;
}

// Why a culprit is named, in words made from its facts when shown (English: --json's reason).
export function suspectWords(s: SuspectWordFacts, t: Words = suspectsText(), fmt: (n: number) => string = fmtBytes): string {
  const label = nameWords(s.name, t);
  if (s.estimatedEntries === null) return t.fileReason(label, fmt(s.bytes));
  const m = direntModel(s.fstype, t);
  return t.dirReason(label, fmt(s.dirBytes ?? 0), s.hashedParts ?? 0, m.neverShrinks, fmtCount(s.estimatedEntries), m.how);
}
