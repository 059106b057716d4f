import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devIdOf } from '../../../src/core/disks/mountinfo.js';
import { createSystemPaths } from '../../../src/core/system-paths.js';
import { readDfWithSuspects } from '../../../src/io/suspects/df-with-suspects.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// df and its likely culprits read the mount table once, and both name the mounts of that one reading.
describe('the df report with its likely culprits', () => {
  const tmp = makeTempDir('df-suspects');
  afterAll(tmp.cleanup);

  it('reads the mount table once for both, and the suspects name the mounts it lists', async () => {
    const root = path.join(tmp.dir, 'root');
    // root's mailbox past the size that makes a file a suspect (10 MiB)
    const mailbox = path.join(root, 'var/mail/root');
    fs.mkdirSync(path.dirname(mailbox), { recursive: true });
    fs.writeFileSync(mailbox, Buffer.alloc(11 << 20, 'x'));
    const st = fs.statSync(mailbox);
    const devId = devIdOf(st.dev);
    // a table no host has: the root's own filesystem mounted at the rescued root
    const table = `22 1 ${devId} / ${root} rw - ext4 /dev/rescued rw\n`;
    let reads = 0;
    const report = await readDfWithSuspects(createSystemPaths(root), {
      deps: {
        readMountinfo: () => {
          reads += 1;
          return table;
        },
        statfs: async (mounts) => mounts.map(() => ({ ok: true as const, stats: { bsize: 4096, blocks: 100, bfree: 50, bavail: 40, files: 10, ffree: 5 } })),
        procDir: path.join(tmp.dir, 'no-proc'),
      },
    });
    expect(reads).toBe(1);
    expect(report.filesystems.map((f) => f.mount)).toEqual([root]);
    const box = report.suspects?.find((s) => s.hostPath === mailbox);
    expect(box).toMatchObject({ path: '/var/mail/root', mount: root, fstype: 'ext4', devId });
  });

  it('says why when the mount table cannot be read, as the report alone does', async () => {
    await expect(
      readDfWithSuspects(createSystemPaths(undefined), {
        deps: {
          readMountinfo: () => {
            throw new Error('ENOENT: no such file or directory, open /proc/self/mountinfo');
          },
        },
      }),
    ).rejects.toThrow(/mountinfo/);
  });
});
