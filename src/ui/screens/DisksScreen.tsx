import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../theme.js';
import { ListView } from '../components/ListView.js';
import { cell, fitMiddle, fmtBytes, fmtCount, fmtPercent, safeText } from '../format.js';
import { listRows } from '../layout.js';
import { diskRows } from '../state/disks.js';
import type { FilesystemRow } from '../ports.js';
import type { WalkState } from '../state/types.js';

// Step 1: every filesystem's bytes and inodes with its flags; the selected one in detail.

const FIXED = 2 + 1 + 7 + 1 + 9 + 1 + 5 + 1 + 9 + 1 + 6 + 1;

function columns(width: number) {
  const mount = Math.max(10, Math.min(32, Math.floor((width - FIXED) * 0.6)));
  return { mount, flags: Math.max(0, width - FIXED - mount) };
}

// The table header for a width.
export function disksHeader(width: number): string {
  const c = columns(width);
  return `  ${cell('MOUNT', c.mount)} ${cell('TYPE', 7)} ${cell('SIZE', 9, 'right')} ${cell('USE%', 5, 'right')} ${cell('AVAIL', 9, 'right')} ${cell('INODE%', 6, 'right')} FLAGS`;
}

// One filesystem as a table row.
export function diskLine(f: FilesystemRow, width: number, ascii: boolean): string {
  const c = columns(width);
  const flags = f.flags.length ? `! ${f.flags.join(', ')}` : '';
  return `${cell(fitMiddle(safeText(f.mount, ascii), c.mount), c.mount)} ${cell(f.fstype, 7)} ${cell(fmtBytes(f.sizeBytes), 9, 'right')} ${cell(fmtPercent(f.usePercent), 5, 'right')} ${cell(fmtBytes(f.availBytes), 9, 'right')} ${cell(fmtPercent(f.inodeUsePercent), 6, 'right')} ${cell(flags, c.flags)}`;
}

function Details({ f, state, width }: { f: FilesystemRow; state: WalkState; width: number }) {
  const theme = useTheme();
  const report = state.disks.load.status === 'done' ? state.disks.load.value : null;
  const held = report?.deletedOpen?.filter((d) => d.mount === f.mount) ?? [];
  const heldBytes = held.reduce((n, d) => n + d.sizeBytes, 0);
  const deleted =
    report?.deletedOpen === null
      ? `Deleted-but-open files: not checked (${report.deletedOpenNote ?? 'not available in this build'})`
      : held.length
        ? `Deleted-but-open files: ${held.length} holding ${fmtBytes(heldBytes)} (df counts them, du does not)`
        : 'Deleted-but-open files: none on this filesystem';
  return (
    <Box flexDirection="column" width={width}>
      <T>{`${safeText(f.mount, theme.ascii)} on ${safeText(f.device, theme.ascii)} (${f.fstype}${f.readOnly ? ', read-only' : ''}): ${fmtBytes(f.usedBytes)} used of ${fmtBytes(f.sizeBytes)}, ${fmtBytes(f.availBytes)} available, ${fmtBytes(f.reservedBytes)} reserved for root`}</T>
      <T>{`Inodes: ${fmtCount(f.inodesUsed)} used of ${fmtCount(f.inodes)} (${fmtPercent(f.inodeUsePercent)}), ${fmtCount(f.inodesFree)} free`}</T>
      {f.flags.length ? <T tone="warn">{`Needs attention: ${f.flags.join('; ')}`}</T> : <Text>Not flagged.</Text>}
      <T>{deleted}</T>
    </Box>
  );
}

// The Disks screen.
export function DisksScreen({ state, width }: { state: WalkState; width: number }) {
  const theme = useTheme();
  const load = state.disks.load;
  if (load.status === 'running' || load.status === 'idle') return <Text>Reading filesystems...</Text>;
  if (load.status === 'failed') return <T tone="error">{`Could not read the filesystems: ${load.error} (r tries again)`}</T>;
  const rows = diskRows(state);
  const height = listRows(state.rows, 'disks');
  const selected = rows[state.disks.cursor];
  return (
    <Box flexDirection="column" width={width}>
      <T>Which filesystem is full? Enter scans it for hotspots.</T>
      <T bold>{disksHeader(width - 2)}</T>
      <ListView items={rows} cursor={state.disks.cursor} height={height} line={(f) => diskLine(f, width - 2, theme.ascii)} empty="No filesystems found." />
      <Text> </Text>
      {selected ? <Details f={selected} state={state} width={width} /> : null}
    </Box>
  );
}
