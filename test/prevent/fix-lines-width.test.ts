import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { speak, type Language } from '../../src/core/i18n/speak.js';
import { planLines } from '../../src/core/prevent/report-text.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { planPrevent } from '../../src/ops/prevent.js';
import { buildTree } from '../helpers/prevent-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The commands of the review before --apply, with what each is for, fit 80 columns in both
// languages: the why goes on its own line when the two do not fit on one; a command is never cut.

const tmp = makeTempDir('prevent-width');
afterAll(tmp.cleanup);
afterEach(() => speak('en'));

// A tree under a deep --root (long host paths in postfix -c and postalias) with stale aliases.
function tree(name: string): string {
  const root = path.join(tmp.dir, name, 'a-rather-long-directory-name-for-the-rescued-root');
  buildTree(root, 'rhel', {}, { staleDb: true });
  return root;
}

const APPLY = ['crond-mail-on', 'aliases-db-stale', 'queue-lifetime-long'];

describe('the review before --apply at 80 columns', () => {
  for (const lang of ['en', 'ja'] as Language[]) {
    it(`puts each command whole on its line and its why within 80 columns (${lang})`, async () => {
      const root = tree(lang);
      speak(lang);
      const p = await planPrevent({ paths: createSystemPaths(root), apply: APPLY });
      if ('refused' in p) throw new Error(p.refused.reason);
      const lines = planLines(p.edits, p.commands, [], p.backupDir);
      const commands = p.commands.map((c) => `  ${c.argv.join(' ')}`);
      expect(commands.length).toBeGreaterThanOrEqual(3);
      const from = lines.indexOf(lang === 'ja' ? '続けて実行:' : 'Then:');
      const tail = lines.slice(from + 1);
      // every command is a line of its own or starts one, never shortened
      for (const c of commands) expect(tail.some((l) => l === c || l.startsWith(`${c}    # `)), c).toBe(true);
      // every other line of the command part fits; a lone command line may only be wider when the
      // command itself is (it is copied whole)
      for (const l of tail) if (!commands.includes(l)) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
      const whys = tail.filter((l) => l.startsWith('    # '));
      expect(whys.length).toBeGreaterThan(0);
      if (lang === 'ja') expect(tail).toContain('    # crond は sysconfig の引数を起動時にしか読みません（稼働中のシステムのみ）');
      else expect(tail).toContain('    # crond reads its sysconfig arguments only when it starts (live system only)');
    });
  }

  it('prints them so from the command line under LANG=ja_JP.UTF-8 and LANG=C', () => {
    for (const env of [{ LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }]) {
      const root = tree(`cli-${env.LANG}`);
      const r = runCli(['prevent', '--root', root, '--apply', APPLY.join(','), '--yes', '--backup-dir', path.join(tmp.dir, `bk-${env.LANG}`)], { env });
      expect(r.status, r.stderr).toBe(0);
      const out = r.stdout.split('\n');
      const start = out.findIndex((l) => l === 'Then:' || l === '続けて実行:');
      expect(start).toBeGreaterThan(0);
      const commandPart = out.slice(start + 1).filter((l) => l.startsWith('  '));
      expect(commandPart.some((l) => l.startsWith('    # '))).toBe(true);
      for (const l of commandPart) if (l.startsWith('    ') || l.includes('    # ')) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    }
  });
});
