import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/ui/keys.js';
import { createReducer } from '../../../src/ui/reducer.js';
import { initialState } from '../../../src/ui/initial.js';
import type { Action, Request } from '../../../src/ui/walk/requests.js';
import type { WalkState } from '../../../src/ui/walk/types.js';
import { MAX_PAGES } from '../../../src/ui/steps/inside/state.js';
import { DISKS, entries, fsRow } from '../fake-ports.js';

// The walk's rules as data: commands and answers in, state and requests out. Nothing runs.

const env = { show: (p: string) => p, resolve: (p: string) => (p.startsWith('/') ? p : `/cwd/${p}`) };
const reduce = createReducer(env);
const start = () => initialState({ columns: 80, rows: 24, incidentName: 'spoolrescue-incident-mx1-20261120-0314.md' });
const cmd = (s: WalkState, ...commands: Command[]) => commands.reduce((st, command) => reduce(st, { type: 'command', command }), s);
const req = <K extends Request['kind']>(s: WalkState, kind: K) => s.requests.filter((r): r is Extract<Request, { kind: K }> => r.kind === kind);
const lastReq = <K extends Request['kind']>(s: WalkState, kind: K) => req(s, kind).at(-1)!;
const done = (s: WalkState, a: Omit<Extract<Action, { type: 'done' }>, 'type' | 'atMs'>) => reduce(s, { type: 'done', atMs: 0, ...a } as Action);
const withDisks = (s: WalkState) => done(s, { kind: 'loadDisks', token: lastReq(s, 'loadDisks').token, value: DISKS });

describe('walk reducer', () => {
  it('starts on Disks asking for the df report and the mail paths', () => {
    const s = start();
    expect(s.step).toBe('disks');
    expect(s.requests.map((r) => r.kind)).toEqual(['loadDisks', 'mailPaths']);
    expect(s.marks.disks).toBe('visited');
  });

  it('puts the cursor on the fullest filesystem and keeps that report as "before"', () => {
    const s = withDisks(start());
    expect(s.disks.cursor).toBe(1);
    expect(s.disks.initial).toBe(DISKS);
    expect(s.log[0].text).toContain('/var (bytes-full, inodes-full)');
  });

  it('scans the picked filesystem; entered without a pick, shows the mail paths', () => {
    const picked = cmd(withDisks(start()), 'open');
    expect(picked.step).toBe('hotspots');
    expect(picked.marks.disks).toBe('done');
    expect(lastReq(picked, 'scan')).toMatchObject({ mount: '/var' });
    expect(picked.hotspots.scan.status).toBe('running');
    const skipped = cmd(withDisks(start()), 'gotoStep2');
    expect(req(skipped, 'scan')).toHaveLength(0);
    expect(skipped.hotspots.view).toBe('mail');
    expect(cmd(skipped, 'sortBytes').notice?.text).toBe('No scan yet: pick a filesystem on the Disks screen (1) and press Enter.');
  });

  it('marks a step left forward undone as skipped, and revisiting makes it current again', () => {
    let s = cmd(withDisks(start()), 'nextStep', 'nextStep');
    expect(s.step).toBe('inside');
    expect(s.marks).toMatchObject({ disks: 'skipped', hotspots: 'skipped', inside: 'visited' });
    s = cmd(s, 'gotoStep1');
    expect(s.step).toBe('disks');
    expect(s.marks.disks).toBe('visited');
    s = cmd(s, 'prevStep');
    expect(s.step).toBe('disks');
    s = cmd(s, 'gotoStep6');
    expect(s.step).toBe('summary');
    expect(req(s, 'prevention')).toHaveLength(1);
  });

  it('ignores a late answer for a path the operator has left', () => {
    let s = withDisks(start());
    s = { ...s, target: { path: '/a', kind: 'dir' } };
    s = cmd(s, 'gotoStep3');
    const first = lastReq(s, 'stat').token;
    s = reduce(s, { type: 'typed', text: '' });
    s = cmd({ ...s, step: 'hotspots' }, 'goto');
    s = reduce(s, { type: 'typed', text: '/b' });
    s = reduce(s, { type: 'submit' });
    expect(s.step).toBe('inside');
    expect(s.inside.target?.path).toBe('/b');
    const stale = done(s, { kind: 'stat', token: first, value: { path: '/a', kind: 'dir', sizeBytes: 1, mode: 0, uid: 0, gid: 0, mtimeMs: 0 } });
    expect(stale.inside.facts.status).toBe('running');
    expect(req(stale, 'openPager')).toHaveLength(0);
  });

  it('pages forward by reading on, pages back from what it kept, and keeps at most MAX_PAGES', () => {
    let s = cmd({ ...withDisks(start()), target: { path: '/q', kind: 'dir' } }, 'gotoStep3');
    s = done(s, { kind: 'stat', token: lastReq(s, 'stat').token, value: { path: '/q', kind: 'dir', sizeBytes: 1, mode: 0o40700, uid: 0, gid: 0, mtimeMs: 0 } });
    const pager = lastReq(s, 'openPager').token;
    const page = (st: WalkState, n: number, last = false) => {
      const r = lastReq(st, 'nextPage');
      expect(r.pager).toBe(pager);
      return done(st, { kind: 'nextPage', token: r.token, value: { entries: entries(r.count, `p${n}-`), done: last } });
    };
    s = page(s, 0);
    const size = s.inside.pages[0].length;
    expect(size).toBe(15);
    for (let n = 1; n <= MAX_PAGES + 2; n++) s = page(cmd(s, 'pageDown'), n);
    expect(s.inside.pages).toHaveLength(MAX_PAGES);
    expect(s.inside.page).toBe(MAX_PAGES + 2);
    expect(s.inside.firstPageNumber).toBe(3);
    const back = cmd(s, 'pageUp');
    expect(back.inside.page).toBe(MAX_PAGES + 1);
    expect(req(back, 'nextPage').length).toBe(req(s, 'nextPage').length);
    let top = back;
    for (let i = 0; i < MAX_PAGES + 5; i++) top = cmd(top, 'pageUp');
    expect(top.inside.page).toBe(3);
    expect(top.notice?.text).toContain('dropped to keep memory bounded');
  });

  it('never purges without the exact name typed; empty or wrong cancels with nothing asked', () => {
    let s = cmd({ ...withDisks(start()), target: { path: '/q/maildrop', kind: 'dir' } }, 'gotoStep5');
    const planReq = lastReq(s, 'purgePlan');
    s = done(s, { kind: 'purgePlan', token: planReq.token, value: { target: '/q/maildrop', name: 'maildrop', entries: 3, lines: ['  strategy:   swap'] } });
    const ask = cmd(s, 'open');
    expect(ask.input).toMatchObject({ purpose: 'confirm-purge', expected: 'maildrop', buffer: '' });
    const empty = reduce(ask, { type: 'submit' });
    expect(req(empty, 'purgeExecute')).toHaveLength(0);
    expect(empty.notice?.text).toBe('Cancelled. Nothing was changed.');
    const wrong = reduce(reduce(ask, { type: 'typed', text: 'maildro' }), { type: 'submit' });
    expect(req(wrong, 'purgeExecute')).toHaveLength(0);
    expect(wrong.notice?.text).toContain("you typed 'maildro', not 'maildrop'");
    const esc = cmd(reduce(ask, { type: 'typed', text: 'maildrop' }), 'cancel');
    expect(req(esc, 'purgeExecute')).toHaveLength(0);
    const right = reduce(reduce(ask, { type: 'key', input: 'maildrop', key: {} }), { type: 'key', input: '', key: { return: true } });
    expect(lastReq(right, 'purgeExecute').review.target).toBe('/q/maildrop');
    expect(right.purge.run.status).toBe('running');
    // quitting now asks first (default no), and yes stops the purge cleanly before quitting
    const q = cmd(right, 'quit');
    expect(q.question?.purpose).toBe('quit-while-running');
    expect(q.quit).toBe(false);
    const no = reduce(q, { type: 'key', input: 'n', key: {} });
    expect(no.question).toBeNull();
    expect(no.quit).toBe(false);
    const yes = reduce(q, { type: 'key', input: 'y', key: {} });
    expect(yes.quit).toBe(true);
    expect(lastReq(yes, 'abort').task).toBe(lastReq(right, 'purgeExecute').token);
  });

  it('refuses to confirm a refused plan', () => {
    let s = cmd({ ...withDisks(start()), target: { path: '/q/pid', kind: 'dir' } }, 'gotoStep5');
    s = done(s, { kind: 'purgePlan', token: lastReq(s, 'purgePlan').token, value: { target: '/q/pid', name: 'pid', entries: null, lines: [], refusal: "Postfix's pid/ is never purged" } });
    const s2 = cmd(s, 'purge');
    expect(s2.input).toBeNull();
    expect(s2.notice?.text).toContain("Refused: Postfix's pid/ is never purged");
  });

  it('Ctrl-C first stops what runs, then quits', () => {
    let s = cmd(withDisks(start()), 'open');
    const scan = lastReq(s, 'scan').token;
    s = cmd(s, 'interrupt');
    expect(lastReq(s, 'abort').task).toBe(scan);
    expect(s.hotspots.scan).toMatchObject({ status: 'running', stopping: true });
    expect(s.quit).toBe(false);
    s = cmd(s, 'interrupt');
    expect(s.quit).toBe(true);
  });

  it('takes several keys from one read in order, each against the state it arrives in', () => {
    const s = withDisks(start());
    const moved = reduce(s, { type: 'key', input: 'kk', key: {} });
    expect(moved.disks.cursor).toBe(0);
    const typed = reduce(cmd({ ...s, step: 'hotspots' }, 'goto'), { type: 'key', input: '/tmpx\u007f\u007fy\r', key: {} });
    expect(typed.input).toBeNull();
    expect(typed.inside.target?.path).toBe('/tmy');
  });

  it('hands requests to the runner once', () => {
    const s = start();
    const taken = reduce(s, { type: 'requestsTaken', upTo: s.requests.at(-1)!.token });
    expect(taken.requests).toEqual([]);
  });

  it('keeps troubled filesystems out of the evidence destinations unless asked', () => {
    let s = withDisks(start());
    const spool = { path: '/var/spool/mail/root', label: "root's mailbox", kind: 'spool-file' as const, exists: true, sizeBytes: 1e9 };
    s = cmd(done(s, { kind: 'mailPaths', token: lastReq(s, 'mailPaths').token, value: [spool] }), 'gotoStep4');
    const d = lastReq(s, 'destinations');
    expect(d.troubled).toEqual(['/var']);
    expect(d.fileName).toBe('spoolrescue-incident-mx1-20261120-0314.md');
    expect(d.report?.filesystems.map((f) => f.mount)).toEqual(['/', '/var', '/dev/shm']);
    s = done(s, { kind: 'destinations', token: d.token, value: [
      { mount: '/dev/shm', fstype: 'tmpfs', availBytes: 1e9, usePercent: 1, file: `/dev/shm/${d.fileName}`, ok: true, troubled: false },
      { mount: '/var', fstype: 'ext4', availBytes: 1e8, usePercent: 99, file: `/var/${d.fileName}`, ok: false, reason: 'is 99% full (limit 98%)', troubled: true },
    ] });
    s = reduce(s, { type: 'menuSelect', value: 'dest:/dev/shm' });
    expect(s.incidentFile).toBe('/dev/shm/spoolrescue-incident-mx1-20261120-0314.md');
    const prompt = reduce(s, { type: 'menuSelect', value: 'path' });
    expect(prompt.input?.buffer).toBe(s.incidentFile);
    const cleared = [...prompt.input!.buffer].reduce((st) => reduce(st, { type: 'erase' }), prompt);
    expect(cleared.input?.buffer).toBe('');
    const rel = reduce(reduce(cleared, { type: 'typed', text: 'x.md' }), { type: 'submit' });
    expect(rel.incidentFile).toBe('/dev/shm/spoolrescue-incident-mx1-20261120-0314.md');
    expect(rel.notice?.text).toContain('absolute path');
    // Capturing onto the offered filesystem follows the rules; onto a hidden one, chosen from the
    // full list, is forced knowingly.
    const normal = reduce(s, { type: 'menuSelect', value: 'capture' });
    expect(lastReq(normal, 'capture').request).toEqual({ source: '/var/spool/mail/root', incidentFile: '/dev/shm/spoolrescue-incident-mx1-20261120-0314.md', messages: 5 });
    const all = reduce(reduce(reduce(s, { type: 'menuSelect', value: 'dest' }), { type: 'command', command: 'showAll' }), { type: 'menuSelect', value: 'dest:/var' });
    expect(all.incidentFile).toBe('/var/spoolrescue-incident-mx1-20261120-0314.md');
    expect(lastReq(reduce(all, { type: 'menuSelect', value: 'capture' }), 'capture').request.force).toBe(true);
  });

  it('summarises before/after once both reads are in, and records it in the incident file once', () => {
    let s: WalkState = { ...withDisks(start()), incidentFile: '/dev/shm/i.md' };
    s = cmd(s, 'gotoStep6');
    const after = { ...DISKS, filesystems: [DISKS.filesystems[0], fsRow('/var', { usedBytes: 2 * 2 ** 30, inodesUsed: 1000 }), DISKS.filesystems[2]] };
    s = done(s, { kind: 'loadDisks', token: s.summary.after.status === 'running' ? s.summary.after.token : -1, value: after });
    expect(req(s, 'record')).toHaveLength(0);
    s = done(s, { kind: 'prevention', token: lastReq(s, 'prevention').token, value: { findings: [], unreadable: [] } });
    const rec = lastReq(s, 'record');
    expect(rec.title).toBe('Summary of the walk');
    expect(rec.markdown).toMatch(/\| \/var \| 9\.9 GiB \| 2 GiB \| 7\.9 GiB \| 998,000 \|/);
    s = done(s, { kind: 'record', token: rec.token, value: { ok: true, incidentFile: '/dev/shm/i.md' } });
    const again = cmd(cmd(s, 'gotoStep1'), 'gotoStep6');
    const a2 = done(again, { kind: 'loadDisks', token: lastReq(again, 'loadDisks').token, value: after });
    const a3 = done(a2, { kind: 'prevention', token: lastReq(a2, 'prevention').token, value: { findings: [], unreadable: [] } });
    expect(req(a3, 'record').length).toBe(req(s, 'record').length);
    expect(req(a3, 'closing')).toEqual([expect.objectContaining({ file: '/dev/shm/i.md', fixed: [] })]);
  });
});
