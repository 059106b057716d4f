import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fallbackWords } from '../../src/core/purge/result.js';
import { differencesWords } from '../../src/core/purge/attr-words.js';
import { createSystemPaths } from '../../src/core/system-paths.js';
import { makeQueueDirs } from '../../fixtures/lib/queue-tree.js';
import { readMounts } from '../../src/io/disks/fs-usage.js';
import { executePurge } from '../../src/io/purge/execute.js';
import { plan, type PurgeDeps, type PurgePlanned, type PurgeRequest } from '../../src/ops/purge.js';
import { verifyPurge } from '../../src/io/purge/verify.js';
import { runCommand } from '../../src/io/system/run-command.js';
import type { LabelTools } from '../../src/io/files/xattr.js';
import type { PurgeProgress } from '../../src/core/purge/progress.js';
import { makeFlatTree } from '../helpers/purge-tree.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// A label the filesystem "has" but refuses to take on a new directory (as an xattr-less copy
// target would): the planned swap must give up before DIR moves and empty it in place instead.
const stubbornLabels: LabelTools = {
  xattrsWritable: true,
  flagsWritable: true,
  selinuxEnabled: false,
  tools: { getfattr: false, setfattr: false, lsattr: false, selinux: false },
  read: async () => ({ state: 'present', hex: '6100', text: 'a' }),
  readXattrs: async () => ({ state: 'read', entries: [{ name: 'security.selinux', hex: '6100' }] }),
  writeXattrs: async () => ({ ok: false, failure: { code: 'exit', command: 'setfattr', exitCode: 1, detail: 'Operation not supported' } }),
  readFlags: async () => ({ state: 'read', flags: '' }),
  writeFlags: async () => ({ ok: true }),
};

// The purge op's plan, which must not be refused here.
async function inspectPurge(req: PurgeRequest, deps: PurgeDeps): Promise<PurgePlanned> {
  const r = await plan(req, deps);
  if (!('plan' in r)) throw new Error(`not planned: ${JSON.stringify(r)}`);
  return r;
}

describe('executePurge', () => {
  const tmp = makeTempDir('purge-exec');
  afterAll(tmp.cleanup);
  const root = tmp.dir;
  const queue = path.join(root, 'var/spool/postfix');
  makeQueueDirs(queue, { mailOwnerUid: process.getuid!(), setgidGid: process.getgid!(), rootGid: process.getgid!(), submitterUid: process.getuid!() }, 0o730);
  const deps: PurgeDeps = { labels: stubbornLabels, run: (p, a) => runCommand(p, a), readMounts, now: () => performance.now(), pid: process.pid };
  const request = (over: Partial<PurgeRequest> = {}): PurgeRequest => ({
    dirArg: '/var/spool/postfix/maildrop',
    paths: createSystemPaths(root),
    anyDirectory: false,
    inPlace: false,
    postsuper: false,
    countFirst: true,
    ...over,
  });

  it('falls back to in place when the new directory cannot take the label, and says why', async () => {
    makeFlatTree(path.join(queue, 'maildrop'), 120);
    const before = fs.lstatSync(path.join(queue, 'maildrop'));
    const progress: PurgeProgress[] = [];
    const req = request({ onProgress: (p) => progress.push(p) });
    const ins = await inspectPurge(req, deps);
    expect(ins.plan.strategy.strategy).toBe('swap');
    expect(ins.plan.count).toMatchObject({ entries: 120 });
    const out = await executePurge(ins, req, deps);
    expect(out.strategyUsed).toBe('in-place');
    expect(fallbackWords(out.fallback!)).toMatch(/swap was not possible \(copying the extended attributes \(ACLs, SELinux label\): setfattr: exit 1 \(Operation not supported\)\); emptied in place instead/);
    expect(out).toMatchObject({ removed: 120, errors: 0, aborted: false, asides: [] });
    expect(out.dirBackInPlaceAfterMs).toBeUndefined();
    expect(fs.lstatSync(path.join(queue, 'maildrop')).ino).toBe(before.ino);
    expect(fs.readdirSync(queue).filter((n) => n.includes('spoolrescue'))).toEqual([]);
    const deleting = progress.filter((p) => p.phase === 'deleting');
    expect(deleting.at(-1)).toMatchObject({ done: 120, total: 120 });
    const v = await verifyPurge(ins.plan, stubbornLabels);
    expect(v).toMatchObject({ dirPresent: true, differences: [], entriesLeft: 0 });
  });

  it('verification puts back a mode that drifted and says so', async () => {
    const req = request();
    const ins = await inspectPurge(req, deps);
    fs.chmodSync(path.join(queue, 'maildrop'), 0o755);
    const v = await verifyPurge(ins.plan, stubbornLabels);
    expect(differencesWords(v.repaired)).toEqual(['mode is 0755, was 0730']);
    expect(v.differences).toEqual([]);
    expect(fs.lstatSync(path.join(queue, 'maildrop')).mode & 0o7777).toBe(0o730);
  });
});
