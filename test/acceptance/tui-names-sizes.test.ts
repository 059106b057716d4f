import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { builtWalks, screenFits } from './built-walk.js';

// The built walk in a real terminal on a maildrop holding a long Japanese name and hostile names
// (an escape sequence, bytes that are not UTF-8, a newline): at 80x24, 60x20 and 200x50 Look
// inside fits the screen, shows the Japanese name as such (two columns a character, shortened
// visibly) and the hostile ones escaped; at 50x12 it says the terminal is too small.

const JA = 'メールボックス'; // 7 characters, 14 columns

describeWith(['tmux'], 'Japanese and hostile names at each terminal size (tmux)', () => {
  const walks = builtWalks('tui-names');
  const root = path.join(walks.dir, 'root');
  const maildrop = path.join(root, 'var/spool/postfix/maildrop');
  fs.mkdirSync(maildrop, { recursive: true });
  fs.writeFileSync(path.join(maildrop, `${JA.repeat(8)}-end`), 'x');
  fs.writeFileSync(path.join(maildrop, `evil\u001b[2J${'x'.repeat(120)}-tail`), 'x');
  fs.writeFileSync(Buffer.concat([Buffer.from(`${maildrop}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('-name')]), 'x');
  fs.writeFileSync(path.join(maildrop, 'two\nlines'), 'x');

  const drawnFor = (screen: string, rows: number) => {
    const lines = screen.split('\n');
    let last = lines.length - 1;
    while (last >= 0 && lines[last].trim() === '') last--;
    return last === rows - 1 && /quit/.test(lines[last]);
  };

  it('Look inside fits 80x24, 60x20 and 200x50 with the names escaped and shortened visibly; 50x12 is too small', async () => {
    const s = walks.start('tmux', { root, env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' } });
    await s.waitFor(/Which filesystem is full\?[\s\S]*\? help/);
    await s.press('2', /maildrop/, 30_000);
    const opened = await s.press('i', /Entries 1-/, 30_000);
    expect(opened, opened).toContain('-end');
    for (const [columns, rows] of [
      [80, 24],
      [60, 20],
      [200, 50],
    ]) {
      s.resize(columns, rows);
      // redrawn at the new size: the help bar on the terminal's last row
      const screen = await s.waitFor((sc) => /Entries 1-/.test(sc) && drawnFor(sc, rows));
      const lines = screenFits(screen, columns, rows);
      const ja = lines.find((l) => l.includes('-end'));
      expect(ja, screen).toBeDefined();
      expect(ja).toContain(JA.slice(0, 3));
      // 8 x 14 columns of name do not fit below 200 columns: shortened in the middle, the end kept
      if (columns < 200) expect(ja).toContain('\u2026');
      const evil = lines.find((l) => l.includes('-tail'));
      expect(evil, screen).toContain('evil\\033[2J');
      expect(lines.some((l) => l.includes('bad\\377\\376-name')), screen).toBe(true);
      expect(lines.some((l) => l.includes('two\\nlines')), screen).toBe(true);
    }
    s.resize(50, 12);
    const small = await s.waitFor('terminal too small');
    screenFits(small, 50, 12);
    expect(small).toContain('have 50x12');
    s.resize(80, 24);
    await s.waitFor(/Entries 1-/);
    s.key('q');
    expect(await s.waitExit()).toBe(0);
  });
});
