import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { fitEnd, wrapText } from '../../../core/text/text-fit.js';
import { fmtCount } from '../../../core/text/units.js';
import { scanSummaryLine, shapeTableLines } from '../../../core/queue/format.js';
import { escapeName } from '../../../core/text/escape-name.js';
import type { QueueScanProgress, QueueShape } from '../../ports/queue.js';
import type { WalkState } from '../../walk/types.js';
import { nextAction, nextKey, type QueueState } from './state.js';
import { queueStepText } from './messages.js';
import { MATCH_FIELDS } from '../../../core/queue/selection.js';
import { queueVerdictWords } from '../../../core/queue/verdict-words.js';

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
  if (!p || p.total === undefined) return <Text>{queueStepText().counting(label)}</Text>;
  return <ProgressLine p={{ label: queueStepText().files(label), done: p.files, total: Math.max(p.total, p.files), rate: p.ratePerS, etaSeconds: p.etaS ?? null, stopping }} width={width} />;
}

// The table view: verdicts, key line, rows with the cursor ('>') and the marks ('*').
function tableLines(shape: QueueShape, q: QueueState, width: number, ascii: boolean, height: number, typingMatch: boolean): { lines: string[]; tones: ('warn' | 'normal' | 'accent')[] } {
  const cursor = q.cursor;
  const marked = new Set(q.marked);
  const s = shape.scan;
  const t = queueStepText();
  const fit = (line: string) => fitEnd(line, width, ascii);
  const verdicts = s.verdicts.slice(0, 2).map((v) => queueVerdictWords(v)).flatMap((v) => [fit(`! ${v.title}`), ...wrapText(`  ${v.evidence}`, width, '    ').slice(0, 2)]);
  const head = [
    fit(`${escapeName(shape.queueDir, { ascii })}: ${shape.postfix}`),
    fit(scanSummaryLine(s)),
    ...(verdicts.length ? verdicts : [t.noFlood]),
    fit(t.keyLine(s.by, nextKey(s.by))),
    fit(t.enterLine(t.action(q.action), q.marked.length ? fmtCount(q.marked.length) : '', q.action === 'delete')),
    // what the line after m accepts, while it is typed
  ];
  const errorAt = head.length;
  const errorLines = q.lineError ? wrapText(t.matchInvalid(q.lineError), width, '  ') : [];
  head.push(...errorLines, ...(typingMatch ? wrapText(t.matchFields(MATCH_FIELDS.join(' ')), width, '  ') : []));
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
  const t = queueStepText();
  if (sc.status === 'idle') return <Text>{t.opening}</Text>;
  if (sc.status === 'running') return <ScanProgress p={sc.progress} label={t.readingBy(q.by)} stopping={sc.stopping} width={width} />;
  if (sc.status === 'failed') return <T tone="error">{t.readFailed(sc.error)}</T>;
  if (sc.status === 'aborted') return <Text>{t.stoppedBeforeRead}</Text>;
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
  const action = t.action(q.action);
  if (rv.status === 'running') return <ScanProgress p={rv.progress} label={byMatch ? t.matchReading(action) : t.readingAgain(action)} stopping={rv.stopping} width={width} />;
  if (rv.status === 'failed') return <T tone="error">{t.reviewFailed(rv.error)}</T>;
  if (rv.status !== 'done') return <Text>{t.reviewStopped}</Text>;
  const r = rv.value;
  const run = q.run;
  const act = t.action(r.action);
  const next = t.action(nextAction(r.action));
  const what = r.keys.length === 1 ? `${r.by} '${escapeName(r.keys[0], { ascii: theme.ascii })}'` : t.rowsBy(fmtCount(r.keys.length), r.by);
  const title = byMatch ? t.matchReviewTitle(act, escapeName(r.match, { ascii: theme.ascii })) : t.reviewTitle(act, what, escapeName(r.match, { ascii: theme.ascii }) || '-');
  const body = r.refusal ? [] : r.lines.flatMap((l) => wrapText(escapeName(l, { ascii: theme.ascii }), width, '    '));
  let foot: React.ReactNode;
  let footLines = 2;
  if (r.refusal) {
    const lines = wrapText(t.refusedFoot(r.refusal, next), width, '  ');
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
  else if (run.status === 'idle') foot = <T tone="accent">{fitEnd(t.confirmFoot(act, `${r.action} ${r.count}`, next), width, theme.ascii)}</T>;
  else if (run.status === 'running') {
    const p = run.progress;
    foot = <ProgressLine p={{ label: act, done: p?.done ?? 0, total: p?.total ?? r.count, rate: p?.ratePerS ?? null, etaSeconds: p?.etaS ?? null, stopping: run.stopping }} width={width} />;
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
        <Text>{t.doneFoot}</Text>
      </Box>
    );
  } else foot = <T tone="error">{run.status === 'failed' ? t.failed(run.error) : t.stoppedIntact}</T>;
  return (
    <Box flexDirection="column" width={width}>
      <T tone="accent">{fitEnd(title, width, theme.ascii)}</T>
      {visible(body, 0, Math.max(1, height - 2 - footLines)).map((l, i) => (
        <T key={i}>{l}</T>
      ))}
      {foot}
    </Box>
  );
}
