import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ListView } from '../../components/ListView.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { safeText } from '../../format.js';
import { fitMiddle, padCell } from '../../../core/text/text-fit.js';
import { listRows } from '../../layout.js';
import { HOTSPOTS_OVERHEAD, type HotspotsView } from './state.js';
import { hotspotRows, type HotRow } from './rows.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';

// Step 2: where the bytes and the entries sit: live scan, rankings, drill-down, mail paths.

const TABS: { view: HotspotsView; key: string; label: string }[] = [
  { view: 'entries', key: 'C', label: 'entries' },
  { view: 'bytes', key: 's', label: 'bytes' },
  { view: 'files', key: 'f', label: 'files' },
  { view: 'mail', key: 'm', label: 'mail paths' },
];

// The tab line: the current view in brackets.
function tabsText(view: HotspotsView, browsePath: string | null, show: (p: string) => string): string {
  const tabs = TABS.map((t) => (t.view === view ? `[${t.key} ${t.label}]` : ` ${t.key} ${t.label} `)).join(' ');
  return view === 'browse' && browsePath ? `${tabs}  in ${show(browsePath)}` : tabs;
}

// One row of the current view as text.
function hotLine(row: HotRow, view: HotspotsView, width: number, show: (p: string) => string, ascii: boolean): string {
  const tag = row.tag ? ` (${row.tag})` : '';
  const name = (w: number) => fitMiddle(safeText(show(row.path), ascii) + tag, w, ascii);
  if (view === 'mail') {
    const m = row.mail!;
    const size = m.exists ? fmtBytes(m.sizeBytes) : 'missing';
    return `${padCell(size, 9, 'right')}  ${padCell(m.label, 22, 'left', ascii)} ${fitMiddle(safeText(show(m.path), ascii), width - 34, ascii)}`;
  }
  if (view === 'files') return `${padCell(fmtBytes(row.bytes), 9, 'right')}  ${name(width - 11)}`;
  if (view === 'browse') return `${padCell(fmtBytes(row.subtreeBytes), 9, 'right')} ${padCell(fmtCount(row.subtreeEntries), 11, 'right')}  ${name(width - 23)}`;
  return `${padCell(fmtCount(row.entries), 11, 'right')} ${padCell(fmtBytes(row.bytes), 9, 'right')}  ${name(width - 23)}`;
}

// The column header of a view.
function hotHeader(view: HotspotsView): string {
  if (view === 'mail') return `  ${padCell('SIZE', 9, 'right')}  ${padCell('WHAT', 22)} PATH`;
  if (view === 'files') return `  ${padCell('BYTES', 9, 'right')}  FILE`;
  if (view === 'browse') return `  ${padCell('SUBTREE', 9, 'right')} ${padCell('ENTRIES', 11, 'right')}  DIRECTORY`;
  return `  ${padCell('ENTRIES', 11, 'right')} ${padCell('BYTES', 9, 'right')}  DIRECTORY (what sits directly in it)`;
}

function Status({ state, show }: { state: WalkState; show: (p: string) => string }) {
  const h = state.hotspots;
  if (!h.mount) return <T>No filesystem picked (step 1); known mail paths below.</T>;
  if (h.scan.status === 'done') {
    const r = h.scan.value;
    const errs = r.errors.length ? `, ${r.errors.length} unreadable` : '';
    return <T>{`Scanned ${show(r.root)}: ${fmtCount(r.totalEntries)} entries, ${fmtBytes(r.totalBytes)}${errs}`}</T>;
  }
  if (h.scan.status === 'failed') return <T tone="error">{`Scan failed: ${h.scan.error}`}</T>;
  if (h.scan.status === 'aborted') return <Text>Scan stopped (r scans again).</Text>;
  return <Text> </Text>;
}

// The Hotspots screen.
export function HotspotsScreen({ state, width, show }: { state: WalkState; width: number; show: (p: string) => string }) {
  const theme = useTheme();
  const h = state.hotspots;
  if (h.scan.status === 'running') {
    const p = h.scan.progress;
    return (
      <Box flexDirection="column" width={width}>
        <T>{`Scanning ${show(h.scanMount ?? '/')} (one filesystem, symlinks not followed). Esc stops.`}</T>
        <ProgressLine
          width={width}
          p={{ label: 'Entries', done: p?.entries ?? 0, rate: p?.rate ?? null, extra: `${fmtBytes(p?.bytes ?? 0)} seen`, detail: safeText(show(p?.currentPath ?? ''), theme.ascii), stopping: h.scan.stopping }}
        />
      </Box>
    );
  }
  const rows = hotspotRows(state);
  const loadingChildren = h.view === 'browse' && h.children.status === 'running';
  const empty =
    h.view === 'mail'
      ? h.mailPaths.status === 'failed'
        ? `Could not read Postfix's settings: ${h.mailPaths.error}`
        : 'Reading mail paths...'
      : loadingChildren
        ? 'Reading...'
        : h.children.status === 'failed' && h.view === 'browse'
          ? `Could not read: ${h.children.error}`
          : 'Nothing here.';
  return (
    <Box flexDirection="column" width={width}>
      <T>{tabsText(h.view, h.browsePath, show)}</T>
      <Status state={state} show={show} />
      <T bold>{hotHeader(h.view)}</T>
      <ListView items={rows} cursor={h.cursor} height={listRows(state.rows, HOTSPOTS_OVERHEAD)} line={(r) => hotLine(r, h.view, width - 2, show, theme.ascii)} empty={empty} />
    </Box>
  );
}
