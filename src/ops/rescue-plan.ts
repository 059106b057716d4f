import { buildRescuePlan, findCulprit, type PlanMailPath, type RescuePlan } from '../core/plan/rescue-plan.js';
import type { DfReport } from '../core/disks/model.js';
import type { DestinationChoice } from './incident-destination.js';

// The walk's short rescue plan: from the df report (its flags and likely culprits), the known mail
// paths and the incident destinations (src/ops/incident-destination.ts, the same rules as
// `capture`), the steps a disk-full mail server needs. Reads only; the core decides.

// What the plan is made from.
export interface RescuePlanRequest {
  report: DfReport | null;
  /** File name proposed for the incident file (host and start time in it). */
  fileName: string;
  /** Postfix may be started and a test message sent (not under --root: the host's Postfix would act). */
  canCheckMailFlow: boolean;
  /** Device id of the filesystem the operator selected: its culprit comes first. */
  preferDevId?: string;
}

// The outside world the plan reads.
export interface RescuePlanDeps {
  mailPaths(): Promise<PlanMailPath[]>;
  /** The destinations judged for an incident file about `subject` (destinationChoices). */
  destinations(req: { report: DfReport | null; troubled: readonly string[]; subject: string; fileName: string }): Promise<DestinationChoice[]>;
}

// The plan, or null when no flagged filesystem has a culprit a rescue empties.
export async function planRescue(req: RescuePlanRequest, deps: RescuePlanDeps): Promise<RescuePlan | null> {
  const culprit = findCulprit(req.report, req.preferDevId);
  if (!culprit) return null;
  const troubled = (req.report?.filesystems ?? []).filter((f) => f.flags.length > 0).map((f) => f.mount);
  const [mailPaths, choices] = await Promise.all([deps.mailPaths(), deps.destinations({ report: req.report, troubled, subject: culprit.suspect.hostPath, fileName: req.fileName })]);
  const best = choices.find((c) => c.ok && !c.troubled);
  return buildRescuePlan(culprit, mailPaths, best ? { mount: best.mount, file: best.file } : null, req.canCheckMailFlow);
}
