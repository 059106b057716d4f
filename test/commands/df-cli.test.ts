import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DfReport } from '../../src/core/disks/model.js';
import { describeWith } from '../helpers/capabilities.js';
import { canMakeDeadMount, runWithDeadMount } from '../helpers/dead-mount.js';
import { BUNDLE, runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('spoolrescue df', () => {
  it('prints exactly one JSON document in the documented shape', () => {
    const r = runCli(['df', '--json']);
    expect(r.status).toBe(0);
    const rep = r.json<DfReport>();
    expect(Object.keys(rep)).toEqual(['schemaVersion', 'filesystems', 'deletedOpen', 'deletedOpenCount', 'skippedProcesses', 'suspects', 'suspectsMs']);
    const root = rep.filesystems.find((f) => f.mount === '/')!;
    expect(Object.keys(root)).toEqual([
      'mount', 'device', 'fstype', 'devId', 'mountId', 'sizeBytes', 'usedBytes', 'availBytes', 'reservedBytes',
      'inodes', 'inodesUsed', 'inodesFree', 'usePercent', 'inodeUsePercent', 'readOnly', 'deletedOpenBytes', 'flags',
    ]);
    expect(root.sizeBytes).toBe(fs.statfsSync('/').blocks * fs.statfsSync('/').bsize);
    expect(rep.filesystems.map((f) => f.fstype)).not.toContain('proc');
    expect(rep.filesystems.map((f) => f.fstype)).not.toContain('sysfs');
    expect(rep.filesystems.map((f) => f.mount)).toContain('/dev/shm');
    expect(r.stderr).toBe('');
  });

  it('prints a table that fits 80 columns, and the same with --root (df shows the host)', () => {
    const r = runCli(['df']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ {2}Mounted on +Type +Size +Avail +Use% +Rsvd +IFree +IUse%$/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^[ !] \/ +\S+ +\S+/m);
    const tmp = makeTempDir('df-root');
    try {
      const withRoot = runCli(['df', '--root', tmp.dir, '--json']);
      expect(withRoot.json<DfReport>().filesystems.some((f) => f.mount === '/')).toBe(true);
    } finally {
      tmp.cleanup();
    }
  });

  it('has help that says why it never hangs', () => {
    const r = runCli(['df', '--help']);
    expect(r.stdout).toContain('--timeout MS');
    expect(r.stdout).toMatch(/not\s+responding\s+instead\s+of\s+hanging/);
  });
});

describeWith(['root', 'mount'], 'spoolrescue df with a dead mount', () => {
  const tmp = makeTempDir('df-dead', '/var/tmp');
  const dead = path.join(tmp.dir, 'nfs');
  fs.mkdirSync(dead);
  afterAll(tmp.cleanup);

  it('reports the mount as not responding and still answers for the others', () => {
    expect(canMakeDeadMount()).toBe(true);
    const r = runWithDeadMount(dead, [process.execPath, BUNDLE, 'df', '--json', '--timeout', '500']);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    const rep = JSON.parse(r.stdout) as DfReport;
    const row = rep.filesystems.find((f) => f.mount === dead)!;
    expect(row).toMatchObject({ fstype: 'fuse', device: 'srdead', sizeBytes: null, availBytes: null, inodes: null, usePercent: null });
    expect(row.flags).toEqual([{ code: 'not-responding', reason: 'not responding: no answer from statfs within 500 ms (server or daemon gone?); it was left alone' }]);
    expect(rep.filesystems.find((f) => f.mount === '/')?.sizeBytes).toBeGreaterThan(0);
    const human = runWithDeadMount(dead, [process.execPath, BUNDLE, 'df', '--timeout', '500']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(`! ${dead} (srdead): not responding`);
  });
});
