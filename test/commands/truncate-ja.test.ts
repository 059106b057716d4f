import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { runCli as runInProcess } from '../../src/cli/main.js';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { describeWith } from '../helpers/capabilities.js';
import { memoryIo } from '../helpers/memory-io.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const tooWide = (text: string) => text.split('\n').filter((l) => displayWidth(l) > 80);
// lines longer than 80 columns continue on the next, indented (Japanese has few spaces to break
// at, so a line may break inside a phrase): read the text without its white space
const flat = (text: string) => text.replace(/\s+/g, '');
const says = (text: string, expected: string) => expect(flat(text)).toContain(flat(expected));

// truncate's plan, questions, refusals and outcome in Japanese, on real spools; --json unchanged.
describeWith(['root', 'postfix'], 'spoolrescue truncate in Japanese', () => {
  const tmp = makeTempDir('truncate-ja', '/var/tmp');
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));
  // the same spool (same bytes, owner and mode) under a directory of its own per run
  const spoolIn = (dir: string) => {
    fs.mkdirSync(path.join(tmp.dir, dir), { recursive: true });
    const p = path.join(tmp.dir, dir, 'root');
    writeMbox({ path: p, rng: createRng(7), messages: 40, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1), mode: 0o660, uid: 8, gid: 8 });
    return p;
  };
  const capture = (spool: string, inc: string, env: NodeJS.ProcessEnv) => {
    const r = runCli(['capture', spool, '--incident', inc], { env });
    expect(r.status, r.stderr).toBe(0);
  };

  it('plans and reports in Japanese within 80 columns, with the same figures as in English', () => {
    const spool = spoolIn('human');
    const size = fs.statSync(spool).size;
    const inc = `${spool}.incident.md`;
    capture(spool, inc, JA);
    // mail that arrives after the capture is kept in the incident file, and said so
    fs.appendFileSync(spool, 'From late  Mon Jan  5 10:00:00 2026\nSubject: late\n\nlate\n\n');
    const late = fs.statSync(spool).size - size;
    const r = runCli(['truncate', spool, '--incident', inc, '--yes'], { env: JA });
    expect(r.status, r.stderr).toBe(0);
    expect(tooWide(r.stdout)).toEqual([]);
    says(r.stdout, `${spool} をその場で切り詰め: ${size + late} バイト -> 0、inode ${fs.statSync(spool).ino}、`);
    says(r.stdout, 'モード 0660（すべて維持）');
    says(r.stdout, `証跡: ${inc} にある `);
    says(r.stdout, `の採取（当時のサイズ ${size} バイト）`);
    says(r.stdout, `注意: 採取後に ${late} バイト届いています。切り詰める前にロックを取ったまま証跡ファイルへ追記します`);
    says(r.stdout, `${spool} を切り詰めました: ${size + late} -> 0 バイト。inode、所有者、モードは維持しました`);
    expect(r.stdout).toMatch(/^ {2}ロック: \S/m);
    says(r.stdout, `採取後に届いた ${late} バイトを先に ${inc} へ追記しました`);
    says(r.stdout, `${inc} に記録しました`);
    expect(fs.statSync(spool).size).toBe(0);
  });

  it('refuses in Japanese, with the same exit codes, changing nothing', () => {
    const spool = spoolIn('refusals');
    const size = fs.statSync(spool).size;
    const noIncident = runCli(['truncate', spool, '--yes'], { env: JA });
    expect(noIncident.status).toBe(2);
    expect(noIncident.stderr).toContain('spoolrescue truncate: --incident FILE が必要です（採取を記録した証跡ファイル）');
    expect(noIncident.stderr).toContain('先に採取してください: spoolrescue capture ');

    const other = path.join(tmp.dir, 'refusals', 'other.md');
    const otherSpool = spoolIn('refusals-other');
    capture(otherSpool, other, JA);
    const noCapture = runCli(['truncate', spool, '--incident', other, '--yes'], { env: JA });
    expect(noCapture.status).toBe(3);
    says(noCapture.stderr, `${other} には ${spool}（inode ${fs.statSync(spool).ino}）の採取がありません。採取していないメールは破棄しません。`);
    expect(noCapture.stderr).toContain('先に採取してください: ');

    const notAFile = runCli(['truncate', path.dirname(spool), '--no-evidence', '--yes'], { env: JA });
    expect(notAFile.status).toBe(3);
    expect(notAFile.stderr).toContain('は通常のファイルではありません。切り詰めるのは mbox スプールだけです（キューディレクトリには spoolrescue purge）');

    const inc = `${spool}.incident.md`;
    capture(spool, inc, JA);
    const noTty = runCli(['truncate', spool, '--incident', inc], { env: JA });
    expect(noTty.status).toBe(3);
    expect(noTty.stderr).toContain('spoolrescue truncate: 端末がないため確認できません。何も変更していません。\n確認なしで切り詰めるには --yes を付けてください。\n');
    // what the tool says fits 80 columns; a line that quotes the operator's long paths may not (nor does it in English)
    for (const r of [noIncident, noCapture, notAFile, noTty]) expect(tooWide(r.stderr).filter((l) => !l.includes(tmp.dir))).toEqual([]);
    expect(fs.statSync(spool).size).toBe(size);
  });

  it('asks for the spool’s name in Japanese on a terminal; a wrong answer cancels', async () => {
    const spool = spoolIn('asked');
    const m = memoryIo({ tty: true, cwd: tmp.dir, env: { PATH: process.env.PATH, ...JA } });
    const p = runInProcess(['truncate', spool, '--no-evidence'], { io: m.io });
    await new Promise((r) => setTimeout(r, 50));
    m.stdin.write('はい\n');
    expect(await p).toBe(3);
    expect(m.stderr()).toContain('切り詰めるにはスプール名（root）を入力してください。ほかの入力では中止します: ');
    expect(m.stderr()).toContain('spoolrescue truncate: 確認されませんでした。何も変更していません。');
    const prompt = m.stderr().split('中止します: ')[0] + '中止します: ';
    expect(displayWidth(prompt.split('\n').at(-1)!)).toBeLessThanOrEqual(80);
    expect(fs.statSync(spool).size).toBeGreaterThan(0);
  });

  it('--json is the same document in both languages, and free of Japanese', () => {
    const docs: Record<string, string> = {};
    for (const [lang, env] of [['en', EN], ['ja', JA]] as const) {
      const spool = spoolIn(`json-${lang}`);
      const inc = `${spool}.incident.md`;
      capture(spool, inc, env);
      const r = runCli(['truncate', spool, '--incident', inc, '--yes', '--json'], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(JAPANESE);
      const doc = r.json();
      // only what differs between two spools differs: their directory, inode and capture time, and
      // the size of the incident file's section, which is written in the run's language
      expect(doc.incident.writtenBytes).toBeGreaterThan(0);
      const still = { ...doc, inode: 0, evidence: { ...doc.evidence, time: '' }, incident: { ...doc.incident, writtenBytes: 0 } };
      docs[lang] = JSON.stringify(still).replaceAll(`json-${lang}`, 'json-X');
      expect(doc.evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
      // the lock in English words (method, then the writers it keeps out), whatever the language
      expect(Object.keys(doc.lock)).toEqual(['method', 'excludes']);
      expect(doc.lock.excludes).toMatch(/^(every writer that honours Postfix's mailbox_delivery_lock|writers that use fcntl locks or the dotlock)/);
    }
    expect(docs.ja).toBe(docs.en);
  });
});
