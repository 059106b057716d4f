import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../theme.js';
import { cell, fitMiddle, fmtBytes, fmtCount, fmtTime, labelledLines, safeText } from '../format.js';
import { freedRows } from '../incident-markdown.js';
import type { WalkState } from '../state/types.js';

// Step 6: bytes and inodes freed per filesystem (before/after), the incident file, what was done,
// and what stops the disk filling again.

// Rows of the before/after table the summary shows at most (the incident file gets all of them).
export const FREED_ROWS = 4;

function Freed({ state, width }: { state: WalkState; width: number }) {
  const theme = useTheme();
  const after = state.summary.after;
  const before = state.disks.initial;
  if (after.status === 'failed') return <T tone="error">{`Could not read the disks again: ${after.error}`}</T>;
  if (after.status !== 'done' || !before) return <Text>Reading the disks again...</Text>;
  const rows = freedRows(before, after.value);
  if (!rows.length) return <Text>No filesystem changed since the walk started.</Text>;
  const m = Math.max(12, width - 52);
  const shown = rows.slice(0, FREED_ROWS);
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{`${cell('FILESYSTEM', m)} ${cell('USED BEFORE', 11, 'right')} ${cell('USED AFTER', 11, 'right')} ${cell('FREED', 10, 'right')} ${cell('INODES FREED', 13, 'right')}`}</T>
      {shown.map((r) => (
        <T key={r.mount}>
          {`${cell(fitMiddle(safeText(r.mount, theme.ascii), m), m)} ${cell(fmtBytes(r.usedBefore), 11, 'right')} ${cell(fmtBytes(r.usedAfter), 11, 'right')} ${cell(fmtBytes(r.usedBefore - r.usedAfter), 10, 'right')} ${cell(fmtCount(r.inodesBefore - r.inodesAfter), 13, 'right')}`}
        </T>
      ))}
      {rows.length > shown.length ? <T>{`(${rows.length - shown.length} more changed; all of them are in the incident file)`}</T> : null}
    </Box>
  );
}

function Prevention({ state, max }: { state: WalkState; max: number }) {
  const p = state.summary.prevention;
  if (p.status === 'failed') return <T tone="error">{`Could not check the configuration: ${p.error}`}</T>;
  if (p.status !== 'done') return <Text>Checking what stops it happening again...</Text>;
  return (
    <>
      {p.value.slice(0, max).map((item, i) => (
        <T key={i} tone={item.status === 'ok' ? 'ok' : item.status === 'todo' ? 'warn' : 'dim'}>
          {`[${item.status === 'ok' ? 'x' : item.status === 'todo' ? ' ' : '?'}] ${item.title}: ${item.detail}`}
        </T>
      ))}
    </>
  );
}

// The Summary screen.
export function SummaryScreen({ state, width, height }: { state: WalkState; width: number; height: number }) {
  const theme = useTheme();
  const file = state.incidentFile;
  const rec = state.summary.recorded;
  const recorded = rec.status === 'done' && rec.value.ok ? ' (summary appended)' : rec.status === 'running' ? ' (writing...)' : '';
  const changed = state.summary.after.status === 'done' && state.disks.initial ? freedRows(state.disks.initial, state.summary.after.value).length : 0;
  const rowsFreed = changed ? Math.min(changed, FREED_ROWS) + 1 + (changed > FREED_ROWS ? 1 : 0) : 1;
  const fileLines = file ? labelledLines(`Incident file${recorded}:`, safeText(file, theme.ascii), width) : ['Incident file: none (Evidence, step 4, creates one)'];
  const preventionRows = 5;
  const logRoom = Math.max(1, height - rowsFreed - fileLines.length - preventionRows - 2);
  const log = state.log.slice(-logRoom);
  return (
    <Box flexDirection="column" width={width}>
      <Freed state={state} width={width} />
      {fileLines.map((l, i) => (
        <T key={`f${i}`}>{l}</T>
      ))}
      <T bold>What the walk did:</T>
      {log.length ? log.map((e, i) => <T key={i}>{`  ${fmtTime(e.atMs).slice(11)} ${safeText(e.text, theme.ascii)}`}</T>) : <Text>  nothing yet</Text>}
      <T bold>So that it does not happen again:</T>
      <Prevention state={state} max={preventionRows} />
    </Box>
  );
}
