// What "exactly as it was" means for a purged directory: owner, group, every mode bit (sticky and
// setgid included), the SELinux label, every other extended attribute (ACLs, user.*, trusted.*)
// and the inode flags, recorded before anything is touched and compared after.
import type { Language } from '../i18n/speak.js';
import { flagDifferences, xattrDifferences, type AttrChange, type FlagState, type XattrState } from './dir-attrs.js';
import { attrText } from './attr-messages.js';
import { queueDirInfo } from '../postfix/layout.js';
import { attrReasonText, type AttrReason } from './attr-reason.js';

// The SELinux label as found: its exact bytes (hex) when present; absent/unsupported when the
// filesystem has none; unknown when it could not be read (no tool): then it cannot be copied.
export type LabelState =
  | { state: 'present'; hex: string; text: string }
  | { state: 'absent' }
  | { state: 'unsupported' }
  | { state: 'unknown'; why: AttrReason };

// The attributes of DIR that must survive the purge unchanged (dev/ino tell which directory it was).
export interface DirSnapshot {
  uid: number;
  gid: number;
  /** Permission bits including setuid/setgid/sticky (st_mode & 07777). */
  mode: number;
  dev: number;
  ino: number;
  label: LabelState;
  /** Every extended attribute, ACLs and the label included (or why they could not be read). */
  xattrs: XattrState;
  /** Inode flags (chattr), or why they could not be read. */
  flags: FlagState;
  /** Owner and group names when known (from the rescued system's passwd/group). */
  owner?: string;
  group?: string;
}

// "postfix:postdrop (107:114)" when the names are known, else "107:114".
export function formatOwner(s: Pick<DirSnapshot, 'uid' | 'gid' | 'owner' | 'group'>): string {
  const ids = `${s.uid}:${s.gid}`;
  return s.owner === undefined && s.group === undefined ? ids : `${s.owner ?? s.uid}:${s.group ?? s.gid} (${ids})`;
}

// The label for humans: its text, or why there is none.
export function formatLabel(l: LabelState, language?: Language): string {
  const t = attrText(language);
  if (l.state === 'present') return l.text;
  if (l.state === 'absent') return t.none;
  if (l.state === 'unsupported') return t.noXattrsHere;
  return t.unknown(attrReasonText(l.why, language));
}

// Label text from the xattr's hex bytes (labels end with a NUL byte that is not shown).
export function labelTextFromHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('utf8').replace(/\0+$/, '');
}

const sameLabel = (a: LabelState, b: LabelState): boolean => {
  const none = (l: LabelState) => l.state === 'absent' || l.state === 'unsupported';
  if (a.state === 'present' && b.state === 'present') return a.hex.toLowerCase() === b.hex.toLowerCase();
  return none(a) && none(b);
};

const unknownWhy = (a: { state: string; why?: AttrReason }, b: { state: string; why?: AttrReason }) => (a.state === 'unknown' ? a.why : b.why) as AttrReason;

// One way DIR differs from its snapshot, as facts (worded when shown: attr-words.ts; the
// purge's JSON words them in English).
export type SnapshotDifference =
  | AttrChange
  | { code: 'owner' | 'group' | 'mode' | 'other-filesystem'; now: number; was: number }
  | { code: 'label'; now: LabelState; was: LabelState }
  | { code: 'xattrs-uncomparable' | 'flags-uncomparable'; why: AttrReason }
  | { code: 'not-a-directory' | 'missing' };

// An attribute that could not be read, so was not compared, and why.
export interface NotCompared {
  what: 'xattrs' | 'flags';
  why: AttrReason;
}

// Every way the directory now differs from the snapshot (empty when it holds); the inode may
// change. An attribute that could not be read counts as kept only on the same inode (in place
// never touches it); on a new directory it is a difference, since nothing proves it was copied.
export function snapshotDifferences(before: DirSnapshot, after: DirSnapshot): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const sameInode = before.dev === after.dev && before.ino === after.ino;
  if (after.uid !== before.uid) out.push({ code: 'owner', now: after.uid, was: before.uid });
  if (after.gid !== before.gid) out.push({ code: 'group', now: after.gid, was: before.gid });
  if (after.mode !== before.mode) out.push({ code: 'mode', now: after.mode, was: before.mode });
  const labelUnknown = before.label.state === 'unknown' || after.label.state === 'unknown';
  if (labelUnknown ? !sameInode : !sameLabel(before.label, after.label)) out.push({ code: 'label', now: after.label, was: before.label });
  const x = xattrDifferences(before.xattrs, after.xattrs);
  if (x) out.push(...x);
  else if (!sameInode) out.push({ code: 'xattrs-uncomparable', why: unknownWhy(before.xattrs, after.xattrs) });
  const f = flagDifferences(before.flags, after.flags);
  if (f) out.push(...f);
  else if (!sameInode) out.push({ code: 'flags-uncomparable', why: unknownWhy(before.flags, after.flags) });
  if (after.dev !== before.dev) out.push({ code: 'other-filesystem', now: after.dev, was: before.dev });
  return out;
}

// What could not be compared at all (kept because the inode is the same, but unverified): said
// in the report so "as snapshotted" never claims more than was checked.
export function uncomparedAttributes(before: DirSnapshot, after: DirSnapshot): NotCompared[] {
  const out: NotCompared[] = [];
  if (!xattrDifferences(before.xattrs, after.xattrs)) out.push({ what: 'xattrs', why: unknownWhy(before.xattrs, after.xattrs) });
  if (!flagDifferences(before.flags, after.flags)) out.push({ what: 'flags', why: unknownWhy(before.flags, after.flags) });
  return out;
}

// Postfix's owner and group names and their ids on the rescued system, when known.
export interface PostfixIds {
  mailOwner: string;
  mailOwnerUid?: number;
  setgidGroup: string;
  setgidGid?: number;
}

// How a queue directory differs from Postfix's table, as facts (worded when shown: attr-words.ts).
export type TableWarning =
  | { code: 'owner'; queue: string; uid: number; owner: string; want: number }
  | { code: 'group'; queue: string; gid: number; group: string; want: number }
  | { code: 'mode'; queue: string; mode: number; accepted: number[] };

// Where a queue directory differs from Postfix's table: only a warning, the snapshot is what is kept.
export function postfixTableWarnings(queueName: string, s: DirSnapshot, ids: PostfixIds): TableWarning[] {
  const info = queueDirInfo(queueName);
  if (!info) return [];
  const out: TableWarning[] = [];
  const wantUid = info.owner === 'root' ? 0 : ids.mailOwnerUid;
  const ownerName = info.owner === 'root' ? 'root' : ids.mailOwner;
  if (wantUid !== undefined && s.uid !== wantUid) out.push({ code: 'owner', queue: queueName, uid: s.uid, owner: ownerName, want: wantUid });
  if (info.setgidGroup && ids.setgidGid !== undefined && s.gid !== ids.setgidGid) {
    out.push({ code: 'group', queue: queueName, gid: s.gid, group: ids.setgidGroup, want: ids.setgidGid });
  }
  const accepted = [info.mode];
  if (queueName === 'maildrop') accepted.push(0o1730);
  if (queueName === 'public') accepted.push(0o2710);
  if (!accepted.includes(s.mode)) out.push({ code: 'mode', queue: queueName, mode: s.mode, accepted });
  return out;
}
