import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateServer } from '../../../fixtures/generate.js';
import { parseRecordLine } from '../../../src/core/incident/records.js';
import type { CaptureProgress, Ports } from '../../../src/ui/ports/index.js';
import { describeWith } from '../../helpers/capabilities.js';
import { exhaustInodes, fillFilesystem, mountTmpfs, type TestMount } from '../../helpers/mounts.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { realPortsFor } from './context.js';

// Disks, evidence destinations, capture, the walk's own sections and truncate on their cores, on
// real mounts: a full and inode-exhausted tmpfs, a read-only one, the one holding the rescued
// system, and one with room for the incident file.

const signal = () => new AbortController().signal;

const capture = (ports: Ports) => ports.evidence.capture;

describeWith(['root', 'mount'], 'disks, evidence and truncate on real mounts', () => {
  const tmp = makeTempDir('tui-real-evidence', '/var/tmp');
  const mounts: TestMount[] = [];
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });
  const full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '4m', nrInodes: 16 });
  const ro = mountTmpfs(path.join(tmp.dir, 'ro'), { size: '1m', readOnly: true });
  const rescued = mountTmpfs(path.join(tmp.dir, 'rescued'), { size: '64m' });
  const evid = mountTmpfs(path.join(tmp.dir, 'evid'), { size: '64m' });
  mounts.push(full, ro, rescued, evid);
  fillFilesystem(full.dir);
  exhaustInodes(full.dir);
  const root = path.join(rescued.dir, 'srv');
  const server = generateServer(root, { maildrop: 200, bounce: 5, deferred: 5, mboxMessages: 40, maillogLines: 50 });
  const spool = path.join(root, 'var/spool/mail/root');
  const ports = realPortsFor(root);

  it('Disks is the df core: the full tmpfs flagged for bytes and inodes, the read-only one in words', async () => {
    const report = await ports.disks.loadDisks();
    const f = report.filesystems.find((x) => x.mount === full.dir)!;
    expect(f.flags.map((x) => x.code)).toEqual(['bytes-full', 'inodes-full']);
    expect(f.flags[1].reason).toBe('inodes 100% used: no new file can be created, even with bytes free');
    expect(report.filesystems.find((x) => x.mount === ro.dir)!.flags[0]).toEqual({ code: 'read-only', remountRo: false, reason: 'mounted read-only: nothing can be written here' });
    expect(Array.isArray(report.deletedOpen)).toBe(true);
  });

  it('offers filesystems with room, hides the rescued one, the full one and the read-only one with their reasons', async () => {
    const report = await ports.disks.loadDisks();
    const list = await ports.evidence.destinations({ report, troubled: [], source: spool, fileName: 'inc.md' });
    const by = (m: string) => list.find((d) => d.mount === m)!;
    expect(by(evid.dir)).toMatchObject({ ok: true, troubled: false, file: path.join(evid.dir, 'inc.md') });
    expect(by(rescued.dir)).toMatchObject({ ok: true, troubled: true, reason: 'holds what is being rescued' });
    expect(by(full.dir)).toMatchObject({ ok: false, troubled: true, reason: 'is 100% full (limit 98%)' });
    expect(by(ro.dir)).toMatchObject({ ok: false, troubled: true, reason: 'read-only' });
    // offered ones come first
    const firstHidden = list.findIndex((d) => d.troubled || !d.ok);
    expect(list.slice(firstHidden).every((d) => d.troubled || !d.ok)).toBe(true);
    const flagged = await ports.evidence.destinations({ report, troubled: [evid.dir], source: spool, fileName: 'inc.md' });
    expect(flagged.find((d) => d.mount === evid.dir)).toMatchObject({ ok: true, troubled: true, reason: 'flagged on the Disks screen' });
  });

  it("captures root's spool into the incident file on another filesystem: first and last messages and their SHA-256", async () => {
    const file = path.join(evid.dir, 'incident.md');
    const progress: CaptureProgress[] = [];
    const r = await capture(ports).run({ source: spool, incidentFile: file, messages: 3 }, { signal: signal(), onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({ incidentFile: file, kind: 'mbox', source: '/var/spool/mail/root' });
    expect(r.warning).toBeUndefined();
    expect(progress.length).toBeGreaterThan(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(Buffer.byteLength(text)).toBe(r.bytesWritten);
    expect(text).toContain(server.mbox.firstFromLine!);
    expect(text).toContain(server.mbox.lastFromLine!);
    expect(text).toContain(r.sha256);
    expect(r.summary.join('\n')).toContain(`SHA-256 of the captured bytes: ${r.sha256}`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a full destination before reading anything; forced onto it, says what was kept', async () => {
    const file = path.join(full.dir, 'incident.md');
    await expect(capture(ports).run({ source: spool, incidentFile: file, messages: 3 }, { signal: signal() })).rejects.toThrow(
      `refusing to write the incident file ${file}: ${full.dir} is 100% full (limit 98%). Nothing was written.`,
    );
    expect(fs.existsSync(file)).toBe(false);
    const forced = await capture(ports).run({ source: spool, incidentFile: file, messages: 3, force: true }, { signal: signal() });
    expect(forced.warning).toMatch(/^cannot open incident file .*: ENOSPC|writing incident file .* failed/);
    await expect(capture(ports).run({ source: spool, incidentFile: path.join(tmp.dir, 'no/such/dir/i.md'), messages: 3 }, { signal: signal() })).rejects.toThrow('the directory of the incident file does not exist');
  });

  it("records the walk's own sections with the common header and the body's SHA-256; a full disk is a message", async () => {
    const file = path.join(evid.dir, 'walk.md');
    const r = await ports.evidence.record(file, 'Disks seen by the walk', '```\ntable\n```\n');
    expect(r.ok).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    // the section comes framed by the incident file's begin and seal lines
    expect(text).toMatch(/^\n<!--\u2063spoolrescue-begin -->\n\n## spoolrescue walk: Disks seen by the walk\n\n\| \| \|\n\|---\|---\|\n\| host \| .+ \|\n\| time \| \d{4}-.+ \(UTC\) \|/);
    const sha = crypto.createHash('sha256').update('```\ntable\n```\n').digest('hex');
    expect(r.section?.sha256).toBe(sha);
    expect(text).toContain(`| SHA-256 | \`${sha}\` (the text below this table) |\n\n\`\`\`\ntable\n\`\`\`\n`);
    const bad = await ports.evidence.record(path.join(full.dir, 'walk.md'), 'x', 'y');
    expect(bad).toMatchObject({ ok: false });
    expect(bad.message).toMatch(/ENOSPC/);
  });

  it('truncates only after a capture of this very spool is in the incident file, in place, and records it', async () => {
    const t = ports.truncate;
    expect((await t.plan(spool, undefined)).refusal).toBe('no incident file yet: capture this spool first (Evidence, step 4)');
    const empty = path.join(evid.dir, 'other.md');
    fs.writeFileSync(empty, '# nothing captured here\n', { mode: 0o600 });
    expect((await t.plan(spool, empty)).refusal).toMatch(/^other\.md holds no capture of \/var\/spool\/mail\/root \(inode \d+\): capture it first/);
    expect((await t.plan(path.join(root, 'var/spool/postfix/maildrop'), empty)).refusal).toMatch(/is not a regular file/);
    const file = path.join(evid.dir, 'truncate.md');
    const captured = await capture(ports).run({ source: spool, incidentFile: file, messages: 2 }, { signal: signal() });
    const before = fs.statSync(spool);
    const plan = await t.plan(spool, file);
    expect(plan.refusal).toBeUndefined();
    expect(plan).toMatchObject({ sizeBytes: before.size, ino: before.ino, mode: 0o600, capture: { sha256: captured.sha256 }, lateBytes: 0 });
    const r = await t.execute(plan, { signal: signal(), incidentFile: file });
    expect(r).toMatchObject({ ok: true, sizeBefore: before.size, sizeAfter: 0, kept: true, recorded: true });
    const after = fs.statSync(spool);
    expect({ size: after.size, ino: after.ino, uid: after.uid, gid: after.gid, mode: after.mode }).toEqual({ size: 0, ino: before.ino, uid: before.uid, gid: before.gid, mode: before.mode });
    const records = fs.readFileSync(file, 'utf8').split('\n').map(parseRecordLine).filter(Boolean);
    expect(records.map((x) => x!.step)).toEqual(['capture', 'truncate']);
    expect(records[1]).toMatchObject({ sizeBefore: before.size, sizeAfter: 0, kept: true });
  });
});
