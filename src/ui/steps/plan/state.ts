import type { Command } from '../../keys.js';
import type { CaptureAllProgress, CaptureAllResult, DfReport, MailFlowResult, RescuePlan } from '../../ports/index.js';
import type { PlanStep } from '../../../core/plan/rescue-plan.js';
import type { RequestSpec, ResultAction } from '../../walk/requests.js';
import { ask, askStop, isRunning, matching, running, stopping } from '../../walk/tasks.js';
import type { Nav, StepId, Task, WalkState } from '../../walk/types.js';
import { back, go, logged, markDone } from '../../walk/navigate.js';
import { testAddressProblem } from '../../../core/plan/test-address.js';
import { planText } from './plan-messages.js';
import { fmtCount } from '../../../core/text/units.js';

// Side step "Plan": the short rescue a disk-full mail server needs, proposed from the Disks
// step's report and likely culprits before any scan. Enter does the step the plan is at: the
// evidence of every source in one go, then the Purge/Truncate step with its own review and typed
// confirmation (it comes back here), then the mail flow check, then the Summary. Esc, [ or a
// digit leave it for the free walk; P comes back to where it was.

// The Plan step's slice.
export interface PlanState {
  proposal: Task<RescuePlan | null>;
  capture: Task<CaptureAllResult, CaptureAllProgress>;
  mailflow: Task<MailFlowResult>;
  /** Plan steps the operator skipped (s), by kind. */
  skipped: PlanStep['kind'][];
  /** Where Esc goes back to. */
  from: StepId | null;
  /** The test message's address last given (offered again). */
  testAddress: string | null;
}

declare module '../../walk/types.js' {
  interface StepStates {
    plan: PlanState;
  }
}
declare module '../../walk/requests.js' {
  interface RequestMap {
    planPropose: RequestSpec<{ report: DfReport | null; fileName: string; preferDevId?: string }, RescuePlan | null>;
    planCapture: RequestSpec<{ sources: string[]; incidentFile: string; messages: number; maillogs: string[] }, CaptureAllResult, CaptureAllProgress>;
    planMailFlow: RequestSpec<{ recipient: string }, MailFlowResult>;
  }
}
declare module '../../keys.js' {
  interface StepCommands {
    planSkip: true;
  }
}

const idle = { status: 'idle' } as const;

// The slice before the plan is opened.
export const initialPlan: PlanState = { proposal: idle, capture: idle, mailflow: idle, skipped: [], from: null, testAddress: null };

// The test message's address offered first: root's mailbox on this host.
const DEFAULT_TEST_ADDRESS = 'root@localhost';

// First and last messages (files, lines) of each source, as Evidence captures by default.
const MESSAGES = 5;

const put = (s: WalkState, p: Partial<PlanState>): WalkState => ({ ...s, plan: { ...s.plan, ...p } });

// The proposed plan, once known (null: none, or not yet).
export function proposedPlan(state: WalkState): RescuePlan | null {
  return state.plan.proposal.status === 'done' ? state.plan.proposal.value : null;
}

// Whether a plan step is behind the operator (done or skipped).
export function stepDone(state: WalkState, step: PlanStep): boolean {
  if (state.plan.skipped.includes(step.kind)) return true;
  if (step.kind === 'capture') return state.plan.capture.status === 'done' && !state.plan.capture.value.aborted && state.plan.capture.value.items.some((i) => i.ok);
  if (step.kind === 'empty') {
    const p = state.purge;
    return p.target?.path === step.target.path && ((p.run.status === 'done' && p.run.value.ok) || (p.truncateRun.status === 'done' && p.truncateRun.value.ok));
  }
  if (step.kind === 'mailflow') return state.plan.mailflow.status === 'done';
  return state.marks.summary === 'done';
}

// The index of the step the plan is at (the first not behind), or -1 when all are.
export function currentIndex(state: WalkState): number {
  const plan = proposedPlan(state);
  return plan ? plan.steps.findIndex((s) => !stepDone(state, s)) : -1;
}

function propose(state: WalkState): WalkState {
  const report = state.disks.load.status === 'done' ? state.disks.load.value : state.disks.initial;
  const selected = state.disks.load.status === 'done' ? state.disks.load.value.filesystems[state.disks.cursor] : undefined;
  const [s, token] = ask(state, { kind: 'planPropose', report, fileName: state.incidentName, preferDevId: selected?.devId });
  return put(s, { proposal: running(token) });
}

// Opening the plan: proposed once (again after a refusal or when none was found), then kept.
export function enterPlan(state: WalkState, nav: Nav): WalkState {
  const s = put(state, { from: nav.from && nav.from !== 'plan' ? nav.from : state.plan.from });
  const p = s.plan.proposal;
  if (p.status === 'running' || (p.status === 'done' && p.value)) return s;
  return propose(s);
}

// Does the step the plan is at.
function follow(state: WalkState): WalkState {
  const plan = proposedPlan(state);
  if (!plan) return state.plan.proposal.status === 'running' ? state : propose(state);
  const i = currentIndex(state);
  const step = plan.steps[i];
  if (!step) return { ...state, notice: { tone: 'info', text: planText().planDone } };
  if (step.kind === 'capture') {
    if (isRunning(state.plan.capture)) return state;
    const [s, token] = ask(state, { kind: 'planCapture', sources: step.sources.map((x) => x.path), incidentFile: step.incidentFile, messages: MESSAGES, maillogs: step.maillogs });
    return put(s, { capture: running(token) });
  }
  if (step.kind === 'empty') return go({ ...state, target: { path: step.target.path, kind: step.target.kind, tag: step.target.label } }, 'purge', { then: 'plan' });
  if (step.kind === 'mailflow') {
    if (isRunning(state.plan.mailflow)) return state;
    return { ...state, input: { purpose: 'test-address', prompt: planText().addressPrompt, buffer: state.plan.testAddress ?? DEFAULT_TEST_ADDRESS } };
  }
  return go(state, 'summary');
}

// The typed test address: checked, then the mail flow check runs with it; an empty line skips it.
export function testAddressTyped(state: WalkState, typed: string): WalkState {
  const address = typed.trim();
  if (!address) return skip(state);
  if (testAddressProblem(address)) return { ...state, notice: { tone: 'warn', text: planText().addressAgain(address) } };
  const [s, token] = ask(state, { kind: 'planMailFlow', recipient: address });
  return put(s, { mailflow: running(token), testAddress: address });
}

// s: skip the step the plan is at (the evidence, the mail flow check); emptying is skipped by leaving.
function skip(state: WalkState): WalkState {
  const plan = proposedPlan(state);
  const step = plan?.steps[currentIndex(state)];
  if (!step || step.kind === 'summary') return state;
  if (step.kind === 'empty') return { ...state, notice: { tone: 'info', text: planText().neverSkipEmpty } };
  if (isRunning(state.plan.capture) || isRunning(state.plan.mailflow)) return state;
  return { ...put(state, { skipped: [...state.plan.skipped, step.kind] }), notice: { tone: 'info', text: planText().skipped(step.kind === 'capture') } };
}

// Keys on the Plan screen.
export function planCommand(state: WalkState, command: Command): WalkState | undefined {
  const p = state.plan;
  if (command === 'open') return follow(state);
  if (command === 'planSkip') return skip(state);
  if (command === 'refresh') return isRunning(p.proposal) ? state : propose(put(state, { proposal: idle }));
  if (command === 'cancel') {
    if (isRunning(p.capture)) return put(askStop(state, p.capture), { capture: stopping(p.capture) });
    if (isRunning(p.mailflow)) return put(askStop(state, p.mailflow), { mailflow: stopping(p.mailflow) });
    return back(state, p.from ?? 'disks');
  }
  return undefined;
}

function captureDone(state: WalkState, value: CaptureAllResult, atMs: number): WalkState {
  const s = put(state, { capture: { status: 'done', token: state.plan.capture.status === 'running' ? state.plan.capture.token : 0, value } });
  const ok = value.items.filter((i) => i.ok).length;
  const t = planText();
  const text = t.capturedLog(fmtCount(ok), fmtCount(value.items.length), value.incidentFile, value.aborted);
  const l = logged(ok ? { ...s, incidentFile: value.incidentFile } : s, text, atMs);
  return ok && !value.aborted ? markDone(l, 'evidence') : { ...l, notice: { tone: 'warn', text: value.aborted ? t.captureStopped : t.nothingCaptured } };
}

// Answers for the Plan screen.
export function planResult(state: WalkState, action: ResultAction): WalkState | undefined {
  const p = state.plan;
  if (action.kind === 'planPropose' && matching(p.proposal, action.token)) {
    if (action.type === 'done') return put(state, { proposal: { status: 'done', token: action.token, value: action.value } });
    if (action.type === 'failed') return put(state, { proposal: { status: 'failed', token: action.token, error: action.error } });
    return state;
  }
  if (action.kind === 'planCapture' && matching(p.capture, action.token) && p.capture.status === 'running') {
    if (action.type === 'progress') return put(state, { capture: { ...p.capture, progress: action.progress } });
    if (action.type === 'done') return captureDone(state, action.value, action.atMs);
    if (action.type === 'failed') return { ...logged(put(state, { capture: { status: 'failed', token: action.token, error: action.error } }), planText().captureFailedLog(action.error), action.atMs), notice: { tone: 'error', text: action.error } };
    if (action.type === 'aborted') return put(state, { capture: { status: 'aborted', token: action.token } });
  }
  if (action.kind === 'planMailFlow' && matching(p.mailflow, action.token) && p.mailflow.status === 'running') {
    if (action.type === 'done') {
      const r = action.value;
      const text = r.refusal ? planText().mailFlowNotDone(r.refusal) : planText().mailFlowLog(r.started, r.delivered);
      return logged(put(state, { mailflow: { status: 'done', token: action.token, value: r } }), text, action.atMs);
    }
    if (action.type === 'failed') return put(state, { mailflow: { status: 'failed', token: action.token, error: action.error } });
    if (action.type === 'aborted') return put(state, { mailflow: { status: 'aborted', token: action.token } });
  }
  return undefined;
}
