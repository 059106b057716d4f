import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeStormLog } from '../../../fixtures/lib/maillog-storm.js';
import type { MaillogProgress, Ports } from '../../../src/ui/ports/index.js';
import { describeWith } from '../../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs, type TestMount } from '../../helpers/mounts.js';
import { buildTree } from '../../helpers/prevent-tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { realPortsFor } from './context.js';
import { findingWords } from '../../../src/core/prevent/finding-words.js';
import { expectRoomElsewhere } from '../../helpers/room-hint.js';

// The Why step's analysis goes into the walk's incident file through the maillog op (the
// section `maillog --incident` writes), and the Summary's prevention reads the retry storm back
// from it: a RHEL tree with the 5-day queue lifetime, a generated log with seed 001's storm, the
// incident file on its own tmpfs.

const STORM = [14, 261, 461, 287, 345, 102, 0];

const lifetimeFinding = async (ports: Ports, incident?: string) => (await ports.summary.prevention(incident)).findings.find((f) => f.code === 'queue-lifetime-long');

describeWith(['root', 'mount'], 'the Why step records the mail log analysis for prevention', () => {
  const tmp = makeTempDir('why-incident', '/var/tmp');
  const mounts: TestMount[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });
  const evid = mountTmpfs(path.join(tmp.dir, 'evid'), { size: '16m' });
  const rescued = mountTmpfs(path.join(tmp.dir, 'rescued'), { size: '48m' });
  mounts.push(evid, rescued);
  const root = path.join(rescued.dir, 'root');
  buildTree(root, 'rhel');
  fs.mkdirSync(path.join(root, 'var/log'), { recursive: true });
  const log = path.join(root, 'var/log/maillog');
  const storm = writeStormLog({ path: log, rng: createRng(11), startDay: new Date(Date.UTC(2026, 11, 20)), days: 9, bytes: 12 << 20, storm: { perDay: STORM, startDayIndex: 1 }, format: 'postfix' });
  const ports = realPortsFor(root);
  const pass = (signal = new AbortController().signal, onProgress: (p: MaillogProgress) => void = () => {}) => ports.maillog.pass([log], { signal, onProgress });

  it('records the full pass in the incident file; prevention then weighs the queue lifetime against the storm', async () => {
    const incident = path.join(evid.dir, 'incident.md');
    const before = await lifetimeFinding(ports, incident);
    expect(before?.severity).toBe('info');
    expect(before && findingWords(before).what).toContain('the mail log was not checked');
    const progress: MaillogProgress[] = [];
    const done = await pass(undefined, (p) => progress.push(p));
    expect(done.complete).toBe(true);
    expect(done.files).toEqual([log]);
    expect(progress.length).toBeGreaterThan(0);
    expect(done.report.verdicts.map((v) => v.code)).toContain('retry-storm');
    const rec = await ports.maillog.record({ incidentFile: incident, force: false, pass: done });
    expect(rec).toMatchObject({ ok: true, incidentFile: incident, warnings: [] });
    expect(fs.statSync(incident).size).toBe(rec.bytesWritten);
    expect(fs.statSync(incident).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(incident, 'utf8');
    expect(text).toContain(storm.stormQueueId);
    expect(text).toContain('/var/log/maillog');
    const after = await lifetimeFinding(ports, incident);
    expect(after?.severity).toBe('medium');
    expect(after && findingWords(after).what).toContain('retry storm');
    expect(after && findingWords(after).details?.join(' ')).toContain('retry-storm');
    // without the incident file the finding is informational again
    expect((await lifetimeFinding(ports))?.severity).toBe('info');
  });

  it('a stopped pass is recorded as partial, and prevention does not take it as the verdict', async () => {
    const incident = path.join(evid.dir, 'partial.md');
    const ac = new AbortController();
    const partial = await pass(ac.signal, () => ac.abort());
    expect(partial.complete).toBe(false);
    expect(partial.report.bytes).toBeLessThan(fs.statSync(log).size);
    const rec = await ports.maillog.record({ incidentFile: incident, force: false, pass: partial });
    expect(rec.ok).toBe(true);
    expect(fs.readFileSync(incident, 'utf8')).toContain('partial pass (stopped)');
    expect((await lifetimeFinding(ports, incident))?.severity).toBe('info');
  });

  it('a planted symlink as the incident file is refused and nothing is written through it', async () => {
    const done = await pass();
    const target = path.join(evid.dir, 'target.txt');
    fs.writeFileSync(target, 'keep\n');
    const link = path.join(evid.dir, 'link.md');
    fs.symlinkSync(target, link);
    const r = await ports.maillog.record({ incidentFile: link, force: false, pass: done });
    expect(r.ok).toBe(false);
    expect(r.message).toBeTruthy();
    expect(fs.readFileSync(target, 'utf8')).toBe('keep\n');
  });

  it("refuses the full filesystem of the log unless chosen knowingly; forced, a failed write is reported, not thrown", async () => {
    const done = await pass();
    fillFilesystem(rescued.dir);
    const onLogFs = path.join(rescued.dir, 'incident-on-log-fs.md');
    const refused = await ports.maillog.record({ incidentFile: onLogFs, force: false, pass: done });
    expect(refused.ok).toBe(false);
    expect(refused.bytesWritten).toBe(0);
    expect(refused.message).toMatch(/refusing to write the incident file .*Nothing was written/);
    expect(refused.message).toContain(`Filesystems with room: `);
    expectRoomElsewhere(refused.message ?? "", rescued.dir);
    expect(fs.existsSync(onLogFs)).toBe(false);
    const forced = await ports.maillog.record({ incidentFile: onLogFs, force: true, pass: done });
    expect(forced.ok).toBe(false);
    expect(forced.message).toMatch(/no space left on device|ENOSPC/i);
    expect(fs.existsSync(onLogFs) ? fs.statSync(onLogFs).size : 0).toBe(forced.bytesWritten);
  });
});
