import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { describeWith } from '../helpers/capabilities.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const tooWide = (text: string) => text.split('\n').filter((l) => displayWidth(l) > 80);
// long lines continue on the next, indented: read the text without its white space
const flat = (text: string) => text.replace(/\s+/g, '');
const says = (text: string, expected: string) => expect(flat(text)).toContain(flat(expected));

// purge on a real tree under LANG=ja_JP.UTF-8: the plan's place, reasons and warnings and the
// report in Japanese within 80 columns; --json the same bytes as under LANG=C.
describeWith(['root', 'postfix'], 'spoolrescue purge in Japanese', () => {
  const tmp = makeTempDir('purge-ja');
  const root = tmp.dir;
  const q = (p: string) => path.join(root, 'var/spool/postfix', p);
  beforeAll(() => {
    const postfixUid = Number(execFileSync('id', ['-u', 'postfix']).toString());
    const postdropGid = Number(execFileSync('getent', ['group', 'postdrop']).toString().split(':')[2]);
    generateServer(root, { maildrop: 40, bounce: 10, deferred: 30, mboxMessages: 2, maillogLines: 5, owners: { mailOwnerUid: postfixUid, setgidGid: postdropGid, rootGid: 0, submitterUid: 0 } });
    fs.writeFileSync(path.join(root, 'etc/passwd'), `root:x:0:0:root:/root:/bin/sh\npostfix:x:${postfixUid}:${postdropGid}::/var/spool/postfix:/usr/sbin/nologin\n`);
    fs.writeFileSync(path.join(root, 'etc/group'), `root:x:0:\npostdrop:x:${postdropGid}:\n`);
    // a mode Postfix's table does not use: the plan warns (and keeps it)
    fs.chmodSync(q('deferred'), 0o750);
  });
  afterAll(tmp.cleanup);
  const dry = ['purge', '--root', root, '/var/spool/postfix/deferred', '--dry-run', '--in-place'];

  it('shows the plan in Japanese: the place, why in place, the table warning, within 80 columns', () => {
    const r = runCli(dry, { env: JA });
    expect(r.status, r.stderr).toBe(0);
    expect(tooWide(r.stdout)).toEqual([]);
    says(r.stdout, '/var/spool/postfix/deferred の削除 (purge) 手順');
    says(r.stdout, '対象: Postfix の deferred キュー（許可: Postfix の deferred キュー）');
    says(r.stdout, '- --in-place が指定されました');
    says(r.stdout, 'deferred のモードは 0750 です。Postfix は 0700 を使います（そのまま保ちます）');
    expect(r.stdout).not.toMatch(/Postfix queue deferred|--in-place was given|Postfix uses/);
  });

  it('prints the same --json under LANG=ja_JP.UTF-8 as under LANG=C, in English', () => {
    const ja = runCli([...dry, '--json'], { env: JA });
    const en = runCli([...dry, '--json'], { env: EN });
    expect(ja.status, ja.stderr).toBe(0);
    // the free inodes and bytes are read live (the machine's disk changes between the two runs)
    const steady = (text: string) => text.replace(/"(inodesFree|freeBytes)": \d+/g, '"$1": 0');
    expect(steady(ja.stdout)).toBe(steady(en.stdout));
    const j = ja.json();
    expect(j.plan).toMatchObject({
      description: 'Postfix queue deferred',
      allowedBy: 'Postfix queue deferred',
      // where getfattr or lsattr is missing (a minimal host) the plan says so after it
      reasons: expect.arrayContaining(['--in-place was given']),
      tableWarnings: ['deferred has mode 0750; Postfix uses 0700 (it is kept as it is)'],
    });
    expect(ja.stdout).not.toMatch(JAPANESE);
  });

  it('reports a purge in Japanese, and its --json in English', () => {
    const r = runCli(['purge', '--root', root, '/var/spool/postfix/bounce', '--yes', '--in-place'], { env: JA });
    expect(r.status, r.stderr).toBe(0);
    expect(tooWide(r.stdout)).toEqual([]);
    says(r.stdout, '- --in-place が指定されました');
    expect(r.stdout).toMatch(JAPANESE);
    expect(r.stdout).not.toMatch(/ was given|as snapshotted|nothing to report/);
    expect(fs.readdirSync(q('bounce'))).toEqual([]);
    fs.writeFileSync(path.join(q('maildrop'), 'extra'), 'x');
    const j = runCli(['purge', '--root', root, '/var/spool/postfix/maildrop', '--yes', '--json', '--in-place'], { env: JA });
    expect(j.status, j.stderr).toBe(0);
    // why postfix check did not run (under --root) is English in --json too, and Japanese on screen
    expect(j.stdout).not.toMatch(JAPANESE);
    expect(j.json().postfixCheck).toMatchObject({ ran: false, skipped: expect.any(String) });
    expect(Object.keys(j.json().postfixCheck)).toEqual(['ran', 'skipped', 'output', 'logLines']);
    expect(r.stdout).toMatch(/^ {2}postfix check: 未実行（/m);
    expect(r.stdout.replace(/\s+/g, '')).toMatch(/未実行（.*(ありません|操作します|読めませんでした|インストールされていません)/);
    expect(j.json()).toMatchObject({ ok: true, failures: [], plan: { description: 'Postfix queue maildrop', reasons: expect.arrayContaining(['--in-place was given']) }, verification: { snapshotHeld: true, differences: [] } });
  });
});
