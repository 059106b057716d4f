import type { FollowUpCommand } from './fix-commands.js';
import { whereText, type Finding } from './finding.js';
import type { PlannedEdit } from './fix-plan.js';

// The human text of prevent: findings as short blocks, the plan as diffs and commands, the same
// wording on the command line, in the walk and in the incident file.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

// A line from a configuration file made safe for a terminal: control and direction-changing
// characters (a planted crontab could hold escape sequences) shown as \u{..}; tabs kept.
export function shownLine(s: string): string {
  return s.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const SEV: Record<Finding['severity'], string> = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' };

// One finding as lines: severity, id and where, then what, why and fix.
function findingLines(f: Finding): string[] {
  const lines = [`${SEV[f.severity].padEnd(6)} ${f.id}  ${whereText(f.where)}`, `       ${f.what}`, `       why: ${f.why}`, `       fix: ${f.fix}${f.fixable ? `  [--apply ${f.id}]` : ' (advice only)'}`];
  for (const d of f.details ?? []) lines.push(`         - ${d}`);
  return lines;
}

// The whole report.
export function reportLines(findings: readonly Finding[], unreadable: readonly string[]): string[] {
  const out = findings.length ? [`${findings.length} finding${findings.length > 1 ? 's' : ''} on this host:`, ''] : ['No findings: nothing here will fill the disk again that these checks know of.'];
  findings.forEach((f, i) => {
    out.push(...findingLines(f));
    if (i < findings.length - 1) out.push('');
  });
  if (unreadable.length) out.push('', 'Not checked (could not be read):', ...unreadable.map((u) => `  ${u}`));
  return out;
}

// The review before applying: every diff, then every command and when it runs.
export function planLines(edits: readonly PlannedEdit[], commands: readonly FollowUpCommand[], notes: readonly string[], backupDir: string): string[] {
  const out: string[] = [];
  for (const e of edits) out.push(...e.diff.replace(/\n$/, '').split('\n'), '');
  if (edits.length) out.push(`Backups of the files before the change go to ${backupDir} (outside every directory read as configuration).`);
  if (commands.length) {
    out.push('Then:');
    for (const c of commands) out.push(`  ${c.argv.join(' ')}    # ${c.why}${c.when === 'live-only' ? ' (live system only)' : c.when === 'if-running' ? ' (when Postfix runs)' : ''}`);
  }
  for (const n of notes) out.push(`Note: ${n}`);
  return out;
}
