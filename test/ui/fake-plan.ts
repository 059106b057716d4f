import type { CaptureAllProgress, CaptureAllResult, DfReport, MailFlowResult, PlanPort, RescuePlan, TaskOptions } from '../../src/ui/ports/index.js';
import { controlled } from './fake-ports.js';

// A fake Plan port: the plan it proposes and the answers of the capture and the mail flow check
// are settled by the test; every call is recorded. Without a plan it proposes none (the default of
// fakePorts, so the other screens' tests see no plan).

// The calls the fake saw.
export interface FakePlanCalls {
  proposed: (DfReport | null)[];
  captures: { sources: string[]; incidentFile: string; maillogs?: string[] }[];
  mailFlows: number;
  /** The test address each mail flow check was given. */
  recipients: string[];
}

// The fake; `plan` is what propose answers.
export function fakePlan(plan: RescuePlan | null = null) {
  const calls: FakePlanCalls = { proposed: [], captures: [], mailFlows: 0, recipients: [] };
  let capture = controlled<CaptureAllResult>();
  let flow = controlled<MailFlowResult>();
  let progress: ((p: CaptureAllProgress) => void) | undefined;
  const port: PlanPort = {
    propose: async (report) => {
      calls.proposed.push(report);
      return plan;
    },
    captureAll: (req, opts: TaskOptions<CaptureAllProgress>) => {
      calls.captures.push({ sources: req.sources, incidentFile: req.incidentFile, ...(req.maillogs ? { maillogs: req.maillogs } : {}) });
      progress = opts.onProgress;
      capture.attach(opts.signal);
      return capture.promise;
    },
    mailFlow: (opts) => {
      calls.mailFlows++;
      calls.recipients.push(opts.recipient);
      flow.attach(opts.signal);
      return flow.promise;
    },
  };
  return {
    port,
    calls,
    progress: (p: CaptureAllProgress) => progress?.(p),
    /** Settles the running capture (a new one waits for the next call). */
    captured(r: CaptureAllResult) {
      capture.resolve(r);
      capture = controlled<CaptureAllResult>();
    },
    flowed(r: MailFlowResult) {
      flow.resolve(r);
      flow = controlled<MailFlowResult>();
    },
    /** Fails the running mail flow check. */
    flowFailed(error: string) {
      flow.reject(new Error(error));
      flow = controlled<MailFlowResult>();
    },
  };
}
