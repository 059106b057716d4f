import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ListView } from '../../components/ListView.js';
import { safeText } from '../../format.js';
import { displayWidth, fitMiddle, padCell, wrapText } from '../../../core/text/text-fit.js';
import { listRows, windowStart } from '../../layout.js';
import { DISKS_OVERHEAD, diskRows, isHostRow } from './state.js';
import { suspectsLines } from './suspects.js';
import type { FilesystemRow } from '../../ports/index.js';
import { flagWords } from '../../../core/disks/flag-words.js';
import { disksText } from './messages.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount, fmtPercent } from '../../../core/text/units.js';
import { findCulprit, planOutline } from '../../../core/plan/rescue-plan.js';

// Step 1: every filesystem's bytes and inodes with its flags (the df core's, in words); the
// selected one in detail, with the deleted-but-open files that hold space on it.

const FIXED = 2 + 1 + 7 + 1 + 9 + 1 + 5 + 1 + 9 + 1 + 6 + 1;

// Lines the details under the table take (the layout reserves them).
const DETAIL_ROWS = 5;

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
  const h = disksText().heads;
  return `  ${padCell(h.mount, c.mount)} ${padCell(h.type, 7)} ${padCell(h.size, 9, 'right')} ${padCell(h.use, 5, 'right')} ${padCell(h.avail, 9, 'right')} ${padCell(h.iuse, 6, 'right')} ${h.flags}`;
}

// One filesystem as a table row; under --root a host filesystem says so before its flags (each
// flag in a word; the details give the whole reason).
function diskLine(f: FilesystemRow, width: number, ascii: boolean, host = false): string {
  const c = columns(width);
  const t = disksText();
  const flags = [host ? t.host : '', f.flags.length ? `! ${f.flags.map((x) => t.flagShort[x.code]).join(' ')}` : ''].filter(Boolean).join(' ');
  return `${padCell(safeText(f.mount, ascii), c.mount, 'left', ascii)} ${padCell(safeText(f.fstype, ascii), 7, 'left', ascii)} ${padCell(fmtBytes(f.sizeBytes), 9, 'right')} ${padCell(fmtPercent(f.usePercent), 5, 'right')} ${padCell(fmtBytes(f.availBytes), 9, 'right')} ${padCell(fmtPercent(f.inodeUsePercent), 6, 'right')} ${padCell(flags, c.flags, 'left', ascii)}`;
}

// The deleted-but-open files on one filesystem, in one line (the space df counts and du cannot see).
function deletedOpenLine(f: FilesystemRow, state: WalkState, ascii: boolean): string {
  const report = state.disks.load.status === 'done' ? state.disks.load.value : null;
  const held = report?.deletedOpen.filter((d) => d.mount === f.mount) ?? [];
  const t = disksText();
  if (f.deletedOpenBytes === 0 && held.length === 0) return t.deletedNone;
  const first = held[0];
  const example = first ? t.deletedLargest(first.pid, safeText(first.command, ascii), first.fd, safeText(first.path, ascii)) : '';
  return t.deletedHold(fmtBytes(f.deletedOpenBytes), example);
}

// One item of the details: a text wrapped whole or cut to one line, or (the likely culprits) lines
// made to fit a number of rows.
interface DetailItem {
  text: string;
  indent: string;
  tone?: 'warn';
  fit?: (rows: number) => string[];
}

// The details of the selected filesystem as items of lines: each item on one line, cut, when rows
// are short; wrapped whole, most important first (the reasons), where rows are free below.
// An item that fits itself to rows (the likely culprits) takes the free rows that are left, as
// many as it needs.
function detailLines(items: DetailItem[], width: number, room: number): { text: string; tone?: 'warn' }[][] {
  const wrapped = items.map((it) => (it.fit ? it.fit(Infinity) : wrapText(it.text, width, it.indent)));
  const chosen = items.map((it) => (it.fit ? it.fit(1) : [it.text]));
  let used = items.length;
  const weight = (i: number) => (items[i].tone === 'warn' ? 2 : items[i].fit ? 0 : 1);
  const order = [...items.keys()].sort((x, y) => weight(y) - weight(x));
  for (const i of order) {
    const extra = wrapped[i].length - 1;
    const fit = items[i].fit;
    if (extra > 0 && used + extra <= room) {
      chosen[i] = wrapped[i];
      used += extra;
    } else if (fit && room - used > 0) {
      chosen[i] = fit(1 + room - used);
      used += chosen[i].length - 1;
    }
  }
  return chosen.map((lines, i) => lines.map((text) => ({ text, tone: items[i].tone })));
}

function Details({ f, state, width, host, room }: { f: FilesystemRow; state: WalkState; width: number; host: boolean; room: number }) {
  const theme = useTheme();
  const a = theme.ascii;
  const t = disksText();
  const [mount, device, fstype] = [safeText(f.mount, a), safeText(f.device, a), safeText(f.fstype, a)];
  const figures =
    f.sizeBytes === null
      ? t.noFigures(mount, device, fstype)
      : t.figures(mount, device, fstype, f.readOnly, fmtBytes(f.usedBytes), fmtBytes(f.sizeBytes), fmtBytes(f.availBytes), fmtBytes(f.reservedBytes));
  const usage = (host ? t.hostRow : '') + figures;
  const inodes = f.inodes === 0 ? t.inodesNoFixed : t.inodes(fmtCount(f.inodesUsed), fmtCount(f.inodes), fmtPercent(f.inodeUsePercent), fmtCount(f.inodesFree));
  const reasonRows = DETAIL_ROWS - 3;
  const reasons = f.flags.map((x) => flagWords(x));
  const shown = reasons.length > reasonRows ? [...reasons.slice(0, reasonRows - 1), t.moreReasons(reasons.length - reasonRows + 1, reasons.slice(reasonRows - 1).map((r) => r.split(/[:：]/)[0]).join('; '))] : reasons;
  const report = state.disks.load.status === 'done' ? state.disks.load.value : null;
  const head = t.attention;
  const indent = ' '.repeat(displayWidth(head));
  const items: DetailItem[] = [
    { text: usage, indent: '  ' },
    { text: inodes, indent: '  ' },
    ...(shown.length ? shown.map((r, i) => ({ text: `${i === 0 ? head : padCell(t.attentionAnd, indent.length, 'right')}${r}`, indent, tone: 'warn' as const })) : [{ text: t.notFlagged, indent: '' }]),
    { text: deletedOpenLine(f, state, a), indent: '  ' },
    // every culprit named in full where rows are free, else as many as the free rows hold
    { text: '', indent: '  ', fit: (rows: number) => suspectsLines(f, report, width, a, rows) },
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
  const t = disksText();
  if (load.status === 'running' || load.status === 'idle') return <Text>{t.reading}</Text>;
  if (load.status === 'failed') return <T tone="error">{t.failed(load.error)}</T>;
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
      <T>{t.question}</T>
      <T bold>{disksHeader(width - 2)}</T>
      <ListView items={rows} cursor={state.disks.cursor} height={listHeight} line={(f) => diskLine(f, width - 2, theme.ascii, isHostRow(report, f.mount))} empty={t.noFilesystems} />
      <Text> </Text>
      {selected ? <Details f={selected} state={state} width={width} host={isHostRow(report, selected.mount)} room={height - 3 - shownRows - (plan ? 1 : 0)} /> : null}
      {plan ? <T tone="accent">{t.plan(plan.fs.mount === selected?.mount ? '' : fitMiddle(safeText(plan.fs.mount, theme.ascii), 16, theme.ascii), planOutline(plan, !report?.rescued))}</T> : null}
    </Box>
  );
}
