import { describe, expect, it } from 'vitest';
import { createRunner } from '../../../src/ui/effects/runner.js';
import { initialState } from '../../../src/ui/initial.js';
import { commandFor, helpSections } from '../../../src/ui/keymap.js';
import { createReducer } from '../../../src/ui/reducer.js';
import { activeScopes } from '../../../src/ui/scopes.js';
import { STEPS, WALK_STEPS } from '../../../src/ui/steps/index.js';
import { actionsMenu } from '../../../src/ui/steps/hotspots/actions.js';
import { stepLineText } from '../../../src/ui/components/StepLine.js';
import type { Action } from '../../../src/ui/walk/requests.js';
import type { WalkState } from '../../../src/ui/walk/types.js';
import { DISKS, fakePorts } from '../fake-ports.js';

// The registry is the one list of steps: the step line, the keys that jump to steps, the full
// help and the runner's dispatch are read from it; a menu's cursor lives in the state and moves
// by the one keymap.

const reduce = createReducer({ show: (p) => p, resolve: (p) => p });
const start = () => initialState({ columns: 80, rows: 24, incidentName: 'x.md' });
const key = (s: WalkState, input: string, k: Record<string, boolean> = {}) => reduce(s, { type: 'key', input, key: k });

describe('the step registry', () => {
  it('numbers the walk: digit N on any screen goes to the Nth step, whose label is on the step line', () => {
    const s = start();
    const line = stepLineText(s.step, s.marks, 200);
    WALK_STEPS.forEach((step, i) => {
      expect(commandFor(String(i + 1), {}, activeScopes(s))).toBe(`gotoStep${i + 1}`);
      expect(key(s, String(i + 1)).step).toBe(step.id);
      expect(line).toContain(`${i + 1} ${step.label}`);
    });
    expect(WALK_STEPS.map((x) => x.id)).toEqual(['disks', 'hotspots', 'inside', 'evidence', 'purge', 'summary']);
  });

  it('gives every step a section in the full help, and a side step its own key and a name on the step line', () => {
    const titles = helpSections().map((x) => x.title);
    for (const step of STEPS) expect(titles).toContain(step.helpTitle ?? step.label);
    const why = key(start(), 'w');
    expect(why.step).toBe('why');
    expect(stepLineText(why.step, why.marks, 200)).toMatch(/ \[Why\]$/);
  });

  it('starts every step from its initial slice, asking in registry order for what the first screens need', () => {
    const s = start();
    for (const step of STEPS.filter((x) => !x.start)) expect(s[step.id]).toEqual(step.initial);
    expect(s.disks.load.status).toBe('running');
    expect(s.hotspots.mailPaths.status).toBe('running');
    expect(s.requests.map((r) => r.kind)).toEqual(['loadDisks', 'mailPaths']);
  });

  it('runs each request through the handlers the steps register, and says when none does', async () => {
    const { ports } = fakePorts();
    const seen: Action[] = [];
    const runner = createRunner(ports, (a) => seen.push(a), { progressEveryMs: 0 });
    for (const r of start().requests) runner.run(r);
    runner.run({ kind: 'nosuch', token: 99 } as never);
    await runner.settled();
    expect(seen).toContainEqual(expect.objectContaining({ type: 'done', kind: 'loadDisks', token: 1, value: DISKS }));
    expect(seen).toContainEqual(expect.objectContaining({ type: 'done', kind: 'mailPaths', token: 2 }));
    expect(seen).toContainEqual(expect.objectContaining({ type: 'failed', token: 99, error: 'nothing performs nosuch' }));
    runner.dispose();
  });
});

describe('menus and choice lists: cursor in the state, one keymap', () => {
  const target = { path: '/q/maildrop', kind: 'dir' as const };
  const withMenu = (): WalkState => ({ ...start(), step: 'hotspots', menu: actionsMenu(target, (p) => p) });

  it('moves the menu cursor with j/k and picks with Enter', () => {
    let s = key(withMenu(), 'j');
    expect(s.menu?.cursor).toBe(1);
    expect(key(key(s, 'j'), 'k').menu?.cursor).toBe(1);
    s = key(s, '', { return: true });
    expect(s.menu).toBeNull();
    expect(s.step).toBe('evidence');
    expect(s.target).toEqual(target);
  });

  it('a digit in a menu jumps to the step and closes the menu (it never picks an entry)', () => {
    const s = key(withMenu(), '1');
    expect(s.menu).toBeNull();
    expect(s.step).toBe('disks');
    expect(s.target).toBeNull();
  });

  it('moves the Evidence choice list in the state; a digit still jumps', () => {
    let s = key(start(), '4');
    const d = s.requests.find((r) => r.kind === 'destinations')!;
    const dest = (mount: string) => ({ mount, fstype: 'tmpfs', availBytes: 1e9, usePercent: 1, file: `${mount}/x.md`, ok: true, troubled: false });
    s = reduce(s, { type: 'done', kind: 'destinations', token: d.token, value: [dest('/a'), dest('/b')], atMs: 0 });
    s = key(s, 'j');
    expect(s.evidence.cursor).toBe(1);
    s = key(s, '', { return: true });
    expect(s.incidentFile).toBe('/b/x.md');
    expect(s.evidence.cursor).toBe(0);
    expect(key(s, '2').step).toBe('hotspots');
  });

  it('Esc closes a menu with nothing done', () => {
    const s = key(withMenu(), '', { escape: true });
    expect(s.menu).toBeNull();
    expect(s.step).toBe('hotspots');
  });
});
