import { unreadConfigWords } from '../../src/core/prevent/apply-facts.js';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { FINDING_CODES, type Finding } from '../../src/core/prevent/finding.js';
import { findingJson, findingWords } from '../../src/core/prevent/finding-words.js';
import { planLines, reportLines } from '../../src/core/prevent/report-text.js';
import { retryStormFromRecords } from '../../src/core/prevent/retry-storm-record.js';
import { timelineMarkdown } from '../../src/core/prevent/timeline.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { displayWidth, wrapText } from '../../src/core/text/text-fit.js';
import { planPrevent, type PreventRequest } from '../../src/ops/prevent.js';
import { buildTree, LAYOUTS, type Layout } from '../helpers/prevent-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The prevention findings of real configuration trees under ja: every finding's words in
// Japanese, the report and the review before --apply within 80 columns when wrapped, and the
// --json document the same as in English.

const tmp = makeTempDir('prevent-ja');
afterAll(tmp.cleanup);
afterEach(() => speak('en'));
let n = 0;

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const debMain = LAYOUTS.debian['/etc/postfix/main.cf'];
// the mail-log step's record in the incident file: a retry storm was seen
const storm = retryStormFromRecords([{ step: 'maillog', complete: true, verdicts: ['retry-storm'], files: ['/var/log/maillog'] }]);

// Two trees that between them have every finding.
const TREES: { layout: Layout; over: Record<string, string | null>; staleDb?: boolean }[] = [
  { layout: 'rhel', over: { '/etc/logrotate.d/syslog': null }, staleDb: true },
  { layout: 'debian', over: { '/etc/postfix/main.cf': debMain.replace('defer_unauth_destination', 'permit').replace('mynetworks = 127.0.0.0/8', 'mynetworks = 0.0.0.0/0 127.0.0.0/8') + 'local_recipient_maps =\nluser_relay = unknown_user@localhost\n' } },
];

function tree(i: number): string {
  const root = path.join(tmp.dir, `t${n++}`);
  buildTree(root, TREES[i].layout, TREES[i].over, { staleDb: TREES[i].staleDb });
  return root;
}

async function plan(root: string, more: Partial<PreventRequest> = {}) {
  const p = await planPrevent({ paths: createSystemPaths(root), apply: [], retryStorm: storm, ...more });
  if ('refused' in p) throw new Error(p.refused.reason);
  return p;
}

// Every line as the command shows it on an 80-column terminal.
const wrapped = (lines: string[]) => lines.flatMap((l) => wrapText(l, 80, '         '));

describe('prevent in Japanese', () => {
  it('words every finding in Japanese, within 80 columns, while --json keeps the English document', async () => {
    const all: Finding[] = [];
    for (const i of [0, 1]) {
      speak('en');
      const root = tree(i);
      const english = (await plan(root)).findings.map(findingJson);
      speak('ja');
      const ja = await plan(root);
      all.push(...ja.findings);
      // the same findings; the --json document, made while the run speaks Japanese, is
      // byte-identical to the English run's
      expect(JSON.stringify(ja.findings.map(findingJson))).toBe(JSON.stringify(english));
      for (const f of ja.findings) {
        const w = findingWords(f);
        for (const words of [w.what, w.why, w.fix, ...(w.details ?? [])]) expect(words, `${f.id}: ${words}`).toMatch(JAPANESE);
        expect(findingJson(f).what).toBe(english.find((e) => e.id === f.id)!.what);
        expect(findingJson(f).what).not.toMatch(JAPANESE);
      }
      const lines = wrapped(reportLines(ja.findings, ja.unreadable.map((u) => unreadConfigWords(u))));
      expect(lines[0]).toBe(`このホストの指摘 ${ja.findings.length} 件:`);
      for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    }
    // between the two trees, every check spoke
    expect(new Set(all.map((f) => f.code))).toEqual(new Set(FINDING_CODES));
    speak('ja');
    const said = (code: string) => findingWords(all.find((f) => f.code === code)!);
    const saidEnglish = (code: string) => findingWords(all.find((f) => f.code === code)!, 'en');
    expect(said('root-mail-stays-local').what).toBe('/etc/aliases に root: の alias がありません（15 行目がコメントアウトされています: root: marc）');
    expect(said('cron-mailto-root').details?.[0]).toMatch(/^\d+ 行目: root /);
    expect(said('queue-lifetime-long').details).toEqual(['証跡ファイルで解析したメールログ (/var/log/maillog)に見られるもの: 再送の嵐']);
    expect(saidEnglish('queue-lifetime-long').details).toEqual(['the mail log analysed in the incident file (/var/log/maillog) shows: retry-storm']);
    expect(said('unknown-recipients-accepted').what).toContain('luser_relay = unknown_user@localhost がすべて引き受けます');
    expect(said('open-relay-risk').what).toContain('mynetworks の 0.0.0.0/0 は');
    expect(said('mailbox-size-unlimited').fix).toBe('postconf -e mailbox_size_limit=51200000 のあと postfix reload を実行してください');
    const lines = reportLines(all, []).join('\n');
    expect(lines).toContain('       理由: ');
    expect(lines).toContain('[--apply root-mail-stays-local]');
    expect(lines).toContain('（助言のみ）');
    expect(lines).toMatch(/^高 {5}root-mail-stays-local/m);
  });

  it('shows the review before --apply and its refusals in Japanese, within 80 columns', async () => {
    const root = tree(0);
    speak('ja');
    const refused = await planPrevent({ paths: createSystemPaths(root), apply: ['root-mail-stays-local'] });
    expect('refused' in refused && refused.refused.reason).toBe('root-mail-stays-local: root-mail-stays-local には root 宛てのメールの転送先アドレスが必要です: アドレスが指定されていません');
    expect('refused' in refused && refused.refused.hint).toContain('--forward-root-to ADDRESS を付けてください');
    const p = await plan(root, { apply: ['root-mail-stays-local', 'cron-mailto-root@/etc/anacrontab', 'aliases-db-stale', 'queue-lifetime-long'], forwardRootTo: 'ops@example.org' });
    const lines = planLines(p.edits, p.commands, p.fixes.flatMap((f) => f.notes), p.backupDir);
    const text = lines.join('\n');
    expect(text).toContain(`変更前のファイルのバックアップは ${p.backupDir} に置きます`);
    expect(text).toContain('続けて実行:');
    expect(text).toContain('# newaliases: /etc/aliases のデータベースを作り直す');
    expect(text).toMatch(/# 動いている Postfix に main\.cf を読み直させる（Postfix が動いているとき）/);
    // the diffs are the files' own text, unchanged by the language
    expect(text).toContain('+root:\t\tops@example.org');
    for (const l of wrapped(lines)) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
  });

  it("writes the incident file's closing timeline with Japanese headings and the same records", async () => {
    speak('ja');
    const open = (await plan(tree(1))).findings;
    const records = [{ step: 'purge', dir: '/var/spool/postfix/maildrop', strategy: 'swap', bytes: 4096, removed: 3, time: '2026-01-01T00:00:00Z' }];
    const md = timelineMarkdown(records, () => '/var', open, ['crond-mail-on']);
    expect(md).toContain('### 経過');
    expect(md).toContain('- メールが溜まり始めた時刻: 不明（この証跡ファイルに採取の記録がありません）');
    expect(md).toContain('| 2026-01-01T00:00:00Z | purge | /var/spool/postfix/maildrop を空にした (swap) | 4096 | 3 | /var |');
    expect(md).toContain('### 再発防止');
    expect(md).toContain('- 対処済み: `crond-mail-on`');
    expect(md).toMatch(/- 未対処:\n {2}- `root-mail-stays-local` \(high\) \/etc\/aliases: \/etc\/aliases に root: の alias がありません\n/);
    expect(md).toContain('\n  - `decode-trap-missing` (low) /etc/aliases: /etc/aliases に decode: の alias がありません\n');
  });

  it('on the command line: the report in Japanese under LANG=ja_JP.UTF-8, --json the same document as under LANG=C', () => {
    const root = tree(1);
    const ja = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const human = runCli(['prevent', '--root', root], { env: ja });
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^このホストの指摘 \d+ 件:\n/);
    expect(human.stdout).toContain('       理由: ');
    const json = runCli(['prevent', '--root', root, '--json'], { env: ja });
    const english = runCli(['prevent', '--root', root, '--json'], { env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout).toBe(english.stdout);
    expect(json.json().findings.find((f: Finding) => f.code === 'decode-trap-missing').what).toBe('no decode: alias in /etc/aliases');
  });
});
