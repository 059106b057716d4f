import { recordText } from '../messages/record.js';
import os from 'node:os';
import { appendIncidentSection } from '../../io/incident/sink.js';
import { VERSION } from '../../version.js';
import type { RecordDeps } from '../record.js';

// The walk's section writer on the real incident file and clock.
export function realRecordDeps(): RecordDeps {
  return { appendIncidentSection, host: os.hostname(), now: () => new Date(), source: recordText().walkSource(VERSION) };
}
