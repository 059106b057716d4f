import { maillogReportText } from './report-messages.js';
import { dayText } from './stamp.js';
import { isoWithOffset } from './wall-time.js';
import { barChart } from './chart.js';
import { fmtBytes, shortBytes } from '../text/units.js';

// The first look (sizes, first/last times, bytes per day found by seeking) as JSON and as lines.

// What the first look knows about one file (the io layer's FileLook, restated here as data).
export interface LookFacts {
  path: string;
  size: number;
  gzip: boolean;
  contentBytes: number;
  firstWall: number | null;
  lastWall: number | null;
  format: string;
  days: { dayNo: number; bytes: number }[];
}

// The JSON shape: path as the system sees it plus hostPath, *Bytes, ISO times.
export function lookJson(files: LookFacts[], show: (p: string) => string) {
  const days = new Map<number, number>();
  for (const f of files) for (const d of f.days) days.set(d.dayNo, (days.get(d.dayNo) ?? 0) + d.bytes);
  return {
    files: files.map((f) => ({
      path: show(f.path),
      hostPath: f.path,
      sizeBytes: f.size,
      gzip: f.gzip,
      contentBytes: f.contentBytes,
      format: f.format,
      first: f.firstWall === null ? null : isoWithOffset(f.firstWall, ''),
      last: f.lastWall === null ? null : isoWithOffset(f.lastWall, ''),
      days: f.days.map((d) => ({ day: dayText(d.dayNo), bytes: d.bytes })),
    })),
    bytesPerDay: [...days].sort((a, b) => a[0] - b[0]).map(([d, bytes]) => ({ day: dayText(d), bytes })),
  };
}

// Lines for the terminal: one per file, then the bytes-per-day graph of the plain files.
export function lookLines(files: LookFacts[], show: (p: string) => string, width = 80): string[] {
  const j = lookJson(files, show);
  const t = maillogReportText();
  const out = [t.logs(files.length, fmtBytes(files.reduce((a, f) => a + f.size, 0)))];
  for (const f of j.files) {
    const span = f.first ? `${f.first.slice(0, 16).replace('T', ' ')} .. ${f.last ? f.last.slice(0, 16).replace('T', ' ') : t.endUnknown}` : t.noStamp;
    out.push(`  ${f.path}  ${fmtBytes(f.sizeBytes)}${f.gzip ? t.gzipInside(fmtBytes(f.contentBytes)) : ''}  ${span}`);
  }
  if (j.bytesPerDay.length) {
    out.push('', t.perDaySeeking);
    out.push(...barChart(j.bytesPerDay.map((d) => ({ label: d.day, value: d.bytes, text: shortBytes(d.bytes) })), width).map((l) => `  ${l}`));
  }
  return out;
}
