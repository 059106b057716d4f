import type { RowResult } from './types.js';

const s = (x: number | undefined) => (x === undefined ? '-' : x < 0.1 ? `${(x * 1000).toFixed(1)} ms` : `${x.toFixed(2)} s`);
// A peak RSS of 0 means the row could not measure it (the program ran inside tmux).
const mb = (x: number | undefined) => (x === undefined || x === 0 ? '-' : `${x.toFixed(0)} MB`);

function target(r: RowResult): string {
  const t: string[] = [];
  if (r.limits.ratioMax !== undefined) t.push(`ratio <= ${r.limits.ratioMax}${r.limits.ratioGoal !== undefined ? ` (goal ${r.limits.ratioGoal})` : ''}`);
  if (r.limits.oursMaxS !== undefined) t.push(`<= ${s(r.limits.oursMaxS)}`);
  if (r.limits.rssMaxMB !== undefined) t.push(`RSS <= ${r.limits.rssMaxMB} MB`);
  return t.join(', ') || '-';
}

// The table line of one row, for the console and for BENCHMARKS.md.
export function rowLine(r: RowResult): string {
  const ratio = r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)} x`;
  const verdict = r.pass ? 'ok' : `**MISSED** (${r.failures.join('; ')})`;
  const what = r.figures ? `${r.title} (${r.figures})` : r.title;
  return `| ${what} | \`${r.oursLabel}\` ${s(r.oursMedianS)} | ${r.classicLabel ? `\`${r.classicLabel}\` ${s(r.classicMedianS)}` : '-'} | ${ratio} | ${mb(r.oursPeakRssMB)} | ${mb(r.classicPeakRssMB)} | ${target(r)} | ${verdict} |`;
}

// BENCHMARKS.md from every stored row result, grouped by capability.
// groupNotes: prose per group (bench/notes/GROUP.md), printed under its table.
export function renderBenchmarks(results: RowResult[], machine: string, groupsOrder: string[], groupNotes: Record<string, string> = {}): string {
  const groups = [...new Set([...groupsOrder, ...results.map((r) => r.group)])].filter((g) => results.some((r) => r.group === g));
  const out = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`: every row runs our command and the classic tool alternately in the',
    'same run (warm cache, one untimed warm-up each), and reports medians, their ratio (ours / classic,',
    'lower is better) and peak RSS from `/usr/bin/time`. Shared machines are noisy: read ratios, not',
    'absolute times.',
    '',
    '## Machine',
    '',
    machine,
    '',
  ];
  for (const g of groups) {
    out.push(`## ${g}`, '', '| row | ours (median) | classic (median) | ratio | ours peak RSS | classic peak RSS | target | verdict |', '|---|---|---|---|---|---|---|---|');
    const rows = results.filter((r) => r.group === g);
    for (const r of rows) out.push(rowLine(r));
    const notes = rows.filter((r) => r.notes).map((r) => `- ${r.title}: ${r.notes}`);
    const when = [...new Set(rows.map((r) => r.measuredAt.slice(0, 10)))].join(', ');
    const plural = (n: number) => `${n} ${n === 1 ? 'run' : 'runs'}`;
    const counts = [...new Set(rows.map((r) => r.runs))];
    const runs = counts.length === 1 ? `${plural(counts[0])} per command` : `runs per command: ${rows.map((r) => `${plural(r.runs)} (${r.title})`).join('; ')}`;
    out.push('', `Measured ${when}, ${runs}.`, ...(notes.length ? ['', ...notes] : []), '');
    if (groupNotes[g]) out.push(groupNotes[g].trim(), '');
  }
  return out.join('\n');
}
