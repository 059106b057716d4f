import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeStormLog } from '../../../fixtures/lib/maillog-storm.js';
import { buildReport } from '../../../src/core/maillog/report.js';
import { MaillogStats } from '../../../src/core/maillog/stats.js';
import { firstLook } from '../../../src/io/maillog/first-look.js';
import { runFullPass } from '../../../src/io/maillog/full-pass.js';
import { planMaillog, runMaillog, isRefusal } from '../../../src/ops/maillog.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { passErrorWords } from '../../../src/io/maillog/messages.js';

// The first look and the full pass on generated logs with a known retry storm (seed 001's counts),
// checked against the storm we wrote and against awk run on the same bytes.

const AWK = path.resolve(__dirname, '../../../bench/scripts/maillog-counts.awk');
const STORM = [14, 261, 461, 287, 345, 102, 0];
const tmp = makeTempDir('maillog-pass', '/var/tmp');
afterAll(tmp.cleanup);
const paths = createSystemPaths(undefined, tmp.dir);

// Sets a file's mtime to the log's own last day (the year inference reads it).
const touch = (file: string, iso: string) => fs.utimesSync(file, new Date(iso), new Date(iso));

async function passOver(files: string[]) {
  const plan = await planMaillog({ files, paths });
  if (isRefusal(plan)) throw new Error(plan.refused.reason);
  return { plan, ...(await runMaillog(plan)) };
}

describe('full pass on a generated storm', () => {
  const log = path.join(tmp.dir, 'maillog');
  let gen: ReturnType<typeof writeStormLog>;
  beforeAll(() => {
    gen = writeStormLog({ path: log, rng: createRng(7), startDay: new Date(Date.UTC(2026, 11, 24)), days: 10, bytes: 6 << 20, storm: { perDay: STORM, startDayIndex: 2 }, diskFull: true });
    touch(log, '2027-01-02T23:59:59Z');
  });

  it("finds the storm's attempts per day, its recipient and that it outlived the queue lifetime", async () => {
    const { report, pass } = await passOver([log]);
    expect(pass.aborted).toBe(false);
    const top = report.topRetried[0];
    expect(top.queue_id).toBe(gen.stormQueueId);
    expect(top.attempts).toBe(STORM.reduce((a, b) => a + b));
    expect(top.perDay.map((d) => d.attempts)).toEqual(STORM.filter((n) => n > 0));
    expect(top.perDay[0].day).toBe('2026-12-26');
    expect(top.recipient).toBe(gen.stormRecipient);
    expect(top.status).toBe('expired');
    expect(top.livedPastLifetime).toBe(true);
    expect(report.verdicts.map((v) => v.code)).toEqual(expect.arrayContaining(['retry-storm', 'disk-full']));
    expect(report.unparsedLines).toBe(0);
  });

  it('counts lines and bytes per day and process exactly as awk does', async () => {
    const { report } = await passOver([log]);
    const awk = execFileSync('mawk', ['-f', AWK, log], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const fromAwk = new Map<string, [number, number]>();
    for (const line of awk.trim().split('\n')) {
      const f = line.split(' ');
      if (f[0] === 'queue-ids') continue;
      fromAwk.set(`${f[0]} ${f[1]} ${f[2]}`, [Number(f[3]), Number(f[4])]);
    }
    const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const ours = new Map<string, [number, number]>();
    for (const d of report.days) {
      const [, m, day] = d.day.split('-').map(Number);
      for (const [p, v] of Object.entries(d.byProcess)) ours.set(`${MON[m - 1]} ${day} ${p}`, [v.lines, v.bytes]);
    }
    expect(ours.size).toBeGreaterThan(20);
    expect(ours).toEqual(fromAwk);
    expect(report.bytes).toBe(fs.statSync(log).size);
  });

  it('the first look finds where each day starts by seeking, matching the pass byte for byte', async () => {
    const look = firstLook(log);
    const { report } = await passOver([log]);
    expect(look.days.map((d) => d.bytes)).toEqual(report.days.map((d) => d.bytes));
    expect(look.days.reduce((a, d) => a + d.bytes, 0)).toBe(fs.statSync(log).size);
    expect(look.startYear).toBe(2026);
  });

  it('stops when aborted and keeps what it counted', async () => {
    const plan = await planMaillog({ files: [log], paths });
    if (isRefusal(plan)) throw new Error('refused');
    const ac = new AbortController();
    const { report, pass } = await runMaillog(plan, undefined, (p) => p.bytesDone > 0 && ac.abort(), ac.signal);
    expect(pass.aborted).toBe(true);
    expect(report.lines).toBeGreaterThan(0);
    expect(report.bytes).toBeLessThan(fs.statSync(log).size);
  });
});

describe('rotation, gzip and the year boundary', () => {
  const dir = path.join(tmp.dir, 'rot');
  const whole = path.join(tmp.dir, 'whole.log');
  beforeAll(() => {
    fs.mkdirSync(dir);
    writeStormLog({ path: whole, rng: createRng(3), startDay: new Date(Date.UTC(2025, 11, 28)), days: 6, bytes: 3 << 20, storm: { perDay: [5, 40, 80, 30], startDayIndex: 1 } });
    // split by day: Dec 28-29 -> maillog.2.gz, Dec 30-31 -> maillog-20260101 (plain), Jan 1-2 -> maillog
    const text = fs.readFileSync(whole, 'latin1');
    const parts: Record<string, string[]> = { a: [], b: [], c: [] };
    for (const line of text.split('\n').filter(Boolean)) {
      const key = line.startsWith('Dec 28') || line.startsWith('Dec 29') ? 'a' : line.startsWith('Dec') ? 'b' : 'c';
      parts[key].push(line + '\n');
    }
    fs.writeFileSync(path.join(dir, 'maillog.2.gz'), zlib.gzipSync(Buffer.from(parts.a.join(''), 'latin1')));
    fs.writeFileSync(path.join(dir, 'maillog-20260101'), parts.b.join(''), 'latin1');
    fs.writeFileSync(path.join(dir, 'maillog'), parts.c.join(''), 'latin1');
    touch(path.join(dir, 'maillog.2.gz'), '2025-12-30T00:00:05Z');
    touch(path.join(dir, 'maillog-20260101'), '2026-01-01T00:00:05Z');
    touch(path.join(dir, 'maillog'), '2026-01-02T23:59:59Z');
  });

  it('orders files by their first time stamp, not their names, and reads plain and .gz alike', async () => {
    const names = ['maillog', 'maillog-20260101', 'maillog.2.gz'].map((n) => path.join(dir, n));
    const { plan, report } = await passOver(names);
    expect(plan.files.map((f) => path.basename(f.path))).toEqual(['maillog.2.gz', 'maillog-20260101', 'maillog']);
    expect(plan.files[0].gzip).toBe(true);
    touch(whole, '2027-01-03T00:00:00Z');
    const single = await passOver([whole]);
    touch(whole, '2026-01-02T23:59:59Z');
    const again = await passOver([whole]);
    expect(report.days).toEqual(again.report.days);
    expect(report.days.map((d) => d.day)).toEqual(['2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(report.topRetried[0].perDay).toEqual(again.report.topRetried[0].perDay);
    expect(report.topRetried[0].perDay.map((d) => d.attempts)).toEqual([5, 40, 80, 30]);
    expect(report.lines).toBe(again.report.lines);
    // the year comes from the mtime: the same file written a year later reads a year later
    expect(single.report.days[0].day).toBe('2026-12-28');
    expect(single.report.days.at(-1)!.day).toBe('2027-01-02');
  });

  it('a cut .gz keeps the lines before the damage and says which file was damaged', async () => {
    const gz = fs.readFileSync(path.join(dir, 'maillog.2.gz'));
    const cut = path.join(tmp.dir, 'cut.gz');
    fs.writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const stats = new MaillogStats();
    const r = await runFullPass([{ path: cut, startYear: 2025, size: gz.length / 2 }], stats);
    expect(r.files[0].complete).toBe(false);
    expect(r.files[0].error).toMatchObject({ code: 'read-failed', gzip: true });
    expect(passErrorWords(r.files[0].error!, 'en')).toMatch(/cut or damaged \.gz/);
    expect(buildReport(stats).lines).toBeGreaterThan(100);
  });
});
