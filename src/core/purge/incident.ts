// The purge's section of the incident file (Markdown): what was emptied, exactly how it looked
// before, how, how much, which names went first and last, and whether the result was verified.
// It starts with the header every incident section shares (host, time, what, where, hash).
import { escapeName } from '../text/escape-name.js';
import { formatSectionHeader } from '../incident/section.js';
import type { PurgeReport } from './report.js';
import { checkSkipShown, fallbackWords, purgeFailures } from './result.js';
import { formatLabel, formatOwner } from './snapshot.js';
import { fmtBytes, fmtCount, fmtDuration, fmtMode } from '../text/units.js';
import { purgeIncidentText } from './incident-messages.js';
import { allowedByWords, targetWords } from './target.js';
import { reasonWords } from './strategy.js';
import { differencesWords } from './attr-words.js';

// Facts about the run the section records that core cannot look up itself.
export interface IncidentContext {
  host: string;
  version: string;
  /** When the section is written (ISO). */
  at: string;
}

function fenced(lines: string[]): string[] {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, ...(lines.length ? lines : [purgeIncidentText().none]), fence];
}

// The Markdown section for one purge (names escaped, never raw).
export function purgeIncidentSection(r: Omit<PurgeReport, 'incident'>, ctx: IncidentContext): string {
  const t = purgeIncidentText();
  const { plan, outcome: o, verification: v, postfixCheck: c } = r;
  const s = plan.snapshot;
  const failures = purgeFailures(o, v);
  const dir = escapeName(plan.shownDir);
  const said = [c.output, ...c.logLines].filter(Boolean);
  const check = c.ran ? `${c.command}: ${c.ok ? t.checkOk : t.checkExit(String(c.exitCode))}${said.length ? ` — ${said.join(' | ')}` : ''}` : t.notRun(String(checkSkipShown(c)));
  const header = formatSectionHeader({
    step: 'purge',
    title: plan.shownDir,
    host: ctx.host,
    time: new Date(ctx.at),
    what: t.what(o.strategyUsed, fmtCount(o.removed), fmtBytes(o.bytes)),
    source: plan.shownDir,
    sha256: null,
    rows: [['spoolrescue', ctx.version]],
    record: { dir: plan.shownDir, strategy: o.strategyUsed, removed: o.removed, bytes: o.bytes, ok: failures.length === 0 },
  });
  const lines = [
    header,
    t.started(o.startedAt, fmtDuration(o.durationMs / 1000)),
    t.directory(dir, targetWords(plan.target), allowedByWords(plan.target)),
    t.snapshot(formatOwner(s), fmtMode(s.mode), formatLabel(s.label)),
    t.postfix(plan.postfix.running === true, plan.postfix.how, plan.postfix.configDir),
    t.strategy(o.strategyUsed, o.fallback ? plan.strategy.strategy : null, o.fallback ? fallbackWords(o.fallback) : '', plan.strategy.reasons.map((x) => reasonWords(x)).join('; ')),
    t.removed(fmtCount(o.removed), fmtCount(o.bytes), fmtBytes(o.bytes), o.errors),
  ];
  if (o.dirBackInPlaceAfterMs !== undefined) lines.push(t.backInPlace(fmtDuration(o.dirBackInPlaceAfterMs / 1000)));
  if (o.postsuper) lines.push(t.postsuper(o.postsuper.command, o.postsuper.ok === true, o.postsuper.output));
  if (o.asides.length) lines.push(t.asides(o.asides.map((a) => t.aside(escapeName(a.path), a.removed)).join(', ')));
  const after = v.after ? t.after(formatOwner(v.after), fmtMode(v.after.mode), formatLabel(v.after.label)) : t.dirMissing;
  lines.push(
    t.verification(after, v.differences.length ? differencesWords(v.differences).join('; ') : null, v.entriesLeft),
    t.postfixCheck(check),
    t.result(failures.length ? failures.join('; ') : null),
    '',
    t.firstRemoved(o.firstRemoved.length),
    '',
    ...fenced(o.firstRemoved.map((b) => escapeName(b))),
    '',
    t.lastRemoved(o.lastRemoved.length),
    '',
    ...fenced(o.lastRemoved.map((b) => escapeName(b))),
    '',
  );
  return lines.join('\n');
}
