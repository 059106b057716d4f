import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { CaptureProgress, CaptureRequest, CaptureResult, TaskOptions } from '../../../src/ui/ports/index.js';
import { controlled, fakePorts } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

async function toEvidence(over: Parameters<typeof fakePorts>[0] = {}) {
  const { ports, calls } = fakePorts(over);
  const w = renderWalk(ports);
  await w.waitFor('Needs attention');
  await w.press('4', 'Where should the incident file go?');
  return { w, calls };
}

describe('Evidence screen', () => {
  it("offers filesystems with room, not the troubled one unless A is pressed", async () => {
    const { w } = await toEvidence();
    const f = w.frame();
    expect(f).toContain("Source: /var/spool/mail/root (root's mailbox)");
    expect(f).toContain('Where should the incident file go? (1 troubled or too full hidden, A shows them)');
    expect(f).toMatch(/^> \/dev\/shm +tmpfs +2 GiB free +0% used$/m);
    expect(f).not.toMatch(/^ {2}\/var /m);
    const all = await w.press('A', /\/var +ext4/);
    expect(all).toMatch(/\/var +ext4 +102 MiB free +99% used +is 99% full \(limit 98/);
  });

  it('proposes an incident file on the chosen filesystem and records the disks table with its SHA-256', async () => {
    const { w, calls } = await toEvidence();
    const ready = await w.press(KEY.enter, 'What now?');
    expect(ready).toContain('Incident file: /dev/shm/spoolrescue-incident-mx1-20261120-0314.md');
    expect(ready).toContain('Capture the first and last 5 messages/files of the source');
    await w.press('j');
    const done = await w.press(KEY.enter, /sha256 a{64}/);
    expect(done).toContain('Disks seen by the walk');
    expect(done).toMatch(/4\*Evidence/);
    expect(calls.records).toHaveLength(1);
    expect(calls.records[0].file).toBe('/dev/shm/spoolrescue-incident-mx1-20261120-0314.md');
    // The df core's own table and flags, fenced.
    expect(calls.records[0].markdown).toMatch(/^```\n {2}Mounted on +Type +Size +Used +Avail +Use% +Rsvd +IFree +IUse%$/m);
    expect(calls.records[0].markdown).toMatch(/^! \/var +ext4 /m);
    expect(calls.records[0].markdown).toContain('! /var (/dev/vdb1): inodes 100% used, 1,000 left: new files will soon fail');
  });

  it('lets the incident file path be typed', async () => {
    const { w } = await toEvidence();
    await w.press(KEY.enter, 'What now?');
    await w.press('j');
    await w.press('j', /> Change the incident file path/);
    await w.press(KEY.enter, 'Enter to accept, Esc to cancel.');
    w.stdin.write(KEY.backspace.repeat(80));
    await w.waitFor(/^Incident file: _$/m);
    await w.type('/srv/evidence/inc.md');
    const typed = await w.press(KEY.enter, /^Incident file: \/srv\/evidence\/inc\.md$/m);
    expect(typed).not.toContain('Enter to accept');
  });

  it('captures with progress, then shows the incident file and the hash', async () => {
    const run = controlled<CaptureResult>();
    const seen: CaptureRequest[] = [];
    let progress: (p: CaptureProgress) => void = () => undefined;
    const capture = { run: (req: CaptureRequest, o: TaskOptions<CaptureProgress>) => (seen.push(req), (progress = o.onProgress!), run.attach(o.signal), run.promise) };
    const { ports } = fakePorts();
    const { w } = await toEvidence({ evidence: { ...ports.evidence, capture } });
    await w.press(KEY.enter, 'What now?');
    await w.press(KEY.enter, 'Capturing:');
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({ source: '/var/spool/mail/root', incidentFile: '/dev/shm/spoolrescue-incident-mx1-20261120-0314.md', messages: 5 });
    progress({ phase: 'reading', done: 65_536, total: 4 * 2 ** 30 });
    await w.waitFor('Capturing: bytes read');
    expect(w.frame()).toContain('65,536 of 4,294,967,296');
    run.resolve({
      incidentFile: seen[0].incidentFile,
      kind: 'mbox',
      source: '/var/spool/mail/root',
      sha256: '1'.repeat(64),
      bytesWritten: 40_000,
      summary: ['mbox /var/spool/mail/root: 4294967296 bytes, inode 12, root:mail (0:8), mode 0600', '  first separator: Thu Nov 20 03:14:00 2025', '  last separator:  Fri Nov 20 03:14:00 2026', `  SHA-256 of the captured bytes: ${'1'.repeat(64)}`],
    });
    const f = await w.waitFor('sha256 1111');
    expect(f).toContain('Written to the incident file (39 KiB):');
    expect(f).toContain('  first separator: Thu Nov 20 03:14:00 2025');
    expect(f).toContain('  last separator:  Fri Nov 20 03:14:00 2026');
    expect(f).toContain(`  sha256 ${'1'.repeat(64)}`);
    expect(f).not.toContain('SHA-256 of the captured bytes');
    expect(f).toMatch(/4\*Evidence/);
  });

  it('says when the incident file could not be written, and does not call the step done', async () => {
    const capture = { run: async (req: CaptureRequest) => ({ incidentFile: req.incidentFile, kind: 'mbox', source: req.source, sha256: '2'.repeat(64), bytesWritten: 4096, summary: [], warning: 'writing incident file /dev/shm/x failed after 4096 of 9000 bytes: ENOSPC' }) };
    const { ports } = fakePorts();
    const { w } = await toEvidence({ evidence: { ...ports.evidence, capture } });
    await w.press(KEY.enter, 'What now?');
    const f = await w.press(KEY.enter, 'NOT written');
    expect(f).toContain('writing incident file /dev/shm/x failed after 4096 of 9000 bytes: ENOSPC');
    expect(f).not.toMatch(/4\*Evidence/);
  });

  it('a refused or failed capture is a one-line message, nothing else changes', async () => {
    const capture = { run: async () => Promise.reject(new Error('refusing to write the incident file /var/x.md: /var is 99% full (limit 98%). Nothing was written.')) };
    const { ports } = fakePorts();
    const { w } = await toEvidence({ evidence: { ...ports.evidence, capture } });
    await w.press(KEY.enter, 'What now?');
    const f = await w.press(KEY.enter, 'refusing to write');
    expect(f).toContain('refusing to write the incident file /var/x.md: /var is 99% full (limit 98%)');
    expect(f).toContain('What now?');
  });
});
