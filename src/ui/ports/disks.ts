import type { DfDeletedOpen, DfFilesystem, DfFlag, DfReport } from '../../core/df-model.js';

// Step 1's port: the df core's report as it is (src/core/df-model.ts), so the walk and
// `spoolrescue df --json` show the same filesystems, flags and deleted-open files.

// One filesystem of the report; numbers are null when statfs did not answer.
export type FilesystemRow = DfFilesystem;
// A file deleted but still held open by a process: df counts it, du does not.
export type DeletedOpenFile = DfDeletedOpen;
export type { DfFlag, DfReport };

// Step 1: filesystems now (called at start and again for the summary's before/after).
export interface DisksPort {
  loadDisks(): Promise<DfReport>;
}
