import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../src/cli/command.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { runTui } from '../../src/ui/run-tui.js';
import type { Ports } from '../../src/ui/ports/index.js';
import { fakePorts } from './fake-ports.js';
import { FakeStdin } from './fake-stdin.js';

// The entry point with fake ports in-process: what it does to the terminal on the way in and,
// whatever happens, on the way out.

function terminal(opts: { serial?: boolean } = {}) {
  const out = new PassThrough() as PassThrough & { isTTY: boolean; columns: number; rows: number };
  Object.assign(out, { isTTY: true, columns: 80, rows: 24 });
  let text = '';
  out.on('data', (d) => (text += d.toString()));
  const err = new PassThrough();
  let errText = '';
  err.on('data', (d) => (errText += d.toString()));
  const stdin = new FakeStdin();
  const ac = new AbortController();
  const serial = opts.serial ?? false;
  const ctx: CommandContext = {
    command: '',
    positionals: [],
    flags: {},
    global: { json: false, serial, ascii: serial, noColor: serial },
    terminal: { serial, ascii: serial, color: !serial },
    paths: createSystemPaths(undefined, '/'),
    io: { stdout: out, stderr: err, stdin: stdin as unknown as CommandContext['io']['stdin'], env: {}, cwd: '/' },
    signal: ac.signal,
  };
  const resize = (columns: number, rows: number) => {
    Object.assign(out, { columns, rows });
    out.emit('resize');
  };
  return { ctx, stdin, out: () => text, err: () => errText, abort: () => ac.abort(), resize };
}

async function until(check: () => boolean, what: string) {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 5000, interval: 10 });
}

// One key at a time, each after the screen has answered the previous one.
const keys = async (t: ReturnType<typeof terminal>, ...ks: string[]) => {
  for (const k of ks) {
    await new Promise((r) => setTimeout(r, 30));
    const before = t.out().length;
    t.stdin.press(k);
    await vi.waitFor(() => expect(t.out().length).toBeGreaterThan(before), { timeout: 5000, interval: 5 }).catch(() => undefined);
  }
};

afterEach(() => vi.restoreAllMocks());

describe('runTui', () => {
  it('takes the alternate screen and raw mode, and gives both back on q', async () => {
    const t = terminal();
    const done = runTui(t.ctx, fakePorts().ports);
    await until(() => t.out().includes('Which filesystem is full?'), 'first frame');
    expect(t.out().startsWith('\u001b[?1049h\u001b[?25l\u001b[H\u001b[2J')).toBe(true);
    await keys(t, 'q');
    expect(await done).toBe(0);
    expect(t.out()).toMatch(/\u001b\[0m\u001b\[\?25h\u001b\[\?1049l$/);
    expect(t.stdin.rawModes[0]).toBe(true);
    expect(t.stdin.rawModes.at(-1)).toBe(false);
    expect(t.err()).toBe('');
  });

  it('redraws everything at the new size when the terminal is resized', async () => {
    const t = terminal();
    const done = runTui(t.ctx, fakePorts().ports);
    await until(() => t.out().includes('Which filesystem is full?'), 'first frame');
    expect(t.out()).not.toContain('\u001b[40;1H');
    const mark = t.out().length;
    t.resize(120, 40);
    await until(() => t.out().slice(mark).includes('\u001b[40;1H'), 'help bar on row 40');
    const after = t.out().slice(mark);
    expect(after.startsWith('\u001b[H\u001b[2J')).toBe(true);
    expect(after).toContain('Which filesystem is full?');
    t.abort();
    expect(await done).toBe(0);
  });

  it('on a serial console uses no alternate screen and leaves the cursor below the last frame', async () => {
    const t = terminal({ serial: true });
    const done = runTui(t.ctx, fakePorts().ports);
    await until(() => t.out().includes('Which filesystem is full?'), 'first frame');
    t.abort();
    expect(await done).toBe(0);
    expect(t.out()).not.toContain('\u001b[?1049');
    expect(t.out().endsWith('\u001b[24;1H\r\n\u001b[?25h')).toBe(true);
    expect(t.out()).not.toMatch(/\u001b\[[0-9;]*m/);
  });

  it('prints the incident file after a walk that wrote one', async () => {
    const t = terminal();
    const done = runTui(t.ctx, fakePorts().ports);
    await until(() => t.out().includes('Which filesystem is full?'), 'first frame');
    await keys(t, '4');
    await until(() => t.out().includes('Where should'), 'destinations');
    await keys(t, '\r', 'j', '\r');
    await until(() => t.out().includes('Disks snapshot appended'), 'snapshot');
    await keys(t, 'q');
    expect(await done).toBe(0);
    expect(t.out()).toMatch(/\u001b\[\?1049lspoolrescue: incident file \/dev\/shm\/spoolrescue-incident-mx1-20261120-0314\.md\n$/);
  });

  it('after a crash restores the terminal, says what happened and records it in the incident file', async () => {
    const t = terminal();
    const { ports, calls } = fakePorts();
    const broken: Ports = { ...ports, mailPaths: { list: async () => [{ path: '/x', label: undefined as unknown as string, kind: 'queue-dir', exists: true, sizeBytes: 1 }] } };
    const done = runTui(t.ctx, broken);
    await until(() => t.out().includes('Which filesystem is full?'), 'first frame');
    await keys(t, '4');
    await until(() => t.out().includes('Where should'), 'destinations');
    await keys(t, '\r', 'j', '\r');
    await until(() => t.out().includes('Disks snapshot appended'), 'snapshot');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await keys(t, '[', '[');
    expect(await done).toBe(1);
    expect(t.out()).toMatch(/\u001b\[\?25h\u001b\[\?1049l$/);
    expect(t.stdin.rawModes.at(-1)).toBe(false);
    expect(t.err()).toMatch(/^spoolrescue: the walk stopped on an unexpected error while drawing \w+: /);
    expect(t.err()).toContain('Incident file: /dev/shm/spoolrescue-incident-mx1-20261120-0314.md (the error is recorded at its end).');
    expect(t.err()).toContain('The terminal was restored; nothing more was done.');
    expect(t.err()).not.toMatch(/\n\s+at /);
    expect(calls.records.at(-1)?.title).toBe('The walk stopped on an error');
  });

  it('quits without waiting for a df that never answers (it only reads; the walk stops it)', async () => {
    const t = terminal();
    const signals: AbortSignal[] = [];
    const stuck = (signal?: AbortSignal) => {
      if (signal) signals.push(signal);
      return new Promise<never>(() => undefined);
    };
    const done = runTui(t.ctx, { ...fakePorts().ports, disks: { loadDisks: stuck } });
    await until(() => t.out().includes('Reading filesystems'), 'first frame');
    t.stdin.press('q');
    // a change is given 30 s to finish; a read is not waited for at all
    expect(await Promise.race([done, new Promise((r) => setTimeout(() => r('still waiting'), 5000))])).toBe(0);
    expect(t.err()).not.toContain('waiting for the running step');
    expect(signals[0]?.aborted).toBe(true);
  });
});

