// The purge's section of the incident file (Markdown): what was emptied, exactly how it looked
// before, how, how much, which names went first and last, and whether the result was verified.
// It starts with the header every incident section shares (host, time, what, where, hash).
import { escapeName } from '../text/escape-name.js';
import { formatSectionHeader } from '../incident/section.js';
import type { PurgeReport } from './report.js';
import { purgeFailures } from './result.js';
import { formatLabel, formatOwner } from './snapshot.js';
import { fmtBytes, fmtCount, fmtDuration, fmtMode } from '../text/units.js';

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
  return [fence, ...(lines.length ? lines : ['(none)']), fence];
}

// The Markdown section for one purge (names escaped, never raw).
export function purgeIncidentSection(r: Omit<PurgeReport, 'incident'>, ctx: IncidentContext): string {
  const { plan, outcome: o, verification: v, postfixCheck: c } = r;
  const s = plan.snapshot;
  const failures = purgeFailures(o, v);
  const dir = escapeName(plan.shownDir);
  const check = c.ran
    ? `${c.command}: ${c.ok ? 'ok' : `exit ${c.exitCode}`}${[c.output, ...c.logLines].filter(Boolean).length ? ` — ${[c.output, ...c.logLines].filter(Boolean).join(' | ')}` : ''}`
    : `not run (${c.skipped})`;
  const header = formatSectionHeader({
    step: 'purge',
    title: plan.shownDir,
    host: ctx.host,
    time: new Date(ctx.at),
    what: `emptied the directory (${o.strategyUsed}): ${fmtCount(o.removed)} entries, ${fmtBytes(o.bytes)}`,
    source: plan.shownDir,
    sha256: null,
    rows: [['spoolrescue', ctx.version]],
    record: { dir: plan.shownDir, strategy: o.strategyUsed, removed: o.removed, bytes: o.bytes, ok: failures.length === 0 },
  });
  const lines = [
    header,
    `- Started: ${o.startedAt}; duration ${fmtDuration(o.durationMs / 1000)}`,
    `- Directory: ${dir} (${plan.target.description}; allowed: ${plan.allowedBy})`,
    `- Snapshot before: owner ${formatOwner(s)}, mode ${fmtMode(s.mode)}, SELinux label ${formatLabel(s.label)}`,
    `- Postfix: ${plan.postfix.running ? 'running' : 'not running'} (${plan.postfix.how}); config ${plan.postfix.configDir}`,
    `- Strategy: ${o.strategyUsed}${o.fallback ? ` (planned ${plan.strategy.strategy}: ${o.fallback})` : ''} — ${plan.strategy.reasons.join('; ')}`,
    `- Removed: ${fmtCount(o.removed)} entries, ${fmtCount(o.bytes)} bytes (${fmtBytes(o.bytes)})${o.errors ? `; ${o.errors} could not be removed` : ''}`,
  ];
  if (o.dirBackInPlaceAfterMs !== undefined) lines.push(`- DIR back in place, empty: ${fmtDuration(o.dirBackInPlaceAfterMs / 1000)} after start`);
  if (o.postsuper) lines.push(`- ${o.postsuper.command}: ${o.postsuper.ok ? 'ok' : 'failed'}; ${o.postsuper.output || 'no output'}`);
  if (o.asides.length) lines.push(`- Set-aside copies: ${o.asides.map((a) => `${escapeName(a.path)} ${a.removed ? 'deleted' : 'LEFT (rerun to finish)'}`).join(', ')}`);
  const after = v.after ? `owner ${formatOwner(v.after)}, mode ${fmtMode(v.after.mode)}, label ${formatLabel(v.after.label)}` : 'DIR missing';
  lines.push(
    `- Verification: ${after}; ${v.differences.length ? `DIFFERS: ${v.differences.join('; ')}` : 'matches the snapshot'}; ${v.entriesLeft ? `${v.entriesLeft} entries left` : 'empty'}`,
    `- postfix check: ${check}`,
    `- Result: ${failures.length ? `INCOMPLETE — ${failures.join('; ')}` : 'done'}`,
    '',
    `First ${o.firstRemoved.length} names removed (escaped, relative to the directory):`,
    '',
    ...fenced(o.firstRemoved.map((b) => escapeName(b))),
    '',
    `Last ${o.lastRemoved.length} names removed:`,
    '',
    ...fenced(o.lastRemoved.map((b) => escapeName(b))),
    '',
  );
  return lines.join('\n');
}
