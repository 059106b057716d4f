import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { wrapText } from '../../../core/text/text-fit.js';
import { scanSummaryLine, shapeTableLines } from '../../../core/queue/format.js';
import { escapeName } from '../../../core/text/escape-name.js';
import type { QueueScanProgress, QueueShape } from '../../ports/queue.js';
import type { WalkState } from '../../walk/types.js';
import { nextAction, nextKey, type QueueState } from './state.js';
import { queueStepText } from './messages.js';
import { MATCH_FIELDS } from '../../../core/queue/selection.js';

// Step "Queue": the scan's progress (files of the total, rate, ETA), then the qshape table by the
// chosen key with a cursor on its rows and the verdicts above it; the review of a row (count,
// bytes, what stays, a sample, how the op would act), the action's progress and its outcome.

// The rows that fit, keeping the line at `focus` in view.
function visible(lines: string[], focus: number, height: number): string[] {
  if (lines.length <= height) return lines;
  const top = Math.max(0, Math.min(lines.length - height, focus - Math.floor(height / 2)));
  return lines.slice(top, top + height);
}

function ScanProgress({ p, label, stopping, width }: { p: QueueScanProgress | null; label: string; stopping: boolean; width: number }) {
  if (!p || p.total === undefined) return <Text>{`${label}: counting the queue files (for the ETA)...`}</Text>;
  return <ProgressLine p={{ label: `${label}: files`, done: p.files, total: Math.max(p.total, p.files), rate: p.ratePerS, etaSeconds: p.etaS ?? null, stopping }} width={width} />;
}

// The table view: verdicts, key line, rows with the cursor ('>') and the marks ('*').
function tableLines(shape: QueueShape, q: QueueState, width: number, ascii: boolean, height: number, typingMatch: boolean): { lines: string[]; tones: ('warn' | 'normal' | 'accent')[] } {
  const cursor = q.cursor;
  const marked = new Set(q.marked);
  const s = shape.scan;
  const verdicts = s.verdicts.slice(0, 2).flatMap((v) => [`! ${v.title}`, ...wrapText(`  ${v.evidence}`, width, '    ').slice(0, 2)]);
  const head = [
    `${escapeName(shape.queueDir, { ascii })}: ${shape.postfix}`.slice(0, width),
    scanSummaryLine(s).slice(0, width),
    ...(verdicts.length ? verdicts : ['No flood pattern stands out.']),
    `by ${s.by} (b: by ${nextKey(s.by)}; Space: mark; x: action; r: read again)`.slice(0, width),
    `Enter: ${q.action} ${q.marked.length ? `the ${q.marked.length} marked rows` : 'the row at >'} (review first)${q.action === 'delete' ? '; hold keeps legitimate mail' : ''}`.slice(0, width),
    // what the line after m accepts, while it is typed
  ];
  const errorAt = head.length;
  const errorLines = q.lineError ? wrapText(queueStepText().matchInvalid(q.lineError), width, '  ') : [];
  head.push(...errorLines, ...(typingMatch ? wrapText(queueStepText().matchFields(MATCH_FIELDS.join(' ')), width, '  ') : []));
  const table = shapeTableLines(s, width - 2, ascii);
  const row = (i: number) => (i >= 2 && i - 2 < s.rows.length ? s.rows[i - 2] : undefined);
  const body = table.map((l, i) => `${i - 2 === cursor && row(i) ? '>' : ' '}${marked.has(row(i)?.key ?? '') ? '*' : ' '}${l}`);
  const shown = [body[0], ...visible(body.slice(1), cursor + 1, Math.max(1, height - head.length - 1))];
  const tones = [...head.map((l, i) => (l.startsWith('! ') || (i >= errorAt && i < errorAt + errorLines.length) ? 'warn' : 'normal') as 'warn' | 'normal'), ...shown.map((l) => (l.startsWith('>') ? 'accent' : 'normal') as 'accent' | 'normal')];
  tones[1] = s.aborted ? 'warn' : 'normal';
  return { lines: [...head, ...shown], tones };
}

// The screen.
export function QueueScreen({ state, width, height }: { state: WalkState; width: number; height: number }) {
  const theme = useTheme();
  const q = state.queue;
  const sc = q.scan;
  if (sc.status === 'idle') return <Text>Opening the queue...</Text>;
  if (sc.status === 'running') return <ScanProgress p={sc.progress} label={`Reading the queue by ${q.by}`} stopping={sc.stopping} width={width} />;
  if (sc.status === 'failed') return <T tone="error">{`Could not read the queue: ${sc.error} (r: read again)`}</T>;
  if (sc.status === 'aborted') return <Text>Stopped before anything was read. r: read again</Text>;
  if (q.view === 'table') {
    const { lines, tones } = tableLines(sc.value, q, width, theme.ascii, height, state.input?.purpose === 'queue-match');
    return (
      <Box flexDirection="column" width={width}>
        {lines.map((l, i) => (
          <T key={i} tone={tones[i]}>
            {l}
          </T>
        ))}
      </Box>
    );
  }
  const rv = q.review;
  const byMatch = q.byMatch;
  if (rv.status === 'running') return <ScanProgress p={rv.progress} label={byMatch ? queueStepText().matchReading(q.action) : `Reading the queue again for ${q.action}`} stopping={rv.stopping} width={width} />;
  if (rv.status === 'failed') return <T tone="error">{`The review failed: ${rv.error} (Esc: back)`}</T>;
  if (rv.status !== 'done') return <Text>Review stopped: nothing was changed. Esc: back</Text>;
  const r = rv.value;
  const run = q.run;
  const what = r.keys.length === 1 ? `${r.by} '${escapeName(r.keys[0], { ascii: theme.ascii })}'` : `${r.keys.length} rows by ${r.by}`;
  const title = byMatch ? queueStepText().matchReviewTitle(r.action, escapeName(r.match, { ascii: theme.ascii })) : `Review: ${r.action} the messages of ${what} (${escapeName(r.match, { ascii: theme.ascii }) || '-'})`;
  const body = r.refusal ? [] : r.lines.flatMap((l) => wrapText(escapeName(l, { ascii: theme.ascii }), width, '    '));
  let foot: React.ReactNode;
  let footLines = 2;
  if (r.refusal) {
    const lines = wrapText(`Refused: ${r.refusal}${/[.)]$/.test(r.refusal) ? '' : '.'} x: ${nextAction(r.action)} instead. Esc: back`, width, '  ');
    footLines = lines.length;
    foot = (
      <Box flexDirection="column">
        {lines.map((l, i) => (
          <T key={i} tone="warn">
            {l}
          </T>
        ))}
      </Box>
    );
  }
  else if (run.status === 'idle') foot = <T tone="accent">{`Enter: ${r.action} them (you type '${r.action} ${r.count}')   x: ${nextAction(r.action)} instead   Esc: back`.slice(0, width)}</T>;
  else if (run.status === 'running') {
    const p = run.progress;
    foot = <ProgressLine p={{ label: r.action, done: p?.done ?? 0, total: p?.total ?? r.count, rate: p?.ratePerS ?? null, etaSeconds: p?.etaS ?? null, stopping: run.stopping }} width={width} />;
  } else if (run.status === 'done') {
    const lines = run.value.lines.flatMap((l) => wrapText(l, width, '    '));
    footLines = lines.length + 1;
    foot = (
      <Box flexDirection="column">
        {lines.map((l, i) => (
          <T key={i} tone={i === 0 ? (run.value.ok ? 'ok' : 'error') : 'normal'}>
            {l}
          </T>
        ))}
        <Text>Enter: read the queue again   Esc: back to the table</Text>
      </Box>
    );
  } else foot = <T tone="error">{run.status === 'failed' ? `Failed: ${run.error}` : 'Stopped: what was done stays done, the rest is intact.'}</T>;
  return (
    <Box flexDirection="column" width={width}>
      <T tone="accent">{title.slice(0, width)}</T>
      {visible(body, 0, Math.max(1, height - 2 - footLines)).map((l, i) => (
        <T key={i}>{l}</T>
      ))}
      {foot}
    </Box>
  );
}
