import type { Language } from '../i18n/speak.js';
import { wordFact } from '../i18n/word-fact.js';
import { listingErrorsInEnglish, listingErrorsSaid, listingErrorsText } from './messages.js';
// One directory entry as every listing (CLI, JSON, TUI, evidence) sees it: lstat facts, never
// following symlinks, or the error that hid them (errors are entries, not exceptions).

// What a directory entry is: from lstat when it worked, else from readdir's d_type.
export type EntryKind = 'file' | 'dir' | 'symlink' | 'fifo' | 'socket' | 'char' | 'block' | 'unknown';

// The entry itself; every listing, ranking and JSON document is made of these.
export interface ListingEntry {
  /** The name as text; invalid UTF-8 bytes show as U+FFFD (then nameBytes holds the exact bytes). */
  name: string;
  /** Exact bytes, set only when the name is not valid UTF-8 (so `name` alone would be lossy). */
  nameBytes?: Uint8Array;
  type: EntryKind;
  size: number | null;
  mtimeMs: number | null;
  /** Why size and mtime are missing, as a code worded when shown (entryErrorText): lstat's errno
   *  code (ENOENT: vanished while listing, EACCES, ...) or LOSSY_NAME. */
  error?: string;
}

const S_IFMT = 0o170000;
const KIND_BY_FORMAT: Record<number, EntryKind> = {
  0o100000: 'file',
  0o040000: 'dir',
  0o120000: 'symlink',
  0o010000: 'fifo',
  0o140000: 'socket',
  0o020000: 'char',
  0o060000: 'block',
};

// The kind from st_mode: authoritative where d_type is DT_UNKNOWN (XFS without ftype, some NFS).
export function kindOfMode(mode: number): EntryKind {
  return KIND_BY_FORMAT[mode & S_IFMT] ?? 'unknown';
}

const KIND_CHAR: Record<EntryKind, string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  fifo: 'p',
  socket: 's',
  char: 'c',
  block: 'b',
  unknown: '?',
};

// The one-letter type `ls -l` shows, so operators read the listing without a legend.
export function kindChar(kind: EntryKind): string {
  return KIND_CHAR[kind];
}

// The entry error of a name that is not valid UTF-8 whose exact bytes could not be read again.
export const LOSSY_NAME = 'lossy-name';

// Plain-language reason for an entry's error code (the entry stays in the listing): in the run's
// language, or in the words given (--json's English ones: listingErrorsInEnglish()).
export function entryErrorText(code: string | undefined, t: ReturnType<typeof listingErrorsInEnglish> = listingErrorsSaid()): string {
  switch (code) {
    case LOSSY_NAME:
      return t.lossyName;
    case 'ENOENT':
      return t.vanished;
    case 'EACCES':
    case 'EPERM':
      return t.denied;
    case 'ENAMETOOLONG':
      return t.tooLong;
    case 'EIO':
      return t.io;
    default:
      return t.lstatFailed(code ?? '');
  }
}

/** Why reading a whole directory stopped part-way (the directory, not one entry), as a fact. */
export type ReadStop = { code: 'deleted-while-read'; afterEntries: number } | { code: 'read-failed'; afterEntries: number; message: string };

// The fact of a read error after `afterEntries` entries: ENOENT means the directory was deleted.
export function readStopOf(err: { code?: string; message?: string }, afterEntries: number): ReadStop {
  if (err.code === 'ENOENT') return { code: 'deleted-while-read', afterEntries };
  return { code: 'read-failed', afterEntries, message: err.message ?? err.code ?? '' };
}

// A read stop in words: the run's language on screens, 'en' for the listing's `incomplete` in --json.
export function readStopText(stop: ReadStop, language?: Language): string {
  const t = listingErrorsText(language);
  return wordFact<ReadStop>({ deletedWhileRead: (f) => t.deletedWhileRead(f.afterEntries), readFailed: (f) => t.readFailed(f.afterEntries, f.message) }, stop);
}
