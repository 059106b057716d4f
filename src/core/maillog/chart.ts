import { maillogReportText } from './report-messages.js';
import type { DayRow, RetriedRow } from './pass-report.js';
import { shortBytes } from '../text/units.js';

// Bar charts in plain ASCII (a serial console at 80 columns shows them, so does Markdown in a
// code block): bytes per day stacked by process, and a retried message's attempts per day.

// Letters for processes: the first free letter of the name after the slash ("smtp" s, "smtpd" d...).
function letters(processes: string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const p of processes) {
    const name = p.slice(p.lastIndexOf('/') + 1).toLowerCase() + 'abcdefghijklmnopqrstuvwxyz';
    const ch = [...name].find((c) => /[a-z]/.test(c) && !used.has(c)) ?? '#';
    used.add(ch);
    out.set(p, ch);
  }
  return out;
}

// One stacked bar per day (bytes), the biggest processes lettered, the rest as '.'.
export function dayProcessChart(days: DayRow[], width = 80, maxProcesses = 6): string[] {
  if (!days.length) return [maillogReportText().noLines];
  const totals = new Map<string, number>();
  for (const d of days) for (const [p, v] of Object.entries(d.byProcess)) totals.set(p, (totals.get(p) ?? 0) + v.bytes);
  const shown = [...totals].sort((a, b) => b[1] - a[1]).slice(0, maxProcesses).map(([p]) => p);
  const letter = letters(shown);
  const max = Math.max(...days.map((d) => d.bytes), 1);
  const barWidth = Math.max(10, width - 22);
  const lines = days.map((d) => {
    let bar = '';
    let acc = 0;
    let drawn = 0;
    for (const p of shown) {
      acc += d.byProcess[p]?.bytes ?? 0;
      const upto = Math.round((acc / max) * barWidth);
      bar += letter.get(p)!.repeat(Math.max(0, upto - drawn));
      drawn = Math.max(drawn, upto);
    }
    const upto = Math.round((d.bytes / max) * barWidth);
    bar += '.'.repeat(Math.max(0, upto - drawn));
    return `${d.day.slice(5)} ${shortBytes(d.bytes).padStart(8)} |${bar}`;
  });
  const t = maillogReportText();
  const legend = shown.map((p) => `${letter.get(p)}=${p}`).join(' ') + (totals.size > shown.length ? ` .=${t.otherProcesses}` : '');
  return [...lines, t.legend(legend)];
}

// A bar per labelled value.
export function barChart(rows: { label: string; value: number; text?: string }[], width = 80): string[] {
  const max = Math.max(...rows.map((r) => r.value), 1);
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 1);
  const texts = rows.map((r) => r.text ?? String(r.value));
  const textWidth = Math.max(...texts.map((t) => t.length), 1);
  const barWidth = Math.max(10, width - labelWidth - textWidth - 4);
  return rows.map((r, k) => `${r.label.padEnd(labelWidth)} ${texts[k].padStart(textWidth)} |${'#'.repeat(Math.round((r.value / max) * barWidth))}`);
}

// Attempts per day of one retried message.
export function retriedChart(r: RetriedRow, width = 80): string[] {
  const heading = maillogReportText().retriedHeading(r.queue_id, r.recipient ? ` <${r.recipient}>` : '', r.attempts);
  return [heading, ...barChart(r.perDay.map((d) => ({ label: d.day.slice(5), value: d.attempts })), width)];
}
