import fs from 'node:fs';
import { kindOfMode, LOSSY_NAME, type ListingEntry } from '../../core/listing/entry.js';
import type { NamedDirent } from '../walk/exact-name-reader.js';

// lstat of one entry of a directory: by text path, or by exact bytes when the name is not UTF-8.
export type EntryStatter = (e: NamedDirent) => fs.Stats | NodeJS.ErrnoException;

// Builds the lstat function for one directory (the prefix is encoded once, not per entry);
// `byName` looks names up relative to the working directory (see cwd-scope.ts).
export function entryStatter(dirPath: string, byName = false): EntryStatter {
  const prefix = byName ? '' : dirPath.endsWith('/') ? dirPath : dirPath + '/';
  let prefixBytes: Buffer | undefined;
  return (e) => {
    try {
      let p: string | Buffer = prefix + e.name;
      if (e.bytes) p = prefix ? Buffer.concat([(prefixBytes ??= Buffer.from(prefix)), e.bytes]) : e.bytes;
      return fs.lstatSync(p);
    } catch (err) {
      return err as NodeJS.ErrnoException;
    }
  };
}

// The entry as listings show it: lstat facts (never following a symlink) or the reason they are missing.
export function describeEntry(e: NamedDirent, stat: EntryStatter): ListingEntry {
  const base = e.bytes ? { name: e.name, nameBytes: e.bytes } : { name: e.name };
  if (!e.exact) return { ...base, type: e.kind, size: null, mtimeMs: null, error: LOSSY_NAME };
  const st = stat(e);
  if (st instanceof Error) return { ...base, type: e.kind, size: null, mtimeMs: null, error: st.code ?? '' };
  return { ...base, type: kindOfMode(st.mode), size: st.size, mtimeMs: st.mtimeMs };
}
