import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { CaptureProgress, CaptureRequest, CaptureResult, TaskOptions } from '../../../src/ui/ports.js';
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
    expect(all).toMatch(/\/var +ext4 +102 MiB free +99% used +99% full/);
  });

  it('proposes an incident file on the chosen filesystem and records the disks table with its SHA-256', async () => {
    const { w, calls } = await toEvidence();
    const ready = await w.press(KEY.enter, 'What now?');
    expect(ready).toContain('Incident file: /dev/shm/spoolrescue-incident-mx1-20261120-0314.md');
    expect(ready).toContain('Capture messages (not in this build yet)');
    await w.press('j');
    const done = await w.press(KEY.enter, /sha256 a{64}/);
    expect(done).toContain('Disks seen by the walk');
    expect(done).toMatch(/4\*Evidence/);
    expect(calls.records).toHaveLength(1);
    expect(calls.records[0].file).toBe('/dev/shm/spoolrescue-incident-mx1-20261120-0314.md');
    expect(calls.records[0].markdown).toMatch(/^\| \/var \| ext4 \| 10 GiB \| 9\.9 GiB \| 102 MiB \| 99% \| 999,000 \| 100% \| bytes 99% used, inodes 100% used \|$/m);
  });

  it('says plainly that capturing is missing in this build, and lets the path be typed', async () => {
    const { w } = await toEvidence();
    await w.press(KEY.enter, 'What now?');
    const missing = await w.press(KEY.enter, 'Capturing messages: not in this build yet.');
    expect(missing).not.toContain('sha256');
    await w.press('j');
    await w.press('j', /> Change the incident file path/);
    await w.press(KEY.enter, 'Enter to accept, Esc to cancel.');
    w.stdin.write(KEY.backspace.repeat(80));
    await w.waitFor(/^Incident file: _$/m);
    await w.type('/srv/evidence/inc.md');
    const typed = await w.press(KEY.enter, /^Incident file: \/srv\/evidence\/inc\.md$/m);
    expect(typed).not.toContain('Enter to accept');
  });

  it('captures with progress, then shows the incident file and every section hash', async () => {
    const run = controlled<CaptureResult>();
    const seen: CaptureRequest[] = [];
    let progress: (p: CaptureProgress) => void = () => undefined;
    const capture = { run: (req: CaptureRequest, o: TaskOptions<CaptureProgress>) => (seen.push(req), (progress = o.onProgress!), run.attach(o.signal), run.promise) };
    const { ports } = fakePorts();
    const { w } = await toEvidence({ evidence: { ...ports.evidence, capture } });
    await w.press(KEY.enter, 'What now?');
    await w.press(KEY.enter, 'Capturing: bytes read');
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({ source: '/var/spool/mail/root', incidentFile: '/dev/shm/spoolrescue-incident-mx1-20261120-0314.md', messages: 5 });
    progress({ bytesRead: 65_536, what: 'last 5 messages' });
    await w.waitFor('last 5 messages');
    run.resolve({
      incidentFile: seen[0].incidentFile,
      sections: [
        { title: 'First 5 messages', source: '/var/spool/mail/root', kind: 'mbox', sha256: '1'.repeat(64), bytes: 20_000, firstDate: '2025-11-20', lastDate: '2025-11-21' },
        { title: 'Last 5 messages', source: '/var/spool/mail/root', kind: 'mbox', sha256: '2'.repeat(64), bytes: 21_000, firstDate: '2026-11-19', lastDate: '2026-11-20' },
      ],
    });
    const f = await w.waitFor('sha256 2222');
    expect(f).toContain('First 5 messages: /var/spool/mail/root (19.5 KiB, 2025-11-20 .. 2025-11-21)');
    expect(f).toContain(`sha256 ${'1'.repeat(64)}`);
    expect(f).toMatch(/4\*Evidence/);
  });
});
