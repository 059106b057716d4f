// The plan a purge shows before it acts (habit 6: plan, review, confirm, execute, verify, record):
// what DIR is, its snapshot, what is inside, the Postfix state, the strategy and why.
import { escapeName, nameForJson } from '../text/escape-name.js';
import { formatFlags, formatXattrs } from './dir-attrs.js';
import { formatLabel, formatOwner, type DirSnapshot } from './snapshot.js';
import type { StrategyChoice } from './strategy.js';
import type { TargetClass } from './target.js';
import { fmtBytes, fmtCount, fmtMode } from '../text/units.js';

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
  skipped: { name: Buffer; reason: string }[];
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

// Everything the operator reviews before confirming, and everything the execution relies on.
export interface PurgePlan {
  /** Host path of DIR (its parent resolved, DIR itself never followed). */
  dir: string;
  /** DIR as the operator knows it (a system path under --root). */
  shownDir: string;
  target: TargetClass;
  /** How it is allowed: its kind, or --any-directory. */
  allowedBy: string;
  /** false when an interrupted swap left DIR missing: it is recreated from the set-aside copy. */
  exists: boolean;
  snapshot: DirSnapshot;
  /** Where the snapshot was taken (DIR, or a set-aside copy when DIR is missing). */
  snapshotOf: string;
  tableWarnings: string[];
  postfix: PlanPostfix;
  strategy: StrategyChoice;
  filesystem: { mount: string; fstype: string; inodesFree: number; bytesFree: number };
  mountsInside: string[];
  /** null when not counted before acting (--yes): counted right before deleting, for the ETA. */
  count: PlanCount | null;
  leftovers: PlanLeftover[];
  labelTools: string;
  warnings: string[];
  /** The postsuper command the plan offers or runs. */
  postsuperCommand?: string;
}

const n = fmtCount;

// The plan as lines for a terminal (names escaped, nothing raw from the filesystem).
export function planLines(p: PurgePlan): string[] {
  const s = p.snapshot;
  const out = [`Purge plan for ${escapeName(p.shownDir)}`];
  const row = (k: string, v: string) => out.push(`  ${(k + ':').padEnd(12)}${v}`);
  row('what', `${p.target.description} (allowed: ${p.allowedBy})`);
  if (!p.exists) row('missing', `DIR is missing after an interrupted run; it is recreated from ${escapeName(p.snapshotOf)}`);
  row('snapshot', `owner ${formatOwner(s)}, mode ${fmtMode(s.mode)}, SELinux label ${formatLabel(s.label)}`);
  row('attributes', `xattrs ${escapeName(formatXattrs(s.xattrs))}; inode flags ${formatFlags(s.flags)}`);
  if (p.count) {
    const bytes = p.count.bytes === null ? '' : `, ${fmtBytes(p.count.bytes)}`;
    row('contents', `${n(p.count.entries)} entries${bytes}`);
    for (const k of p.count.skipped.slice(0, 5)) row('skipped', `${escapeName(k.name)}: ${k.reason}`);
  } else row('contents', 'not counted before acting (--yes); counted right before deleting');
  row('filesystem', `${p.filesystem.mount} (${p.filesystem.fstype}), ${n(p.filesystem.inodesFree)} inodes free, ${fmtBytes(p.filesystem.bytesFree)} free`);
  const pf = p.postfix;
  row('Postfix', `${pf.running === null ? 'state unknown' : pf.running ? 'RUNNING' : 'not running'} (${pf.how}); config ${pf.configDir}, queue ${pf.queueDirectory}`);
  row('strategy', p.strategy.strategy);
  for (const r of p.strategy.reasons) out.push(`${' '.repeat(14)}- ${r}`);
  if (p.postsuperCommand) row('command', p.postsuperCommand);
  for (const l of p.leftovers) {
    row('leftover', `${escapeName(l.name)}: ${l.kind === 'aside' ? 'set aside by an interrupted purge; deleted too' : 'unfinished new directory; used or removed'}`);
  }
  row('labels', p.labelTools);
  for (const w of [...p.tableWarnings, ...p.warnings]) row('warning', w);
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
    description: p.target.description,
    allowedBy: p.allowedBy,
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
      xattrsWhy: s.xattrs.state === 'unknown' ? s.xattrs.why : null,
      flags: s.flags.state === 'read' ? s.flags.flags : null,
      flagsState: s.flags.state,
      flagsWhy: s.flags.state === 'unknown' ? s.flags.why : null,
    },
    tableWarnings: p.tableWarnings,
    postfix: p.postfix,
    strategy: p.strategy.strategy,
    reasons: p.strategy.reasons,
    postsuperCommand: p.postsuperCommand ?? null,
    filesystem: { mount: p.filesystem.mount, fstype: p.filesystem.fstype, inodesFree: p.filesystem.inodesFree, freeBytes: p.filesystem.bytesFree },
    mountsInside: p.mountsInside,
    count: p.count && {
      entries: p.count.entries,
      allocatedBytes: p.count.bytes,
      skipped: p.count.skipped.map((k) => ({ ...nameForJson(k.name), reason: k.reason })),
      skippedCount: p.count.skippedCount,
    },
    leftovers: p.leftovers.map((l) => ({ kind: l.kind, name: l.name })),
    labelTools: p.labelTools,
    warnings: p.warnings,
  };
}
