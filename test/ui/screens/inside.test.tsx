import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { DirScan, LsEntry, TaskOptions } from '../../../src/ui/ports/index.js';
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

const hostile: LsEntry[] = [
  { name: 'evil\u001b[2Jname', type: 'file', size: 1, mtimeMs: 0 },
  { name: 'two\nlines', type: 'file', size: 1, mtimeMs: 0 },
  { name: 'caf\u00e9', type: 'file', size: 1, mtimeMs: 0 },
  { name: 'rtl\u202eexe.txt', type: 'file', size: 1, mtimeMs: 0 },
  { name: 'bad\ufffdname', nameBytes: Buffer.from([0x62, 0x61, 0x64, 0xff, 0x6e, 0x61, 0x6d, 0x65]), type: 'file', size: 1, mtimeMs: 0 },
];

describe('Look inside screen', () => {
  it('shows the first page at once, in directory order, with type, size, mtime and facts', async () => {
    const { w, calls } = await openInside();
    const f = w.frame();
    expect(f).toMatch(/\[3\*Look inside\]/);
    expect(f).toContain('/var/spool/postfix/maildrop (Postfix maildrop)');
    expect(f).toContain('dir postfix:postdrop mode 0730, directory itself 4 KiB');
    expect(f).toContain('Entries 1-15 in directory order (unsorted, like ls -U); Space: next page');
    expect(f).toMatch(/^> - +100 B +\d{4}-\d\d-\d\d \d\d:\d\d +f0$/m);
    expect(f).toMatch(/^ {2}- +114 B .* f14$/m);
    expect(f).not.toContain('f15');
    expect(calls.pagesRead).toEqual([15]);
  });

  it('pages forward by reading on (never from the start) and back from what it kept', async () => {
    const { w, calls } = await openInside();
    const p2 = await w.press(' ', /Entries 16-30/);
    expect(p2).toMatch(/^> - .* f15$/m);
    await w.press(' ', /Entries 31-45/);
    expect(calls.pagesRead).toEqual([15, 15, 15]);
    await w.press('b', /Entries 16-30/);
    expect(calls.pagesRead).toHaveLength(3);
    for (let i = 0; i < 5; i++) await w.press(' ');
    const last = await w.press(' ', 'end of directory');
    expect(last).toMatch(/Entries 91-100/);
    expect(last).toMatch(/f99$/m);
  });

  it('counts on demand with live progress, and Esc stops the count', async () => {
    const count = controlled<DirScan>();
    let progress: (n: number) => void = () => undefined;
    let signal: AbortSignal | undefined;
    const { ports } = fakePorts();
    const inside = { ...ports.inside, scan: (_d: string, _k: number, o: TaskOptions<number>) => ((progress = o.onProgress!), (signal = o.signal), count.attach(o.signal), count.promise) };
    const { w } = await openInside({ inside });
    expect(w.frame()).toContain('Not counted (c counts every entry; o finds the oldest and newest).');
    await w.press('c', 'Counting: 0 entries so far (Esc stops)');
    await vi.waitFor(() => expect(signal).toBeDefined());
    progress(250_000);
    await w.waitFor('Counting: 250,000 entries so far (Esc stops)');
    await w.press(KEY.esc, 'Count stopped (c counts again).');
    expect(signal?.aborted).toBe(true);
    const again = controlled<DirScan>();
    inside.scan = (_d, _k, o) => (again.attach(o.signal), again.promise);
    await w.press('c', 'Counting:');
    again.resolve({ count: 1_000_000, oldest: [], newest: [], undated: 0, incomplete: null });
    await w.waitFor('1,000,000 entries in all');
  });

  it('says how far a count got when the directory vanished under it', async () => {
    const { ports } = fakePorts();
    const incomplete = 'the directory was deleted while it was being read (after 4096 entries)';
    const inside = { ...ports.inside, scan: async () => ({ count: 4096, oldest: [], newest: [], undated: 0, incomplete }) };
    const { w } = await openInside({ inside });
    const f = await w.press('c', /entries counted, then/);
    expect(f).toContain('4,096 entries counted, then: the directory was deleted while it was being');
  });

  it('finds the oldest and newest entries, and o toggles back to the listing', async () => {
    const { w } = await openInside();
    const f = await w.press('o', 'Newest');
    expect(f).toMatch(/Oldest \d+ \(o shows the listing again\)/);
    expect(f).toMatch(/^ {2}- +100 B .* f0$/m);
    expect(f).toMatch(/^ {2}- +199 B .* f99$/m);
    expect(f).toContain('100 entries in all');
    await w.press('o', /Entries 1-15/);
  });

  it('shows hostile names escaped, never raw', async () => {
    const { w } = await openInside({}, { [MAILDROP]: hostile });
    await w.waitFor('Entries 1-5');
    const f = w.frame();
    expect(f).toContain('evil\\033[2Jname');
    expect(f).toContain('two\\nlines');
    expect(f).toContain('caf\\303\\251');
    expect(f).toContain('rtl\\342\\200\\256exe.txt');
    expect(f).toContain('bad\\377name');
    expect(f).not.toContain('\u001b');
    expect([...f].every((c) => c.charCodeAt(0) < 0x7f)).toBe(true);
  });

  it('on a UTF-8 terminal shows readable names as they are and invisible ones escaped', async () => {
    const { ports } = fakePorts({}, { [MAILDROP]: hostile });
    const w = renderWalk(ports, { ascii: false });
    await w.waitFor('Needs attention');
    await w.press('2', 'Postfix maildrop');
    const f = await w.press('i', 'Entries 1-5');
    expect(f).toContain('caf\u00e9');
    expect(f).toContain('rtl\\u{202e}exe.txt');
    expect(f).not.toContain('\u202e');
  });

  it('opens a subdirectory with Enter and says what a file or a missing path is', async () => {
    const { w } = await openInside({}, { [MAILDROP]: [{ name: 'sub', type: 'dir', size: 4096, mtimeMs: 0 }], [`${MAILDROP}/sub`]: entries(3, 'x') });
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
