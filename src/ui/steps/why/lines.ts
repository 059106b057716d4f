import { barChart, dayProcessChart, retriedChart } from '../../../core/maillog/chart.js';
import type { PassReport } from '../../../core/maillog/pass-report.js';
import type { WhyState } from './state.js';
import { fmtBytes, shortBytes } from '../../../core/text/units.js';
import { whyText } from './messages.js';
import { maillogVerdictWords } from '../../../core/maillog/verdict-words.js';

// What the Why screen shows once the pass is done, as plain lines (ASCII: a serial console
// shows them): the verdicts, then the days or the retried IDs with a cursor, or one opened.

// The lines and the index of the cursor's line (for scrolling).
export function whyLines(r: PassReport, w: WhyState, width: number): { lines: string[]; cursorLine: number } {
  const head = r.verdicts.length ? r.verdicts.slice(0, 3).map((v) => `* ${maillogVerdictWords(v).title}`) : [whyText().noSignal];
  if (w.detail?.kind === 'day') {
    const d = r.days.find((x) => x.day === w.detail!.key);
    if (!d) return { lines: head, cursorLine: 0 };
    const procs = Object.entries(d.byProcess).sort((a, b) => b[1].bytes - a[1].bytes);
    const retried = r.topRetried.flatMap((t) => t.perDay.filter((p) => p.day === d.day).map((p) => ({ label: t.queue_id, value: p.attempts })));
    return {
      lines: [
        ...head,
        '',
        whyText().dayHead(d.day, d.lines, fmtBytes(d.bytes)),
        ...barChart(procs.map(([p, v]) => ({ label: p, value: v.bytes, text: whyText().processBar(shortBytes(v.bytes), v.lines) })), width),
        '',
        retried.length ? whyText().retriedThatDay : whyText().noRetriedThatDay,
        ...barChart(retried, width),
      ],
      cursorLine: 0,
    };
  }
  if (w.detail?.kind === 'id') {
    const t = r.topRetried.find((x) => x.queue_id === w.detail!.key);
    if (!t) return { lines: head, cursorLine: 0 };
    return {
      lines: [...head, '', ...retriedChart(t, width), '', whyText().idFacts(t.first, t.last, t.status, !!t.livedPastLifetime), whyText().reason(t.reason ?? '-'), whyText().escBack],
      cursorLine: 0,
    };
  }
  if (w.list === 'ids') {
    const rows = r.topRetried.map((t, i) => `${i === w.cursor ? '>' : ' '} ${t.queue_id.padEnd(16)} ${String(t.attempts).padStart(7)}  ${t.status.padEnd(9)} ${t.recipient ?? ''}`);
    return { lines: [...head, '', rows.length ? whyText().mostRetried : whyText().noneRetried, ...rows], cursorLine: head.length + 2 + w.cursor };
  }
  const chart = dayProcessChart(r.days, width - 2);
  const rows = chart.slice(0, -1).map((l, i) => `${i === w.cursor ? '>' : ' '} ${l}`);
  return { lines: [...head, '', whyText().perDay, ...rows, `  ${chart.at(-1)}`], cursorLine: head.length + 2 + w.cursor };
}
