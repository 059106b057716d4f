import fs from 'node:fs';
import { devIdOf } from '../../core/disks/mountinfo.js';
import { checkDestination, destinationCandidates } from '../../io/incident/destination-check.js';
import { checkIncidentUsable } from '../../io/incident/file.js';
import type { IncidentDestinationDeps } from '../incident-destination.js';

// The incident destination check's real filesystem, the same for the CLI and the walk.
export function realIncidentDestinationDeps(): IncidentDestinationDeps {
  return {
    statDir: (dir) => fs.statSync(dir, { throwIfNoEntry: false }),
    checkIncidentUsable,
    checkDestination,
    destinationCandidates,
    deviceOf(p) {
      try {
        return devIdOf(fs.statSync(p).dev);
      } catch {
        return null;
      }
    },
  };
}
