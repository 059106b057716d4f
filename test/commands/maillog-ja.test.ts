import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeStormLog } from '../../fixtures/lib/maillog-storm.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const STORM = [14, 261, 461, 287, 345, 102, 0];

// `maillog` under a Japanese locale: the verdicts are worded from their figures in Japanese on the
// terminal and in the incident file, in English in --json (the same bytes in both languages).
describe('maillog in Japanese', () => {
  const tmp = makeTempDir('maillog-ja', '/var/tmp');
  afterAll(tmp.cleanup);
  const log = path.join(tmp.dir, 'maillog');
  let storm: string;
  beforeAll(() => {
    storm = writeStormLog({ path: log, rng: createRng(5), startDay: new Date(Date.UTC(2026, 10, 20)), days: 9, bytes: 1 << 20, storm: { perDay: STORM, startDayIndex: 1 }, diskFull: true, format: 'postfix' }).stormQueueId;
    fs.utimesSync(log, new Date('2026-11-28T23:59:59Z'), new Date('2026-11-28T23:59:59Z'));
  });

  it('says the verdicts in Japanese, no title wider than 80 columns or its English one, the same figures as in English', () => {
    const ja = runCli(['maillog', log], { env: JA });
    expect(ja.status, ja.stderr).toBe(0);
    const titles = ja.stdout.split('\n').filter((l) => l.startsWith('  * '));
    expect(titles.some((l) => /^ {2}\* 2026-11-2\dT[\d:]+[+-]\d\d:\d\d からディスクフル$/.test(l))).toBe(true);
    expect(titles).toContain(`  * 再送の嵐: ${storm} を 1470 回試行（宛先 <owner-list@lists.example.org>）`);
    expect(ja.stdout).toMatch(/^ {6}日別の試行回数: 11-21 14, 11-22 261, 11-23 461, 11-24 287, 11-25 345, 11-26 102（最多は 2026-11-23 の 461 回）$/m);
    expect(ja.stdout).toMatch(/^ {6}maximal_queue_lifetime \([\d.]+ d\) を超えて残りました。初出 /m);
    const en = runCli(['maillog', log], { env: EN });
    const enTitles = en.stdout.split('\n').filter((l) => l.startsWith('  * '));
    expect(titles).toHaveLength(enTitles.length);
    titles.forEach((t, i) => expect(displayWidth(t), t).toBeLessThanOrEqual(Math.max(80, displayWidth(enTitles[i]))));
    expect(en.stdout).toContain(`  * retry storm: ${storm} was tried 1470 times for <owner-list@lists.example.org>`);
    expect(en.stdout).toMatch(/^ {6}attempts per day: 11-21 14, 11-22 261, 11-23 461, 11-24 287, 11-25 345, 11-26 102 \(peak 461 on 2026-11-23\)$/m);
    expect(en.stdout).not.toMatch(JAPANESE);
  });

  it('draws the retried message and the legend of --chart in Japanese', () => {
    const ja = runCli(['maillog', log, '--chart'], { env: JA });
    expect(ja.status, ja.stderr).toBe(0);
    expect(ja.stdout).toContain(`  ${storm} <owner-list@lists.example.org>: 1470 回試行`);
    expect(ja.stdout).toMatch(/^ {2}凡例: \w=postfix\//m);
    expect(ja.stdout).not.toMatch(/\d attempts$|legend:/m);
    const en = runCli(['maillog', log, '--chart'], { env: EN });
    expect(en.stdout).toContain(`  ${storm} <owner-list@lists.example.org>: 1470 attempts`);
  });

  it('--json is byte-identical in both languages, its verdicts in English', () => {
    const still = (out: string) => out.replace(/"(\w*Ms)": *\d+(\.\d+)?/g, '"$1":0');
    const ja = runCli(['maillog', log, '--json'], { env: JA });
    const en = runCli(['maillog', log, '--json'], { env: EN });
    expect(ja.status, ja.stderr).toBe(0);
    expect(ja.stdout).not.toMatch(JAPANESE);
    expect(still(ja.stdout)).toBe(still(en.stdout));
    const v = JSON.parse(ja.stdout).report.verdicts.find((x: { code: string }) => x.code === 'retry-storm');
    expect(v.title).toBe(`retry storm: ${storm} was tried 1470 times for <owner-list@lists.example.org>`);
    expect(Object.keys(v)).toEqual(['code', 'title', 'evidence']);
  });

  it('says why a log was skipped or not read to its end in Japanese, in English in --json (the same bytes)', () => {
    const link = path.join(tmp.dir, 'maillog.link');
    fs.symlinkSync(log, link);
    const cut = path.join(tmp.dir, 'maillog.1.gz');
    const whole = zlib.gzipSync(fs.readFileSync(log));
    fs.writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const ja = runCli(['maillog', log, link, cut], { env: JA });
    expect(ja.stderr).toContain(`読み飛ばしました: ${link} はシンボリックリンクです。リンク先のファイルを指定してください`);
    expect(ja.stderr).toContain('（途中で切れたか壊れた .gz です。壊れた箇所より前の行は数えました）');
    expect(ja.stderr).not.toMatch(/symbolic link|cut or damaged/);
    const still = (out: string) => out.replace(/"(\w*Ms)": *\d+(\.\d+)?/g, '"$1":0');
    const jaJson = runCli(['maillog', log, link, cut, '--json'], { env: JA });
    const enJson = runCli(['maillog', log, link, cut, '--json'], { env: EN });
    expect(jaJson.stdout).not.toMatch(JAPANESE);
    expect(still(jaJson.stdout)).toBe(still(enJson.stdout));
    const j = JSON.parse(jaJson.stdout);
    expect(j.unreadable).toEqual([{ path: link, hostPath: link, code: 'symlink', message: `${link} is a symbolic link; give the file it points to` }]);
    expect(j.pass.files.find((f: { path: string }) => f.path === cut).error).toMatch(/ \(a cut or damaged \.gz; the lines before the damage were counted\)$/);
  });

  it('writes the verdicts in Japanese in the incident file, with the same machine-readable record', () => {
    const incident = path.join(tmp.dir, 'incident.md');
    const r = runCli(['maillog', log, '--incident', incident], { env: JA });
    expect(r.status, r.stderr).toBe(0);
    const md = fs.readFileSync(incident, 'utf8');
    expect(md).toContain(`- **再送の嵐: ${storm} を 1470 回試行（宛先 <owner-list@lists.example.org>）**`);
    expect(md).toMatch(/"verdicts":\["disk-full","retry-storm"/);
  });

  it('says in Japanese that no mail log was found, and how to name one', () => {
    const r = runCli(['--root', path.join(tmp.dir, 'empty-root'), 'maillog'], { env: JA });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/メールログが見つかりません（探した場所: .*\/var\/log\/maillog/);
    expect(r.stderr).toContain('ログを指定してください: spoolrescue maillog FILE...');
  });

  it('says in Japanese why a named log is skipped or refused; --json keeps the English reason', () => {
    const gone = path.join(tmp.dir, 'no-such-log');
    const r = runCli(['maillog', log, gone], { env: JA });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${gone}: そのようなファイルはありません`);
    const j = runCli(['maillog', log, gone, '--json'], { env: JA });
    expect(JSON.parse(j.stdout).unreadable[0]).toMatchObject({ code: 'missing', message: `${gone}: no such file` });
    const only = runCli(['maillog', gone], { env: JA });
    expect(only.status).toBe(1);
    expect(only.stderr).toContain(`${gone}: そのようなファイルはありません`);
  });
});
