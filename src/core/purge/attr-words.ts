// The words for how DIR differs from its snapshot and from Postfix's table, made from the facts
// when they are shown: in the run's language on screens, in English for --json (`attrText.messages.en`).
import { fmtMode } from '../text/units.js';
import { attrText } from './attr-messages.js';
import { formatFlags } from './dir-attrs.js';
import { formatLabel, type NotCompared, type SnapshotDifference, type TableWarning } from './snapshot.js';

type Words = ReturnType<typeof attrText>;

// One difference from the snapshot, in words.
export function differenceWords(d: SnapshotDifference, t: Words = attrText()): string {
  switch (d.code) {
    case 'owner':
      return t.owner(d.now, d.was);
    case 'group':
      return t.group(d.now, d.was);
    case 'mode':
      return t.mode(fmtMode(d.now), fmtMode(d.was));
    case 'label':
      return t.label(formatLabel(d.now, t), formatLabel(d.was, t));
    case 'xattr-missing':
      return t.xattrMissing(d.name);
    case 'xattr-differs':
      return t.xattrDiffers(d.name);
    case 'xattr-added':
      return t.xattrAdded(d.name);
    case 'flags':
      return t.flags(formatFlags(d.now, t), formatFlags(d.was, t));
    case 'xattrs-uncomparable':
      return t.xattrsUncomparable(d.why);
    case 'flags-uncomparable':
      return t.flagsUncomparable(d.why);
    case 'other-filesystem':
      return t.otherFilesystem(d.now, d.was);
    case 'not-a-directory':
      return t.notADirectory;
    case 'missing':
      return t.missing;
  }
}

// Every difference in words (the lists the report, the failures and JSON carry).
export function differencesWords(ds: readonly SnapshotDifference[], t: Words = attrText()): string[] {
  return ds.map((d) => differenceWords(d, t));
}

// An attribute that was not compared, and why, in words.
export function notComparedWords(n: NotCompared, t: Words = attrText()): string {
  return n.what === 'xattrs' ? t.xattrsNotCompared(n.why) : t.flagsNotCompared(n.why);
}

// Where a queue directory differs from Postfix's table, in words.
export function tableWarningWords(w: TableWarning, t: Words = attrText()): string {
  if (w.code === 'owner') return t.tableOwner(w.queue, w.uid, w.owner, w.want);
  if (w.code === 'group') return t.tableGroup(w.queue, w.gid, w.group, w.want);
  return t.tableMode(w.queue, fmtMode(w.mode), w.accepted.map(fmtMode));
}

