import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ListView } from '../../components/ListView.js';
import { safeText } from '../../format.js';
import { fitMiddle, padCell, wrapText } from '../../../core/text/text-fit.js';
import { listRows, windowStart } from '../../layout.js';
import { DISKS_OVERHEAD, diskRows, isHostRow } from './state.js';
import { suspectsLine } from './suspects.js';
import type { DfFlag, FilesystemRow } from '../../ports/index.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount, fmtPercent } from '../../../core/text/units.js';
import { findCulprit, planOutline } from '../../../core/plan/rescue-plan.js';

// Step 1: every filesystem's bytes and inodes with its flags (the df core's, in words); the
// selected one in detail, with the deleted-but-open files that hold space on it.

const FIXED = 2 + 1 + 7 + 1 + 9 + 1 + 5 + 1 + 9 + 1 + 6 + 1;

// Lines the details under the table take (the layout reserves them).
const DETAIL_ROWS = 5;

// A flag in two words for the table column; the details give the whole reason.
const SHORT: Record<DfFlag['code'], string> = {
  'bytes-full': 'bytes',
  'inodes-full': 'inodes',
  'read-only': 'read-only',
  'not-responding': 'no-answer',
  'statfs-failed': 'statfs',
  'deleted-open': 'deleted',
};

// The mount column takes what the flags leave: it grows with the terminal (200 columns show long
// mount points whole), the flags keep up to 30 columns ("host ! bytes inodes deleted").
function columns(width: number) {
  const free = Math.max(0, width - FIXED);
  const flags = Math.max(0, Math.min(30, Math.max(14, Math.floor(free * 0.4)), free - 10));
  return { mount: Math.max(10, free - flags), flags };
}

// The table header for a width.
function disksHeader(width: number): string {
  const c = columns(width);
  return `  ${padCell('MOUNT', c.mount)} ${padCell('TYPE', 7)} ${padCell('SIZE', 9, 'right')} ${padCell('USE%', 5, 'right')} ${padCell('AVAIL', 9, 'right')} ${padCell('INODE%', 6, 'right')} FLAGS`;
}

// One filesystem as a table row; under --root a host filesystem says so before its flags.
function diskLine(f: FilesystemRow, width: number, ascii: boolean, host = false): string {
  const c = columns(width);
  const flags = [host ? 'host' : '', f.flags.length ? `! ${f.flags.map((x) => SHORT[x.code]).join(' ')}` : ''].filter(Boolean).join(' ');
  return `${padCell(safeText(f.mount, ascii), c.mount, 'left', ascii)} ${padCell(safeText(f.fstype, ascii), 7, 'left', ascii)} ${padCell(fmtBytes(f.sizeBytes), 9, 'right')} ${padCell(fmtPercent(f.usePercent), 5, 'right')} ${padCell(fmtBytes(f.availBytes), 9, 'right')} ${padCell(fmtPercent(f.inodeUsePercent), 6, 'right')} ${padCell(flags, c.flags, 'left', ascii)}`;
}

// The deleted-but-open files on one filesystem, in one line (the space df counts and du cannot see).
function deletedOpenLine(f: FilesystemRow, state: WalkState, ascii: boolean): string {
  const report = state.disks.load.status === 'done' ? state.disks.load.value : null;
  const held = report?.deletedOpen.filter((d) => d.mount === f.mount) ?? [];
  if (f.deletedOpenBytes === 0 && held.length === 0) return 'Deleted-but-open files: none on this filesystem';
  const first = held[0];
  const example = first ? `; largest: pid ${first.pid} ${safeText(first.command, ascii)} fd ${first.fd} ${safeText(first.path, ascii)} (free it: : > /proc/${first.pid}/fd/${first.fd})` : '';
  return `Deleted-but-open files hold ${fmtBytes(f.deletedOpenBytes)} (df counts them, du cannot see them)${example}`;
}

// The details of the selected filesystem as items of lines: each item on one line, cut, when rows
// are short; wrapped whole, most important first (the reasons), where rows are free below.
// An item with a `short` form (the likely culprits) shows that form on its one line, and comes
// right after the reasons when free rows are shared out.
function detailLines(items: { text: string; indent: string; tone?: 'warn'; short?: string }[], width: number, room: number): { text: string; tone?: 'warn' }[][] {
  const wrapped = items.map((it) => wrapText(it.text, width, it.indent));
  const chosen = items.map((it) => [it.short ?? it.text]);
  let used = items.length;
  const weight = (i: number) => (items[i].tone === 'warn' ? 2 : items[i].short !== undefined ? 1 : 0);
  const order = [...items.keys()].sort((x, y) => weight(y) - weight(x));
  for (const i of order) {
    const extra = wrapped[i].length - 1;
    if (extra > 0 && used + extra <= room) {
      chosen[i] = wrapped[i];
      used += extra;
    }
  }
  return chosen.map((lines, i) => lines.map((text) => ({ text, tone: items[i].tone })));
}

function Details({ f, state, width, host, room }: { f: FilesystemRow; state: WalkState; width: number; host: boolean; room: number }) {
  const theme = useTheme();
  const a = theme.ascii;
  const figures =
    f.sizeBytes === null
      ? `${safeText(f.mount, a)} on ${safeText(f.device, a)} (${safeText(f.fstype, a)}): no figures (statfs did not answer)`
      : `${safeText(f.mount, a)} on ${safeText(f.device, a)} (${safeText(f.fstype, a)}${f.readOnly ? ', read-only' : ''}): ${fmtBytes(f.usedBytes)} used of ${fmtBytes(f.sizeBytes)}, ${fmtBytes(f.availBytes)} available, ${fmtBytes(f.reservedBytes)} reserved for root`;
  const usage = (host ? "The host's, not under --root: " : '') + figures;
  const inodes = f.inodes === 0 ? 'Inodes: no fixed number on this filesystem' : `Inodes: ${fmtCount(f.inodesUsed)} used of ${fmtCount(f.inodes)} (${fmtPercent(f.inodeUsePercent)}), ${fmtCount(f.inodesFree)} free`;
  const reasonRows = DETAIL_ROWS - 3;
  const reasons = f.flags.map((x) => x.reason);
  const shown = reasons.length > reasonRows ? [...reasons.slice(0, reasonRows - 1), `(${reasons.length - reasonRows + 1} more: ${reasons.slice(reasonRows - 1).map((r) => r.split(':')[0]).join('; ')})`] : reasons;
  const report = state.disks.load.status === 'done' ? state.disks.load.value : null;
  const items = [
    { text: usage, indent: '  ' },
    { text: inodes, indent: '  ' },
    ...(shown.length ? shown.map((r, i) => ({ text: `${i === 0 ? 'Needs attention: ' : '             and '}${r}`, indent: ' '.repeat(17), tone: 'warn' as const })) : [{ text: 'Not flagged.', indent: '' }]),
    { text: deletedOpenLine(f, state, a), indent: '  ' },
    // every culprit named in full where rows are free, else one line that keeps the path's end
    { text: suspectsLine(f, report, width * 3, a), short: suspectsLine(f, report, width, a), indent: '  ' },
  ];
  return (
    <Box flexDirection="column" width={width}>
      {detailLines(items, width, room).flatMap((lines, i) =>
        lines.map((l, j) => (
          <T key={`${i}.${j}`} tone={l.tone}>
            {l.text}
          </T>
        )),
      )}
    </Box>
  );
}

// The Disks screen.
export function DisksScreen({ state, width, height }: { state: WalkState; width: number; height: number }) {
  const theme = useTheme();
  const load = state.disks.load;
  if (load.status === 'running' || load.status === 'idle') return <Text>Reading filesystems...</Text>;
  if (load.status === 'failed') return <T tone="error">{`Could not read the filesystems: ${load.error} (r tries again)`}</T>;
  const rows = diskRows(state);
  const report = load.status === 'done' ? load.value : null;
  const listHeight = listRows(state.rows, DISKS_OVERHEAD);
  const selected = rows[state.disks.cursor];
  // A plan already proposed stays the one P opens, whichever filesystem is selected now.
  const proposed = state.plan.proposal.status === 'done' ? (state.plan.proposal.value?.culprit ?? null) : null;
  const plan = proposed ?? findCulprit(report, selected?.devId);
  // the rows the table shows on this page: the last page of a long table may be short
  const shownRows = Math.max(1, Math.min(listHeight, rows.length - windowStart(state.disks.cursor, listHeight)));
  return (
    <Box flexDirection="column" width={width}>
      <T>Which filesystem is full? Enter scans it for hotspots.</T>
      <T bold>{disksHeader(width - 2)}</T>
      <ListView items={rows} cursor={state.disks.cursor} height={listHeight} line={(f) => diskLine(f, width - 2, theme.ascii, isHostRow(report, f.mount))} empty="No filesystems found." />
      <Text> </Text>
      {selected ? <Details f={selected} state={state} width={width} host={isHostRow(report, selected.mount)} room={height - 3 - shownRows - (plan ? 1 : 0)} /> : null}
      {plan ? <T tone="accent">{`P: the rescue plan${plan.fs.mount === selected?.mount ? '' : ` for ${fitMiddle(safeText(plan.fs.mount, theme.ascii), 16, theme.ascii)}`}: ${planOutline(plan, !report?.rescued)}`}</T> : null}
    </Box>
  );
}
