// The plan a purge shows before it acts (habit 6: plan, review, confirm, execute, verify, record):
// what DIR is, its snapshot, what is inside, the Postfix state, the strategy and why.
import type { Language } from '../i18n/speak.js';
import { escapeName, nameForJson } from '../text/escape-name.js';
import { formatFlags, formatXattrs } from './dir-attrs.js';
import { formatLabel, formatOwner, type DirSnapshot, type TableWarning } from './snapshot.js';
import { tableWarningWords } from './attr-words.js';
import { reasonWords, type StrategyChoice } from './strategy.js';
import type { TargetClass } from './target.js';
import { fmtBytes, fmtCount, fmtMode } from '../text/units.js';
import { padCell } from '../text/text-fit.js';
import { purgePlanText } from './plan-messages.js';
import { allowedByWords, targetWords } from './target.js';
import { labelToolsWords, type LabelToolFacts } from './label-tools.js';
import { walkSkipWords, type WalkSkip } from './walk-skip.js';
import { attrReasonText, type AttrReason } from './attr-reason.js';

// A set-aside copy or unfinished new directory of an earlier run, as the plan lists it.
interface PlanLeftover {
  kind: 'aside' | 'fresh';
  name: string;
  path: string;
}

// What the streaming count found inside DIR before acting.
interface PlanCount {
  entries: number;
  bytes: number | null;
  skipped: { name: Buffer; reason: WalkSkip }[];
  skippedCount: number;
}

// The Postfix instance the plan checked DIR against, and whether it runs.
interface PlanPostfix {
  configDir: string;
  queueDirectory: string;
  installed: boolean;
  settingsFrom: string;
  running: boolean | null;
  how: string;
  pid?: number;
}

// Something the operator should know before confirming, as facts (worded when shown).
export type PlanWarning = { code: 'incident-same-filesystem'; mount: string } | { code: 'label-unreadable'; why: AttrReason } | { code: 'dir-missing' };

// A plan warning in words: the run's language on screens, English in --json.
function warningWords(w: PlanWarning, language?: Language): string {
  const t = purgePlanText(language);
  if (w.code === 'incident-same-filesystem') return t.incidentSameFs(w.mount);
  if (w.code === 'label-unreadable') return t.labelUnreadable(attrReasonText(w.why, language));
  return t.dirMissing;
}

// Everything the operator reviews before confirming, and everything the execution relies on.
export interface PurgePlan {
  /** Host path of DIR (its parent resolved, DIR itself never followed). */
  dir: string;
  /** DIR as the operator knows it (a system path under --root). */
  shownDir: string;
  target: TargetClass;
  /** false when an interrupted swap left DIR missing: it is recreated from the set-aside copy. */
  exists: boolean;
  snapshot: DirSnapshot;
  /** Where the snapshot was taken (DIR, or a set-aside copy when DIR is missing). */
  snapshotOf: string;
  tableWarnings: TableWarning[];
  postfix: PlanPostfix;
  strategy: StrategyChoice;
  filesystem: { mount: string; fstype: string; inodesFree: number; bytesFree: number };
  mountsInside: string[];
  /** null when not counted before acting (--yes): counted right before deleting, for the ETA. */
  count: PlanCount | null;
  leftovers: PlanLeftover[];
  labelTools: LabelToolFacts;
  warnings: PlanWarning[];
  /** The postsuper command the plan offers or runs. */
  postsuperCommand?: string;
}

const n = fmtCount;

// The plan as lines for a terminal (names escaped, nothing raw from the filesystem).
export function planLines(p: PurgePlan): string[] {
  const s = p.snapshot;
  const t = purgePlanText();
  const out = [t.head(escapeName(p.shownDir))];
  const row = (k: keyof typeof t.label, v: string) => out.push(`  ${padCell(t.label[k] + ':', t.labelWidth)}${v}`);
  row('what', t.what(targetWords(p.target), allowedByWords(p.target)));
  if (!p.exists) row('missing', t.missing(escapeName(p.snapshotOf)));
  row('snapshot', t.snapshot(formatOwner(s), fmtMode(s.mode), formatLabel(s.label)));
  row('attributes', t.attributes(escapeName(formatXattrs(s.xattrs)), formatFlags(s.flags)));
  if (p.count) {
    row('contents', t.contents(n(p.count.entries), p.count.bytes === null ? null : fmtBytes(p.count.bytes)));
    for (const k of p.count.skipped.slice(0, 5)) row('skipped', `${escapeName(k.name)}: ${walkSkipWords(k.reason)}`);
  } else row('contents', t.notCounted);
  row('filesystem', t.filesystem(p.filesystem.mount, p.filesystem.fstype, n(p.filesystem.inodesFree), fmtBytes(p.filesystem.bytesFree)));
  const pf = p.postfix;
  row('postfix', t.postfix(pf.running, pf.how, pf.configDir, pf.queueDirectory));
  row('strategy', p.strategy.strategy);
  for (const r of p.strategy.reasons.map((x) => reasonWords(x))) out.push(`${' '.repeat(t.labelWidth + 2)}- ${r}`);
  if (p.postsuperCommand) row('command', p.postsuperCommand);
  for (const l of p.leftovers) row('leftover', `${escapeName(l.name)}: ${l.kind === 'aside' ? t.aside : t.fresh}`);
  row('labels', labelToolsWords(p.labelTools));
  for (const w of [...p.tableWarnings.map((x) => tableWarningWords(x)), ...p.warnings.map((x) => warningWords(x))]) row('warning', w);
  return out;
}

// The plan as JSON: modes as octal strings, names exact (nameBase64 when not UTF-8).
export function planJson(p: PurgePlan): Record<string, unknown> {
  const s = p.snapshot;
  return {
    path: p.shownDir,
    hostPath: p.dir,
    kind: p.target.kind,
    queueName: p.target.queueName ?? null,
    description: targetWords(p.target, 'en'),
    allowedBy: allowedByWords(p.target, 'en'),
    exists: p.exists,
    snapshot: {
      of: p.snapshotOf,
      uid: s.uid,
      gid: s.gid,
      owner: s.owner ?? null,
      group: s.group ?? null,
      mode: fmtMode(s.mode),
      label: s.label.state === 'present' ? s.label.text : null,
      labelHex: s.label.state === 'present' ? s.label.hex : null,
      labelState: s.label.state,
      xattrs: s.xattrs.state === 'read' ? s.xattrs.entries : null,
      xattrsState: s.xattrs.state,
      xattrsWhy: s.xattrs.state === 'unknown' ? attrReasonText(s.xattrs.why, 'en') : null,
      flags: s.flags.state === 'read' ? s.flags.flags : null,
      flagsState: s.flags.state,
      flagsWhy: s.flags.state === 'unknown' ? attrReasonText(s.flags.why, 'en') : null,
    },
    tableWarnings: p.tableWarnings.map((x) => tableWarningWords(x, 'en')),
    postfix: p.postfix,
    strategy: p.strategy.strategy,
    reasons: p.strategy.reasons.map((x) => reasonWords(x, 'en')),
    postsuperCommand: p.postsuperCommand ?? null,
    filesystem: { mount: p.filesystem.mount, fstype: p.filesystem.fstype, inodesFree: p.filesystem.inodesFree, freeBytes: p.filesystem.bytesFree },
    mountsInside: p.mountsInside,
    count: p.count && {
      entries: p.count.entries,
      allocatedBytes: p.count.bytes,
      skipped: p.count.skipped.map((k) => ({ ...nameForJson(k.name), reason: walkSkipWords(k.reason, 'en') })),
      skippedCount: p.count.skippedCount,
    },
    leftovers: p.leftovers.map((l) => ({ kind: l.kind, name: l.name })),
    labelTools: labelToolsWords(p.labelTools, 'en'),
    warnings: p.warnings.map((x) => warningWords(x, 'en')),
  };
}
