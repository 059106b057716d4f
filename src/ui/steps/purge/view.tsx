import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ProgressLine, type ProgressFigures } from '../../components/ProgressLine.js';
import { safeText } from '../../format.js';
import { fitMiddle, padCell, wrapText } from '../../../core/text/text-fit.js';
import { confirmationWord } from './state.js';
import type { PurgeProgress, TruncatePlan, TruncateResult } from '../../ports/index.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount, fmtMode } from '../../../core/text/units.js';
import { purgeText } from './messages.js';

// Step 5: the plan on screen before anything happens, the typed confirmation, live progress
// with rate and ETA, and the verification (owner, group, mode, label, postfix check).


// Lines cut to the width at word boundaries, continuation lines indented under their value.
function wrapAll(lines: readonly string[], width: number, indent: string): string[] {
  return lines.flatMap((l) => wrapText(l, width, indent));
}

// A purge's progress as figures: entries removed of the count, rate, ETA, bytes freed.
function purgeFigures(g: PurgeProgress | null, entries: number | null, stopping: boolean): ProgressFigures {
  const total = g?.total ?? entries;
  return {
    label: g?.phase === 'postsuper' ? purgeText().postsuperDeleted : purgeText().removed,
    done: g?.done ?? 0,
    total,
    rate: g?.ratePerS ?? null,
    etaSeconds: g?.etaS ?? null,
    extra: purgeText().freed(fmtBytes(g?.bytesFreed ?? 0)),
    stopping,
  };
}

// Where a running purge is: DIR back in place (swap) and what is being deleted.
function phaseLines(g: PurgeProgress | null, name: string, width: number): string[] {
  if (!g) return [purgeText().starting];
  const back = g.dirBackInPlaceAfterMs !== undefined ? [purgeText().backInPlace(name)] : [];
  if (g.phase === 'swapping') return [...back, purgeText().swapping(name)];
  if (g.phase === 'postsuper') return [purgeText().postsuperDeleting];
  return [...back, purgeText().deletingIn(fitMiddle(g.where, Math.max(10, width - 12)))];
}

// The plan of a truncate and, once run, how it ended, as lines.
function truncateLines(p: TruncatePlan, r: TruncateResult | null): string[] {
  const t = purgeText();
  // a label padded to one column width by display width, then its value
  const row = (label: string, value: string) => `${padCell(label, 11)}${value}`;
  const lines = [
    row(t.sizeLabel, t.sizeValue(fmtBytes(p.sizeBytes), String(p.ino))),
    row(t.ownerLabel, t.ownerValue(`${p.owner}:${p.group}`, String(p.uid), String(p.gid), fmtMode(p.mode))),
    row(t.lockLabel, p.lock),
    row(t.evidenceLabel, p.capture ? t.captured(p.capture.time, p.capture.sha256.slice(0, 16)) : t.notCaptured),
  ];
  if (p.lateBytes > 0) lines.push(row(t.warningLabel, t.lateBytes(fmtBytes(p.lateBytes))));
  if (r) {
    lines.push(t.truncateResult(r.ok, fmtBytes(r.sizeBefore), fmtBytes(r.sizeAfter), r.kept, !!r.recorded));
    if (r.message) lines.push(r.message);
  }
  return lines;
}

const Lines = ({ lines }: { lines: string[] }) => (
  <>
    {lines.map((l, i) => (
      <T key={i}>
        {l}
      </T>
    ))}
  </>
);

function DirPurge({ state, width }: { state: WalkState; width: number }) {
  const p = state.purge;
  const word = confirmationWord(p.target!.path);
  const counted = p.plan.status === 'done' ? p.plan.value.entries : null;
  if (p.run.status === 'running') {
    const g = p.run.progress;
    return (
      <Box flexDirection="column" width={width}>
        <T>{purgeText().purging}</T>
        <ProgressLine width={width} p={purgeFigures(g, counted, p.run.stopping)} />
        <Lines lines={phaseLines(g, word, width)} />
      </Box>
    );
  }
  if (p.run.status === 'done') {
    const r = p.run.value;
    return (
      <Box flexDirection="column" width={width}>
        <Lines lines={wrapAll(r.lines, width, '    ')} />
        {r.ok ? null : <T tone="accent">{purgeText().newPlanToFinish}</T>}
      </Box>
    );
  }
  if (p.plan.status === 'running') {
    const n = p.plan.progress?.done ?? 0;
    return <T>{p.plan.stopping ? purgeText().stopping : purgeText().planning(fmtCount(n))}</T>;
  }
  if (p.plan.status === 'failed') return <Lines lines={[...wrapAll([purgeText().noPlan(p.plan.error)], width, '  '), purgeText().triesAgain]} />;
  if (p.plan.status === 'aborted') return <T>{purgeText().planningStopped}</T>;
  if (p.plan.status !== 'done') return <T>{purgeText().noPlanYet}</T>;
  const review = p.plan.value;
  if (review.refusal) return <Lines lines={[...wrapAll([purgeText().refused(review.refusal)], width, '  '), purgeText().nothingWillChange]} />;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={wrapAll(review.lines, width, ' '.repeat(14))} />
      <Text> </Text>
      <T tone="accent">{purgeText().toPurge(word)}</T>
      {p.run.status === 'failed' ? <T tone="error">{purgeText().purgeFailed(p.run.error)}</T> : null}
    </Box>
  );
}

function FileTruncate({ state, width }: { state: WalkState; width: number }) {
  const p = state.purge;
  if (p.truncatePlan.status === 'failed') return <T tone="error">{purgeText().noPlan(p.truncatePlan.error)}</T>;
  if (p.truncatePlan.status !== 'done') return <T>{purgeText().makingPlan}</T>;
  const plan = p.truncatePlan.value;
  const result = p.truncateRun.status === 'done' ? p.truncateRun.value : null;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={truncateLines(plan, result)} />
      <Text> </Text>
      {p.truncateRun.status === 'running' ? <T>{purgeText().truncating}</T> : null}
      {plan.refusal ? <T tone="warn">{purgeText().refused(plan.refusal)}</T> : !result ? <T tone="accent">{purgeText().toTruncate(confirmationWord(plan.target))}</T> : null}
    </Box>
  );
}

// The Purge/Truncate screen.
export function PurgeScreen({ state, width, show }: { state: WalkState; width: number; show: (p: string) => string }) {
  const theme = useTheme();
  const t = state.purge.target;
  if (!t) return <T>{purgeText().nothingPickedScreen}</T>;
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{(t.kind === 'dir' ? purgeText().titlePurge : purgeText().titleTruncate)(`${safeText(show(t.path), theme.ascii)}${t.tag ? ` (${t.tag})` : ''}`)}</T>
      {t.kind === 'dir' ? <DirPurge state={state} width={width} /> : <FileTruncate state={state} width={width} />}
    </Box>
  );
}

