import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { DfReport } from '../../../src/ui/ports/index.js';
import { freedRows } from '../../../src/ui/incident-markdown.js';
import { dfFlag } from '../../../src/core/disks/model.js';
import { DISKS, FULL_VAR, fakePorts, fsRow } from '../fake-ports.js';
import { renderWalk } from '../render-walk.js';

afterEach(cleanup);

// Under --root the host's /var is full too (it is the host's problem, not the rescued one): the
// walk must start on the rescued system's filesystem, say which rows are the host's, and count
// only the rescued system's filesystems in the Summary.
const DEMO = fsRow('/tmp/demo/root', { fstype: 'tmpfs', device: 'tmpfs', usePercent: 40, inodeUsePercent: 100, flags: [dfFlag({ code: 'inodes-full', inodeUsePercent: 100, inodesFree: 0 })] });
const UNDER_ROOT: DfReport = { ...DISKS, filesystems: [DISKS.filesystems[0], FULL_VAR, DEMO, DISKS.filesystems[2]], rescued: ['/tmp/demo/root'] };

describe('Disks screen under --root', () => {
  it('starts on the rescued system\'s filesystem, not on the fuller host one, and marks host rows', async () => {
    const { ports } = fakePorts({ session: { hostname: 'mx1', root: '/tmp/demo/root', show: (p) => p, resolve: (p) => p, now: () => new Date(2026, 10, 20) }, disks: { loadDisks: async () => UNDER_ROOT } });
    const w = renderWalk(ports, { columns: 100 });
    const f = await w.waitFor('Needs attention');
    expect(f).toMatch(/^> \/tmp\/demo\/root +tmpfs .* ! inodes$/m);
    expect(f).toMatch(/^ {2}\/var +ext4 .* host ! bytes inodes$/m);
    expect(f).toMatch(/^ {2}\/dev\/shm +tmpfs .* host$/m);
    expect(f).not.toMatch(/\/tmp\/demo\/root .*host/);
    const host = await w.press('k', /^> \/var/m);
    expect(host).toContain("The host's, not under --root: /var on /dev/vdb1");
  });

  it('the Summary counts only the rescued system\'s filesystems', () => {
    const after: DfReport = { ...UNDER_ROOT, filesystems: UNDER_ROOT.filesystems.map((f) => ({ ...f, usedBytes: (f.usedBytes ?? 0) - 2 ** 20, inodesUsed: (f.inodesUsed ?? 0) - 10 })) };
    expect(freedRows(UNDER_ROOT, after).map((r) => r.mount)).toEqual(['/tmp/demo/root']);
    const { rescued: _r, ...withoutRoot } = UNDER_ROOT;
    expect(freedRows(withoutRoot, after).map((r) => r.mount).sort()).toEqual(['/', '/dev/shm', '/tmp/demo/root', '/var']);
  });
});
