import { describe, expect, it } from 'vitest';
import { createReducer } from '../../../src/ui/reducer.js';
import { initialState } from '../../../src/ui/initial.js';
import { actionsMenu } from '../../../src/ui/steps/hotspots/actions.js';
import type { WalkState } from '../../../src/ui/walk/types.js';

// The Why step as the reducer sees it: offered in the action menu of a mail log (not of a
// mailbox or a directory), opened on that file, and asking for the first look then the pass.

const reduce = createReducer({ show: (p) => p, resolve: (p) => p });
const start = () => initialState({ columns: 80, rows: 24, incidentName: 'x.md' });
const ids = (s: WalkState) => s.requests.map((r) => r.kind);

describe('the Why step in the reducer', () => {
  it('is offered for a log file only', () => {
    const values = (t: Parameters<typeof actionsMenu>[0]) => actionsMenu(t, (p) => p).items.map((i) => i.value);
    expect(values({ path: '/var/log/maillog', kind: 'file', tag: 'mail log' })).toContain('why');
    expect(values({ path: '/var/spool/mail/root', kind: 'file', tag: "root's mailbox" })).not.toContain('why');
    expect(values({ path: '/var/log', kind: 'dir' })).not.toContain('why');
  });

  it('opens on the chosen log from the menu, looks first, then starts the pass', () => {
    const target = { path: '/var/log/maillog-20261227.gz', kind: 'file' as const };
    let s: WalkState = { ...start(), step: 'hotspots', menu: actionsMenu(target, (p) => p) };
    s = reduce(s, { type: 'menuSelect', value: 'why' });
    expect(s.step).toBe('why');
    expect(s.why.files).toEqual([target.path]);
    expect(s.why.from).toBe('hotspots');
    const look = s.requests.find((r) => r.kind === 'maillogLook')!;
    expect(look).toMatchObject({ files: [target.path] });
    s = reduce(s, { type: 'done', kind: 'maillogLook', token: look.token, value: { refused: null, lines: ['x'], files: [target.path], bytesTotal: 10 }, atMs: 0 });
    expect(ids(s)).toContain('maillogPass');
    expect(s.why.pass.status).toBe('running');
    // Esc while the pass runs stops it (the partial result comes back as done)
    s = reduce(s, { type: 'key', input: '', key: { escape: true } });
    expect(ids(s)).toContain('abort');
    expect(s.why.pass.status === 'running' && s.why.pass.stopping).toBe(true);
  });

  it('w on the Disks screen opens it on the system logs and Esc goes back there', () => {
    let s = reduce(start(), { type: 'key', input: 'w', key: {} });
    expect(s.step).toBe('why');
    expect(s.why.files).toEqual([]);
    s = reduce(s, { type: 'done', kind: 'maillogLook', token: s.why.look.status === 'running' ? s.why.look.token : -1, value: { refused: { reason: 'no mail log found' }, lines: [], files: [], bytesTotal: 0 }, atMs: 0 });
    expect(s.notice?.text).toBe('no mail log found');
    expect(ids(s)).not.toContain('maillogPass');
    s = reduce(s, { type: 'key', input: '', key: { escape: true } });
    expect(s.step).toBe('disks');
  });
});
