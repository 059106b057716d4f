import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { Menu } from '../../components/Menu.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { safeText } from '../../format.js';
import { labelledLines, padCell, wrapText } from '../../../core/text/text-fit.js';
import { bodyRows, listRows } from '../../layout.js';
import { EVIDENCE_ACTIONS, EVIDENCE_OVERHEAD, offeredDestinations } from './state.js';
import type { CaptureProgress, CaptureResult, Destination } from '../../ports/index.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtPercent } from '../../../core/text/units.js';
import { evidenceText } from './messages.js';

// Step 4: where the incident file goes (filesystems with room, never the troubled one unless
// asked), then the capture, then the file's path and every section's SHA-256.

// Columns of a destination's mount point (its reason must still fit in 80 columns).
/** @internal unit-tested on its own: test/acceptance/rescue-tui.test.ts, test/ui/journey/walk.ts, test/ui/tui-bad-inputs.test.ts */
export const DEST_MOUNT_WIDTH = 17;

const actionLabels = () => ({ snapshot: evidenceText().actionSnapshot, path: evidenceText().actionPath, dest: evidenceText().actionDest }) as const;

// A destination as a menu label.
function destinationLabel(d: Destination, ascii: boolean): string {
  const why = d.reason ? `  ${d.reason}` : '';
  return evidenceText().destination(padCell(safeText(d.mount, ascii), DEST_MOUNT_WIDTH, 'left', ascii), padCell(safeText(d.fstype, ascii), 6, 'left', ascii), padCell(fmtBytes(d.availBytes), 8, 'right'), padCell(fmtPercent(d.usePercent), 4, 'right'), why);
}

// What a capture wrote, as screen lines: the evidence core's summary, the hash on a line of its own
// (64 hex digits must never be cut).
function captureLines(r: CaptureResult, width: number): string[] {
  // The summary is the CLI's; its hint at a flag the walk has no use for is left out.
  const lines = r.summary.filter((l) => !l.includes(r.sha256)).map((l) => l.replace(/ \(use --count: [^)]*\)$/, ''));
  const head = r.warning ? [evidenceText().notWritten, ...wrapText(r.warning, width, '  ')] : [evidenceText().written(fmtBytes(r.bytesWritten))];
  return [...head, ...lines, `  sha256 ${r.sha256}`];
}

function Results({ state, width, max }: { state: WalkState; width: number; max: number }) {
  const e = state.evidence;
  const lines: string[] = [];
  if (e.snapshot.status === 'done' && e.snapshot.value.section) lines.push(`${e.snapshot.value.section.title}:`, `  sha256 ${e.snapshot.value.section.sha256}`);
  if (e.capture.status === 'done') lines.unshift(...captureLines(e.capture.value, width));
  if (!lines.length) return null;
  const shown = lines.length > max ? [...lines.slice(0, max - 2), '  ...', lines[lines.length - 1]] : lines;
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((l, i) => (
        <T key={i}>{l}</T>
      ))}
    </Box>
  );
}

// A capture's progress as figures: bytes of the spool read, or queue files listed.
function captureFigures(p: CaptureProgress | null, stopping: boolean) {
  if (!p) return { label: evidenceText().capturing, done: 0, stopping };
  if (p.phase === 'listing') return { label: evidenceText().capturingListed, done: p.done, stopping };
  return { label: p.phase === 'counting' ? evidenceText().countingBytes : evidenceText().capturingBytes, done: p.done, total: p.total || null, stopping };
}

// The Evidence screen.
export function EvidenceScreen({ state, width, show }: { state: WalkState; width: number; show: (p: string) => string }) {
  const theme = useTheme();
  const e = state.evidence;
  const source = e.source ? `${safeText(show(e.source.path), theme.ascii)}${e.source.tag ? ` (${e.source.tag})` : ''}` : evidenceText().nothingPicked;
  const fileLines = labelledLines(evidenceText().incidentFileLabel, state.incidentFile ? safeText(state.incidentFile, theme.ascii) : evidenceText().chooseWhere, width);
  const head = (
    <>
      <T>{evidenceText().source(source)}</T>
      {fileLines.map((l, i) => (
        <T key={`f${i}`}>{l}</T>
      ))}
    </>
  );
  if (e.capture.status === 'running') {
    const p = e.capture.progress;
    return (
      <Box flexDirection="column" width={width}>
        {head}
        <ProgressLine width={width} p={captureFigures(p, e.capture.stopping)} />
      </Box>
    );
  }
  let body: React.ReactNode;
  if (e.destinations.status === 'failed') body = <T tone="error">{evidenceText().listFailed(e.destinations.error)}</T>;
  else if (e.destinations.status !== 'done') body = <T>{evidenceText().lookingForRoom}</T>;
  else if (!e.destination) {
    const offered = offeredDestinations(state);
    const hidden = e.destinations.value.length - offered.length;
    body = offered.length ? (
      <Menu
        key="destinations"
        title={evidenceText().whereTitle(hidden)}
        items={offered.map((d) => ({ value: `dest:${d.mount}`, label: destinationLabel(d, theme.ascii) }))}
        cursor={e.cursor}
        width={width}
        limit={listRows(state.rows, EVIDENCE_OVERHEAD)}
      />
    ) : (
      <T tone="warn">{evidenceText().noRoom}</T>
    );
  } else {
    const capture = evidenceText().captureAction(e.messages);
    body = (
      <Menu
        key="actions"
        title={evidenceText().whatNow}
        items={EVIDENCE_ACTIONS.map((value) => ({ value, label: value === 'capture' ? capture : actionLabels()[value] }))}
        cursor={e.cursor}
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
      <Results state={state} width={width} max={Math.max(3, bodyRows(state.rows) - 9 - fileLines.length)} />
    </Box>
  );
}
