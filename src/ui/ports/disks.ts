import type { DfFilesystem, DfReport as CoreDfReport } from '../../core/disks/model.js';

// Step 1's port: the df core's report as it is (src/core/disks/model.ts), so the walk and
// `spoolrescue df --json` show the same filesystems, flags and deleted-open files.

// One filesystem of the report; numbers are null when statfs did not answer.
export type FilesystemRow = DfFilesystem;
// The df report; under --root it also names the rescued system's filesystems (the one holding
// ROOT and those below it, src/core/disks/root-scope.ts): every other row is the host's.
export type DfReport = CoreDfReport & { rescued?: readonly string[] };

// Step 1: filesystems now (called at start and again for the summary's before/after).
export interface DisksPort {
  /** Stopped by the signal (quitting does not wait for a statfs that does not answer). */
  loadDisks(signal?: AbortSignal): Promise<DfReport>;
}
