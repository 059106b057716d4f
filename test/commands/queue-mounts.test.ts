import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanupFile } from '../../fixtures/lib/queue-flood.js';
import { captureQueueDir } from '../../src/io/incident/queue-capture.js';
import { walkQueues, type WalkNotes } from '../../src/io/queue/walk.js';
import { bindMount } from '../helpers/bind-mount.js';
import { describeWith } from '../helpers/capabilities.js';
import type { TestMount } from '../helpers/mounts.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// A bind mount of the same filesystem inside a queue (a hash directory, or one queue file) holds
// files that are not the queue's: queue triage never lists, selects or removes them, and the
// queue evidence capture never reads them.
describeWith(['root', 'mount'], 'queue triage and queue capture never enter a mount point inside a queue', () => {
  const tmp = makeTempDir('queue-mounts');
  const root = path.join(tmp.dir, 'root');
  const q = path.join(root, 'var/spool/postfix');
  const outside = path.join(tmp.dir, 'outside');
  const mounts: TestMount[] = [];
  const now = Math.floor(Date.now() / 1000);
  const message = (to: string) => cleanupFile({ arrivalSec: now - 7200, sender: 'x@a.example', recipients: [to], attrs: [], headers: ['Subject: s'], body: ['body'] });
  const put = (file: string, data: Buffer) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data, { mode: 0o700 });
  };

  beforeAll(() => {
    put(path.join(q, 'deferred/A/AAAAAA0001'), message('u@a.example'));
    // Files outside the queue that look like queue files, reachable through bind mounts.
    put(path.join(outside, 'dir/BBBBBB0002'), message('precious@b.example'));
    put(path.join(outside, 'dir/sub/BBBBBB0003'), message('precious@b.example'));
    put(path.join(outside, 'CCCCCC0004'), message('precious@c.example'));
    mounts.push(bindMount(path.join(outside, 'dir'), path.join(q, 'deferred/B')));
    mounts.push(bindMount(path.join(outside, 'CCCCCC0004'), path.join(q, 'deferred/A/CCCCCC0004')));
  });
  afterAll(() => {
    for (const m of mounts.reverse()) m.unmount();
    tmp.cleanup();
  });

  it('the queue walk lists only the queue files and names the mount points it left alone', async () => {
    const notes: WalkNotes = { subdirs: 0, strays: 0, missingQueues: [], unreadable: [] };
    const ids: string[] = [];
    for await (const batch of walkQueues(q, ['deferred'], notes)) ids.push(...batch.map((e) => e.id));
    expect(ids).toEqual(['AAAAAA0001']);
    expect(notes.mountPoints?.sort()).toEqual(['deferred/A/CCCCCC0004', 'deferred/B']);
  });

  it('a delete of every message removes the queue file only; the files behind the mounts survive', () => {
    const r = runCli(['--root', root, 'queue', '--match', 'id=*', '--delete', '--yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(q, 'deferred/A/AAAAAA0001'))).toBe(false);
    for (const f of ['dir/BBBBBB0002', 'dir/sub/BBBBBB0003', 'CCCCCC0004']) expect(fs.existsSync(path.join(outside, f)), f).toBe(true);
  });

  it('the queue evidence capture does not count or describe files behind a mounted hash directory', async () => {
    put(path.join(q, 'deferred/A/AAAAAA0005'), message('u@a.example'));
    put(path.join(outside, 'dir/BBBBBB0006'), message('precious@b.example'));
    const r = await captureQueueDir(path.join(q, 'deferred'), { files: 5, headCap: 4096, hashed: true, usePostcat: false });
    const names = [...r.oldest, ...r.newest].map((e) => e.name);
    expect(names.some((n) => n.startsWith('B/'))).toBe(false);
    expect(names).toContain('A/AAAAAA0005');
  });
});
