import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { DfReport } from '../../../src/ui/ports/index.js';
import { DISKS, fakePorts, fsRow } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

const AFTER: DfReport = { ...DISKS, filesystems: [DISKS.filesystems[0], fsRow('/var', { usedBytes: 3 * 2 ** 30, inodesUsed: 12_000 }), DISKS.filesystems[2]] };

describe('Summary screen', () => {
  it('shows bytes and inodes freed per filesystem, what was done, and what prevents a repeat; records it once', async () => {
    let reads = 0;
    const { ports, calls } = fakePorts({ disks: { loadDisks: async () => (reads++ === 0 ? DISKS : AFTER) } });
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    await w.press('4', 'Where should');
    await w.press(KEY.enter, 'What now?');
    await w.press('j');
    await w.press(KEY.enter, /sha256/);
    await w.press(KEY.tab, /\[5 Purge/);
    const f = await w.press(KEY.tab, 'Summary appended to');
    expect(f).toMatch(/\[6\*Summary\]/);
    expect(f).toMatch(/^FILESYSTEM +USED BEFORE +USED AFTER +FREED +INODES FREED$/m);
    expect(f).toMatch(/^\/var +9\.9 GiB +3 GiB +6\.9 GiB +987,000$/m);
    expect(f).toContain('Incident file (summary appended):\n  /dev/shm/spoolrescue-incident-mx1-20261120-0314.md\n');
    expect(f).toMatch(/Disks at start: \/var \(bytes-full, inodes-full\)/);
    expect(f).toMatch(/Recorded the disks snapshot in\n? +\/dev\/shm/);
    expect(f).toContain('> HIGH root-mail-stays-local: no root: alias in /etc/aliases');
    await vi.waitFor(() => expect(calls.records.map((r) => r.title)).toEqual(['Disks seen by the walk', 'Summary of the walk']));
    await vi.waitFor(() => expect(calls.closings).toEqual([{ file: '/dev/shm/spoolrescue-incident-mx1-20261120-0314.md', fixed: [] }]));
    expect(calls.records[1].markdown).toMatch(/^\| \/var \| 9\.9 GiB \| 3 GiB \| 6\.9 GiB \| 987,000 \|$/m);
    expect(calls.records[1].markdown).toContain('- [ ] `root-mail-stays-local` (high) /etc/aliases:15: no root: alias in /etc/aliases; fix: set root: <a login account that reads mail> in /etc/aliases');
    await w.press('r', /\[6\*Summary\]/);
    await w.press('1', /\[1 Disks\]/);
    await w.press('6', /\[6\*Summary\]/);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.records).toHaveLength(2);
  });

  it('without an incident file says where one would come from and writes nothing', async () => {
    const { ports, calls } = fakePorts();
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    const f = await w.press('6', /HIGH root-mail-stays-local/);
    expect(f).toMatch(/^\/var +9\.9 GiB +9\.9 GiB +0 B +0$/m);
    expect(f).toContain('Incident file: none (Evidence, step 4, creates one)');
    expect(calls.records).toHaveLength(0);
  });

  it('reviews a fix, cancels on a wrong word, applies on the typed code, and the finding is gone', async () => {
    const { ports, calls } = fakePorts();
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    await w.press('6', /HIGH root-mail-stays-local/);
    await w.press('j', /> INFO crond-mail-on/);
    let f = await w.press(KEY.enter, /\+CRONDARGS="-m off"/);
    expect(f).toContain('Change for crond-mail-on (Enter: type its code to apply; Esc: close):');
    expect(f).toContain('-CRONDARGS=');
    await w.press(KEY.enter, "Type 'crond-mail-on' to apply this change:");
    for (const c of 'crond') await w.press(c);
    f = await w.press(KEY.enter, /Cancelled: you typed 'crond', not 'crond-mail-on'\. Nothing was changed\./);
    expect(calls.fixes.filter((x) => x.applied)).toEqual([]);
    await w.press(KEY.enter, "Type 'crond-mail-on'");
    for (const c of 'crond-mail-on') await w.press(c);
    f = await w.press(KEY.enter, 'crond-mail-on: gone when the configuration was read again');
    expect(f).toContain('Applied crond-mail-on:');
    expect(calls.fixes).toEqual([{ id: 'crond-mail-on', forwardRootTo: undefined, applied: false }, { id: 'crond-mail-on', applied: true }]);
    await vi.waitFor(() => expect(w.frame()).not.toMatch(/INFO crond-mail-on/));
    await w.press(KEY.esc, 'Review closed. Nothing was changed.');
    expect(w.frame()).toMatch(/Prevention: crond-mail-on fixed/);
  });

  it('root-mail-stays-local asks for the address first; advice-only findings say so', async () => {
    const { ports, calls } = fakePorts();
    const w = renderWalk(ports);
    await w.waitFor('Needs attention');
    await w.press('6', /> HIGH root-mail-stays-local/);
    await w.press(KEY.enter, "Forward root's mail to");
    for (const c of 'charlie') await w.press(c);
    const f = await w.press(KEY.enter, /\+root:.*charlie/);
    expect(calls.fixes).toEqual([{ id: 'root-mail-stays-local', forwardRootTo: 'charlie', applied: false }]);
    expect(f).toContain('Change for root-mail-stays-local');
    await w.press(KEY.esc, 'Review closed');
    await w.press('j');
    await w.press('j', /> LOW  open-relay-risk \(advice\)/);
    await w.press(KEY.enter, /open-relay-risk is advice only: keep Postfix's default/);
  });
});

