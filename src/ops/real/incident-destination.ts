import fs from 'node:fs';
import { checkDestination, destinationCandidates } from '../../io/destination-check.js';
import { checkIncidentUsable } from '../../io/incident-file.js';
import type { IncidentDestinationDeps } from '../incident-destination.js';

// The incident destination check's real filesystem, the same for the CLI and the walk.
export function realIncidentDestinationDeps(): IncidentDestinationDeps {
  return {
    statDir: (dir) => fs.statSync(dir, { throwIfNoEntry: false }),
    checkIncidentUsable,
    checkDestination,
    destinationCandidates,
  };
}
