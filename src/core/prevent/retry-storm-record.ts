import type { IncidentRecord } from '../incident/records.js';
import type { RetryStormInput } from './host-config.js';

// What the mail-log step found, read back from its record in the incident file, so prevent can
// weigh queue lifetimes against a real retry storm: the newest complete maillog record decides;
// null when the mail log was never analysed (or only partly), so the finding stays informational.
export function retryStormFromRecords(records: readonly IncidentRecord[]): RetryStormInput | null {
  const maillog = records.filter((r) => (r.step === 'maillog' || r.kind === 'maillog') && r.complete === true && Array.isArray(r.verdicts));
  const last = maillog[maillog.length - 1] as (IncidentRecord & { verdicts: unknown[] }) | undefined;
  if (!last) return null;
  const storm = last.verdicts.filter((v): v is string => v === 'retry-storm' || v === 'backscatter');
  const files = Array.isArray(last.files) ? ` (${last.files.map(String).join(', ')})` : '';
  return {
    retryStorm: storm.length > 0,
    evidence: storm.length ? [`the mail log analysed in the incident file${files} shows: ${storm.join(', ')}`] : [`the mail log analysed in the incident file${files} shows no retry storm`],
  };
}
