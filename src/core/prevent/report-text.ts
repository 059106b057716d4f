import { commandWhy, type FollowUpCommand } from './fix-commands.js';
import type { Finding } from './finding.js';
import { findingWords, whereText } from './finding-words.js';
import type { PlannedEdit } from './fix-plan.js';
import { preventReportText } from './report-messages.js';
import { displayWidth, padCell, wrapText } from '../text/text-fit.js';

// The human text of prevent: findings as short blocks, the plan as diffs and commands, the same
// wording on the command line, in the walk and in the incident file.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

// A line from a configuration file made safe for a terminal: control and direction-changing
// characters (a planted crontab could hold escape sequences) shown as \u{..}; tabs kept.
export function shownLine(s: string): string {
  return s.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

// One finding as lines: severity, id and where, then what, why and fix.
function findingLines(f: Finding): string[] {
  const t = preventReportText();
  const w = findingWords(f);
  const lines = [`${padCell(t.severity[f.severity], 6)} ${f.id}  ${whereText(f.where)}`, `       ${w.what}`, `       ${t.why(w.why)}`, `       ${t.fix(w.fix)}${f.fixable ? t.apply(f.id) : t.adviceOnly}`];
  for (const d of w.details ?? []) lines.push(`         - ${d}`);
  return lines;
}

// The whole report.
export function reportLines(findings: readonly Finding[], unreadable: readonly string[]): string[] {
  const t = preventReportText();
  const out = findings.length ? [t.findings(findings.length), ''] : [t.noFindings];
  findings.forEach((f, i) => {
    out.push(...findingLines(f));
    if (i < findings.length - 1) out.push('');
  });
  if (unreadable.length) out.push('', t.notChecked, ...unreadable.map((u) => `  ${u}`));
  return out;
}

// A command and what it is for: on one line when that fits `width` columns, else the command alone
// (never cut: it is read and copied whole) and the why below it, wrapped.
function commandLines(command: string, why: string, width: number): string[] {
  const one = `  ${command}    # ${why}`;
  if (displayWidth(one) <= width) return [one];
  return [`  ${command}`, ...wrapText(`    # ${why}`, width, '      ')];
}

// The review before applying: every diff, then every command and when it runs (each command's line
// fits `width` columns unless the command alone is wider).
export function planLines(edits: readonly PlannedEdit[], commands: readonly FollowUpCommand[], notes: readonly string[], backupDir: string, width = 80): string[] {
  const t = preventReportText();
  const out: string[] = [];
  for (const e of edits) out.push(...e.diff.replace(/\n$/, '').split('\n'), '');
  if (edits.length) out.push(t.backups(backupDir));
  if (commands.length) {
    out.push(t.then);
    for (const c of commands) out.push(...commandLines(c.argv.join(' '), `${commandWhy(c)}${c.when === 'live-only' ? t.liveOnly : c.when === 'if-running' ? t.ifRunning : ''}`, width));
  }
  for (const n of notes) out.push(t.note(n));
  return out;
}
