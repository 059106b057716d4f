import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { evidenceSummaryLines } from '../../src/core/incident/evidence.js';
import { speak } from '../../src/core/i18n/speak.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { runCaptureAll, type CaptureAllProgress } from '../../src/ops/capture-all.js';
import { realCaptureDeps } from '../../src/ops/real/capture.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Evidence in one go on real files: a spool, a queue directory and a log captured by the one
// capture op into ONE incident file on another filesystem, in order, with one progress; a
// missing source is an entry with its error and the others still run; an abort before the start
// writes nothing.
describeWith(['mount'], 'capture-all: every source into one incident file', () => {
  const tmp = makeTempDir('ops-capture-all', '/var/tmp');
  const evidence = mountTmpfs(path.join(tmp.dir, 'evidence'), { size: '16m' });
  const small = mountTmpfs(path.join(tmp.dir, 'small'), { size: '8m' });
  afterEach(() => speak('en'));
  afterAll(() => {
    evidence.unmount();
    small.unmount();
    tmp.cleanup();
  });
  const spool = path.join(tmp.dir, 'root');
  fs.writeFileSync(spool, Array.from({ length: 12 }, (_, i) => `From cron@x Thu Jan  ${i + 1} 00:00:00 2026\nSubject: job ${i}\n\nout ${i}\n\n`).join(''));
  const queue = path.join(tmp.dir, 'maildrop');
  fs.mkdirSync(queue);
  for (let i = 0; i < 20; i++) {
    const f = path.join(queue, `A${String(i).padStart(4, '0')}`);
    fs.writeFileSync(f, 'x');
    fs.utimesSync(f, 1_700_000_000 + i * 60, 1_700_000_000 + i * 60);
  }
  const log = path.join(tmp.dir, 'maillog');
  fs.writeFileSync(log, Array.from({ length: 30 }, (_, i) => `2026-01-01T00:${String(i).padStart(2, '0')}:00+00:00 mx postfix/qmgr[1]: 4A${i}: removed\n`).join(''));
  const paths = createSystemPaths(undefined);

  it('captures each source in order into the one file, reports one progress, keeps going past a missing one', async () => {
    const incidentFile = path.join(evidence.dir, 'incident.md');
    const seen: CaptureAllProgress[] = [];
    const missing = path.join(tmp.dir, 'gone');
    const r = await runCaptureAll({ sources: [spool, missing, queue, log], paths, incidentFile, force: false, items: 3 }, realCaptureDeps(), (p) => seen.push(p));
    expect(r.aborted).toBe(false);
    expect(r.incidentFile).toBe(incidentFile);
    expect(r.items.map((i) => [i.source, i.ok])).toEqual([[spool, true], [missing, false], [queue, true], [log, true]]);
    expect(r.items[1].ok ? '' : r.items[1].error).toMatch(/gone/);
    expect([...new Set(seen.map((p) => p.index))]).toEqual([0, 1, 2, 3]);
    expect(seen.every((p) => p.count === 4)).toBe(true);
    const text = fs.readFileSync(incidentFile, 'utf8');
    expect(fs.statSync(incidentFile).mode & 0o777).toBe(0o600);
    const order = ['spoolrescue capture: mbox', 'spoolrescue capture: queue', 'spoolrescue capture: log'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const s of ['job 0', 'job 2', 'job 9', 'job 11']) expect(text).toContain(`Subject: ${s}\n`);
    expect(text).not.toContain('Subject: job 5\n');
    expect(text).toContain('A0000');
    expect(text).toContain('A0019');
  });

  it("under --root, a mail log's first look follows its capture: sizes, times, bytes per day, as the rescued system names it", async () => {
    const root = path.join(tmp.dir, 'rescued');
    const logDir = path.join(root, 'var/log');
    fs.mkdirSync(logDir, { recursive: true });
    fs.mkdirSync(path.join(root, 'var/spool/mail'), { recursive: true });
    fs.copyFileSync(spool, path.join(root, 'var/spool/mail/root'));
    const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
    // Day 2 writes ten times the lines of the others: the retry storm the graph must show.
    const lines = days.flatMap((d, di) => Array.from({ length: di === 1 ? 400 : 40 }, (_, i) => `${d}T0${i % 10}:00:${String(i % 60).padStart(2, '0')}+00:00 mx postfix/smtp[9]: 4B${i}: to=<u@example.test>, status=deferred (no route)\n`));
    const hostLog = path.join(logDir, 'maillog');
    fs.writeFileSync(hostLog, lines.join(''));
    const rooted = createSystemPaths(root);
    const incidentFile = path.join(evidence.dir, 'rooted.md');
    const seen: CaptureAllProgress[] = [];
    const sources = [path.join(root, 'var/spool/mail/root'), hostLog];
    const r = await runCaptureAll({ sources, paths: rooted, incidentFile, force: false, items: 3, maillogs: [hostLog] }, realCaptureDeps(), (p) => seen.push(p));
    expect(r.items.map((i) => i.ok)).toEqual([true, true]);
    // One progress: the first look is the last of three parts.
    expect(seen.every((p) => p.count === 3)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ index: 2, source: hostLog });
    if (!r.firstLook?.ok) throw new Error(`no first look: ${JSON.stringify(r.firstLook)}`);
    expect(r.firstLook.lines[0]).toMatch(/^mail logs: 1 file\(s\), /);
    expect(r.firstLook.lines[1]).toMatch(/^ {2}\/var\/log\/maillog {2}.* 2026-01-01 00:00 \.\. 2026-01-03 09:00$/);
    const text = fs.readFileSync(incidentFile, 'utf8');
    const capture = text.indexOf('## spoolrescue capture: log /var/log/maillog');
    const look = text.indexOf('## spoolrescue first-look: mail log first look (1 file)');
    expect(capture).toBeGreaterThan(0);
    expect(look).toBeGreaterThan(capture);
    const section = text.slice(look);
    expect(section).toContain('"kind":"maillog-first-look","files":["/var/log/maillog"]');
    expect(section).not.toContain(root);
    // The bytes per day, found by seeking: the day with ten times the lines has the longest bar.
    const bar = (d: string) => (new RegExp(`^ {2}${d} .*$`, 'm').exec(section)?.[0].match(/#/g) ?? []).length;
    expect(bar('2026-01-02')).toBeGreaterThan(bar('2026-01-01') * 5);
    expect(bar('2026-01-03')).toBeGreaterThan(0);
  });

  it('each summary line carries what it tells (head, dates, counts, hash), the same kinds in English and Japanese', async () => {
    const kindsIn = async (lang: 'en' | 'ja') => {
      speak(lang);
      const r = await runCaptureAll({ sources: [spool, queue, log], paths, incidentFile: path.join(evidence.dir, `kinds-${lang}.md`), force: false, items: 3 }, realCaptureDeps());
      return r.items.map((i) => (i.ok ? evidenceSummaryLines(i.evidence) : []));
    };
    const en = await kindsIn('en');
    const ja = await kindsIn('ja');
    expect(en.map((ls) => ls.map((l) => l.kind))).toEqual([
      ['head', 'when', 'when', 'count', 'count', 'hash'],
      ['head', 'count', 'when', 'when', 'decoder', 'hash'],
      ['head', 'when', 'when', 'count', 'hash'],
    ]);
    expect(ja.map((ls) => ls.map((l) => l.kind))).toEqual(en.map((ls) => ls.map((l) => l.kind)));
    expect(en[1][2].text).toMatch(/^ {2}oldest: \S+ A0000$/);
    expect(ja[1][2].text).toMatch(/^ {2}最も古いもの: \S+ A0000$/);
    expect(ja[0].at(-1)!.text).toMatch(/^ {2}採取したバイトの SHA-256: [0-9a-f]{64}$/);
  });

  it('a refused destination (too small) is said once and nothing is written', async () => {
    const incidentFile = path.join(small.dir, 'incident.md');
    const r = await runCaptureAll({ sources: [spool, queue, log], paths, incidentFile, force: false, items: 3 }, realCaptureDeps());
    expect(r.items).toHaveLength(1);
    expect(r.items[0].ok ? '' : r.items[0].error).toMatch(/^refusing to write the incident file .*: .* has only .* available \(need 10 MB\)\. Nothing was written\.$/);
    expect(fs.existsSync(incidentFile)).toBe(false);
  });

  it('an abort before the first source writes nothing and says so', async () => {
    const incidentFile = path.join(evidence.dir, 'aborted.md');
    const ac = new AbortController();
    ac.abort();
    const r = await runCaptureAll({ sources: [spool, queue], paths, incidentFile, force: false, items: 3 }, realCaptureDeps(), undefined, ac.signal);
    expect(r).toEqual({ incidentFile, items: [], firstLook: null, aborted: true });
    expect(fs.existsSync(incidentFile)).toBe(false);
  });
});
