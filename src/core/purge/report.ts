// How a finished purge is told: one JSON document for scripts, a few plain lines for a terminal.
import { escapeName, nameForJson } from '../text/escape-name.js';
import { planJson, type PurgePlan } from './plan.js';
import { purgeReportText } from './report-messages.js';
import { checkJson, checkSkipShown, fallbackWords, problemWords, purgeFailures, type PostfixCheckResult, type PurgeOutcome, type PurgeVerification } from './result.js';
import { formatLabel, formatOwner } from './snapshot.js';
import { differencesWords, notComparedWords } from './attr-words.js';
import { walkStopWords } from './walk-stop.js';
import { fmtBytes, fmtCount, fmtDuration, fmtMode } from '../text/units.js';
import { commandFailureText, type CommandFailure } from '../command-failure.js';

// Where the incident section went (or why it did not).
export interface IncidentNote {
  file: string;
  ok: boolean;
  message?: string;
}

// Everything a finished purge is reported from (terminal, JSON, incident file).
export interface PurgeReport {
  plan: PurgePlan;
  outcome: PurgeOutcome;
  verification: PurgeVerification;
  postfixCheck: PostfixCheckResult;
  incident: IncidentNote | null;
}

const n = fmtCount;

// The --json document of a purge that ran (the dry run prints { dryRun, plan } only).
export function purgeJson(r: PurgeReport): Record<string, unknown> {
  const { outcome: o, verification: v } = r;
  const failures = purgeFailures(o, v, r.incident, 'en');
  return {
    dryRun: false,
    ok: failures.length === 0,
    failures,
    plan: planJson(r.plan),
    result: {
      strategy: o.strategyUsed,
      fallback: o.fallback ? fallbackWords(o.fallback, 'en') : null,
      entriesRemoved: o.removed,
      freedBytes: o.bytes,
      errors: o.errors,
      skipped: o.skipped,
      problems: o.problems.map((p) => ({ ...nameForJson(p.name), code: ('code' in p && p.code) || null, message: problemWords(p, 'en'), where: p.where })),
      aborted: o.aborted,
      stoppedBecause: o.stoppedBecause ? walkStopWords(o.stoppedBecause, 'en') : null,
      firstRemoved: o.firstRemoved.map(nameForJson),
      lastRemoved: o.lastRemoved.map(nameForJson),
      startedAt: o.startedAt,
      durationMs: o.durationMs,
      dirBackInPlaceAfterMs: o.dirBackInPlaceAfterMs ?? null,
      setAside: o.asides,
      postsuper: o.postsuper ? { ...o.postsuper, failure: o.postsuper.failure && commandFailureText(o.postsuper.failure, 'en') } : null,
    },
    verification: {
      dirPresent: v.dirPresent,
      snapshotHeld: v.dirPresent && v.differences.length === 0,
      differences: differencesWords(v.differences, 'en'),
      repaired: differencesWords(v.repaired, 'en'),
      notCompared: v.notCompared.map((x) => notComparedWords(x, 'en')),
      after: v.after && { uid: v.after.uid, gid: v.after.gid, mode: fmtMode(v.after.mode), label: v.after.label.state === 'present' ? v.after.label.text : null },
      empty: v.dirPresent && v.entriesLeft === 0,
      entriesLeft: v.entriesLeft,
      entriesLeftCapped: v.entriesLeftCapped,
      sampleLeft: v.sampleLeft.map(nameForJson),
    },
    postfixCheck: checkJson(r.postfixCheck),
    incident: r.incident,
  };
}

// What happened, for a terminal: outcome, verification, postfix check, incident, failures.
export function purgeSummaryLines(r: PurgeReport): string[] {
  const t = purgeReportText();
  const { plan, outcome: o, verification: v, postfixCheck: c } = r;
  const failures = purgeFailures(o, v, r.incident);
  const state = failures.length ? (o.aborted ? 'stopped' : 'incomplete') : 'done';
  const out = [t.head(state, escapeName(plan.shownDir), o.strategyUsed, n(o.removed), fmtBytes(o.bytes), fmtDuration(o.durationMs / 1000))];
  if (o.fallback) out.push(t.note(fallbackWords(o.fallback)));
  if (o.dirBackInPlaceAfterMs !== undefined) out.push(t.backInPlace(fmtDuration(o.dirBackInPlaceAfterMs / 1000)));
  if (o.postsuper) out.push(t.postsuper(o.postsuper.command, o.postsuper.ok === true, o.postsuper.output ? (o.postsuper.output.split('\n').pop() ?? '') : null));
  if (v.dirPresent && v.after) {
    out.push(t.verified(formatOwner(v.after), fmtMode(v.after.mode), formatLabel(v.after.label), v.differences.length === 0 ? null : differencesWords(v.differences).join('; ')));
    if (v.repaired.length) out.push(t.repaired(differencesWords(v.repaired).join('; ')));
    for (const nc of v.notCompared) out.push(t.notCompared(notComparedWords(nc)));
    const left = v.entriesLeft === 0 ? t.empty : t.left(v.entriesLeftCapped, n(v.entriesLeft), v.sampleLeft.map((b) => escapeName(b)).join(', '));
    out.push(t.contents(left));
  }
  for (const p of o.problems.slice(0, 5)) out.push(t.problem(`${escapeName(p.where)}/${escapeName(p.name)}`, problemWords(p)));
  if (c.ran) out.push(t.check(c.ok === true, String(c.exitCode), [c.output, ...c.logLines].filter(Boolean).join(' | ')));
  else if (checkSkipShown(c)) out.push(t.checkNotRun(String(checkSkipShown(c))));
  if (r.incident) out.push(r.incident.ok ? t.incidentWritten(r.incident.file) : t.incidentFailed(String(r.incident.message)));
  for (const f of failures) out.push(t.failure(f));
  return out;
}
