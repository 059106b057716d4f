import { MaillogStats } from '../core/maillog/stats.js';
import { buildReport } from '../core/maillog/report.js';
import type { PassReport } from '../core/maillog/pass-report.js';
import { DEFAULT_QUEUE_LIMITS, type QueueTableLimits } from '../core/maillog/queue-table.js';
import type { SystemPaths } from '../core/system-paths.js';
import { discoverMailLogs, queueLifetimeSecs, type DiscoveredLogs } from '../io/maillog/discover.js';
import { firstLook, type FileLook } from '../io/maillog/first-look.js';
import { runFullPass, type PassProgress, type PassResult } from '../io/maillog/full-pass.js';
import { LogOpenError } from '../io/maillog/open-log.js';
import { logOpenWords } from '../io/maillog/messages.js';
import { appendIncidentSection, type AppendResult } from '../io/incident/sink.js';
import { maillogMarkdown } from '../core/maillog/markdown.js';
import { refuse, type Refused } from '../core/refusal.js';
import { maillogOpText } from './messages/maillog.js';

// The maillog use case for the CLI and the walk alike: plan = find the logs and take the first
// look (milliseconds), run = the full pass into a report. Refusals are data, never exceptions.

// What the operator asked.
export interface MaillogRequest {
  /** Host paths of the logs named on the command line; empty = discover the system's. */
  files: string[];
  paths: SystemPaths;
  postfixConfig?: string;
  sinceWall?: number;
  untilWall?: number;
  top?: number;
  queueLimits?: QueueTableLimits;
}

// The first look at every log, in the order of their first time stamps.
export interface MaillogPlan {
  files: FileLook[];
  /** Files that could not be read (they are left out of the pass). */
  unreadable: { path: string; code: string; message: string }[];
  source: DiscoveredLogs['source'] | 'arguments';
  lifetimeSecs: number;
  request: MaillogRequest;
}

// The full pass's outcome.
export interface MaillogOutcome {
  report: PassReport;
  pass: PassResult;
}

// The outside world the op uses (the real adapters by default; tests may pass their own).
export interface MaillogDeps {
  discover: typeof discoverMailLogs;
  firstLook: typeof firstLook;
  fullPass: typeof runFullPass;
  lifetime: typeof queueLifetimeSecs;
}

// The real adapters.
const realMaillogDeps: MaillogDeps = { discover: discoverMailLogs, firstLook, fullPass: runFullPass, lifetime: queueLifetimeSecs };

// Finds the logs and looks at them.
export async function planMaillog(req: MaillogRequest, deps: MaillogDeps = realMaillogDeps): Promise<MaillogPlan | Refused> {
  let files = req.files;
  let source: MaillogPlan['source'] = 'arguments';
  let lifetimeSecs: number;
  if (!files.length) {
    const found = await deps.discover(req.paths, req.postfixConfig);
    if (!found.files.length) {
      return refuse('no-mail-log', maillogOpText().noLog(found.looked.map((p) => req.paths.toSystem(p)).join(', ')), maillogOpText().nameTheLog);
    }
    files = found.files;
    source = found.source;
    lifetimeSecs = found.lifetimeSecs;
  } else {
    lifetimeSecs = deps.lifetime(req.postfixConfig ? req.paths.arg(req.postfixConfig) : req.paths.sys('/etc/postfix'));
  }
  const looks: FileLook[] = [];
  const unreadable: MaillogPlan['unreadable'] = [];
  for (const f of files) {
    try {
      looks.push(deps.firstLook(f));
    } catch (e) {
      if (!(e instanceof LogOpenError)) throw e;
      unreadable.push({ path: f, code: e.code, message: e.message });
    }
  }
  if (!looks.length) {
    const u = unreadable[0];
    return refuse(u.code, unreadable.map((u) => logOpenWords(u)).join('; '), u.code === 'symlink' ? maillogOpText().realPath : undefined);
  }
  looks.sort((a, b) => (a.firstWall ?? Infinity) - (b.firstWall ?? Infinity) || a.path.localeCompare(b.path));
  return { files: looks, unreadable, source, lifetimeSecs, request: req };
}

// Reads every line of the planned logs; aborting keeps what was counted (pass.aborted tells).
export async function runMaillog(plan: MaillogPlan, deps: MaillogDeps = realMaillogDeps, onProgress?: (p: PassProgress) => void, signal?: AbortSignal): Promise<MaillogOutcome> {
  const r = plan.request;
  const stats = new MaillogStats({ sinceWall: r.sinceWall, untilWall: r.untilWall, lifetimeSecs: plan.lifetimeSecs, queueLimits: r.queueLimits ?? DEFAULT_QUEUE_LIMITS, topRetried: Math.max(20, r.top ?? 10) });
  const pass = await deps.fullPass(
    plan.files.map((f) => ({ path: f.path, startYear: f.startYear, size: f.size })),
    stats,
    onProgress,
    signal,
  );
  return { report: buildReport(stats, r.top ?? 10), pass };
}

// True when planMaillog refused.
export function isRefusal(x: MaillogPlan | Refused): x is Refused {
  return 'refused' in x;
}

// Whether the pass read every planned file to its end (not stopped, no file cut short).
export function passComplete(pass: PassResult): boolean {
  return !pass.aborted && pass.files.every((f) => f.complete);
}

// Where the analysis is recorded, as whoever runs the pass words it.
export interface MaillogRecordMeta {
  incidentFile: string;
  host: string;
  time: Date;
  /** The logs read, as the rescued system sees them. */
  files: string[];
  complete: boolean;
}

// Appends the analysis to the incident file as the sealed maillog section `prevent` reads back
// (src/core/prevent/retry-storm-record.ts); the CLI's --incident and the walk's Why step both
// record through here. A failed write is a result (what was written, why it stopped).
export function recordMaillog(report: PassReport, meta: MaillogRecordMeta, append: typeof appendIncidentSection = appendIncidentSection): AppendResult {
  const md = maillogMarkdown(report, { host: meta.host, time: meta.time, files: meta.files, complete: meta.complete });
  return append(meta.incidentFile, md);
}
