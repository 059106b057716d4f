import type { PreventionItem } from '../../core/prevention-advice.js';

// Step 6's port: what stops the disk filling again (the summary shows and records it).

// One measure and whether this server already has it (the shape lives in src/core).
export type { PreventionItem };

// Step 6: prevention checks on the rescued system's configuration.
export interface SummaryPort {
  prevention(): Promise<PreventionItem[]>;
}
