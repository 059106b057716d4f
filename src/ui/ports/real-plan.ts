import crypto from 'node:crypto';
import type { SystemPaths } from '../../core/system-paths.js';
import { evidenceSummaryLines } from '../../core/incident/evidence.js';
import { runCaptureAll } from '../../ops/capture-all.js';
import { destinationChoices } from '../../ops/incident-destination.js';
import { listMailPaths } from '../../ops/mail-paths.js';
import { planMailFlow, runMailFlow } from '../../ops/mail-flow.js';
import { realCaptureDeps } from '../../ops/real/capture.js';
import { realMailFlowDeps } from '../../ops/real/mail-flow.js';
import { realMailPathsDeps } from '../../ops/real/mail-paths.js';
import { planRescue } from '../../ops/rescue-plan.js';
import type { PlanPort } from './plan.js';

// The Plan step's port on the ops: the same capture op as Evidence and `spoolrescue capture`, the
// same destination rules, the instance given by --postfix-config.

// How long the mail flow check waits for the test message.
const DELIVERY_WAIT_MS = 60_000;

// Builds the port for one walk.
export function planPort(paths: SystemPaths, postfixConfig: string | undefined): PlanPort {
  const captureDeps = realCaptureDeps();
  return {
    propose: (report, fileName, preferDevId) =>
      planRescue(
        { report, fileName, canCheckMailFlow: paths.root === undefined, preferDevId },
        {
          mailPaths: () => listMailPaths(paths, postfixConfig, realMailPathsDeps()),
          destinations: async (req) => destinationChoices(req, captureDeps.destination),
        },
      ),
    async captureAll(req, opts) {
      const done = await runCaptureAll({ sources: req.sources, paths, postfixConfig, incidentFile: req.incidentFile, force: false, items: req.messages, maillogs: req.maillogs }, captureDeps, opts.onProgress, opts.signal);
      const look = done.firstLook;
      return {
        incidentFile: done.incidentFile,
        aborted: done.aborted,
        firstLook: look && (look.ok ? { ok: true, lines: look.lines, ...(look.warning ? { warning: look.warning } : {}) } : { ok: false, lines: [look.error] }),
        items: done.items.map((i) =>
          i.ok
            ? { source: i.evidence.file.systemPath, ok: true, kind: i.evidence.kind, lines: evidenceSummaryLines(i.evidence), ...(i.warning ? { warning: i.warning } : {}), sha256: i.evidence.sha256 }
            : { source: paths.toSystem(i.source), ok: false, lines: [], error: i.error },
        ),
      };
    },
    async mailFlow({ signal, recipient }) {
      const deps = realMailFlowDeps();
      const plan = await planMailFlow({ paths, postfixConfig, recipient, tag: crypto.randomBytes(4).toString('hex'), waitMs: DELIVERY_WAIT_MS }, deps);
      if ('refused' in plan) return { refusal: plan.refused.reason, started: false, delivered: false, lines: [] };
      const r = await runMailFlow(plan, deps, signal);
      return { refusal: null, started: r.started, delivered: r.delivered, lines: r.lines };
    },
  };
}
