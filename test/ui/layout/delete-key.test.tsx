import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

// Through the walk's real input hook: the Delete key (ESC [3~) and Backspace (DEL, 0x7f) reach Ink
// with the same name; only Backspace goes up a level, as in ncdu.
describe('Delete and Backspace in Look inside', () => {
  it('stays on the screen on Delete and goes up on Backspace', async () => {
    const w = renderWalk(fakePorts().ports);
    await w.waitFor('Needs attention');
    await w.press('2', 'Postfix maildrop');
    await w.press('i', /Entries 1-/);
    w.stdin.write('\u001b[3~');
    w.stdin.write('j');
    const moved = await w.waitFor(/^> .* f1$/m);
    expect(moved).toMatch(/\[3\*Look inside\]/);
    expect(w.state().step).toBe('inside');
    await w.press(KEY.backspace, (f) => !f.includes('[3*Look inside]'));
    await vi.waitFor(() => expect(w.state().step).toBe('hotspots'));
  });
});
