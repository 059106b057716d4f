import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { speak, type Language } from '../../../src/core/i18n/speak.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import { preventionPort } from '../../../src/ui/ports/real.js';
import { buildTree } from '../../helpers/prevent-tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

// The Summary screen's review of a fix on a real tree at 80x24, in English and Japanese: the
// commands and what each is for fit 80 columns, and no command is cut (it is copied from here).

const tmp = makeTempDir('summary-fix-lines');
afterAll(tmp.cleanup);
afterEach(() => {
  cleanup();
  speak('en');
});

const WHY: Record<Language, string> = {
  en: '    # crond reads its sysconfig arguments only when it starts (live system only)',
  ja: '    # crond は sysconfig の引数を起動時にしか読みません（稼働中のシステムのみ）',
};

describe('Summary screen: the review of a fix at 80 columns', () => {
  for (const lang of ['en', 'ja'] as Language[]) {
    it(`shows the command whole and its why within 80 columns (${lang})`, async () => {
      const root = path.join(tmp.dir, lang);
      buildTree(root, 'rhel');
      speak(lang);
      const real = preventionPort(createSystemPaths(root), undefined);
      const { ports } = fakePorts();
      const w = renderWalk({ ...ports, summary: { ...ports.summary, planFix: real.planFix } }, { ascii: false });
      await w.waitFor('spoolrescue on mx1');
      await w.press('6', 'crond-mail-on');
      await w.press('j');
      const f = await w.press(KEY.enter, /CRONDARGS="-m off"/);
      const rows = f.split('\n');
      expect(rows).toContain('  systemctl restart crond');
      expect(rows).toContain(WHY[lang]);
      for (const r of rows) expect(displayWidth(r), r).toBeLessThanOrEqual(80);
      // the command part is whole (only a long prose line above it may be shortened to its row)
      const then = rows.findIndex((r) => r === (lang === 'ja' ? '続けて実行:' : 'Then:'));
      expect(rows.slice(then, then + 3)).toEqual([rows[then], '  systemctl restart crond', WHY[lang]]);
    });
  }
});
