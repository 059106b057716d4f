import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { safeText } from '../../format.js';
import { cutMarker, fitEnd, fitMiddle, labelledLines, padCell, wrapText } from '../../../core/text/text-fit.js';
import { freedRows } from '../../incident-markdown.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount, fmtTime } from '../../../core/text/units.js';
import { summaryText } from './messages.js';
import { preventReportText } from '../../../core/prevent/report-messages.js';
import { findingWords } from '../../../core/prevent/finding-words.js';

// Step 6: bytes and inodes freed per filesystem (before/after), the incident file, what was done,
// and what would fill the disk again on this host, with the review and application of a fix.

// Rows of the before/after table the summary shows at most (the incident file gets all of them).
const FREED_ROWS = 4;
// Findings the summary shows at once (the cursor scrolls them).
const FINDING_ROWS = 4;

function Freed({ state, width }: { state: WalkState; width: number }) {
  const theme = useTheme();
  const after = state.summary.after;
  const before = state.disks.initial;
  const t = summaryText();
  if (after.status === 'failed') return <T tone="error">{t.disksFailed(after.error)}</T>;
  if (after.status !== 'done' || !before) return <Text>{t.readingDisks}</Text>;
  const rows = freedRows(before, after.value);
  if (!rows.length) return <Text>{t.noneChanged}</Text>;
  const m = Math.max(12, width - 52);
  const shown = rows.slice(0, FREED_ROWS);
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{`${padCell(t.colFilesystem, m)} ${padCell(t.colUsedBefore, 11, 'right')} ${padCell(t.colUsedAfter, 11, 'right')} ${padCell(t.colFreed, 10, 'right')} ${padCell(t.colInodesFreed, 13, 'right')}`}</T>
      {shown.map((r) => (
        <T key={r.mount}>
          {`${padCell(safeText(r.mount, theme.ascii), m, 'left', theme.ascii)} ${padCell(fmtBytes(r.usedBefore), 11, 'right')} ${padCell(fmtBytes(r.usedAfter), 11, 'right')} ${padCell(fmtBytes(r.usedBefore - r.usedAfter), 10, 'right')} ${padCell(fmtCount(r.inodesBefore - r.inodesAfter), 13, 'right')}`}
        </T>
      ))}
      {rows.length > shown.length ? <T>{t.moreChanged(fmtCount(rows.length - shown.length))}</T> : null}
    </Box>
  );
}

const SEV = { high: 'HIGH', medium: 'MED ', low: 'LOW ', info: 'INFO' } as const;

// The findings, a window of `max` rows around the cursor: severity, id, where, what; each wrapped
// whole while `spare` rows are left (the selected one first), else on one line.
function Prevention({ state, max, width, spare }: { state: WalkState; max: number; width: number; spare: number }) {
  const theme = useTheme();
  const p = state.summary.prevention;
  const t = summaryText();
  if (p.status === 'failed') return <T tone="error">{t.checkFailed(p.error)}</T>;
  if (p.status !== 'done') return <Text>{t.checking}</Text>;
  const list = p.value.findings;
  if (!list.length) return <T tone="ok">{t.noFindings}</T>;
  const cursor = state.summary.cursor;
  const first = Math.max(0, Math.min(cursor - Math.floor(max / 2), list.length - max));
  const shown = list.slice(first, first + max);
  const lines = shown.map((f, i) => {
    const line = safeText(`${first + i === cursor ? '>' : ' '} ${SEV[f.severity]} ${f.id}${f.fixable ? '' : t.advice}: ${findingWords(f).what}`, theme.ascii);
    return { whole: wrapText(line, width, '       '), cut: [fitEnd(line, width, theme.ascii)] };
  });
  let left = spare;
  const order = [...shown.keys()].sort((x, y) => Number(first + y === cursor) - Number(first + x === cursor));
  const chosen = lines.map((l) => l.cut);
  for (const i of order) {
    const extra = lines[i].whole.length - 1;
    if (extra <= left) {
      chosen[i] = lines[i].whole;
      left -= extra;
    }
  }
  return (
    <>
      {shown.map((f, i) => (
        <Box key={f.id} flexDirection="column">
          {chosen[i].map((l, j) => (
            <T key={j} tone={f.severity === 'high' ? 'warn' : undefined} bold={first + i === cursor}>
              {l}
            </T>
          ))}
        </Box>
      ))}
    </>
  );
}

// The review of one fix (diff and commands), or what applying it did.
function FixPanel({ state, max, width }: { state: WalkState; max: number; width: number }) {
  const theme = useTheme();
  const { review, applied } = state.summary;
  const t = summaryText();
  if (applied.status === 'running') return <Text>{t.applying}</Text>;
  if (applied.status === 'done') {
    return (
      <>
        <T bold>{t.applied(applied.value.id)}</T>
        {applied.value.lines.slice(0, max - 1).map((l, i) => (
          <T key={i} tone={/FAILED|STILL/.test(l) ? 'error' : undefined}>{fitMiddle(safeText(`  ${l}`, theme.ascii), width, theme.ascii)}</T>
        ))}
      </>
    );
  }
  if (review.status === 'running') return <Text>{t.planning}</Text>;
  if (review.status !== 'done') return null;
  if (review.value.refusal) return <T tone="warn">{fitMiddle(safeText(t.notApplied(review.value.refusal), theme.ascii), width, theme.ascii)}</T>;
  // the diff and the notes fitted to a row each; the commands after "Then:" wrapped whole, as they
  // are copied from here (never cut)
  const tone = (l: string) => (l.startsWith('+') && !l.startsWith('+++') ? ('ok' as const) : l.startsWith('-') && !l.startsWith('---') ? ('warn' as const) : undefined);
  const then = review.value.lines.indexOf(preventReportText().then);
  const lines = review.value.lines.flatMap((l, i) => {
    const shown = safeText(l, theme.ascii);
    const rows = then >= 0 && i > then ? wrapText(shown, width, '      ') : [fitMiddle(shown, width, theme.ascii)];
    return rows.map((text) => ({ text, tone: tone(l) }));
  });
  const shown = lines.slice(0, max - 1);
  return (
    <>
      <T bold>{fitMiddle(t.changeFor(review.value.id), width, theme.ascii)}</T>
      {shown.map((l, i) => (
        <T key={i} tone={l.tone}>
          {l.text}
        </T>
      ))}
      {lines.length > shown.length ? <T tone="dim">{t.moreLines(fmtCount(lines.length - shown.length), review.value.id)}</T> : null}
    </>
  );
}

// The first `rows` of a wrapped entry, the last one marked as cut: what the free rows hold is read.
function wrappedCut(lines: readonly string[], rows: number, width: number, ascii: boolean): string[] {
  const kept = lines.slice(0, Math.max(1, rows));
  kept[kept.length - 1] = fitEnd(`${kept[kept.length - 1]} ${cutMarker(ascii)}`, width, ascii);
  return kept;
}

// The newest entries of the walk's log that fit `room` rows, each wrapped whole when the rows are
// there ("Disks at start: ..." names every full filesystem); the oldest shown one keeps the rows left.
function logLines(log: readonly { atMs: number; text: string }[], width: number, room: number, ascii: boolean): string[] {
  const out: string[][] = [];
  let used = 0;
  for (let i = log.length - 1; i >= 0 && used < room; i--) {
    const line = `  ${fmtTime(log[i].atMs).slice(11)} ${safeText(log[i].text, ascii)}`;
    const lines = wrapText(line, width, '        ');
    const take = lines.length <= room - used ? lines : wrappedCut(lines, room - used, width, ascii);
    out.unshift(take);
    used += take.length;
  }
  return out.flat();
}

// The Summary screen.
export function SummaryScreen({ state, width, height }: { state: WalkState; width: number; height: number }) {
  const theme = useTheme();
  const file = state.incidentFile;
  const rec = state.summary.recorded;
  const t = summaryText();
  const recorded = rec.status === 'done' && rec.value.ok ? t.summaryAppended : rec.status === 'running' ? t.writing : '';
  const changed = state.summary.after.status === 'done' && state.disks.initial ? freedRows(state.disks.initial, state.summary.after.value).length : 0;
  const rowsFreed = changed ? Math.min(changed, FREED_ROWS) + 1 + (changed > FREED_ROWS ? 1 : 0) : 1;
  const fileLines = file ? labelledLines(t.incidentFile(recorded), safeText(file, theme.ascii), width) : [t.noIncidentFile];
  // the findings' title and the rows they take (the message that stands for them takes one)
  const p = state.summary.prevention;
  const preventionRows = 1 + (p.status === 'done' ? Math.max(1, Math.min(FINDING_ROWS, p.value.findings.length)) : 1);
  const sum = state.summary;
  const panel = sum.review.status !== 'idle' || sum.applied.status !== 'idle';
  const room = Math.max(2, height - rowsFreed - fileLines.length - preventionRows - 1);
  const log = panel ? [] : logLines(state.log, width, Math.max(1, room), theme.ascii);
  return (
    <Box flexDirection="column" width={width}>
      <Freed state={state} width={width} />
      {fileLines.map((l, i) => (
        <T key={`f${i}`}>{l}</T>
      ))}
      {panel ? (
        <FixPanel state={state} max={room + 1} width={width} />
      ) : (
        <>
          <T bold>{t.whatWasDone}</T>
          {log.length ? log.map((l, i) => <T key={i}>{l}</T>) : <Text>{t.nothingYet}</Text>}
        </>
      )}
      <T bold>{fitMiddle(t.preventionTitle, width, theme.ascii)}</T>
      <Prevention state={state} max={FINDING_ROWS} width={width} spare={panel ? 0 : Math.max(0, room - Math.max(1, log.length))} />
    </Box>
  );
}
