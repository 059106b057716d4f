import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRecord as rec } from '../../src/core/queue/record-cursor.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const tooWide = (text: string) => text.split('\n').filter((l) => displayWidth(l) > 80);
const flat = (text: string) => text.replace(/\s+/g, '');

// queue's review, question, refusals and outcome in Japanese on a rescued disk (--root, Postfix
// stopped: the files are removed directly); --json is the same whatever the language.
describe('queue in Japanese', () => {
  const tmp = makeTempDir('queue-ja');
  afterAll(tmp.cleanup);
  const now = Math.floor(Date.now() / 1000);
  let n = 0;
  // a rescued system whose deferred queue holds `count` messages from one sender
  const server = (count: number) => {
    const root = path.join(tmp.dir, `server${++n}`);
    for (let i = 0; i < count; i++) {
      const id = `ABCDEF${String(i).padStart(4, '0')}`;
      const file = path.join(root, 'var/spool/postfix/deferred', id[0], id);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.concat([rec('T', `${now - 3600 * (i + 1)} 0`), rec('S', 'list@lists.example'), rec('R', `u${i}@b.example`), rec('M', ''), rec('N', 'Subject: s'), rec('N', ''), rec('X', ''), rec('E', '')]), { mode: 0o700 });
    }
    return root;
  };

  it('shows the queue, the review and the dry run within 80 columns, saying how in Japanese', () => {
    const root = server(6);
    const shape = runCli(['--root', root, 'queue'], { env: JA });
    expect(shape.status, shape.stderr).toBe(0);
    expect(tooWide(shape.stdout)).toEqual([]);
    expect(shape.stdout).toContain('b.example');
    const dry = runCli(['--root', root, 'queue', '--delete', '--match', 'sender=list@*', '--dry-run'], { env: JA });
    expect(dry.status, dry.stderr).toBe(0);
    expect(tooWide(dry.stdout)).toEqual([]);
    expect(flat(dry.stdout)).toContain(flat('方法: ファイルとその defer/bounce/trace ログを 1 つずつ直接削除（Postfix は停止中）。'));
    expect(dry.stdout).toMatch(/^ドライラン: 何も変更していません。$/m);
    expect(flat(dry.stdout)).toContain(flat('警告: 正当なメールが含まれるかもしれないなら --hold を使ってください。'));
    const noSelection = runCli(['--root', root, 'queue', '--delete', '--dry-run'], { env: JA });
    expect(noSelection.status).toBe(3);
    expect(noSelection.stderr).toContain('spoolrescue queue: 選択なしの delete は拒否します: キュー全体が対象になります\n');
    expect(fs.readdirSync(path.join(root, 'var/spool/postfix/deferred/A')).length).toBe(6);
  });

  it('refuses without a terminal or --yes, and on an empty selection does nothing, in Japanese', () => {
    const root = server(2);
    const r = runCli(['--root', root, 'queue', '--delete', '--match', 'sender=list@*'], { env: JA });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('spoolrescue queue: 拒否: 確認する端末がなく --yes もありません。何も変更していません\n--dry-run で確認してから --yes を付けて再実行してください。\n');
    const none = runCli(['--root', root, 'queue', '--delete', '--yes', '--match', 'sender=nobody@*'], { env: JA });
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toBe('選択したメールはありません。何もしません。\n');
    expect(fs.readdirSync(path.join(root, 'var/spool/postfix/deferred/A')).length).toBe(2);
  });

  it('deletes and reports in Japanese; the incident file has Japanese headings and the same records', () => {
    const root = server(3);
    const r = runCli(['--root', root, 'queue', '--delete', '--match', 'sender=list@*', '--yes', '--incident', '/incident.md'], { env: JA });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^delete: 3 通中 3 通（direct）。$/m);
    // under --root there is no main.cf: postfix check is not run, and says why
    expect(flat(r.stdout)).toMatch(/postfixcheck:未実行（.*main\.cfがありません）/);
    expect(tooWide(r.stdout)).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'var/spool/postfix/deferred/A'))).toEqual([]);
    const md = fs.readFileSync(path.join(root, 'incident.md'), 'utf8');
    expect(md).toContain('条件: `sender=list@*`。メール 3 通のうち 3 通、');
    expect(md).toContain('### 選択したキュー ID (3)');
    expect(md).toContain('- delete: メール 3 通、');
    expect(md).toMatch(/- postfix check: 未実行（/);
    expect(md).toContain('"kind":"queue-selection","action":"delete","selected":3');
    expect(md).toContain('"kind":"queue-action","action":"delete","done":3');
  });

  // a flood of bounce notices: twelve messages from <> to twelve domains
  const backscatter = () => {
    const root = path.join(tmp.dir, `server${++n}`);
    for (let i = 0; i < 12; i++) {
      const id = `BCDEF${String(i).padStart(5, '0')}`;
      const file = path.join(root, 'var/spool/postfix/deferred', id[0], id);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.concat([rec('T', `${now - 600 * (i + 1)} 0`), rec('S', ''), rec('R', `u@d${i}.example`), rec('M', ''), rec('N', 'Subject: s'), rec('N', ''), rec('X', ''), rec('E', '')]), { mode: 0o700 });
    }
    return root;
  };

  it('words the verdicts in Japanese on screen and in English in --json, the same bytes in both languages', () => {
    const root = backscatter();
    const shape = runCli(['--root', root, 'queue'], { env: JA });
    expect(shape.status, shape.stderr).toBe(0);
    expect(shape.stdout).toContain('! バックスキャッターの疑い\n');
    expect(flat(shape.stdout)).toContain(flat('メール 12 通のうち 12 通 (100%) が空の送信者 <>（エラー通知）で、宛先ドメインは 12 個です'));
    expect(shape.stdout).toContain("選ぶには: --match 'sender=<>'");
    expect(tooWide(shape.stdout)).toEqual([]);
    const en = runCli(['--root', root, 'queue'], { env: EN });
    expect(en.stdout).toContain('! backscatter suspected\n');
    expect(flat(en.stdout)).toContain(flat('12 of 12 messages (100%) have the null sender <> (bounce notices), to 12 recipient domains'));
    const still = (out: string) => out.replace(/"(\w*Ms)": *\d+(\.\d+)?/g, '"$1":0');
    const jsonJa = runCli(['--root', root, 'queue', '--json'], { env: JA });
    const jsonEn = runCli(['--root', root, 'queue', '--json'], { env: EN });
    expect(jsonJa.stdout).not.toMatch(JAPANESE);
    expect(still(jsonJa.stdout)).toBe(still(jsonEn.stdout));
    expect(JSON.parse(jsonJa.stdout).verdicts).toEqual([
      { code: 'backscatter', title: 'backscatter suspected', evidence: '12 of 12 messages (100%) have the null sender <> (bounce notices), to 12 recipient domains', match: 'sender=<>', share: 1 },
    ]);
  });

  it('--json is byte-identical in both languages and free of Japanese', () => {
    const root = server(4);
    const still = (out: string) => out.replace(/"(\w*Ms)": *\d+(\.\d+)?/g, '"$1":0');
    const ja = runCli(['--root', root, 'queue', '--json'], { env: JA });
    const en = runCli(['--root', root, 'queue', '--json'], { env: EN });
    expect(ja.status).toBe(0);
    expect(ja.stdout).not.toMatch(JAPANESE);
    expect(still(ja.stdout)).toBe(still(en.stdout));
    const dryJa = runCli(['--root', root, 'queue', '--delete', '--match', 'sender=list@*', '--dry-run', '--json'], { env: JA });
    const dryEn = runCli(['--root', root, 'queue', '--delete', '--match', 'sender=list@*', '--dry-run', '--json'], { env: EN });
    expect(dryJa.stdout).not.toMatch(JAPANESE);
    expect(still(dryJa.stdout)).toBe(still(dryEn.stdout));
    // the plan's warnings are data in --json: English in both
    expect(JSON.parse(dryJa.stdout).warnings).toContain('prefer --hold when the selection may contain legitimate mail: held mail can be released later, deleted mail is gone');
  });
});
