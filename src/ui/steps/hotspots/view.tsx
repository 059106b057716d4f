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
import { hotspotsText } from './messages.js';

// Step 2: where the bytes and the entries sit: live scan, rankings, drill-down, mail paths.

const tabs = (): { view: HotspotsView; key: string; label: string }[] => [
  { view: 'entries', key: 'C', label: hotspotsText().tabEntries },
  { view: 'bytes', key: 's', label: hotspotsText().tabBytes },
  { view: 'files', key: 'f', label: hotspotsText().tabFiles },
  { view: 'mail', key: 'm', label: hotspotsText().tabMail },
];

// The tab line: the current view in brackets.
function tabsText(view: HotspotsView, browsePath: string | null, show: (p: string) => string): string {
  const line = tabs().map((t) => (t.view === view ? `[${t.key} ${t.label}]` : ` ${t.key} ${t.label} `)).join(' ');
  return view === 'browse' && browsePath ? `${line}${hotspotsText().inDir(show(browsePath))}` : line;
}

// One row of the current view as text.
function hotLine(row: HotRow, view: HotspotsView, width: number, show: (p: string) => string, ascii: boolean): string {
  const tag = row.tag ? ` (${row.tag})` : '';
  const name = (w: number) => fitMiddle(safeText(show(row.path), ascii) + tag, w, ascii);
  if (view === 'mail') {
    const m = row.mail!;
    const size = m.exists ? fmtBytes(m.sizeBytes) : hotspotsText().missing;
    return `${padCell(size, 9, 'right')}  ${padCell(m.label, 22, 'left', ascii)} ${fitMiddle(safeText(show(m.path), ascii), width - 34, ascii)}`;
  }
  if (view === 'files') return `${padCell(fmtBytes(row.bytes), 9, 'right')}  ${name(width - 11)}`;
  if (view === 'browse') return `${padCell(fmtBytes(row.subtreeBytes), 9, 'right')} ${padCell(fmtCount(row.subtreeEntries), 11, 'right')}  ${name(width - 23)}`;
  return `${padCell(fmtCount(row.entries), 11, 'right')} ${padCell(fmtBytes(row.bytes), 9, 'right')}  ${name(width - 23)}`;
}

// The column header of a view.
function hotHeader(view: HotspotsView): string {
  const t = hotspotsText();
  if (view === 'mail') return `  ${padCell(t.colSize, 9, 'right')}  ${padCell(t.colWhat, 22)} ${t.colPath}`;
  if (view === 'files') return `  ${padCell(t.colBytes, 9, 'right')}  ${t.colFile}`;
  if (view === 'browse') return `  ${padCell(t.colSubtree, 9, 'right')} ${padCell(t.colEntries, 11, 'right')}  ${t.colDirectory}`;
  return `  ${padCell(t.colEntries, 11, 'right')} ${padCell(t.colBytes, 9, 'right')}  ${t.colDirectoryInside}`;
}

function Status({ state, show }: { state: WalkState; show: (p: string) => string }) {
  const h = state.hotspots;
  if (!h.mount) return <T>{hotspotsText().noFilesystem}</T>;
  if (h.scan.status === 'done') {
    const r = h.scan.value;
    const errs = r.errors.length ? hotspotsText().unreadable(r.errors.length) : '';
    return <T>{hotspotsText().scanned(show(r.root), fmtCount(r.totalEntries), fmtBytes(r.totalBytes), errs)}</T>;
  }
  if (h.scan.status === 'failed') return <T tone="error">{hotspotsText().scanFailed(h.scan.error)}</T>;
  if (h.scan.status === 'aborted') return <T>{hotspotsText().scanStopped}</T>;
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
        <T>{hotspotsText().scanning(show(h.scanMount ?? '/'))}</T>
        <ProgressLine
          width={width}
          p={{ label: hotspotsText().progressEntries, done: p?.entries ?? 0, rate: p?.rate ?? null, extra: hotspotsText().seen(fmtBytes(p?.bytes ?? 0)), detail: safeText(show(p?.currentPath ?? ''), theme.ascii), stopping: h.scan.stopping }}
        />
      </Box>
    );
  }
  const rows = hotspotRows(state);
  const loadingChildren = h.view === 'browse' && h.children.status === 'running';
  const empty =
    h.view === 'mail'
      ? h.mailPaths.status === 'failed'
        ? hotspotsText().settingsFailed(h.mailPaths.error)
        : hotspotsText().readingMailPaths
      : loadingChildren
        ? hotspotsText().reading
        : h.children.status === 'failed' && h.view === 'browse'
          ? hotspotsText().readFailed(h.children.error)
          : hotspotsText().nothingHere;
  return (
    <Box flexDirection="column" width={width}>
      <T>{tabsText(h.view, h.browsePath, show)}</T>
      <Status state={state} show={show} />
      <T bold>{hotHeader(h.view)}</T>
      <ListView items={rows} cursor={h.cursor} height={listRows(state.rows, HOTSPOTS_OVERHEAD)} line={(r) => hotLine(r, h.view, width - 2, show, theme.ascii)} empty={empty} />
    </Box>
  );
}
