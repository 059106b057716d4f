import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { LsEntry, TaskOptions } from '../../../src/ui/ports.js';
import { controlled, entries, fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

const MAILDROP = '/var/spool/postfix/maildrop';

async function openInside(over: Parameters<typeof fakePorts>[0] = {}, dirs: Record<string, LsEntry[]> = { [MAILDROP]: entries(100) }) {
  const { ports, calls } = fakePorts(over, dirs);
  const w = renderWalk(ports);
  await w.waitFor('Needs attention');
  await w.press('2', 'Postfix maildrop');
  await w.press('i', /Entries 1-\d+/);
  return { w, calls };
}

describe('Look inside screen', () => {
  it('shows the first page at once, in directory order, with type, size, mtime and facts', async () => {
    const { w, calls } = await openInside();
    const f = w.frame();
    expect(f).toMatch(/\[3\*Look inside\]/);
    expect(f).toContain('/var/spool/postfix/maildrop (Postfix maildrop)');
    expect(f).toContain('dir postfix:postdrop mode 0730, directory itself 4 KiB');
    expect(f).toContain('Entries 1-15 in directory order (unsorted, like ls -U); n/Space: next page');
    expect(f).toMatch(/^> f +100 B +\d{4}-\d\d-\d\d \d\d:\d\d +f0$/m);
    expect(f).toMatch(/^ {2}f +114 B .* f14$/m);
    expect(f).not.toContain('f15');
    expect(calls.pagesRead).toEqual([15]);
  });

  it('pages forward by reading on (never from the start) and back from what it kept', async () => {
    const { w, calls } = await openInside();
    const p2 = await w.press('n', /Entries 16-30/);
    expect(p2).toMatch(/^> f .* f15$/m);
    await w.press(' ', /Entries 31-45/);
    expect(calls.pagesRead).toEqual([15, 15, 15]);
    await w.press('b', /Entries 16-30/);
    expect(calls.pagesRead).toHaveLength(3);
    for (let i = 0; i < 5; i++) await w.press('n');
    const last = await w.press('n', 'end of directory');
    expect(last).toMatch(/Entries 91-100/);
    expect(last).toMatch(/f99$/m);
  });

  it('counts on demand with live progress, and Esc stops the count', async () => {
    const count = controlled<number>();
    let progress: (n: number) => void = () => undefined;
    let signal: AbortSignal | undefined;
    const { ports } = fakePorts();
    const inside = { ...ports.inside, count: (_d: string, o: TaskOptions<number>) => ((progress = o.onProgress!), (signal = o.signal), count.attach(o.signal), count.promise) };
    const { w } = await openInside({ inside });
    expect(w.frame()).toContain('Not counted (c counts every entry; o finds the oldest and newest).');
    await w.press('c', 'Counting: 0 entries so far (Esc stops)');
    await vi.waitFor(() => expect(signal).toBeDefined());
    progress(250_000);
    await w.waitFor('Counting: 250,000 entries so far (Esc stops)');
    await w.press(KEY.esc, 'Count stopped (c counts again).');
    expect(signal?.aborted).toBe(true);
    const again = controlled<number>();
    inside.count = (_d, o) => (again.attach(o.signal), again.promise);
    await w.press('c', 'Counting:');
    again.resolve(1_000_000);
    await w.waitFor('1,000,000 entries in all');
  });

  it('finds the oldest and newest entries, and o toggles back to the listing', async () => {
    const { w } = await openInside();
    const f = await w.press('o', 'Newest');
    expect(f).toMatch(/Oldest \d+ \(o shows the listing again\)/);
    expect(f).toMatch(/^ {2}f +100 B .* f0$/m);
    expect(f).toMatch(/^ {2}f +199 B .* f99$/m);
    expect(f).toContain('100 entries in all');
    await w.press('o', /Entries 1-15/);
  });

  it('shows hostile names escaped, never raw', async () => {
    const hostile: LsEntry[] = [
      { name: 'evil\u001b[2Jname', type: 'file', size: 1, mtime: 0 },
      { name: 'two\nlines', type: 'file', size: 1, mtime: 0 },
      { name: 'caf\u00e9', type: 'file', size: 1, mtime: 0 },
      { name: 'rtl\u202eexe.txt', type: 'file', size: 1, mtime: 0 },
    ];
    const { w } = await openInside({}, { [MAILDROP]: hostile });
    await w.waitFor('Entries 1-4');
    const f = w.frame();
    expect(f).toContain('evil\\033[2Jname');
    expect(f).toContain('two\\nlines');
    expect(f).toContain('caf\\u{e9}');
    expect(f).toContain('rtl\\u{202e}exe.txt');
    expect(f).not.toContain('\u001b');
  });

  it('opens a subdirectory with Enter and says what a file or a missing path is', async () => {
    const { w } = await openInside({}, { [MAILDROP]: [{ name: 'sub', type: 'dir', size: 4096, mtime: 0 }], [`${MAILDROP}/sub`]: entries(3, 'x') });
    await w.waitFor('Entries 1-1');
    const sub = await w.press(KEY.enter, `${MAILDROP}/sub`);
    await w.waitFor(/x2$/m);
    expect(sub).toContain(`${MAILDROP}/sub`);
    await w.press('/', 'Look inside which directory?');
    await w.type('/nowhere');
    const missing = await w.press(KEY.enter, 'This is not there.');
    expect(missing).toContain('/nowhere');
    await w.press('2', 'Postfix maildrop');
    await w.press('j', /^> .*root's mailbox/m);
    const file = await w.press('i', 'A single file');
    expect(file).toContain('A single file: e captures its first and last messages, p truncates it in place.');
  });
});
