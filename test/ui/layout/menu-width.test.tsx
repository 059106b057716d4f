import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Menu } from '../../../src/ui/components/Menu.js';
import { ThemeProvider, themeFor } from '../../../src/ui/theme.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';

afterEach(cleanup);

// The menu's labels are cut by terminal columns, not by characters: a Japanese label takes two
// columns a character, so a label of 20 characters is 40 columns wide.
describe('Menu labels fit the width in columns', () => {
  const japanese = '/var/spool/mail/山田太郎の受信箱と送信済みの控えと下書き';
  const items = [
    { label: `${japanese} を調べる`, value: 'inside' },
    { label: 'short', value: 'x' },
  ];

  for (const ascii of [false, true]) {
    it(`cuts a Japanese label to 30 columns with a visible marker (${ascii ? 'ASCII' : 'UTF-8'} terminal)`, () => {
      const { lastFrame } = render(
        <ThemeProvider theme={themeFor({ serial: false, ascii, color: false })}>
          <Menu title="Actions" items={items} cursor={0} width={30} />
        </ThemeProvider>,
      );
      const lines = (lastFrame() ?? '').split('\n');
      const label = lines.find((l) => l.includes('/var/spool/mail/'))!;
      expect(displayWidth(label)).toBeLessThanOrEqual(30);
      expect(label).toMatch(ascii ? /\.\.\.$/ : /\u2026$/);
      if (!ascii) expect(label).toContain('山田');
      expect(lines.some((l) => /^ +short$/.test(l))).toBe(true);
    });
  }
});
