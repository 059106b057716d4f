import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeStormLog } from '../../fixtures/lib/maillog-storm.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// `spoolrescue maillog` end to end: JSON, charts, the incident section, discovery under --root
// (maillog_file from main.cf, rotated .gz siblings), and every bad input with its exit code.

const STORM = [14, 261, 461, 287, 345, 102, 0];

describe('spoolrescue maillog', () => {
  const tmp = makeTempDir('maillog-cli', '/var/tmp');
  afterAll(tmp.cleanup);
  const log = path.join(tmp.dir, 'maillog');
  let storm: string;
  beforeAll(() => {
    storm = writeStormLog({ path: log, rng: createRng(5), startDay: new Date(Date.UTC(2026, 10, 20)), days: 9, bytes: 2 << 20, storm: { perDay: STORM, startDayIndex: 1 }, diskFull: true, format: 'postfix' }).stormQueueId;
    fs.utimesSync(log, new Date('2026-11-28T23:59:59Z'), new Date('2026-11-28T23:59:59Z'));
  });

  it('prints one JSON document with the first look, the pass and the verdicts', () => {
    const r = runCli(['maillog', log, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.schemaVersion).toBe(1);
    expect(j.files[0]).toMatchObject({ path: log, hostPath: log, sizeBytes: fs.statSync(log).size, gzip: false });
    expect(j.bytesPerDay).toHaveLength(9);
    expect(j.pass).toMatchObject({ complete: true, aborted: false });
    expect(j.report.topRetried[0]).toMatchObject({ queue_id: storm, attempts: 1470, status: 'expired' });
    expect(j.report.topRetried[0].perDay.map((d: any) => d.attempts)).toEqual(STORM.slice(0, 6));
    expect(j.report.verdicts.map((v: any) => v.code)).toEqual(expect.arrayContaining(['disk-full', 'retry-storm']));
    expect(r.stderr).toBe('');
  });

  it('draws the charts in ASCII with --chart', () => {
    const r = runCli(['maillog', log, '--chart']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/legend: .*=postfix\/smtpd/);
    expect(r.stdout).toContain(`${storm} <owner-list@lists.example.org>: 1470 attempts`);
    expect(r.stdout).toMatch(/^ {2}11-23 461 \|#+$/m);
    expect(/[^\x00-\x7f]/.test(r.stdout)).toBe(false);
  });

  it('--first-look reads only both ends and a few probes per day', () => {
    const r = runCli(['maillog', log, '--first-look', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.pass).toBeNull();
    expect(j.files[0].days.reduce((a: number, d: any) => a + d.sizeBytes, 0)).toBe(fs.statSync(log).size);
    expect(j.files[0].first).toMatch(/^2026-11-20T00:00:00[+-]\d\d:\d\d$/);
  });

  it('appends the charts and tables to the incident file in Markdown', () => {
    const incident = path.join(tmp.dir, 'incident.md');
    const r = runCli(['maillog', log, '--incident', incident, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().incident).toMatchObject({ file: incident, ok: true });
    const md = fs.readFileSync(incident, 'utf8');
    expect(fs.statSync(incident).mode & 0o777).toBe(0o600);
    expect(md).toContain('## spoolrescue maillog: mail log analysis (1 file)');
    expect(md).toContain('### Most retried queue IDs');
    expect(md).toMatch(/\| queue_id \| attempts \|/);
    expect(md).toContain(`| ${storm} | 1470 |`);
    expect(md).toMatch(/```\n11-20 +[\d.]+[KM] \|/);
  });

  it('writes the same section with Japanese headings under ja: the same record, figures and charts', () => {
    const read = (lang: string) => {
      const incident = path.join(tmp.dir, `incident-${lang}.md`);
      const r = runCli(['--lang', lang, 'maillog', log, '--incident', incident]);
      expect(r.status, r.stderr).toBe(0);
      return fs.readFileSync(incident, 'utf8');
    };
    const en = read('en');
    const ja = read('ja');
    expect(ja).toContain('## spoolrescue メールログ: メールログの分析（1 ファイル）');
    expect(ja).toContain('### 再送の多いキュー ID');
    expect(ja).toMatch(/\| queue_id \| 試行回数 \|/);
    expect(ja).toContain(`| ${storm} | 1470 |`);
    expect(ja).not.toContain('### Most retried queue IDs');
    const records = (md: string) => md.split('\n').filter((l) => l.startsWith('<!-- spoolrescue-record')).map((l) => l.replace(/"time":"[^"]+"/, ''));
    expect(records(ja)).toEqual(records(en));
    // the bars are the same; only the words around them (legend, attempts) follow the language
    const charts = (md: string) => md.split('```').filter((_, i) => i % 2 === 1).map((c) => c.split('\n').filter((l) => l.includes('|')));
    expect(charts(ja)).toEqual(charts(en));
    expect(ja).toContain(`${storm} <owner-list@lists.example.org>: 1470 回試行`);
    expect(ja).not.toContain('1470 attempts');
    expect(charts(ja).length).toBeGreaterThan(1);
  });

  it('finds maillog_file from main.cf under --root, with its rotated siblings, plain and .gz', () => {
    const root = path.join(tmp.dir, 'root');
    fs.mkdirSync(path.join(root, 'etc/postfix'), { recursive: true });
    fs.mkdirSync(path.join(root, 'var/log'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/postfix/main.cf'), 'maillog_file = /var/log/postfix.log\nmaximal_queue_lifetime = 2d\n');
    const text = fs.readFileSync(log, 'latin1').split('\n');
    const half = Math.floor(text.length / 2);
    fs.writeFileSync(path.join(root, 'var/log/postfix.log.20261124-000000.gz'), zlib.gzipSync(Buffer.from(text.slice(0, half).join('\n') + '\n', 'latin1')));
    fs.writeFileSync(path.join(root, 'var/log/postfix.log'), text.slice(half).join('\n'), 'latin1');
    fs.writeFileSync(path.join(root, 'var/log/maillog'), 'not this one\n');
    for (const f of ['postfix.log.20261124-000000.gz', 'postfix.log']) fs.utimesSync(path.join(root, 'var/log', f), new Date('2026-11-28T23:59:59Z'), new Date('2026-11-28T23:59:59Z'));
    const r = runCli(['--root', root, 'maillog', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.source).toBe('maillog_file');
    expect(j.files.map((f: any) => f.path)).toEqual(['/var/log/postfix.log.20261124-000000.gz', '/var/log/postfix.log']);
    expect(j.maximalQueueLifetimeSecs).toBe(2 * 86400);
    expect(j.report.topRetried[0]).toMatchObject({ queue_id: storm, attempts: 1470 });
    expect(j.report.messages.lifetimeSecs).toBe(2 * 86400);
  });

  it('says clearly what is wrong with bad input, with the right exit code', () => {
    const missing = runCli(['maillog', path.join(tmp.dir, 'nope'), '--json']);
    expect(missing.status).toBe(1);
    expect(missing.json().refused.reason).toMatch(/no such file/);
    const link = path.join(tmp.dir, 'link');
    fs.symlinkSync(log, link);
    const sym = runCli(['maillog', link]);
    expect(sym.status).toBe(3);
    expect(sym.stderr).toMatch(/symbolic link/);
    const bad = runCli(['maillog', log, '--since', 'yesterday']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--since expects a date/);
    const garbage = path.join(tmp.dir, 'garbage');
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)));
    const g = runCli(['maillog', garbage, '--json']);
    expect(g.status, g.stderr).toBe(0);
    expect(g.json().report.unparsedLines).toBe(g.json().report.lines);
    const dir = runCli(['maillog', tmp.dir]);
    expect(dir.status).toBe(1);
    expect(dir.stderr).toMatch(/not a regular file/);
    const empty = runCli(['--root', path.join(tmp.dir, 'empty-root'), 'maillog']);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/no mail log found \(looked at .*\/var\/log\/maillog/);
  });

  it('never lets control bytes from the log or its name reach the terminal', () => {
    const hostile = path.join(tmp.dir, 'mail\x1b]0;owned\x07.log');
    const line = (n: number) => `Dec 06 04:00:0${n} mail postfix/smtp[1]: ABCDEF123: to=<x\x1b[2J@evil.example>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (\x1b[31mred\x9b reason)\n`;
    fs.writeFileSync(hostile, [1, 2, 3, 4].map(line).join(''));
    const r = runCli(['maillog', hostile, '--chart']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('ABCDEF123');
    expect(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/.test(r.stdout)).toBe(false);
  });

  it('--since/--until keep only the lines of the window', () => {
    const r = runCli(['maillog', log, '--since', '2026-11-22', '--until', '2026-11-24', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = r.json().report;
    expect(j.days.map((d: any) => d.day)).toEqual(['2026-11-22', '2026-11-23']);
    expect(j.skippedLines).toBeGreaterThan(0);
  });
});
