// A directory's attributes beyond owner and mode: every extended attribute (POSIX ACLs are
// system.posix_acl_access/default, the SELinux label is security.selinux, plus user.* and
// trusted.*) and the inode flags chattr sets. Recorded exactly, compared exactly; "unknown"
// (no tool to read them) is never mistaken for "none".

import type { Language } from '../i18n/speak.js';
import { attrText } from './attr-messages.js';
import { attrReasonText, type AttrReason } from './attr-reason.js';

// One extended attribute: its name and its exact value as hex.
export interface XattrEntry {
  name: string;
  hex: string;
}

// Every extended attribute as read, or why none could be read.
export type XattrState = { state: 'read'; entries: XattrEntry[] } | { state: 'unsupported' } | { state: 'unknown'; why: AttrReason };

// The inode flags a new directory can be given (chattr letters, sorted), or why they are unknown.
export type FlagState = { state: 'read'; flags: string } | { state: 'unsupported' } | { state: 'unknown'; why: AttrReason };

// Flags chattr can set on a directory. Others lsattr shows are the filesystem's own bookkeeping
// (e extents, I hashed index, N inline data, E encrypted, V verity, h huge file) and are not copied.
const SETTABLE_FLAGS = 'aAcCdDFijmPsStTux';

// Flags that forbid removing anything inside DIR: a purge cannot do its job while they are set.
export const BLOCKING_FLAGS: Record<string, string> = { i: 'immutable', a: 'append-only' };

const octal = (s: string) => s.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));

// Parses `getfattr -d -m - -e hex` output (one "name=0xHEX" line per attribute; names escaped in octal).
export function parseGetfattrDump(stdout: string): XattrEntry[] {
  const out: XattrEntry[] = [];
  for (const line of stdout.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = octal(eq === -1 ? line : line.slice(0, eq));
    const raw = eq === -1 ? '' : line.slice(eq + 1);
    const hex = raw.startsWith('0x') ? raw.slice(2).toLowerCase() : Buffer.from(raw.replace(/^"|"$/g, ''), 'latin1').toString('hex');
    out.push({ name, hex });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// The settable flags of an `lsattr -d` line ("----i--A-----e---- /path"), sorted.
export function parseLsattrFlags(stdout: string): string | undefined {
  const field = stdout.trim().split(/\s+/)[0];
  if (!field || !/^[A-Za-z-]+$/.test(field)) return undefined;
  return [...new Set(field.replace(/-/g, ''))].filter((c) => SETTABLE_FLAGS.includes(c)).sort().join('');
}

// The names of the attributes, for the plan ("system.posix_acl_access, user.backup").
export function formatXattrs(x: XattrState, language?: Language): string {
  const t = attrText(language);
  if (x.state === 'unsupported') return t.noXattrsHere;
  if (x.state === 'unknown') return t.unknown(attrReasonText(x.why, language));
  return x.entries.length ? x.entries.map((e) => e.name).join(', ') : t.none;
}

// The flags for the plan ("A", "none", "unknown (...)").
export function formatFlags(f: FlagState, language?: Language): string {
  const t = attrText(language);
  if (f.state === 'unsupported') return t.noFlagsHere;
  if (f.state === 'unknown') return t.unknown(attrReasonText(f.why, language));
  return f.flags || t.none;
}

// How an extended attribute or the inode flags differ: facts, worded when shown (attr-words.ts).
export type AttrChange = { code: 'xattr-missing' | 'xattr-differs' | 'xattr-added'; name: string } | { code: 'flags'; now: FlagState; was: FlagState };

const hasNone = (x: XattrState) => x.state === 'unsupported' || (x.state === 'read' && x.entries.length === 0);

// Differences in extended attributes (the SELinux label aside: it is compared on its own);
// undefined when one side is unknown (the caller decides what an uncompared attribute means).
export function xattrDifferences(before: XattrState, after: XattrState): AttrChange[] | undefined {
  if (before.state === 'unknown' || after.state === 'unknown') return undefined;
  if (hasNone(before) && hasNone(after)) return [];
  const map = (x: XattrState) => new Map(x.state === 'read' ? x.entries.filter((e) => e.name !== 'security.selinux').map((e) => [e.name, e.hex]) : []);
  const a = map(before);
  const b = map(after);
  const out: AttrChange[] = [];
  for (const [name, hex] of a) {
    if (!b.has(name)) out.push({ code: 'xattr-missing', name });
    else if (b.get(name) !== hex) out.push({ code: 'xattr-differs', name });
  }
  for (const name of b.keys()) if (!a.has(name)) out.push({ code: 'xattr-added', name });
  return out;
}

// Differences in inode flags; undefined when one side is unknown.
export function flagDifferences(before: FlagState, after: FlagState): AttrChange[] | undefined {
  if (before.state === 'unknown' || after.state === 'unknown') return undefined;
  const flags = (f: FlagState) => (f.state === 'read' ? f.flags : '');
  return flags(before) === flags(after) ? [] : [{ code: 'flags', now: after, was: before }];
}
