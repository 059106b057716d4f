import os from 'node:os';
import { purgeIncidentSection } from '../../core/purge/incident.js';
import type { IncidentNote, PurgeReport } from '../../core/purge/report.js';
import { checkSkipped, type PostfixCheckResult, type PurgeOutcome } from '../../core/purge/result.js';
import { VERSION } from '../../version.js';
import { appendIncidentSection } from '../incident/sink.js';
import { runPostfixCheck } from '../postfix/check.js';
import type { Inspection, PurgeDeps } from './inspect.js';
import { verifyPurge } from './verify.js';

// What follows every purge, for the command and the walk alike: postfix check when DIR is a
// Postfix queue, the verification against the snapshot, and the section in the incident file.
export async function finishPurge(ins: Inspection, outcome: PurgeOutcome, deps: PurgeDeps, incidentFile: string | undefined): Promise<PurgeReport> {
  const { plan } = ins;
  const postfixTarget = plan.target.kind === 'postfix-queue' || plan.target.kind === 'postfix-queue-subdir';
  const postfixCheck: PostfixCheckResult = postfixTarget
    ? await runPostfixCheck(ins.settings, { run: (p, a) => deps.run(p, a) })
    : checkSkipped({ code: 'not-a-queue' });
  const verification = await verifyPurge(plan, deps.labels);
  let incident: IncidentNote | null = null;
  if (incidentFile) {
    const section = purgeIncidentSection({ plan, outcome, verification, postfixCheck }, { host: os.hostname(), version: VERSION, at: new Date().toISOString() });
    const w = appendIncidentSection(incidentFile, section);
    incident = { file: incidentFile, ok: w.ok, message: w.message };
  }
  return { plan, outcome, verification, postfixCheck, incident };
}
