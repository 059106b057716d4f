import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { commandHelp, generalHelp } from '../../src/cli/help.js';
import { loadCommands } from '../../src/commands/index.js';
import { speak } from '../../src/core/i18n/speak.js';
import type { DfReport } from '../../src/core/disks/model.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { generateServer } from '../../fixtures/generate.js';
import { describeWith } from '../helpers/capabilities.js';
import { mountTmpfs, type TestMount } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const EN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
// Hiragana, katakana or kanji: the text is Japanese.
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const tooWide = (text: string) => text.split('\n').filter((l) => displayWidth(l) > 80);

// The CLI speaks the operator's locale in its human text, and nothing else changes with it.
describe('the CLI in Japanese (LANG=ja_JP.UTF-8)', () => {
  it('--help and df --help are Japanese and fit 80 columns by display width', () => {
    for (const args of [['--help'], ['df', '--help']]) {
      const ja = runCli(args, { env: JA });
      const en = runCli(args, { env: EN });
      expect(ja.status).toBe(0);
      expect(ja.stdout).toMatch(JAPANESE);
      expect(en.stdout).not.toMatch(JAPANESE);
      expect(tooWide(ja.stdout)).toEqual([]);
      // flag names, command names and the usage line do not change with the language
      for (const word of ['--root DIR', '--json', '--lang LANG', 'spoolrescue']) expect(ja.stdout).toContain(word);
    }
    const dfHelp = runCli(['df', '--help'], { env: JA }).stdout;
    expect(dfHelp).toContain('使い方:');
    expect(dfHelp).toContain('--timeout MS          1 つのファイルシステムの statfs を待つ時間（既定 3000）');
    expect(dfHelp).toContain('終了コード: 0 完了、1 失敗、2 使い方の誤り、');
  });

  it('--lang ja wins over LANG=C, --lang en over a Japanese locale', () => {
    expect(runCli(['--lang', 'ja', '--help'], { env: EN }).stdout).toMatch(/^spoolrescue \S+ - ディスクフルになった Linux メールサーバーを救出します$/m);
    expect(runCli(['--lang', 'en', '--help'], { env: JA }).stdout).toMatch(/^spoolrescue \S+ - rescue a Linux mail server whose disk is full$/m);
  });

  it('--lang xx is a usage error (exit 2) that names the languages, in the locale’s language', () => {
    const en = runCli(['df', '--lang', 'xx'], { env: EN });
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe("spoolrescue df: --lang must be one of en, ja, got 'xx'\nTry 'spoolrescue df --help'.\n");
    const ja = runCli(['df', '--lang', 'xx'], { env: JA });
    expect(ja.status).toBe(2);
    expect(ja.stderr).toContain("spoolrescue df: --lang には en, ja のいずれかを指定してください（指定値: 'xx'）");
    const json = runCli(['df', '--lang', 'xx', '--json'], { env: JA });
    expect(json.status).toBe(2);
    expect(json.json().error).toMatchObject({ exitCode: 2 });
  });

  it('a serial or ASCII console keeps English under a Japanese locale; --lang ja (either spelling) gives Japanese with a warning', () => {
    for (const flag of ['--serial', '--ascii']) {
      const kept = runCli([flag, '--help'], { env: JA });
      expect(kept.status).toBe(0);
      expect(kept.stdout).not.toMatch(JAPANESE);
      expect(kept.stderr).toBe('');
      for (const lang of [['--lang', 'ja'], ['--lang=ja']]) {
        const asked = runCli(['df', flag, ...lang, '--help'], { env: EN });
        expect(asked.status).toBe(0);
        expect(asked.stdout).toContain('使い方:');
        expect(asked.stderr).toBe('spoolrescue df: この端末は ASCII しか表示できません。日本語が正しく表示されないことがあります\n');
      }
    }
    // a non-UTF-8 Japanese locale cannot show Japanese either
    expect(runCli(['--help'], { env: { ...EN, LANG: 'ja_JP.eucJP' } }).stdout).not.toMatch(JAPANESE);
    // the warning is for people: --json keeps stderr empty
    expect(runCli(['df', '--serial', '--lang', 'ja', '--json', '--timeout', 'soon'], { env: EN }).stderr).not.toContain('ASCII');
  });

  it('what follows -- is an operand, not --lang: the run keeps the locale’s language', () => {
    const r = runCli(['ls', '--', '--lang', 'ja'], { env: EN });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(JAPANESE);
    expect(r.stderr).toContain("'ja'");
  });

  it('usage errors are worded in Japanese, with the same exit code', () => {
    const r = runCli(['df', '--timeout', 'soon'], { env: JA });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("spoolrescue df: --timeout には整数を指定してください（指定値: 'soon'）\n「spoolrescue df --help」を参照してください。\n");
    expect(runCli(['nosuch'], { env: JA }).stderr).toContain("spoolrescue: 不明なコマンドです: 'nosuch'");
  });
});

describeWith(['root', 'mount'], 'df under a Japanese locale', () => {
  const tmp = makeTempDir('lang-ja-df');
  let mount: TestMount | undefined;
  afterAll(() => {
    mount?.unmount();
    tmp.cleanup();
  });

  it('prints a table that fits 80 columns, and --json is byte-identical to the English run (timings aside)', () => {
    // a filesystem of our own, nearly full, so its figures hold still between the two runs and it is flagged
    mount = mountTmpfs(path.join(tmp.dir, 'full'), { size: '4m', nrInodes: 64 });
    fs.writeFileSync(path.join(mount.dir, 'spool'), Buffer.alloc(3900 * 1024));
    // a rescued system of our own, so the likely culprits (and their reasons) hold still too
    const root = path.join(tmp.dir, 'server');
    generateServer(root, { mboxMessages: 10, maildrop: 20, bounce: 3, deferred: 10, maillogLines: 100 });
    const human = runCli(['df', '--root', root], { env: JA });
    expect(human.status, human.stderr).toBe(0);
    expect(tooWide(human.stdout)).toEqual([]);
    expect(human.stdout).toContain(mount.dir);

    const ja = runCli(['df', '--root', root, '--json'], { env: JA });
    const en = runCli(['df', '--root', root, '--json'], { env: EN });
    expect(ja.status).toBe(0);
    expect(en.status).toBe(0);
    expect(ja.stderr).toBe('');
    expect(ja.stdout).not.toMatch(JAPANESE);
    const ours = (doc: DfReport) => JSON.stringify(doc.filesystems.find((f) => f.mount === mount!.dir));
    const jaDoc = ja.json<DfReport>();
    const enDoc = en.json<DfReport>();
    // our filesystem's record, reasons included, is the same bytes in both languages
    expect(ours(jaDoc)).toBe(ours(enDoc));
    expect(jaDoc.filesystems.find((f) => f.mount === mount!.dir)!.flags.length).toBeGreaterThan(0);
    // the whole document, once the timings and the host's moving figures are set aside, is the same;
    // other tests mount and unmount filesystems meanwhile, so only the mounts both runs saw are compared
    const seenByBoth = (f: DfReport['filesystems'][number]) =>
      jaDoc.filesystems.some((j) => j.mountId === f.mountId) && enDoc.filesystems.some((e) => e.mountId === f.mountId);
    const still = (doc: DfReport) =>
      JSON.stringify({ ...doc, suspectsMs: 0, deletedOpen: [], deletedOpenCount: 0, skippedProcesses: 0, filesystems: doc.filesystems.filter(seenByBoth).map((f) => (f.mount === mount!.dir ? f : { ...f, usedBytes: 0, availBytes: 0, inodesUsed: 0, inodesFree: 0, usePercent: 0, inodeUsePercent: 0, deletedOpenBytes: 0, flags: [] })) });
    expect(jaDoc.filesystems.filter(seenByBoth).length).toBeGreaterThan(1);
    expect(still(jaDoc)).toBe(still(enDoc));
  });
});

describe("every command's help in Japanese", () => {
  afterEach(() => speak('en'));

  it('is Japanese, fits 80 columns by display width, and keeps the flag names', async () => {
    const commands = await loadCommands();
    speak('ja');
    const general = generalHelp(commands);
    expect(tooWide(general)).toEqual([]);
    expect(general).toContain('コマンド:');
    for (const c of commands) {
      const help = commandHelp(c);
      expect(tooWide(help), c.name).toEqual([]);
      expect(help.split('\n')[0], c.name).toMatch(JAPANESE);
      for (const f of c.flags) expect(help, `${c.name} --${f.name}`).toContain(`--${f.name}`);
      expect(c.details ?? '', c.name).toMatch(JAPANESE);
    }
    speak('en');
    // the English help is untouched by the Japanese run
    expect(commandHelp(commands.find((c) => c.name === 'purge')!)).toMatch(/^spoolrescue purge - empty a huge queue directory/);
  });
});
