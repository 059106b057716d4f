import React from 'react';
import { Box, Text } from 'ink';
import { T } from '../../theme.js';
import { ProgressLine } from '../../components/ProgressLine.js';
import { wrapText } from '../../../core/text/text-fit.js';
import type { WalkState } from '../../walk/types.js';
import { captureLines, flowLine, headLines, stepText, type PlanLine } from './lines.js';
import { currentIndex, proposedPlan, stepDone } from './state.js';
import { planText } from './plan-messages.js';
import { fmtCount } from '../../../core/text/units.js';

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
  const t = planText();
  if (!step) return t.enterDone;
  if (step.kind === 'capture') return state.plan.capture.status === 'running' ? t.capturing : t.enterCapture;
  if (step.kind === 'empty') return t.enterEmpty(step.target.kind === 'dir');
  if (step.kind === 'mailflow') return state.plan.mailflow.status === 'running' ? t.checkingFlow : t.enterMailFlow;
  return t.enterSummary;
}

// The outcome under the plan: the last finished step's.
function outcome(state: WalkState): PlanLine[] {
  const p = state.plan;
  const m = p.mailflow;
  const t = planText();
  if (m.status === 'done') return m.value.refusal ? [{ text: t.mailFlowNotDone(m.value.refusal), tone: 'warn' }] : m.value.lines.map(flowLine);
  if (m.status === 'failed') return [{ text: t.mailFlowFailed(m.error), tone: 'error' }];
  const empty = proposedPlan(state)?.steps.find((s) => s.kind === 'empty');
  if (empty && stepDone(state, empty) && p.capture.status !== 'running') return [{ text: t.emptied, tone: 'ok' }];
  if (p.capture.status === 'done') return captureLines(p.capture.value);
  if (p.capture.status === 'failed') return [{ text: t.captureFailed(p.capture.error), tone: 'error' }];
  return [];
}

// The Plan screen.
export function PlanScreen({ state, width, height, show }: { state: WalkState; width: number; height: number; show: (p: string) => string }) {
  const pr = state.plan.proposal;
  const t = planText();
  if (pr.status === 'idle' || pr.status === 'running') return <Text>{t.making}</Text>;
  if (pr.status === 'failed') return <T tone="error">{t.noPlan(pr.error)}</T>;
  if (pr.status === 'aborted') return <Text>{t.stopped}</Text>;
  const plan = proposedPlan(state);
  if (!plan) return <Lines lines={wrapText(t.noRescuePlan, width).map((text) => ({ text }))} width={width} />;
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
        <ProgressLine p={{ label: t.source(fmtCount(c.progress!.index + 1), fmtCount(c.progress!.count)), done: c.progress!.step?.done ?? 0, total: c.progress!.step?.total || null, detail: show(c.progress!.source), stopping: c.stopping }} width={width} />
      ) : null}
      <Lines lines={rest.slice(0, room)} width={width} />
      <T tone="accent" width={width}>{enterText(state)}</T>
    </Box>
  );
}
