// Line edits that keep every other byte of a configuration file, and the unified diff the
// operator reviews before anything is written.

// One change: replace lines [line, endLine] (1-based) with `lines`; endLine = line - 1 inserts.
export interface LineChange {
  line: number;
  endLine: number;
  lines: string[];
}

// Applies changes (they must not overlap) from the bottom up, so line numbers stay valid.
export function applyLineChanges(text: string, changes: readonly LineChange[]): string {
  const trailing = text.endsWith('\n');
  const lines = text === '' ? [] : (trailing ? text.slice(0, -1) : text).split('\n');
  for (const c of [...changes].sort((a, b) => b.line - a.line)) {
    lines.splice(c.line - 1, c.endLine - c.line + 1, ...c.lines);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

// Appends lines at the end (after a newline if the file lacks its last one).
export function appendLines(text: string, add: readonly string[]): string {
  const base = text === '' || text.endsWith('\n') ? text : text + '\n';
  return base + add.join('\n') + '\n';
}

// A unified diff of two texts (whole-line, 3 lines of context), as `diff -u` prints it.
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return '';
  const ctxStart = Math.max(0, start - 3);
  const ctxEndA = Math.min(a.length, endA + 3);
  const ctxEndB = Math.min(b.length, endB + 3);
  const out = [`--- ${file}`, `+++ ${file}`, `@@ -${ctxStart + 1},${ctxEndA - ctxStart} +${ctxStart + 1},${ctxEndB - ctxStart} @@`];
  for (let i = ctxStart; i < start; i++) out.push(' ' + a[i]);
  for (let i = start; i < endA; i++) out.push('-' + a[i]);
  for (let i = start; i < endB; i++) out.push('+' + b[i]);
  for (let i = endA; i < ctxEndA; i++) out.push(' ' + a[i]);
  return out.join('\n') + '\n';
}
