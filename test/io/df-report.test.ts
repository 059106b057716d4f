import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDfReport } from '../../src/io/disks/df-report.js';
import { describeWith } from '../helpers/capabilities.js';
import { fillFilesystem, mountTmpfs } from '../helpers/mounts.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// df's own figures for one mount point, in bytes and inodes.
function gnuDf(dir: string) {
  const out = spawnSync('df', ['-B1', '--output=size,used,avail,pcent,itotal,iused,iavail,ipcent', dir], { encoding: 'utf8' }).stdout;
  const [size, used, avail, pcent, itotal, iused, iavail, ipcent] = out.trim().split('\n')[1].trim().split(/\s+/);
  return { size: +size, used: +used, avail: +avail, pcent: parseInt(pcent, 10), itotal: +itotal, iused: +iused, iavail: +iavail, ipcent: parseInt(ipcent, 10) };
}

describeWith(['mount'], 'df report on real full, inode-exhausted and read-only filesystems', () => {
  const tmp = makeTempDir('df', '/var/tmp');
  const full = mountTmpfs(path.join(tmp.dir, 'full'), { size: '2m' });
  const inodes = mountTmpfs(path.join(tmp.dir, 'inodes'), { size: '8m', nrInodes: 200 });
  const ro = mountTmpfs(path.join(tmp.dir, 'ro'), { size: '1m', readOnly: true });
  const roomy = mountTmpfs(path.join(tmp.dir, 'roomy'), { size: '16m' });
  fillFilesystem(full.dir);
  for (let i = 0; ; i++) {
    try {
      fs.writeFileSync(path.join(inodes.dir, `f${i}`), 'x');
    } catch {
      break;
    }
  }
  afterAll(() => {
    for (const m of [full, inodes, ro, roomy]) m.unmount();
    tmp.cleanup();
  });

  const find = async (dir: string) => (await readDfReport()).filesystems.find((f) => f.mount === dir)!;

  it('matches df -B1 for bytes, inodes and percentages', async () => {
    const f = await find(roomy.dir);
    const d = gnuDf(roomy.dir);
    expect(f).toMatchObject({ fstype: 'tmpfs', device: 'tmpfs', sizeBytes: d.size, usedBytes: d.used, availBytes: d.avail, usePercent: d.pcent, inodes: d.itotal, inodesUsed: d.iused, inodesFree: d.iavail, inodeUsePercent: d.ipcent, readOnly: false, flags: [] });
  });

  it('flags a filesystem with no bytes left', async () => {
    const f = await find(full.dir);
    expect(f.availBytes).toBe(0);
    expect(f.usePercent).toBe(100);
    expect(f.flags).toMatchObject([{ code: 'bytes-full', availBytes: 0, reason: 'bytes full: every write fails with "No space left on device"' }]);
  });

  it('flags a tmpfs whose inodes ran out while bytes are free', async () => {
    const f = await find(inodes.dir);
    expect(f.inodesFree).toBe(0);
    expect(f.inodes).toBe(200);
    expect(f.usePercent).toBeLessThan(90);
    expect(f.flags).toEqual([{ code: 'inodes-full', inodeUsePercent: 100, inodesFree: 0, reason: 'inodes 100% used: no new file can be created, even with bytes free' }]);
  });

  it('flags a read-only mount', async () => {
    const f = await find(ro.dir);
    expect(f.readOnly).toBe(true);
    expect(f.flags.map((x) => x.code)).toEqual(['read-only']);
  });

  it('lists a deleted file held open by a child process, with its size, and charges it to its filesystem', async () => {
    const file = path.join(roomy.dir, 'held.log');
    const size = 3 << 20;
    const holder = spawn(
      process.execPath,
      ['-e', `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(file)},'w');fs.writeSync(fd,Buffer.alloc(${size},7));fs.unlinkSync(${JSON.stringify(file)});console.log('ready');setInterval(()=>{},1000)`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (d) => (String(d).includes('ready') ? resolve() : undefined));
        holder.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
      });
      const report = await readDfReport();
      const entry = report.deletedOpen.find((d) => d.pid === holder.pid);
      expect(entry).toMatchObject({ command: 'node', path: file, sizeBytes: size, allocatedBytes: size, mount: roomy.dir });
      expect(entry!.fd).toBeGreaterThan(2);
      const fsRow = report.filesystems.find((f) => f.mount === roomy.dir)!;
      expect(fsRow.deletedOpenBytes).toBe(size);
      expect(fsRow.flags.map((f) => f.code)).toEqual(['deleted-open']);
      expect(fsRow.usedBytes).toBeGreaterThanOrEqual(size);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('df report dependencies', () => {
  it('reads mountinfo, statfs and /proc through injectable parts', async () => {
    const proc = makeTempDir('fakeproc');
    try {
      fs.mkdirSync(path.join(proc.dir, '4242', 'fd'), { recursive: true });
      fs.writeFileSync(path.join(proc.dir, '4242', 'comm'), 'gone\n');
      fs.symlinkSync('/var/log/x (deleted)', path.join(proc.dir, '4242', 'fd', '5'));
      const r = await readDfReport({
        deps: {
          readMountinfo: () => '22 1 254:0 / / rw - ext4 /dev/vda1 rw\n23 22 0:50 / /mnt/nfs rw - nfs4 srv:/x rw\n',
          statfs: async (mounts) =>
            mounts.map((m) => (m.fstype === 'nfs4' ? { ok: false as const, timedOut: true, problem: { code: 'no-answer' as const } } : { ok: true, stats: { bsize: 4096, blocks: 100, bfree: 50, bavail: 40, files: 10, ffree: 5 } })),
          procDir: proc.dir,
        },
      });
      expect(r.filesystems.map((f) => [f.mount, f.flags.map((x) => x.code)])).toEqual([
        ['/', []],
        ['/mnt/nfs', ['not-responding']],
      ]);
      // The fake fd link is no real open file: it cannot be stat'ed and is skipped, not fatal.
      expect(r.deletedOpen).toEqual([]);
      expect(r.skippedProcesses).toBe(1);
    } finally {
      proc.cleanup();
    }
  });

  it('says what to do when /proc is not mounted', async () => {
    await expect(
      readDfReport({
        deps: {
          readMountinfo: () => {
            throw new Error("ENOENT: no such file or directory, open '/proc/self/mountinfo'");
          },
        },
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^spoolrescue df: cannot read \/proc\/self\/mountinfo: ENOENT/), hint: 'Is /proc mounted? In a rescue shell: mount -t proc proc /proc', exitCode: 1 });
  });
});
