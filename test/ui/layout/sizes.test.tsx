import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';
import { displayWidth } from '../../../src/core/text/text-fit.js';
import type { LsEntry } from '../../../src/ui/ports/index.js';

// The walk at the terminal sizes operators have (a serial console's 80x24, split panes, a wide
// monitor): every frame fits, no line runs past the edge, long Japanese and hostile names are
// shortened visibly, and below the minimum a "terminal too small" screen says what is needed.

afterEach(cleanup);

const MAILDROP = '/var/spool/postfix/maildrop';
const JA = 'メールボックス'; // 7 characters, 14 columns
const names: LsEntry[] = [
  { name: `${JA.repeat(8)}-end`, type: 'file', size: 10, mtimeMs: Date.UTC(2026, 0, 1) },
  { name: `evil\u001b[2J${'x'.repeat(120)}-tail`, type: 'file', size: 1, mtimeMs: 0 },
  { name: `cafe\u0301-${'y'.repeat(90)}`, type: 'file', size: 1, mtimeMs: 0 },
  { name: 'bad\ufffd', nameBytes: Buffer.from([0x62, 0x61, 0x64, 0xff]), type: 'file', size: 1, mtimeMs: 0 },
];
const LONG_MOUNT = `/srv/${JA}/archive-of-mail-for-the-whole-company/spool`;

function ports() {
  const filesystems = [FULL_VAR, fsRow(LONG_MOUNT), fsRow('/')];
  return fakePorts({ disks: { loadDisks: async () => ({ ...DISKS, filesystems }) } }, { [MAILDROP]: names });
}

// Asserts the frame fits the terminal and returns its lines.
function fits(frame: string, columns: number, rows: number): string[] {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(displayWidth(l), `line wider than ${columns}: ${l}`).toBeLessThanOrEqual(columns);
  return lines;
}

describe.each([
  [80, 24, true],
  [60, 20, true],
  [200, 50, true],
  [80, 24, false],
  [60, 20, false],
])('the walk at %dx%d (ascii %s)', (columns, rows, ascii) => {
  it('fits on Disks, Hotspots, Look inside, the purge plan and help', async () => {
    const w = renderWalk(ports().ports, { columns, rows, ascii });
    fits(await w.waitFor('Needs attention'), columns, rows);
    fits(await w.press('2', 'Postfix maildrop'), columns, rows);
    const inside = fits(await w.press('i', /Entries 1-/), columns, rows);
    if (columns === 200) console.log(inside.join('\n'));
    const ja = inside.find((l) => l.includes('-end'))!;
    expect(ja, inside.join('\n')).toBeDefined();
    if (ascii) expect(ja).toMatch(/^[\x20-\x7e]+$/);
    else expect(ja).toContain(JA.slice(0, 2));
    const marker = ascii ? '...' : '\u2026';
    const evil = inside.find((l) => l.includes('-tail'))!;
    expect(evil).toContain('evil\\033[2J');
    // 136 columns of name: shortened visibly with its end kept below 170 columns, whole above.
    if (columns < 170) expect(evil).toContain(marker);
    else expect(evil).toContain(`evil\\033[2J${'x'.repeat(120)}-tail`);
    expect(evil.endsWith('-tail')).toBe(true);
    fits(await w.press('d', /Purge plan|what:/), columns, rows);
    fits(await w.press('?', /Anywhere/), columns, rows);
  });
});

describe('a terminal below the minimum', () => {
  it('shows what it needs at 50x12 instead of overlapping lines, and the walk comes back when it grows', async () => {
    const w = renderWalk(ports().ports, { columns: 50, rows: 12 });
    const small = fits(await w.waitFor('terminal too small'), 50, 12);
    expect(small[0]).toBe('terminal too small (need 60x16, have 50x12)');
    w.resize(80, 24);
    fits(await w.waitFor('Needs attention'), 80, 24);
    w.resize(40, 30);
    expect(fits(await w.waitFor('40x30'), 40, 30)[0]).toMatch(/^terminal too small /);
    w.resize(60, 16);
    fits(await w.waitFor('Needs attention'), 60, 16);
  });
});
