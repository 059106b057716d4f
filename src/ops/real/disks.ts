import { safeRealpath } from '../../io/paths/mail-path-tagger.js';
import { readDfWithSuspects } from '../../io/suspects/df-with-suspects.js';
import type { DisksDeps } from '../disks.js';

// The df report's real adapters, the same for `spoolrescue df` and the walk.
export function realDisksDeps(): DisksDeps {
  return { readDfWithSuspects, realpath: safeRealpath };
}
