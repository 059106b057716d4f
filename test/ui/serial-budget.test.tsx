import React from 'react';
import { render } from 'ink';
import { describe, expect, it } from 'vitest';
import { WalkApp } from '../../src/ui/app.js';
import { themeFor } from '../../src/ui/theme.js';
import { FrameSink } from '../../src/ui/terminal/frame-sink.js';
import { FrameWriter } from '../../src/ui/terminal/frame-writer.js';
import { SERIAL_INTERVAL_MS } from '../../src/ui/terminal/session.js';
import { entries, fakePorts, purged, steppedPurge } from './fake-ports.js';
import { ScreenModel } from './screen-model.js';
import { FakeStdin } from './fake-stdin.js';

// A 9600-baud console carries ~960 bytes/s; the walk may use at most 200 bytes/s on average
// during a 30-second purge. The real Ink tree renders into the real frame writer, driven by a
// simulated clock so the 30 seconds pass at once and the count is exact.

describe('serial console byte budget', () => {
  it('stays under 200 bytes/s during a 30-second purge, in ASCII without colour', async () => {
    let now = 0;
    const timers = new Set<{ at: number; fn: () => void }>();
    let out = '';
    const writer = new FrameWriter({
      write: (s) => (out += s),
      columns: 80,
      rows: 24,
      spans: true,
      minIntervalMs: SERIAL_INTERVAL_MS,
      now: () => now,
      setTimer: (fn, ms) => {
        const t = { at: now + ms, fn };
        timers.add(t);
        return t;
      },
      clearTimer: (t) => timers.delete(t as { at: number; fn: () => void }),
    });
    const runDue = () => {
      for (const t of [...timers].sort((a, b) => a.at - b.at)) {
        if (t.at > now) continue;
        timers.delete(t);
        t.fn();
      }
    };
    const purge = steppedPurge({ entries: 1_000_000 });
    const { ports } = fakePorts({ purge: purge.port }, { '/var/spool/postfix/maildrop': entries(50) });
    const sink = new FrameSink(80, 24, (f) => writer.push(f));
    const stdin = new FakeStdin();
    const app = render(
      <WalkApp ports={ports} theme={themeFor({ serial: true, ascii: true, color: false, serialReason: '--serial' })} columns={80} rows={24} runner={{ progressEveryMs: 100, now: () => now }} />,
      { stdout: sink as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false },
    );
    const settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 2));
      now += SERIAL_INTERVAL_MS;
      runDue();
    };
    const press = async (k: string) => {
      await settle();
      stdin.press(k);
      await settle();
    };
    await settle();
    await press('2');
    await press('p');
    await press('\r');
    for (const c of 'maildrop') await press(c);
    await press('\r');
    expect(purge.executed).toHaveLength(1);
    expect(out).toContain('Purging. Esc stops cleanly');
    expect(out).toContain('Removed         0 of 1,000,000');

    const before = Buffer.byteLength(out);
    const start = now;
    for (let t = 100; t <= 30_000; t += 100) {
      now = start + t;
      const removed = Math.round((1_000_000 * t) / 30_000);
      purge.progress({ phase: 'deleting', done: removed, total: 1_000_000, bytesFreed: removed * 4295, ratePerS: 33_000 + ((t / 100) % 7) * 111, etaS: (30_000 - t) / 1000, elapsedMs: t, dirBackInPlaceAfterMs: 150, where: '/var/spool/postfix/.maildrop.spoolrescue-purge-20261120-031400-4242' });
      await new Promise((r) => setImmediate(r));
      runDue();
    }
    now = start + 30_000 + SERIAL_INTERVAL_MS;
    runDue();
    const spent = Buffer.byteLength(out) - before;
    const perSecond = spent / 30;
    const screen = new ScreenModel(80, 24);
    screen.apply(out);
    expect(screen.text()).toContain('Removed 1,000,000 of 1,000,000 [####################] 100%');
    expect(screen.text()).toMatch(/rate 33,\d{3}\/s   ETA 0\.0s   4 GiB freed/);
    expect(perSecond).toBeLessThanOrEqual(200);
    expect(writer.stats.flushes).toBeLessThanOrEqual(2 * 32 + 20);
    expect([...Buffer.from(out)].every((b) => b <= 0x7e)).toBe(true);
    expect(out).not.toMatch(/\u001b\[[0-9;]*m/);
    purge.run.resolve(purged({ removed: 1_000_000, bytesFreed: 4 * 2 ** 30, seconds: 30 }));
    app.unmount();
    process.stdout.write(`serial purge: ${spent} bytes in 30 s = ${perSecond.toFixed(1)} bytes/s\n`);
  });
});
