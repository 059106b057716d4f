import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { captureQueueDir } from '../../src/io/incident/queue-capture.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Without postcat (a rescue disk on a machine without Postfix) envelopes come from the native decoder.
describe('captureQueueDir without postcat', () => {
  const tmp = makeTempDir('queue-native');
  afterAll(tmp.cleanup);
  const m = generateServer(tmp.dir, { mboxMessages: 2, maildrop: 50, bounce: 3, deferred: 20, maillogLines: 10 });

  it('keeps the oldest and newest files of a flat queue and decodes their envelopes natively', async () => {
    let progress = 0;
    const r = await captureQueueDir(m.queue.maildrop.dir, { files: 3, headCap: 65536, hashed: false, usePostcat: false, onProgress: (n) => (progress = n) });
    expect(r.count).toBe(50);
    expect(progress).toBe(50);
    expect(r.decoder).toEqual({ code: 'native' });
    expect(r.oldest.map((f) => f.mtimeMs)).toEqual([...r.oldest.map((f) => f.mtimeMs)].sort((a, b) => a - b));
    expect(r.oldest[0].name).toBe(m.queue.maildrop.oldest!.name);
    expect(r.newest[0].name).toBe(m.queue.maildrop.newest!.name);
    const f = r.oldest[0];
    expect(f.decodedBy).toBe('native');
    expect(f.envelope).toMatchObject({ sender: 'root', recipients: ['root'], arrival: new Date(Math.floor(f.mtimeMs / 1000) * 1000).toISOString() });
    expect(f.head.equals(fs.readFileSync(path.join(m.queue.maildrop.dir, f.name)))).toBe(true);
  });

  it('walks hash subdirectories and counts files, not the subdirectories', async () => {
    const r = await captureQueueDir(m.queue.deferred.dir, { files: 2, headCap: 1024, hashed: true, usePostcat: false });
    expect(r.count).toBe(20);
    expect(r.oldest[0].name).toBe(`${m.queue.deferred.oldest!.name[0]}/${m.queue.deferred.oldest!.name}`);
    expect(r.newest[0].envelope?.sender).toBe('mailman-bounces@mail.example.test');
  });

  it('shows bounce logs (not queue files) as bytes, without an envelope', async () => {
    const r = await captureQueueDir(m.queue.bounce.dir, { files: 1, headCap: 1024, hashed: false, usePostcat: false });
    expect(r.oldest[0].envelope).toBeNull();
    expect(r.oldest[0].head.toString()).toMatch(/^recipient=nobody\d+@forged\.example/);
  });
});
