import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { parseRecordLine } from '../../src/core/incident/records.js';
import { readIncidentRecords } from '../../src/io/incident/sink.js';
import { describeWith } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The incident file written in Japanese: the same evidence captured in English and in Japanese
// gives the same machine-readable records, hashes, sizes and captured text; only headings and
// prose differ, and the file's own reader (truncate looks for its capture) accepts both.
describe('the incident file in English and in Japanese', () => {
  const tmp = makeTempDir('capture-lang');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  generateServer(root, { mboxMessages: 30, maildrop: 8, deferred: 6, bounce: 2, maillogLines: 120 });
  const junk = path.join(root, 'var/spool/mail/junk');
  fs.writeFileSync(junk, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)), { mode: 0o600 });
  const targets = ['/var/spool/mail/root', '/var/spool/postfix/maildrop', '/var/spool/postfix/deferred', '/var/log/maillog', '/var/spool/mail/junk'];
  const incident = { en: path.join(tmp.dir, 'incident-en.md'), ja: path.join(tmp.dir, 'incident-ja.md') };
  const json: Record<'en' | 'ja', unknown[]> = { en: [], ja: [] };
  const stdout: Record<'en' | 'ja', string[]> = { en: [], ja: [] };
  beforeAll(() => {
  for (const lang of ['en', 'ja'] as const) {
    for (const target of targets) {
      const args = ['--root', root, 'capture', target, '--incident', incident[lang], '--messages', '2'];
      const r = runCli([...args, '--json'], { env: { LANG: lang === 'ja' ? 'ja_JP.UTF-8' : 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
      expect(r.status, r.stderr).toBe(0);
      json[lang].push(r.json());
      const human = runCli(['--lang', lang, ...args, '--incident', path.join(tmp.dir, `scratch-${lang}.md`)]);
      expect(human.status, human.stderr).toBe(0);
      stdout[lang].push(human.stdout);
    }
  }
  }, 600_000);
  const text = (lang: 'en' | 'ja') => fs.readFileSync(incident[lang], 'utf8');
  // What a run's clock changes: the time of each section and where the JSON says it wrote.
  const timeless = (r: unknown) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'time' || k === 'file' || k === 'writtenBytes' ? undefined : v)));
  const recordLines = (md: string) => md.split('\n').map(parseRecordLine).filter(Boolean).map(timeless);
  // The captured text, fenced: it must be the same bytes whatever the language.
  const fenced = (md: string) => [...md.matchAll(/^(`{3,})[a-z]*\n([\s\S]*?)^\1$/gm)].map((m) => m[2]);
  // The hashes of what was captured (a seal's hash covers the section's words, so it differs).
  const hashes = (md: string) => [...md.split('\n').filter((l) => !l.includes('spoolrescue-seal')).join('\n').matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]);

  it('writes the same records, hashes and captured text; only headings and prose differ', () => {
    const en = text('en');
    const ja = text('ja');
    expect(recordLines(ja)).toEqual(recordLines(en));
    expect(recordLines(ja)).toHaveLength(targets.length);
    expect(hashes(ja)).toEqual(hashes(en));
    expect(hashes(ja).length).toBeGreaterThan(targets.length);
    expect(fenced(ja)).toEqual(fenced(en));
    expect(fenced(ja).length).toBeGreaterThan(targets.length);
    expect(en).toContain('## spoolrescue capture: mbox /var/spool/mail/root');
    expect(en).toContain('| host |');
    expect(ja).toContain('## spoolrescue 採取: mbox /var/spool/mail/root');
    expect(ja).toContain('## spoolrescue 採取: キュー /var/spool/postfix/maildrop');
    expect(ja).toContain('## spoolrescue 採取: ログ /var/log/maillog');
    expect(ja).toContain('| ホスト |');
    expect(ja).toContain('| 内容 | mbox の最初の 2 通と最後の 2 通のメール |');
    expect(ja).toContain('### 最初の 2 通');
    expect(ja).toContain('### 最も古い 2 個のファイル');
    expect(ja).not.toContain('## spoolrescue capture');
    expect(ja).not.toMatch(/\| (host|what|from|size|owner) \|/);
    // sizes are the same figures in both
    const sizes = (md: string) => [...md.matchAll(/^\| (?:size|サイズ) \| (\d+) /gm)].map((m) => m[1]);
    expect(sizes(ja)).toEqual(sizes(en));
    expect(sizes(ja).length).toBeGreaterThan(0);
  });

  it('the sealed records read back the same from both files, none broken', async () => {
    const en = await readIncidentRecords(incident.en);
    const ja = await readIncidentRecords(incident.ja);
    expect(ja.map(timeless)).toEqual(en.map(timeless));
    expect(ja.map((r) => r.kind)).toEqual(['mbox', 'queue', 'queue', 'log', 'raw']);
  });

  it('prints the same --json whatever the language, and a Japanese summary to a person', () => {
    expect(json.ja.map(timeless)).toEqual(json.en.map(timeless));
    expect(stdout.en[0]).toContain('first separator:');
    expect(stdout.ja[0]).toContain('最初の区切り行:');
    expect(stdout.ja[0]).toContain('採取したバイトの SHA-256:');
    expect(stdout.ja[1]).toContain('エンベロープ:');
  });

  it('says why a file is kept raw, and how envelopes were read, in Japanese; --json and the records keep English', () => {
    const raw = (json.ja[4] as { raw: { reason: string } }).raw.reason;
    expect(raw).toBe('neither an mbox (no "From " line at the start) nor a log (no time stamp at the start)');
    for (const shown of [stdout.ja[4], text('ja')]) {
      expect(shown).toContain('mbox（先頭に "From " 行がない）でもログ（先頭に時刻がない）でもありません');
      expect(shown).not.toContain(raw);
    }
    expect(stdout.en[4]).toContain(raw);
    // postcat decodes when installed (then the words are its command line in every language)
    const decoder = (json.ja[1] as { queue: { decoder: string } }).queue.decoder;
    if (decoder.startsWith('native')) {
      expect(stdout.ja[1]).toContain('内蔵のレコードデコーダ');
      expect(stdout.ja[1]).not.toContain(decoder);
    } else expect(decoder).toMatch(/^postcat/);
  });
});

// Truncate finds its capture in a Japanese incident file as in an English one, and records the
// same facts under Japanese headings.
describeWith(['root'], 'truncate after a capture in Japanese', () => {
  const tmp = makeTempDir('truncate-lang', '/var/tmp');
  afterAll(tmp.cleanup);
  const spoolFor = (lang: string) => {
    const p = path.join(tmp.dir, `spool-${lang}`);
    writeMbox({ path: p, rng: createRng(7), messages: 20, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1), mode: 0o660, uid: 8, gid: 8 });
    return p;
  };

  it('truncates with the capture it finds in either file; the records differ only by file', async () => {
    const out: Record<string, Record<string, unknown>[]> = {};
    for (const lang of ['en', 'ja']) {
      const spool = spoolFor(lang);
      const inc = `${spool}.incident.md`;
      const c = runCli(['--lang', lang, 'capture', spool, '--incident', inc]);
      expect(c.status, c.stderr).toBe(0);
      const t = runCli(['--lang', lang, 'truncate', spool, '--incident', inc, '--yes']);
      expect(t.status, t.stderr).toBe(0);
      expect(fs.statSync(spool).size).toBe(0);
      const md = fs.readFileSync(inc, 'utf8');
      if (lang === 'ja') {
        expect(md).toContain(`## spoolrescue 切り詰め: スプール ${spool}`);
        expect(md).toMatch(/\| 切り詰め前のサイズ \| \d+ バイト \|/);
        expect(md).toContain('| 証跡 | 2');
      } else expect(md).toContain(`## spoolrescue truncate: spool ${spool}`);
      const drop = new Set(['time', 'path', 'hostPath', 'ino']);
      out[lang] = (await readIncidentRecords(inc)).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k))));
    }
    expect(out.ja.map((r) => r.step)).toEqual(['capture', 'truncate']);
    expect(out.ja).toEqual(out.en);
  });
});
