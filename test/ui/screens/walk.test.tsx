import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

describe('the walk as a whole', () => {
  it('opens the full help on ? and closes it with Esc', async () => {
    const w = renderWalk(fakePorts().ports);
    await w.waitFor('Needs attention');
    const help = await w.press('?', 'Anywhere');
    for (const k of ['Tab/]', 'h/Backspace/Left', 'j/k/arrows', 'Ctrl-C']) expect(help).toContain(k);
    expect(help).toMatch(/close help/);
    const back = await w.press(KEY.esc, 'Needs attention');
    expect(back).not.toContain('Anywhere');
  });

  it('quits on q, and Ctrl-C quits when nothing runs', async () => {
    const a = renderWalk(fakePorts().ports);
    await a.waitFor('Needs attention');
    a.stdin.write('q');
    await vi.waitFor(() => expect(a.state().quit).toBe(true), { timeout: 5000 });
    const b = renderWalk(fakePorts().ports);
    await b.waitFor('Needs attention');
    b.stdin.write(KEY.ctrlC);
    await vi.waitFor(() => expect(b.state().quit).toBe(true), { timeout: 5000 });
  });

  it('ends cleanly when asked from outside (SIGTERM, Ctrl-C outside raw mode)', async () => {
    const ac = new AbortController();
    const w = renderWalk(fakePorts().ports, { signal: ac.signal });
    await w.waitFor('Needs attention');
    ac.abort();
    await vi.waitFor(() => expect(w.state().quit).toBe(true));
  });

  it('draws in colour only when the terminal takes it, and ASCII only when asked', async () => {
    const plain = renderWalk(fakePorts().ports, { ascii: true, color: false });
    const p = await plain.waitFor('Needs attention');
    expect(p).not.toMatch(/\u001b\[/);
    expect([...p].every((c) => c.charCodeAt(0) < 0x7f)).toBe(true);
    const fancy = renderWalk(fakePorts().ports, { ascii: false, color: true });
    const f = await fancy.waitFor('Needs attention');
    expect(f).toContain('\u276f');
  });
});

describe('full help on a short terminal', () => {
  it('scrolls with j and PgDn to the last key', async () => {
    const w = renderWalk(fakePorts().ports, { rows: 20 });
    await w.waitFor('Needs attention');
    const first = await w.press('?', 'more below');
    expect(first).toContain('Anywhere');
    let f = first;
    for (let i = 0; i < 10 && !f.includes('-- end --'); i++) f = await w.press(' ');
    expect(f).toContain('-- end --');
    expect(f).toContain('close this help');
    expect(f).not.toContain('Anywhere');
    const up = await w.press('k');
    expect(up).toContain('more below');
  });
});
