import { captureEvidence, statSubject } from '../../io/incident/evidence-capture.js';
import { appendIncidentSection } from '../../io/incident/sink.js';
import { readPostfixSettings } from '../../io/postfix/settings.js';
import type { CaptureDeps } from '../capture.js';
import { realIncidentDestinationDeps } from './incident-destination.js';

// The capture's real adapters, the same for `spoolrescue capture` and the walk.
export function realCaptureDeps(): CaptureDeps {
  return { destination: realIncidentDestinationDeps(), statSubject, readPostfixSettings, captureEvidence, appendIncidentSection };
}
