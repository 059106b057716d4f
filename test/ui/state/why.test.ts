import { describe, expect, it } from 'vitest';
import { createReducer } from '../../../src/ui/reducer.js';
import { initialState } from '../../../src/ui/initial.js';
import { actionsMenu } from '../../../src/ui/steps/hotspots/actions.js';
import type { WalkState } from '../../../src/ui/walk/types.js';
import type { MaillogPass } from '../../../src/ui/ports/index.js';
import { whyText } from '../../../src/ui/steps/why/messages.js';

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

describe('the Why step records its analysis in the walk\'s incident file', () => {
  const pass: MaillogPass = { report: { verdicts: [] } as unknown as MaillogPass['report'], complete: true, elapsedMs: 5, files: ['/var/log/maillog'] };
  // Disks, w, the first look answered and the pass finished.
  function passed(incidentFile: string | null, over: Partial<WalkState> = {}): WalkState {
    let s = reduce({ ...start(), incidentFile, ...over }, { type: 'key', input: 'w', key: {} });
    const look = s.requests.find((r) => r.kind === 'maillogLook')!;
    s = reduce(s, { type: 'done', kind: 'maillogLook', token: look.token, value: { refused: null, lines: [], files: ['/var/log/maillog'], bytesTotal: 10 }, atMs: 0 });
    const p = s.requests.find((r) => r.kind === 'maillogPass')!;
    return reduce(s, { type: 'done', kind: 'maillogPass', token: p.token, value: pass, atMs: 1000 });
  }
  const recordRequests = (s: WalkState) => s.requests.filter((r) => r.kind === 'maillogRecord');

  it('asks to record the finished pass in the chosen incident file, and logs it once written', () => {
    let s = passed('/dev/shm/inc.md');
    const [req] = recordRequests(s);
    expect(req).toMatchObject({ incidentFile: '/dev/shm/inc.md', force: false, pass });
    s = reduce(s, { type: 'done', kind: 'maillogRecord', token: req.token, value: { ok: true, incidentFile: '/dev/shm/inc.md', bytesWritten: 900, warnings: [] }, atMs: 2000 });
    expect(s.log.at(-1)?.text).toBe('Recorded the mail log analysis in /dev/shm/inc.md');
    expect(s.notice).toMatchObject({ tone: 'info' });
    // e again: already there, nothing appended twice
    s = reduce(s, { type: 'key', input: 'e', key: {} });
    expect(recordRequests(s)).toHaveLength(1);
    expect(s.notice?.text).toBe('Already recorded in /dev/shm/inc.md.');
  });

  it('forces the destination the operator picked knowingly from the full list', () => {
    const d = { mount: '/var', fstype: 'ext4', availBytes: 1, usePercent: 99, file: '/var/inc.md', ok: false, reason: 'is 99% full', troubled: true };
    const s = passed('/var/inc.md', { evidence: { ...start().evidence, destination: d } });
    expect(recordRequests(s)[0]).toMatchObject({ incidentFile: '/var/inc.md', force: true });
  });

  it('says plainly when no incident file is chosen; e leads to Evidence, and back in Why the analysis is recorded', () => {
    let s = passed(null);
    expect(recordRequests(s)).toHaveLength(0);
    expect(s.notice?.text).toBe(whyText().notRecorded);
    s = reduce(s, { type: 'key', input: 'e', key: {} });
    expect(s.step).toBe('evidence');
    s = { ...s, incidentFile: '/dev/shm/inc.md', step: 'disks' };
    s = reduce(s, { type: 'key', input: 'w', key: {} });
    expect(s.step).toBe('why');
    expect(s.why.pass.status).toBe('done');
    expect(recordRequests(s)[0]).toMatchObject({ incidentFile: '/dev/shm/inc.md', pass });
  });

  it('a refused or failed write is shown as an error and e tries again', () => {
    let s = passed('/dev/shm/inc.md');
    const [req] = recordRequests(s);
    s = reduce(s, { type: 'done', kind: 'maillogRecord', token: req.token, value: { ok: false, incidentFile: '/dev/shm/inc.md', bytesWritten: 0, message: 'refusing to write the incident file', warnings: [] }, atMs: 2000 });
    expect(s.notice).toMatchObject({ tone: 'error', text: 'The mail log analysis was not recorded in /dev/shm/inc.md: refusing to write the incident file' });
    expect(s.log.some((l) => l.text.startsWith('Recorded the mail log'))).toBe(false);
    s = reduce(s, { type: 'key', input: 'e', key: {} });
    expect(recordRequests(s)).toHaveLength(2);
  });
});
