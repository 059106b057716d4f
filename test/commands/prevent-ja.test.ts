import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { speak } from '../../src/core/i18n/speak.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { buildTree } from '../helpers/prevent-tree.js';
import { memoryIo } from '../helpers/memory-io.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const tooWide = (text: string) => text.split('\n').filter((l) => displayWidth(l) > 80);

// prevent --apply's question, outcome and record in Japanese, on a real tree; --json unchanged.
describe('prevent --apply in Japanese', () => {
  const tmp = makeTempDir('prevent-ja');
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));
  let n = 0;
  const tree = () => {
    const root = path.join(tmp.dir, `rhel${++n}`);
    buildTree(root, 'rhel');
    return root;
  };
  const run = async (args: string[], answer: string, env: NodeJS.ProcessEnv = JA) => {
    const m = memoryIo({ tty: true, cwd: tmp.dir, env: { PATH: process.env.PATH, ...env } });
    const p = runCli(args, { io: m.io });
    m.stdin.write(answer);
    return { code: await p, err: m.stderr(), out: m.stdout() };
  };

  it('asks for apply in Japanese; another answer cancels and changes nothing', async () => {
    const root = tree();
    const crond = path.join(root, 'etc/sysconfig/crond');
    const r = await run(['prevent', '--root', root, '--apply', 'crond-mail-on'], 'はい\n');
    expect(r.out).toContain('+CRONDARGS="-m off"');
    expect(r.err).toContain('変更するには apply と入力してください。ほかの入力では中止します: ');
    expect(r.code).toBe(3);
    expect(r.err).toContain('spoolrescue prevent: 確認されませんでした。何も変更していません。');
    expect(fs.readFileSync(crond, 'utf8')).toContain('\nCRONDARGS=\n');
  });

  it('applies, says what it changed in Japanese and records it in Japanese in the incident file', async () => {
    const root = tree();
    const incident = path.join(tmp.dir, `incident${n}.md`);
    const r = await run(['prevent', '--root', root, '--apply', 'crond-mail-on', '--incident', incident], 'apply\n');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^\/etc\/sysconfig\/crond を編集しました（バックアップ: \S+）$/m);
    expect(r.out).toContain('crond-mail-on: 修正済み（読み直すと解消）');
    expect(r.out).toContain(`${incident} に記録しました`);
    // its Japanese lines fit 80 columns, except those quoting paths or a command's note
    expect(tooWide(r.out.split('\n').filter((l) => JAPANESE.test(l) && !l.includes('/') && !l.includes(' — ')).join('\n'))).toEqual([]);
    // what the command is for is said in Japanese
    // (on a line of its own below the command: the two do not fit 80 columns together)
    expect(r.out).toContain('\n  systemctl restart crond\n    # crond は sysconfig の引数を起動時にしか読みません（稼働中のシステムのみ）\n');
    // a daemon reload is not run under --root: said why in Japanese, on screen and in the record
    expect(r.out).toContain('実行していません: --root ではここで動くデーモンは救出対象のシステムのものではありません。そのシステムで実行してください: systemctl restart crond');
    expect(r.out).not.toContain('not run: under --root');
    const md = fs.readFileSync(incident, 'utf8');
    expect(md).toMatch(/^- \/etc\/sysconfig\/crond を編集しました（バックアップ \S+）$/m);
    expect(md).toContain('実行していません: --root ではここで動くデーモンは救出対象のシステムのものではありません');
    expect(md).not.toContain('not run: under --root');
    expect(md).toContain('- crond-mail-on: 設定を読み直すと解消していました');
  });

  it('refuses what it cannot apply in Japanese, with the same exit codes', async () => {
    const root = tree();
    const unknown = await run(['prevent', '--root', root, '--apply', 'no-such-code', '--yes'], '');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("spoolrescue prevent: 'no-such-code' は指摘のコードではありません\nコードの一覧は spoolrescue prevent --help にあります\n");
    const empty = await run(['prevent', '--root', root, '--apply', ','], '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('spoolrescue prevent: --apply には指摘のコードを 1 つ以上指定してください');
    const noTty = memoryIo({ tty: false, cwd: tmp.dir, env: { PATH: process.env.PATH, ...JA } });
    expect(await runCli(['prevent', '--root', root, '--apply', 'crond-mail-on'], { io: noTty.io })).toBe(3);
    expect(noTty.stderr()).toContain('spoolrescue prevent: 端末がないため確認できません。何も変更していません。\n確認なしで適用するには --yes を付けてください。\n');
  });

  it('lists a configuration file it could not read in Japanese; --json keeps the English reason', async () => {
    const root = tree();
    fs.writeFileSync(path.join(root, 'etc/cron.d/huge'), 'x'.repeat(5 << 20));
    const r = await run(['prevent', '--root', root], '');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ {2}\/etc\/cron\.d\/huge: \d+ バイトで、設定ファイルの上限 \d+ バイトを超えています$/m);
    expect(r.out).not.toContain('larger than');
    const j = await run(['prevent', '--root', root, '--json'], '');
    expect(JSON.parse(j.out).unreadable).toEqual([expect.stringMatching(/^\/etc\/cron\.d\/huge: \d+ bytes, larger than the \d+-byte limit for a configuration file$/)]);
  });

  it('--json of an applied fix is the same in both languages and free of Japanese', async () => {
    const docs: string[] = [];
    for (const env of [EN, JA]) {
      const root = tree();
      const r = await run(['prevent', '--root', root, '--apply', 'crond-mail-on', '--yes', '--json'], '', env);
      expect(r.code, r.err).toBe(0);
      expect(r.out).not.toMatch(JAPANESE);
      // two trees: their names and the backups' time stamps differ, nothing else
      docs.push(r.out.replaceAll(root, 'ROOT').replace(/\d{8}T?\d{6}[^"/]*/g, 'STAMP'));
    }
    expect(docs[1]).toBe(docs[0]);
    expect(JSON.parse(docs[1]).applied.commands[0].note).toBe("not run: under --root the daemons running here are not the rescued system's; run it on that system: systemctl restart crond");
  });
});
