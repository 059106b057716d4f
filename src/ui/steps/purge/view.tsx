import React from 'react';
import { Box, Text } from 'ink';
import { T, useTheme } from '../../theme.js';
import { ProgressLine, type ProgressFigures } from '../../components/ProgressLine.js';
import { safeText } from '../../format.js';
import { fitMiddle, wrapText } from '../../../core/text/text-fit.js';
import { confirmationWord } from './state.js';
import type { PurgeProgress, TruncatePlan, TruncateResult } from '../../ports/index.js';
import type { WalkState } from '../../walk/types.js';
import { fmtBytes, fmtCount, fmtMode } from '../../../core/text/units.js';

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
    label: g?.phase === 'postsuper' ? 'postsuper deleted' : 'Removed',
    done: g?.done ?? 0,
    total,
    rate: g?.ratePerS ?? null,
    etaSeconds: g?.etaS ?? null,
    extra: `${fmtBytes(g?.bytesFreed ?? 0)} freed`,
    stopping,
  };
}

// Where a running purge is: DIR back in place (swap) and what is being deleted.
function phaseLines(g: PurgeProgress | null, name: string, width: number): string[] {
  if (!g) return ['Starting...'];
  const back = g.dirBackInPlaceAfterMs !== undefined ? [`${name} is back in place, empty, with its owner and mode.`] : [];
  if (g.phase === 'swapping') return [...back, `Swapping in an empty copy of ${name}...`];
  if (g.phase === 'postsuper') return ['postsuper is deleting the queue files (Postfix is running).'];
  return [...back, `Deleting in ${fitMiddle(g.where, Math.max(10, width - 12))}`];
}

// The plan of a truncate and, once run, how it ended, as lines.
function truncateLines(p: TruncatePlan, r: TruncateResult | null): string[] {
  const lines = [
    `Size:      ${fmtBytes(p.sizeBytes)} -> 0, inode ${p.ino} kept (truncated in place)`,
    `Owner:     ${p.owner}:${p.group} (uid ${p.uid}, gid ${p.gid})   mode ${fmtMode(p.mode)} (kept)`,
    `Lock:      ${p.lock}`,
    `Evidence:  ${p.capture ? `captured ${p.capture.time}, sha256 ${p.capture.sha256.slice(0, 16)}...` : 'NOT captured yet (Evidence, step 4)'}`,
  ];
  if (p.lateBytes > 0) lines.push(`Warning:   ${fmtBytes(p.lateBytes)} arrived after the capture and would be lost uncaptured`);
  if (r) {
    lines.push(`${r.ok ? 'Done' : 'Failed'}: ${fmtBytes(r.sizeBefore)} -> ${fmtBytes(r.sizeAfter)}; inode, owner, mode ${r.kept ? 'kept' : 'CHANGED (check them)'}${r.recorded ? '; recorded in the incident file' : ''}`);
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
        <T>Purging. Esc stops cleanly (the directory keeps its owner and mode).</T>
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
        {r.ok ? null : <T tone="accent">Enter or p makes a new plan to finish.</T>}
      </Box>
    );
  }
  if (p.plan.status === 'running') {
    const n = p.plan.progress?.done ?? 0;
    return <T>{p.plan.stopping ? 'Stopping...' : `Making the plan: ${fmtCount(n)} entries counted so far (Esc stops)`}</T>;
  }
  if (p.plan.status === 'failed') return <Lines lines={[...wrapAll([`No plan: ${p.plan.error}`], width, '  '), 'Enter or p tries again.']} />;
  if (p.plan.status === 'aborted') return <T>Planning stopped; nothing was changed. Enter or p plans again.</T>;
  if (p.plan.status !== 'done') return <Text>No plan yet.</Text>;
  const review = p.plan.value;
  if (review.refusal) return <Lines lines={[...wrapAll([`Refused: ${review.refusal}`], width, '  '), 'Nothing will be changed.']} />;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={wrapAll(review.lines, width, ' '.repeat(14))} />
      <Text> </Text>
      <T tone="accent">{`Enter or p to purge: you will type '${word}' to confirm.`}</T>
      {p.run.status === 'failed' ? <T tone="error">{`Purge failed: ${p.run.error}`}</T> : null}
    </Box>
  );
}

function FileTruncate({ state, width }: { state: WalkState; width: number }) {
  const p = state.purge;
  if (p.truncatePlan.status === 'failed') return <T tone="error">{`No plan: ${p.truncatePlan.error}`}</T>;
  if (p.truncatePlan.status !== 'done') return <Text>Making the plan...</Text>;
  const plan = p.truncatePlan.value;
  const result = p.truncateRun.status === 'done' ? p.truncateRun.value : null;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={truncateLines(plan, result)} />
      <Text> </Text>
      {p.truncateRun.status === 'running' ? <Text>Truncating under the lock...</Text> : null}
      {plan.refusal ? <T tone="warn">{`Refused: ${plan.refusal}`}</T> : !result ? <T tone="accent">{`Enter or p to truncate: you will type '${confirmationWord(plan.target)}' to confirm.`}</T> : null}
    </Box>
  );
}

// The Purge/Truncate screen.
export function PurgeScreen({ state, width, show }: { state: WalkState; width: number; show: (p: string) => string }) {
  const theme = useTheme();
  const t = state.purge.target;
  if (!t) return <T>Nothing picked: choose a queue directory or a spool in Hotspots (2) first.</T>;
  return (
    <Box flexDirection="column" width={width}>
      <T bold>{`${t.kind === 'dir' ? 'Purge' : 'Truncate'} ${safeText(show(t.path), theme.ascii)}${t.tag ? ` (${t.tag})` : ''}`}</T>
      {t.kind === 'dir' ? <DirPurge state={state} width={width} /> : <FileTruncate state={state} width={width} />}
    </Box>
  );
}

