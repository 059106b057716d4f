import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createRng } from '../../fixtures/lib/prng.js';
import { writeMbox } from '../../fixtures/lib/mbox.js';
import { describeWith } from '../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const MB = 1024 * 1024;

// Destination safety on real full filesystems: size-limited tmpfs mounts filled up for real.
describeWith(['mount'], 'capture: where the incident file may go', () => {
  const tmp = makeTempDir('capture-dest', '/var/tmp');
  const full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '1m' });
  const troubled = mountTmpfs(path.join(tmp.dir, 'troubled'), { size: '200m' });
  const ro = mountTmpfs(path.join(tmp.dir, 'ro'), { size: '20m', readOnly: true });
  afterAll(() => {
    full.unmount();
    troubled.unmount();
    ro.unmount();
    tmp.cleanup();
  });
  const spool = path.join(troubled.dir, 'root');
  writeMbox({ path: spool, rng: createRng(3), bytes: 4 * MB, startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2026, 0, 1) });
  // 92% used with ~16 MB left: flagged full (>= 90%) but not by the destination's own rules
  const pad = fs.openSync(path.join(troubled.dir, 'pad'), 'w');
  for (let i = 0; i < 180; i++) fs.writeSync(pad, Buffer.alloc(MB, 1));
  fs.closeSync(pad);
  fillFilesystem(full.dir);

  it('refuses a really full filesystem (exit 3), writes nothing, and names filesystems with room', () => {
    const incident = path.join(full.dir, 'incident.md');
    const r = runCli(['capture', spool, '--incident', incident]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/refusing to write the incident file .*(100% full|MB available)/);
    expect(r.stderr).toContain('Nothing was written.');
    expect(r.stderr).toMatch(/Filesystems with room:\n {2}--incident \/dev\/shm\/incident\.md/);
    expect(r.stderr).not.toContain(`--incident ${troubled.dir}/`);
    expect(fs.existsSync(incident)).toBe(false);
  });

  it('refuses a read-only filesystem', () => {
    const r = runCli(['capture', spool, '--incident', path.join(ro.dir, 'incident.md')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('is mounted read-only');
  });

  it('refuses the flagged-full filesystem of the spool itself unless --force-destination', () => {
    const incident = path.join(troubled.dir, 'incident.md');
    const r = runCli(['capture', spool, '--incident', incident]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/the filesystem being rescued \(9\d% of bytes used\)/);
    expect(fs.existsSync(incident)).toBe(false);
    const forced = runCli(['capture', spool, '--incident', incident, '--force-destination']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('warning: --force-destination: writing anyway');
    expect(fs.statSync(incident).size).toBeGreaterThan(0);
    const elsewhere = runCli(['capture', spool, '--incident', path.join(tmp.dir, 'incident.md')]);
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
  });

  it('when a write fails mid-way (ENOSPC), keeps what was written and prints the evidence on stdout', () => {
    const incident = path.join(full.dir, 'partial.md');
    fs.rmSync(path.join(full.dir, '.filler'));
    fs.writeFileSync(incident, '# incident\n', { mode: 0o600 });
    fillFilesystem(full.dir);
    const r = runCli(['capture', spool, '--incident', incident, '--force-destination']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/writing incident file .* failed after \d+ of \d+ bytes: .*no space left on device/i);
    expect(r.stderr).toContain('The whole section is printed below');
    expect(r.stdout).toContain('## spoolrescue capture: mbox');
    expect(r.stdout).toMatch(/#### Message 1: offset 0/);
    const kept = fs.readFileSync(incident, 'utf8');
    expect(kept.startsWith('# incident\n')).toBe(true);
    const j = runCli(['capture', spool, '--incident', incident, '--force-destination', '--json']);
    expect(j.status).toBe(1);
    expect(j.json().incident).toMatchObject({ ok: false, error: { code: 'ENOSPC' } });
    expect(j.json().markdown).toContain('## spoolrescue capture: mbox');
  });
});
