import React from 'react';
import { Box, Text } from 'ink';
import { T } from '../../theme.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { wrapText } from '../../../core/text/text-fit.js';
import type { WalkState } from '../../walk/types.js';
import { captureLines, headLines, stepText, type PlanLine } from './lines.js';
import { currentIndex, proposedPlan, stepDone } from './state.js';

// Side step "Plan": the numbered plan (done steps marked *, the current one >), what Enter does
// now, and the outcome of the last step (the evidence, the mail flow check).

function Lines({ lines, width }: { lines: PlanLine[]; width: number }) {
  return (
    <>
      {lines.map((l, i) => (
        <T key={i} tone={l.tone} bold={l.bold} width={width}>
          {l.text}
        </T>
      ))}
    </>
  );
}

// What Enter does at this point of the plan.
function enterText(state: WalkState): string {
  const plan = proposedPlan(state)!;
  const step = plan.steps[currentIndex(state)];
  if (!step) return 'The plan is done. q quits (the incident file is named on exit).';
  if (step.kind === 'capture') return state.plan.capture.status === 'running' ? 'Capturing... Esc stops (what is written is kept).' : 'Enter: capture the evidence now. s skips it, Esc leaves the plan.';
  if (step.kind === 'empty') return `Enter: review the ${step.target.kind === 'dir' ? 'purge' : 'truncate'} (nothing happens before you type the name). Esc leaves the plan.`;
  if (step.kind === 'mailflow') return state.plan.mailflow.status === 'running' ? 'Checking that mail flows... Esc stops waiting.' : 'Enter: start Postfix and send the test message. s skips it.';
  return 'Enter: the summary and the prevention findings.';
}

// The outcome under the plan: the last finished step's.
function outcome(state: WalkState): PlanLine[] {
  const p = state.plan;
  const m = p.mailflow;
  if (m.status === 'done') return m.value.refusal ? [{ text: `Mail flow check not done: ${m.value.refusal}`, tone: 'warn' }] : m.value.lines.map((text) => ({ text, tone: text.startsWith('delivered') ? 'ok' : text.startsWith('NOT') ? 'error' : undefined }));
  if (m.status === 'failed') return [{ text: `Mail flow check failed: ${m.error} (Enter tries again)`, tone: 'error' }];
  const empty = proposedPlan(state)?.steps.find((s) => s.kind === 'empty');
  if (empty && stepDone(state, empty) && p.capture.status !== 'running') return [{ text: 'Emptied: the Purge/Truncate step (5) shows its verification.', tone: 'ok' }];
  if (p.capture.status === 'done') return captureLines(p.capture.value);
  if (p.capture.status === 'failed') return [{ text: `Capture failed: ${p.capture.error}`, tone: 'error' }];
  return [];
}

// The Plan screen.
export function PlanScreen({ state, width, height, show }: { state: WalkState; width: number; height: number; show: (p: string) => string }) {
  const pr = state.plan.proposal;
  if (pr.status === 'idle' || pr.status === 'running') return <Text>Making the rescue plan...</Text>;
  if (pr.status === 'failed') return <T tone="error">{`No plan: ${pr.error} (r tries again; Esc: the free walk)`}</T>;
  if (pr.status === 'aborted') return <Text>Stopped. r makes the plan again.</Text>;
  const plan = proposedPlan(state);
  if (!plan) return <T>No rescue plan: no flagged filesystem holds a queue or mailbox that a rescue empties. Esc: the free walk.</T>;
  const at = currentIndex(state);
  const wrap = (lines: PlanLine[]) => lines.flatMap((l) => wrapText(l.text, width, '    ').map((text) => ({ ...l, text })));
  const head = wrap(headLines(plan, show, state.plan.capture.status === 'done'));
  const steps = plan.steps.map((s, i): PlanLine => ({ text: `${i === at ? '>' : stepDone(state, s) ? '*' : ' '} ${i + 1} ${stepText(s, show)}`, bold: i === at }));
  const c = state.plan.capture;
  const running = c.status === 'running' && c.progress;
  const rest = wrap(outcome(state));
  const room = Math.max(1, height - head.length - steps.length - 1 - (running ? 4 : 0));
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={head} width={width} />
      <Lines lines={steps} width={width} />
      {running ? (
        <ProgressLine p={{ label: `Source ${c.progress!.index + 1} of ${c.progress!.count}`, done: c.progress!.step?.done ?? 0, total: c.progress!.step?.total || null, detail: show(c.progress!.source), stopping: c.stopping }} width={width} />
      ) : null}
      <Lines lines={rest.slice(0, room)} width={width} />
      <T tone="accent" width={width}>{enterText(state)}</T>
    </Box>
  );
}
