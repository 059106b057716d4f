import type { RowResult } from './types.js';

// The rows results.json keeps after a run: every defined row measured now or before, in the
// order the rows are defined, plus stored rows this run does not define but whose group it does
// (a size set by environment, e.g. the 1,000,000-file queue rows when the default is 50,000),
// each after the last defined row of its group, so a run with `--only` never drops a figure.
export function storedRows(definedIds: readonly { id: string; group: string }[], results: ReadonlyMap<string, RowResult>, stored: readonly RowResult[]): RowResult[] {
  const defined = new Set(definedIds.map((r) => r.id));
  const groups = new Set(definedIds.map((r) => r.group));
  const extra = stored.filter((r) => !defined.has(r.id) && groups.has(r.group));
  const out: RowResult[] = [];
  definedIds.forEach((d, i) => {
    const r = results.get(d.id);
    if (r) out.push(r);
    const lastOfGroup = definedIds[i + 1]?.group !== d.group;
    if (lastOfGroup) out.push(...extra.filter((e) => e.group === d.group && !out.includes(e)));
  });
  return out;
}
