import { editErrorWords, followUpNoteWords, unreadConfigWords } from '../../core/prevent/apply-facts.js';
import { readStopText } from '../../core/listing/entry.js';
import crypto from 'node:crypto';
import os from 'node:os';
import type { CommandContext } from '../../cli/command.js';
import { evidenceSummary } from '../../core/incident/evidence.js';
import { createSystemPaths, type SystemPaths } from '../../core/system-paths.js';
import { escapeName } from '../../core/text/escape-name.js';
import { lookLines } from '../../core/maillog/first-look-view.js';
import { planLines } from '../../core/prevent/report-text.js';
import type { RetryStormInput } from '../../core/prevent/host-config.js';
import { retryStormFromRecords } from '../../core/prevent/retry-storm-record.js';
import { readIncidentRecords } from '../../io/incident/sink.js';
import { safeRealpath } from '../../io/paths/mail-path-tagger.js';
import { logOpenWords } from '../../io/maillog/messages.js';
import { appendClosingSection } from '../../io/prevent/closing-section.js';
import { planCapture, runCapture } from '../../ops/capture.js';
import { planDisks, runDisks } from '../../ops/disks.js';
import { checkIncidentDestination, destinationChoices } from '../../ops/incident-destination.js';
import { realIncidentDestinationDeps } from '../../ops/real/incident-destination.js';
import { countDirectory, directoryPages, lookAt, type PathLabel } from '../../ops/listing.js';
import { isRefusal, passComplete, planMaillog, recordMaillog, runMaillog } from '../../ops/maillog.js';
import { listMailPaths } from '../../ops/mail-paths.js';
import { planPrevent, runPrevent, type PreventPlan, type PreventRequest } from '../../ops/prevent.js';
import { realCaptureDeps } from '../../ops/real/capture.js';
import { realDisksDeps } from '../../ops/real/disks.js';
import { realListingDeps } from '../../ops/real/listing.js';
import { realMailPathsDeps } from '../../ops/real/mail-paths.js';
import { realRecordDeps } from '../../ops/real/record.js';
import { realScanDeps } from '../../ops/real/scan.js';
import { recordSection } from '../../ops/record.js';
import { planScan, runScan, scanChildren } from '../../ops/scan.js';
import { VERSION } from '../../version.js';
import type { CaptureResult, FixApplied, FixReview, HotspotsPort, LookInsidePort, MaillogPort, SummaryPort } from './index.js';
import type { Ports } from './index.js';
import { purgePort, truncatePort } from './real-purge.js';
import { queuePort } from './real-queue.js';
import { planPort } from './real-plan.js';
import { portsText } from './messages.js';

// The walk's ports on the ops (src/ops/): each step runs the same op, with the same real
// adapters (src/ops/real/), as its subcommand; this file only maps the ops' data onto the port
// shapes the steps know and words refusals for the screen (the walk never enables the CLI's
// chdir speed-ups).

// The Evidence step's capture: the capture op; a refused destination is an error before anything is read.
function capturePort(paths: SystemPaths, postfixConfig?: string): Ports['evidence']['capture'] {
  const deps = realCaptureDeps();
  return {
    async run(req, opts): Promise<CaptureResult> {
      const plan = planCapture({ source: req.source, paths, postfixConfig, incidentFile: req.incidentFile, force: req.force === true, items: req.messages }, deps);
      if ('refused' in plan) {
        const other = plan.candidates[0] ? portsText().roomList(plan.candidates.slice(0, 3).map((c) => c.mount).join(portsText().listJoin)) : '';
        throw new Error(`${plan.refused.reason}${other}`);
      }
      const { evidence, written } = await runCapture(plan, deps, opts.onProgress, opts.signal);
      const warning = written.ok ? undefined : portsText().captureShort(String(written.message), String(written.bytesWritten));
      return { incidentFile: plan.incidentFile, kind: evidence.kind, source: evidence.file.systemPath, sha256: evidence.sha256, summary: evidenceSummary(evidence), bytesWritten: written.bytesWritten, ...(warning ? { warning } : {}) };
    },
  };
}

// Hotspots on the scan op: live progress, abort, tagged rankings, drill-down without a rescan.
function hotspotsPort(paths: SystemPaths, postfixConfig?: string): HotspotsPort {
  const deps = realScanDeps();
  return {
    async scan(start, o) {
      const plan = planScan({ start, paths, postfixConfig, top: o.top, canonical: true }, deps);
      if ('refused' in plan) throw new Error(plan.refused.reason);
      const done = await runScan(plan, deps, o.onProgress, o.signal);
      return {
        report: done.report,
        async children(dir, by) {
          const rows = scanChildren(done, dir, by);
          if (!rows) throw new Error(portsText().notScanned(dir));
          return rows;
        },
      };
    },
  };
}

// Look inside on the listing op; failures read "Look inside: PATH: reason".
function lookInsidePort(paths: SystemPaths): LookInsidePort {
  const deps = realListingDeps();
  const label = (p: string): PathLabel => ({ shown: escapeName(paths.toSystem(p)), where: portsText().lookInside, root: paths.root });
  const names = {};
  return {
    stat: async (p) => lookAt(p, label(p), paths, deps, names),
    open: (dir) => directoryPages(dir, label(dir), deps),
    async scan(dir, k, o) {
      const r = await countDirectory(dir, label(dir), { oldest: k, newest: k }, deps, o.onProgress, o.signal);
      if (r.incomplete?.reason === 'aborted') throw o.signal.reason ?? new Error('stopped');
      return { count: r.count, oldest: r.oldest, newest: r.newest, undated: r.undated, incomplete: r.incomplete ? (r.incomplete.read ? readStopText(r.incomplete.read) : r.incomplete.message) : null };
    },
  };
}

// The Why step on the maillog op: the same code `spoolrescue maillog` runs.
/** @internal unit-tested on its own: test/ui/screens/why.test.tsx */
export function maillogPort(paths: SystemPaths, postfixConfig?: string): MaillogPort {
  const plan = (files: string[]) => planMaillog({ files, paths, postfixConfig });
  return {
    async look(files, width) {
      const p = await plan(files);
      if (isRefusal(p)) return { refused: { reason: p.refused.reason, hint: p.refused.hint }, lines: [], files: [], bytesTotal: 0 };
      const unreadable = p.unreadable.map((u) => portsText().skipped(logOpenWords(u)));
      return { refused: null, lines: [...lookLines(p.files, (x) => paths.toSystem(x), width), ...unreadable], files: p.files.map((f) => f.path), bytesTotal: p.files.reduce((a, f) => a + f.size, 0) };
    },
    async pass(files, o) {
      const p = await plan(files);
      if (isRefusal(p)) throw new Error(p.refused.reason);
      const t0 = performance.now();
      const { report, pass } = await runMaillog(p, undefined, o.onProgress, o.signal);
      return { report, complete: passComplete(pass), elapsedMs: performance.now() - t0, files: p.files.map((f) => f.path) };
    },
    async record(req) {
      // The destination rules of `maillog --incident`; the log's filesystem is the troubled one.
      const subject = req.pass.files[0] ?? paths.sys('/var/log');
      const dest = checkIncidentDestination({ file: req.incidentFile, subject, force: req.force }, realIncidentDestinationDeps());
      if ('refused' in dest) {
        const other = dest.candidates.length ? portsText().roomListEvidence(dest.candidates.slice(0, 3).map((c) => c.mount).join(portsText().listJoin)) : '';
        return { ok: false, incidentFile: req.incidentFile, bytesWritten: 0, message: `${dest.refused.reason}${other}`, warnings: [] };
      }
      const meta = { incidentFile: dest.file, host: os.hostname(), time: new Date(), files: req.pass.files.map((f) => paths.toSystem(f)), complete: req.pass.complete };
      const w = recordMaillog(req.pass.report, meta);
      return { ok: w.ok, incidentFile: dest.file, bytesWritten: w.bytesWritten, ...(w.ok ? {} : { message: w.message }), warnings: dest.warnings };
    },
  };
}

// The Summary step on the prevent op: plans are kept by handle so "apply" writes what the operator saw.
/** @internal unit-tested on its own: test/prevent/summary-port.test.ts */
export function preventionPort(paths: SystemPaths, postfixConfig: string | undefined): SummaryPort {
  const plans = new Map<number, { plan: PreventPlan; req: PreventRequest }>();
  let next = 1;
  // The mail log verdict last read from the incident file, so a fix is planned on the same findings.
  let retryStorm: RetryStormInput | null = null;
  const request = (apply: string[], forwardRootTo?: string): PreventRequest => ({ paths, postfixConfig, apply, forwardRootTo, retryStorm });
  return {
    async prevention(incidentFile) {
      // As `prevent --incident`: only sealed sections this tool finished count.
      let unreadableRecords: string[] = [];
      try {
        retryStorm = incidentFile ? retryStormFromRecords(await readIncidentRecords(incidentFile)) : null;
      } catch (e) {
        retryStorm = null;
        unreadableRecords = [`${incidentFile}: ${(e as Error).message}`];
      }
      const p = await planPrevent(request([]));
      if ('refused' in p) throw new Error(p.refused.reason);
      return { findings: p.findings, unreadable: [...p.unreadable.map((u) => unreadConfigWords(u)), ...unreadableRecords] };
    },
    async planFix(id, forwardRootTo): Promise<FixReview> {
      const req = request([id], forwardRootTo);
      const p = await planPrevent(req);
      if ('refused' in p) return { id, handle: 0, lines: [], refusal: `${p.refused.reason}${p.refused.hint ? ` (${p.refused.hint})` : ''}` };
      if (!p.edits.length && !p.commands.length) return { id, handle: 0, lines: [], refusal: portsText().alreadyFixed(id) };
      const handle = next++;
      plans.set(handle, { plan: p, req });
      return { id, handle, lines: planLines(p.edits, p.commands, p.fixes.flatMap((f) => f.notes), p.backupDir), refusal: null };
    },
    async applyFix(review, incidentFile): Promise<FixApplied> {
      const kept = plans.get(review.handle);
      if (!kept) throw new Error(portsText().fixStale);
      plans.delete(review.handle);
      const run = await runPrevent(kept.plan, kept.req);
      const t = portsText();
      const lines = [
        ...run.edits.map((e) => (e.ok ? t.edited(e.path, e.backup) : t.failed(e.error ? editErrorWords(e.error) : ''))),
        ...run.commands.map((c) => t.command(c.ran ? (c.ok ? 'ran' : 'FAILED') : 'skipped', c.command, c.note && followUpNoteWords(c.note))),
      ];
      const fixed = run.verified.every((v) => v.fixed);
      lines.push(fixed ? t.fixGone(review.id) : t.fixStill(review.id));
      if (incidentFile) {
        const w = await appendClosingSection({ incidentFile, paths, open: run.findingsAfter, fixedNow: fixed ? [review.id] : [], changes: lines.map((l) => `- ${l}`), version: VERSION });
        lines.push(w.result.ok ? t.recordedIn(incidentFile) : t.recordingFailed(String(w.result.message)));
      }
      return { id: review.id, ok: run.ok, fixed, lines };
    },
    async closing(incidentFile, fixed) {
      const p = await planPrevent(request([]));
      if ('refused' in p) return { ok: false, incidentFile, message: p.refused.reason };
      const w = await appendClosingSection({ incidentFile, paths, open: p.findings, fixedNow: fixed, changes: [], version: VERSION });
      return w.result.ok ? { ok: true, incidentFile, section: { title: portsText().closingTitle, sha256: w.sha256, bytes: w.result.bytesWritten } } : { ok: false, incidentFile, message: w.result.message };
    },
  };
}

// Builds the ports for a run of the CLI (paths mapped by --root, Postfix by --postfix-config).
export function createRealPorts(ctx: CommandContext): Ports {
  const { paths } = ctx;
  const postfixConfig = ctx.global.postfixConfig;
  const recordDeps = realRecordDeps();
  const destinationDeps = realCaptureDeps().destination;
  // Scans report canonical paths: a --root reached through a symlink is shown as the system too.
  const realRoot = paths.root === undefined ? undefined : safeRealpath(paths.root);
  const realPaths = realRoot && realRoot !== paths.root ? createSystemPaths(realRoot, '/') : undefined;
  const show = (p: string) => {
    const s = paths.toSystem(p);
    return s === p && realPaths ? realPaths.toSystem(p) : s;
  };
  return {
    session: {
      hostname: os.hostname(),
      root: paths.root,
      show,
      resolve: (p) => paths.arg(p),
      now: () => new Date(),
      uniqueTag: () => crypto.randomBytes(6).toString('hex'),
    },
    disks: {
      loadDisks: async (signal) => {
        const { report, rescued } = await runDisks(planDisks({ paths, postfixConfig }), realDisksDeps(), undefined, signal);
        return rescued ? { ...report, rescued } : report;
      },
    },
    hotspots: hotspotsPort(paths, postfixConfig),
    mailPaths: { list: () => listMailPaths(paths, postfixConfig, realMailPathsDeps()) },
    inside: lookInsidePort(paths),
    evidence: {
      destinations: async ({ report, troubled, source, fileName }) => destinationChoices({ report, troubled, subject: source ?? paths.sys('/'), fileName }, destinationDeps),
      capture: capturePort(paths, postfixConfig),
      record: async (file, title, markdown) => recordSection(file, title, markdown, recordDeps),
    },
    purge: purgePort(paths, postfixConfig),
    truncate: truncatePort(paths, postfixConfig),
    summary: preventionPort(paths, postfixConfig),
    maillog: maillogPort(paths, postfixConfig),
    queue: queuePort(paths, postfixConfig),
    plan: planPort(paths, postfixConfig),
  };
}
