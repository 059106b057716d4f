import type { Finding, FindingCode } from './finding.js';
import type { HostConfig } from './host-config.js';
import { unifiedDiff } from './text-edit.js';
import { isRefused, refuse, type Refused } from '../refusal.js';

// What --apply does for one finding: the file edits (shown as diffs before anything is written)
// and the reloads they need, or a refusal saying why it will not be done.

// A file as it is and as it will be (before null: the file is created).
export interface PlannedEdit {
  /** System path. */
  path: string;
  before: string | null;
  after: string;
  diff: string;
}

// What must run after the edits for them to take effect.
export type FollowUp =
  | { kind: 'newaliases'; mapType: string; path: string }
  | { kind: 'postfix-reload' }
  | { kind: 'crond-reload'; service: string }
  | { kind: 'crond-restart'; service: string };

// The plan for one finding.
export interface FixPlan {
  id: string;
  code: FindingCode;
  edits: PlannedEdit[];
  followUps: FollowUp[];
  notes: string[];
}

// A fix that is not planned is refused (exit 3 on the command line): a code, the reason, what to do instead.
export type PlanOutcome = FixPlan | Refused;

// Options a fix may need from the operator.
export interface FixOptions {
  /** Where root's mail should go (root-mail-stays-local). */
  forwardRootTo?: string;
}

// One finding's planner.
export type FixPlanner = (f: Finding, c: HostConfig, o: FixOptions) => PlanOutcome;

// True when the outcome is a refusal.
export function isRefusal(p: PlanOutcome): p is Refused {
  return isRefused(p);
}

// Planners refuse with the one refusal shape.
export { refuse };

// An edit with its diff; null when the text does not change (already fixed: nothing to write).
export function edit(path: string, before: string | null, after: string): PlannedEdit | null {
  if (before === after) return null;
  return { path, before, after, diff: unifiedDiff(path, before ?? '', after) };
}

// The plan from the edits that change something, with the follow-ups they need.
export function plan(f: Finding, edits: (PlannedEdit | null)[], followUps: FollowUp[], notes: string[] = []): FixPlan {
  return { id: f.id, code: f.code, edits: edits.filter((e): e is PlannedEdit => e !== null), followUps, notes };
}
