// The words for how DIR differs from its snapshot and from Postfix's table, made from the facts
// when they are shown: in the run's language on screens, in English for --json (language 'en').
import type { Language } from '../i18n/speak.js';
import { fmtMode } from '../text/units.js';
import { attrText } from './attr-messages.js';
import { formatFlags } from './dir-attrs.js';
import { formatLabel, type NotCompared, type SnapshotDifference, type TableWarning } from './snapshot.js';
import { attrReasonText } from './attr-reason.js';

// One difference from the snapshot, in words.
export function differenceWords(d: SnapshotDifference, language?: Language): string {
  const t = attrText(language);
  switch (d.code) {
    case 'owner':
      return t.owner(d.now, d.was);
    case 'group':
      return t.group(d.now, d.was);
    case 'mode':
      return t.mode(fmtMode(d.now), fmtMode(d.was));
    case 'label':
      return t.label(formatLabel(d.now, language), formatLabel(d.was, language));
    case 'xattr-missing':
      return t.xattrMissing(d.name);
    case 'xattr-differs':
      return t.xattrDiffers(d.name);
    case 'xattr-added':
      return t.xattrAdded(d.name);
    case 'flags':
      return t.flags(formatFlags(d.now, language), formatFlags(d.was, language));
    case 'xattrs-uncomparable':
      return t.xattrsUncomparable(attrReasonText(d.why, language));
    case 'flags-uncomparable':
      return t.flagsUncomparable(attrReasonText(d.why, language));
    case 'other-filesystem':
      return t.otherFilesystem(d.now, d.was);
    case 'not-a-directory':
      return t.notADirectory;
    case 'missing':
      return t.missing;
  }
}

// Every difference in words (the lists the report, the failures and JSON carry).
export function differencesWords(ds: readonly SnapshotDifference[], language?: Language): string[] {
  return ds.map((d) => differenceWords(d, language));
}

// An attribute that was not compared, and why, in words.
export function notComparedWords(n: NotCompared, language?: Language): string {
  const t = attrText(language);
  return n.what === 'xattrs' ? t.xattrsNotCompared(attrReasonText(n.why, language)) : t.flagsNotCompared(attrReasonText(n.why, language));
}

// Where a queue directory differs from Postfix's table, in words.
export function tableWarningWords(w: TableWarning, language?: Language): string {
  const t = attrText(language);
  if (w.code === 'owner') return t.tableOwner(w.queue, w.uid, w.owner, w.want);
  if (w.code === 'group') return t.tableGroup(w.queue, w.gid, w.group, w.want);
  return t.tableMode(w.queue, fmtMode(w.mode), w.accepted.map(fmtMode));
}

