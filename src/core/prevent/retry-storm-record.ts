import type { IncidentRecord } from '../incident/records.js';
import type { RetryStormInput } from './host-config.js';
import { stormEvidence } from './rules-postfix.js';

// What the mail-log step found, read back from its record in the incident file, so prevent can
// weigh queue lifetimes against a real retry storm: the newest complete maillog record decides;
// null when the mail log was never analysed (or only partly), so the finding stays informational.
export function retryStormFromRecords(records: readonly IncidentRecord[]): RetryStormInput | null {
  const maillog = records.filter((r) => (r.step === 'maillog' || r.kind === 'maillog') && r.complete === true && Array.isArray(r.verdicts));
  const last = maillog[maillog.length - 1] as (IncidentRecord & { verdicts: unknown[] }) | undefined;
  if (!last) return null;
  const storm = last.verdicts.filter((v): v is string => v === 'retry-storm' || v === 'backscatter');
  const fromIncident = { files: Array.isArray(last.files) ? last.files.map(String) : null, verdicts: storm };
  return { retryStorm: storm.length > 0, evidence: stormEvidence({ retryStorm: storm.length > 0, evidence: [], fromIncident }, 'en'), fromIncident };
}
