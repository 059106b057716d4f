import { expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { builtWalks, screenFits } from './built-walk.js';

// The built walk in a real terminal that is resized under it: every size draws a whole screen
// without overlapping lines, below the minimum it says what it needs, and it comes back when the
// window grows again. The locale decides the glyphs.

describeWith(['tmux'], 'the walk in a resized terminal (tmux)', () => {
  const walks = builtWalks('tui-resize');

  // The screen fits: as many rows as the terminal, none wider, the help bar on the last row.
  const fitsScreen = (screen: string, columns: number, rows: number) => {
    const lines = screenFits(screen, columns, rows);
    expect(lines.filter((l) => l.includes('Which filesystem is full?')), screen).toHaveLength(1);
    expect(lines.filter((l) => /\? help/.test(l)), screen).toHaveLength(1);
  };

  it('redraws at 80x24, 60x20, 200x50; below 60x16 says so; and comes back whole', async () => {
    const s = walks.start('resize', { env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' } });
    fitsScreen(await s.waitFor(/Which filesystem is full\?[\s\S]*\? help/), 80, 24);
    expect(s.screen()).toContain('\u276f');
    s.resize(50, 12);
    const small = await s.waitFor('terminal too small');
    expect(small).toContain('terminal too small (need 60x16, have 50x12)');
    expect(small).not.toContain('Which filesystem is full?');
    for (const [c, r] of [
      [60, 20],
      [200, 50],
      [80, 24],
    ]) {
      s.resize(c, r);
      const screen = await s.waitFor((sc) => sc.includes('Which filesystem is full?') && /\? help/.test(sc) && !sc.includes('too small'));
      fitsScreen(screen, c, r);
    }
    s.key('q');
    // Quitting does not wait for a read-only task (the deleted-but-open scan, a statfs that does not answer).
    expect(await s.waitExit()).toBe(0);
  });

  it('draws ASCII glyphs when the locale is not UTF-8', async () => {
    const s = walks.start('locale', { env: { TERM: 'xterm-256color', LANG: 'C', LC_ALL: 'C' } });
    const screen = await s.waitFor(/Which filesystem is full\?[\s\S]*\? help/);
    expect(screen).toMatch(/^> /m);
    expect(s.raw().toString('latin1')).not.toMatch(/[\u0080-\u00ff]/);
    s.key('q');
    expect(await s.waitExit()).toBe(0);
  });
});
