import { appendLines, applyLineChanges, type LineChange } from './text-edit.js';

// Edits main.cf the way `postconf -e` / `postconf -X` would, without needing Postfix, so the
// exact diff can be shown first: one setting's lines replaced, removed, or appended.

// Lines [start, end] of each assignment of name (continuation lines included).
function assignmentRanges(text: string, name: string): { line: number; endLine: number }[] {
  const out: { line: number; endLine: number }[] = [];
  const lines = text.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([A-Za-z0-9_.-]+)\s*=/.exec(lines[i]);
    if (!m || m[1] !== name) continue;
    let end = i;
    while (end + 1 < lines.length && /^\s+\S/.test(lines[end + 1]) && !/^\s*#/.test(lines[end + 1])) end++;
    out.push({ line: i + 1, endLine: end + 1 });
  }
  return out;
}

// main.cf with name = value: the last assignment replaced (earlier ones removed), or appended.
export function setMainCf(text: string, name: string, value: string): string {
  const ranges = assignmentRanges(text, name);
  const line = `${name} = ${value}`;
  if (!ranges.length) return appendLines(text, [line]);
  const changes: LineChange[] = ranges.map((r, i) => ({ ...r, lines: i === ranges.length - 1 ? [line] : [] }));
  return applyLineChanges(text, changes);
}

// main.cf without any assignment of name (Postfix's default applies again).
export function removeMainCf(text: string, name: string): string {
  return applyLineChanges(text, assignmentRanges(text, name).map((r) => ({ ...r, lines: [] })));
}

// master.cf without the `-o name=value` on line `line`, when that line holds nothing else;
// null when the override shares its line (then a person edits it).
export function removeMasterOverride(text: string, line: number): string | null {
  const lines = text.split('\n');
  if (!/^\s+-o\s+[A-Za-z0-9_]+=\S*\s*$/.test(lines[line - 1] ?? '')) return null;
  return applyLineChanges(text, [{ line, endLine: line, lines: [] }]);
}
