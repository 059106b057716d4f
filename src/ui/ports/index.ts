// What each screen of the walk needs from the outside world, as interfaces. Screens and the
// reducer know only these; real-ports.ts wires them to the cores, component tests pass fakes.
// The shapes are the cores' own data wherever they fit, so wiring a core is a thin mapping.
import type { DisksPort } from './disks.js';
import type { HotspotsPort, MailPathsPort } from './hotspots.js';
import type { LookInsidePort } from './inside.js';
import type { EvidencePort } from './evidence.js';
import type { PurgePort, TruncatePort } from './purge.js';
import type { SummaryPort } from './summary.js';
import type { MaillogPort } from './maillog.js';
import type { QueuePort } from './queue.js';
import type { PlanPort } from './plan.js';

export * from './common.js';
export * from './disks.js';
export * from './hotspots.js';
export * from './inside.js';
export * from './evidence.js';
export * from './purge.js';
export * from './summary.js';
export * from './maillog.js';
export * from './queue.js';
export * from './plan.js';

// Facts about this run that every screen may show.
interface SessionInfo {
  hostname: string;
  /** --root, when the rescued system is not the live one. */
  root?: string;
  /** The system path a host path stands for (identity without --root). */
  show(hostPath: string): string;
  /** Host path of a system path typed by the operator. */
  resolve(typed: string): string;
  now(): Date;
  /** Random letters for the default incident file name, so nobody can plant that file in advance. */
  uniqueTag?(): string;
}

// Everything the walk talks to.
export interface Ports {
  session: SessionInfo;
  disks: DisksPort;
  hotspots: HotspotsPort;
  mailPaths: MailPathsPort;
  inside: LookInsidePort;
  evidence: EvidencePort;
  purge: PurgePort;
  truncate: TruncatePort;
  summary: SummaryPort;
  maillog: MaillogPort;
  queue: QueuePort;
  plan: PlanPort;
}
