import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildRescuePlan, findCulprit } from '../../../src/core/plan/rescue-plan.js';
import type { Suspect } from '../../../src/core/suspects/rank.js';
import type { DfReport } from '../../../src/ui/ports/index.js';
import { DISKS, FULL_VAR, fakePorts, steppedPurge } from '../fake-ports.js';
import { fakePlan } from '../fake-plan.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

// The plan stays: the operator follows it to the evidence, goes back to the Disks screen,
// selects another filesystem (one with a culprit of its own, then one with none), refreshes the
// table, and P still opens the same plan at the same step; nothing is proposed again.

const suspect = (path: string, devId: string, mount: string): Suspect => ({ path, hostPath: path, kind: 'queue', name: { word: 'queue', of: 'maildrop' }, label: 'maildrop queue', estimatedEntries: 98_000, bytes: 4 * 2 ** 20, reason: 'maildrop', devId, mount, fstype: 'ext4' });
const FULL_SRV = { ...FULL_VAR, mount: '/srv', device: '/dev/vdc1', devId: '9:9', inodeUsePercent: 97 };
const REPORT: DfReport = { ...DISKS, filesystems: [...DISKS.filesystems, FULL_SRV], suspects: [suspect('/var/spool/postfix/maildrop', FULL_VAR.devId, '/var'), suspect('/srv/postfix/maildrop', FULL_SRV.devId, '/srv')] };
const PLAN = buildRescuePlan(findCulprit(REPORT)!, [], { mount: '/dev/shm', file: '/dev/shm/incident.md' }, true);

describe('the plan stays', () => {
  it('when the operator selects other filesystems on the Disks screen, refreshes it and comes back with P', async () => {
    const plan = fakePlan(PLAN);
    const { ports } = fakePorts({ disks: { loadDisks: async () => REPORT }, plan: plan.port, purge: steppedPurge().port });
    const w = renderWalk(ports, { columns: 80, rows: 24 });
    await w.waitFor('P: the rescue plan');
    await w.press('P', 'Evidence goes to');
    await w.press(KEY.enter, 'Capturing...');
    await vi.waitFor(() => expect(plan.calls.captures.length).toBe(1));
    plan.captured({ incidentFile: '/dev/shm/incident.md', aborted: false, items: [{ source: '/var/spool/postfix/maildrop', ok: true, kind: 'queue', lines: [{ kind: 'head', text: 'queue /var/spool/postfix/maildrop: directory' }] }] });
    await w.waitFor('Evidence in');
    await w.press(KEY.esc, 'Which filesystem is full?');
    // /dev/shm has no culprit, /srv one of its own: the Disks screen still offers the plan under way, for /var.
    let f = await w.press(KEY.down, /^> \/dev\/shm /m);
    expect(f).toMatch(/^P: the rescue plan for \/var: evidence, purge maildrop, mail flow, summary$/m);
    f = await w.press(KEY.down, /^> \/srv /m);
    expect(f).toMatch(/^Likely culprits \(no scan[\s\S]*?\/srv\/postfix\/maildrop/m);
    expect(f).toMatch(/^P: the rescue plan for \/var: evidence, purge maildrop, mail flow, summary$/m);
    await w.press('r', () => true);
    f = await w.waitFor(/^P: the rescue plan for \/var: /m);
    f = await w.press('P', 'Rescue plan for /var');
    expect(f).toMatch(/^\* 1 Keep evidence/m);
    expect(f).toMatch(/^> 2 Purge \/var\/spool\/postfix\/maildrop: review/m);
    expect(f).toContain('Enter: review the purge');
    expect(plan.calls.proposed).toHaveLength(1);
    expect(w.state().incidentFile).toBe('/dev/shm/incident.md');
    f = await w.press(KEY.enter, "Enter or p to purge: you will type 'maildrop' to confirm.");
    expect(f).toContain('/var/spool/postfix/maildrop');
  });
});
