import React from 'react';
import { render } from 'ink-testing-library';
import { WalkApp } from '../../src/ui/app.js';
import { themeFor } from '../../src/ui/theme.js';
import type { Ports } from '../../src/ui/ports/index.js';
import type { WalkState } from '../../src/ui/walk/types.js';

// Renders the walk at a terminal size with fake ports; keys go in one per write, and helpers wait
// for the frame to change (never a fixed sleep).

export const KEY = { enter: '\r', esc: '\u001b', tab: '\t', backspace: '\u007f', down: '\u001b[B', up: '\u001b[A', left: '\u001b[D', ctrlC: '\u0003' } as const;

export function renderWalk(ports: Ports, opts: { columns?: number; rows?: number; ascii?: boolean; color?: boolean; signal?: AbortSignal } = {}) {
  let state: WalkState | undefined;
  const ascii = opts.ascii ?? true;
  const theme = themeFor({ serial: false, ascii, color: opts.color ?? false });
  const onState = (s: WalkState) => (state = s);
  const element = (columns: number, rows: number) => (
    <WalkApp ports={ports} theme={theme} columns={columns} rows={rows} runner={{ progressEveryMs: 0 }} signal={opts.signal} onState={onState} />
  );
  const r = render(element(opts.columns ?? 80, opts.rows ?? 24));
  // The terminal was resized: the same walk drawn at the new size, as the entry point does.
  const resize = (columns: number, rows: number) => r.rerender(element(columns, rows));
  const frame = () => r.lastFrame() ?? '';
  async function waitFor(check: string | RegExp | ((f: string) => boolean), timeoutMs = 3000): Promise<string> {
    const ok = (f: string) => (typeof check === 'string' ? f.includes(check) : check instanceof RegExp ? check.test(f) : check(f));
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (ok(frame())) return frame();
      await new Promise((res) => setTimeout(res, 5));
    }
    throw new Error(`timed out waiting for ${String(check)}; screen was:\n${frame()}`);
  }
  // Sends one key and waits until the frame differs from before (or the predicate holds).
  async function press(key: string, until?: string | RegExp | ((f: string) => boolean)): Promise<string> {
    // Let React run the effects of the last frame first: input listeners attach in effects.
    await new Promise((res) => setTimeout(res, 25));
    const before = frame();
    r.stdin.write(key);
    return until ? waitFor(until) : waitFor((f) => f !== before);
  }
  async function type(text: string): Promise<void> {
    for (const ch of text) await press(ch);
  }
  return { ...r, frame, waitFor, press, type, resize, state: () => state! };
}
