// The `ls --json` document, written in pieces so a listing of millions of entries streams to stdout
// in bounded memory and still forms ONE valid JSON document: head, entries, tail.
import { nameForJson } from '../text/escape-name.js';
import { SCHEMA_VERSION } from '../json-vocabulary.js';
import { entryErrorText, type EntryKind, type ListingEntry } from './entry.js';
import { listingErrorsInEnglish } from './messages.js';

// One entry as JSON: exact name (nameBase64 when not UTF-8), lstat facts, mtime in ISO 8601 UTC.
interface EntryJson {
  name: string;
  nameBase64?: string;
  type: EntryKind;
  sizeBytes: number | null;
  mtime: string | null;
  error?: string;
}

// What DIR was when it was a symlink the operator chose to follow (--follow).
export interface SymlinkJson {
  path: string;
  target: string;
}

// Everything that comes after the entries.
export interface ListingSummaryJson {
  /** Total entries, or null when --count was not asked. */
  count: number | null;
  /** More entries exist than the ones listed. */
  truncated: boolean;
  oldest: ListingEntry[];
  newest: ListingEntry[];
  /** Why the listing or the scan stopped early (directory deleted, interrupted), else null. */
  incomplete: string | null;
}

// Converts one entry; names go through nameForJson so no byte is ever lost.
/** @internal unit-tested on its own: test/core/listing-json.test.ts */
export function entryJson(e: ListingEntry): EntryJson {
  const names = e.nameBytes ? nameForJson(e.nameBytes) : { name: e.name };
  const out: EntryJson = {
    ...names,
    type: e.type,
    sizeBytes: e.size,
    mtime: e.mtimeMs === null ? null : new Date(Math.floor(e.mtimeMs)).toISOString(),
  };
  if (e.error !== undefined) out.error = entryErrorText(e.error, listingErrorsInEnglish());
  return out;
}

const list = (entries: readonly ListingEntry[]): string =>
  entries.length === 0 ? '[]' : `[\n${entries.map((e) => '    ' + JSON.stringify(entryJson(e))).join(',\n')}\n  ]`;

// Opening of the document up to the entries array: the vocabulary's version, DIR as the rescued
// system sees it and, when that differs, where it is on this machine (hostPath).
export function jsonHead(path: string, symlink: SymlinkJson | null, hostPath?: string): string {
  const host = hostPath !== undefined && hostPath !== path ? `\n  "hostPath": ${JSON.stringify(hostPath)},` : '';
  return `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "path": ${JSON.stringify(path)},${host}\n  "symlink": ${JSON.stringify(symlink)},\n  "entries": [`;
}

// One entry inside the entries array; `index` is its position (a comma goes before all but the first).
export function jsonEntry(e: ListingEntry, index: number): string {
  return `${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(entryJson(e))}`;
}

// Closes the entries array (`written` entries went before) and adds the summary fields.
export function jsonTail(written: number, s: ListingSummaryJson): string {
  return [
    `${written === 0 ? '' : '\n  '}],`,
    `  "count": ${JSON.stringify(s.count)},`,
    `  "truncated": ${s.truncated},`,
    `  "oldest": ${list(s.oldest)},`,
    `  "newest": ${list(s.newest)},`,
    `  "incomplete": ${JSON.stringify(s.incomplete)}`,
    '}\n',
  ].join('\n');
}
