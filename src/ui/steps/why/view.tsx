import React from 'react';
import { Box, Text } from 'ink';
import { T } from '../../theme.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { whyLines } from './lines.js';
import { whyText } from './messages.js';
import { printable } from '../../../core/maillog/printable.js';
import type { WalkState } from '../../walk/types.js';
import { fmtCount, fmtDuration } from '../../../core/text/units.js';

// Step "Why": the first look at once, the full pass with progress, then verdicts and charts with
// a cursor over the days or the most retried queue IDs (Enter opens one).

function visible(lines: string[], cursorLine: number, height: number): string[] {
  if (lines.length <= height) return lines;
  const top = Math.max(0, Math.min(lines.length - height, cursorLine - Math.floor(height / 2)));
  return lines.slice(top, top + height);
}

// Where the analysis went: the incident file, why not, or how to get it there.
function recordLine(state: WalkState): { text: string; tone: 'accent' | 'warn' | 'error' | undefined } {
  const r = state.why.recorded;
  if (r.status === 'running') return { text: whyText().recording(String(state.incidentFile)), tone: undefined };
  if (r.status === 'failed') return { text: whyText().notRecordedRetry(r.error), tone: 'error' };
  if (r.status === 'done' && r.value.ok) return { text: whyText().recordedBytes(r.value.incidentFile, r.value.bytesWritten), tone: 'accent' };
  if (r.status === 'done') return { text: whyText().notRecordedIn(r.value.incidentFile, r.value.message ?? whyText().writeFailed), tone: 'error' };
  return state.incidentFile ? { text: whyText().notYet(state.incidentFile), tone: 'warn' } : { text: whyText().notRecorded, tone: 'warn' };
}

// The screen.
export function WhyScreen({ state, width, height }: { state: WalkState; width: number; height: number }) {
  const w = state.why;
  if (w.look.status === 'running' || w.look.status === 'idle') return <T>{whyText().looking}</T>;
  if (w.look.status === 'failed') return <T tone="error">{whyText().lookFailed(w.look.error)}</T>;
  if (w.look.status === 'aborted') return <T>{whyText().stopped}</T>;
  const look = w.look.value;
  if (look.refused) return <T tone="warn">{`${look.refused.reason}${look.refused.hint ? `. ${look.refused.hint}` : ''}`}</T>;
  const p = w.pass;
  if (p.status === 'running') {
    const pr = p.progress;
    const lines = visible(look.lines, 0, Math.max(1, height - 4));
    return (
      <Box flexDirection="column" width={width}>
        {lines.map((l, i) => (
          <T key={i}>{printable(l).slice(0, width)}</T>
        ))}
        <Text> </Text>
        <ProgressLine p={{ label: whyText().readingMiB, done: Math.round((pr?.bytesDone ?? 0) / 2 ** 20), total: Math.max(1, Math.round(look.bytesTotal / 2 ** 20)), extra: pr ? whyText().lines(fmtCount(pr.lines)) : undefined, stopping: p.stopping }} width={width} />
      </Box>
    );
  }
  if (p.status === 'failed') return <T tone="error">{whyText().passFailed(p.error)}</T>;
  if (p.status !== 'done') return <T>{whyText().stoppedBeforeRead}</T>;
  const { lines, cursorLine } = whyLines(p.value.report, w, width - 1);
  const status = whyText().passStatus(p.value.complete, fmtCount(p.value.report.lines), fmtDuration(p.value.elapsedMs / 1000));
  const rec = recordLine(state);
  return (
    <Box flexDirection="column" width={width}>
      <T tone={p.value.complete ? 'accent' : 'warn'}>{status}</T>
      <T tone={rec.tone}>{printable(rec.text).slice(0, width)}</T>
      {visible(lines, cursorLine, Math.max(1, height - 2)).map((l, i) => (
        <T key={i}>{printable(l).slice(0, width)}</T>
      ))}
    </Box>
  );
}
