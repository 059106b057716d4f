import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../theme.js';
import { Menu } from '../components/Menu.js';
import { ProgressLine } from '../components/ProgressLine.js';
import { cell, fitMiddle, fmtBytes, fmtPercent, safeText } from '../format.js';
import { listRows } from '../layout.js';
import { offeredDestinations } from '../state/evidence.js';
import type { CaptureSection, Destination } from '../ports.js';
import type { WalkState } from '../state/types.js';

// Step 4: where the incident file goes (filesystems with room, never the troubled one unless
// asked), then the capture, then the file's path and every section's SHA-256.

// A destination as a menu label.
export function destinationLabel(d: Destination, width: number, ascii: boolean): string {
  const why = d.reason ? `  ${d.reason}` : '';
  return `${cell(fitMiddle(safeText(d.mount, ascii), 20), 20)} ${cell(d.fstype, 7)} ${cell(fmtBytes(d.availBytes), 9, 'right')} free ${cell(fmtPercent(d.usePercent), 4, 'right')} used${why}`.slice(0, Math.max(10, width - 4));
}

function sectionLines(s: CaptureSection, show: (p: string) => string): string[] {
  const window = s.firstDate || s.lastDate ? `, ${s.firstDate ?? '?'} .. ${s.lastDate ?? '?'}` : '';
  return [`${s.title}: ${show(s.source)} (${fmtBytes(s.bytes)}${window})`, `  sha256 ${s.sha256}`];
}

function Results({ state, show, width }: { state: WalkState; show: (p: string) => string; width: number }) {
  const e = state.evidence;
  const sections = [...(e.capture.status === 'done' ? e.capture.value.sections : []), ...(e.snapshot.status === 'done' && e.snapshot.value.section ? [e.snapshot.value.section] : [])];
  if (!sections.length) return null;
  return (
    <Box flexDirection="column" width={width}>
      <T bold>Written to the incident file:</T>
      {sections.flatMap((s, i) => sectionLines(s, show).map((l, j) => <T key={`${i}.${j}`}>{l}</T>))}
    </Box>
  );
}

// The Evidence screen.
export function EvidenceScreen({ state, width, show, onSelect, focused }: { state: WalkState; width: number; show: (p: string) => string; onSelect: (v: string) => void; focused: boolean }) {
  const theme = useTheme();
  const e = state.evidence;
  const source = e.source ? `${safeText(show(e.source.path), theme.ascii)}${e.source.tag ? ` (${e.source.tag})` : ''}` : '(nothing picked: choose a spool or queue directory in Hotspots)';
  const head = (
    <>
      <T>{`Source: ${source}`}</T>
      <T>{`Incident file: ${state.incidentFile ? safeText(state.incidentFile, theme.ascii) : '(choose where it goes)'}`}</T>
    </>
  );
  if (e.capture.status === 'running') {
    const p = e.capture.progress;
    return (
      <Box flexDirection="column" width={width}>
        {head}
        <ProgressLine width={width} p={{ label: 'Capturing: bytes read', done: p?.bytesRead ?? 0, detail: p?.what ?? '', stopping: e.capture.stopping }} />
      </Box>
    );
  }
  let body: React.ReactNode;
  if (e.destinations.status === 'failed') body = <T tone="error">{`Could not list filesystems: ${e.destinations.error}`}</T>;
  else if (e.destinations.status !== 'done') body = <Text>Looking for filesystems with room...</Text>;
  else if (!e.destination) {
    const offered = offeredDestinations(state);
    const hidden = e.destinations.value.length - offered.length;
    body = offered.length ? (
      <Menu
        key="destinations"
        title={`Where should the incident file go?${hidden ? ` (${hidden} troubled or too full hidden, A shows them)` : ''}`}
        items={offered.map((d) => ({ value: `dest:${d.mount}`, label: destinationLabel(d, width, theme.ascii) }))}
        onSelect={onSelect}
        focused={focused}
        width={width}
        limit={Math.max(3, listRows(state.rows, 'evidence'))}
      />
    ) : (
      <T tone="warn">No writable filesystem with room is offered; A shows all of them.</T>
    );
  } else {
    const capture = state.missing.capture ? `Capture messages (${state.missing.capture})` : `Capture the first and last ${e.messages} messages/files of the source`;
    body = (
      <Menu
        key="actions"
        title="What now?"
        items={[
          { value: 'capture', label: capture },
          { value: 'snapshot', label: 'Record the disks table as the walk saw it' },
          { value: 'path', label: 'Change the incident file path' },
          { value: 'dest', label: 'Choose another filesystem' },
        ]}
        onSelect={onSelect}
        focused={focused}
        width={width}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      {head}
      <Text> </Text>
      {body}
      <Text> </Text>
      <Results state={state} show={show} width={width} />
    </Box>
  );
}
