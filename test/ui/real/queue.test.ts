import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../../fixtures/lib/queue-flood.js';
import type { QueueScanProgress } from '../../../src/ui/ports/index.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { speak } from '../../../src/core/i18n/speak.js';
import { realPortsFor } from './context.js';

// The walk's Queue step on the queue op, on real Postfix queue files (cleanup's record format,
// hashed deferred/X/ID, a defer log each) under --root with Postfix stopped: the table by each
// key, the verdicts, progress and abort, a row reviewed (count, bytes, what stays), hold refused
// as data without postsuper, a row deleted directly with its logs and recorded in the incident
// file, the rest of the queue intact.

// More than one directory batch (2,048 names), so a stop lands mid-way.
const FILES = 5000;

describe('the Queue step on a generated queue (--root, Postfix stopped)', () => {
  const tmp = makeTempDir('tui-real-queue', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  const queueDir = path.join(root, 'var/spool/postfix');
  let kinds: Record<string, number> = {};
  const files = (q: string) => fs.readdirSync(path.join(queueDir, q), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);
  beforeAll(() => {
    kinds = writeQueueFlood({ queueDir, rng: createRng(11), files: FILES, startMs: Date.now() - 6 * 3600_000, endMs: Date.now() - 60_000, ownerUid: 0 });
  });
  const ports = realPortsFor(root);
  const signal = () => new AbortController().signal;

  it('reads the whole queue with progress, names the webshop login', async () => {
    const seen: QueueScanProgress[] = [];
    const shape = await ports.queue.scan('domain', { signal: signal(), onProgress: (p) => seen.push(p) });
    expect(shape.queueDir).toBe('/var/spool/postfix');
    expect(shape.postfix).toMatch(/^Postfix is stopped/);
    expect(shape.scan.aborted).toBe(false);
    expect(shape.scan.messages).toBe(FILES);
    expect(shape.scan.perQueue).toEqual({ deferred: FILES });
    expect(seen.at(-1)).toMatchObject({ files: FILES, total: FILES });
    const login = shape.scan.verdicts.find((v) => v.code === 'compromised-login');
    expect(login?.match).toBe('sasl=webshop');
    const sender = await ports.queue.scan('sender', { signal: signal() });
    expect(sender.scan.rows.find((r) => r.key === '<>')?.messages).toBe(kinds.backscatter);
    const sasl = await ports.queue.scan('sasl', { signal: signal() });
    expect(sasl.scan.rows.find((r) => r.key === 'webshop')?.messages).toBe(kinds.spam);
  });

  it('stops when asked and keeps what was read', async () => {
    const ac = new AbortController();
    const shape = await ports.queue.scan('domain', { signal: ac.signal, onProgress: (p) => p.files > 0 && ac.abort(new Error('stop')) });
    expect(shape.scan.aborted).toBe(true);
    expect(shape.scan.messages).toBeGreaterThan(0);
    expect(shape.scan.messages).toBeLessThan(FILES);
  });

  it('puts the sample last in the review, under what stays and how, in English and in Japanese', async () => {
    const order = async () => {
      const review = await ports.queue.review({ by: 'sender', keys: ['<>'], action: 'delete' }, { signal: signal() });
      const stays = review.lines.findIndex((l) => /^(Stays|残るもの): /.test(l));
      const sample = review.lines.findIndex((l) => /^(Sample|サンプル) \(\d+\):$/.test(l));
      return { stays, sample, lines: review.lines };
    };
    const en = await order();
    expect(en.stays, en.lines.join('\n')).toBeGreaterThan(0);
    expect(en.sample, en.lines.join('\n')).toBeGreaterThan(en.stays);
    try {
      speak('ja');
      const ja = await order();
      expect(ja.stays, ja.lines.join('\n')).toBe(en.stays);
      expect(ja.sample, ja.lines.join('\n')).toBe(en.sample);
      expect(ja.lines.length).toBe(en.lines.length);
    } finally {
      speak('en');
    }
  });

  it('reviews rows of every kind as exact selections, and refuses what is not one group or needs postsuper', async () => {
    const client = await ports.queue.review({ by: 'client', keys: ['unknown[198.51.100.23]'], action: 'delete' }, { signal: signal() });
    expect(client).toMatchObject({ match: 'client=198.51.100.23', count: kinds.spam, staysCount: FILES - kinds.spam });
    const reason = await ports.queue.scan('reason', { signal: signal() });
    const row = reason.scan.rows[0];
    expect(row.key).toBe('connect to ...: Connection timed out');
    const byReason = await ports.queue.review({ by: 'reason', keys: [row.key], action: 'delete' }, { signal: signal() });
    expect(byReason.count).toBe(FILES);
    const none = await ports.queue.review({ by: 'uid', keys: ['(none)'], action: 'delete' }, { signal: signal() });
    expect(none.refusal).toContain("the row '(none)' is not one group");
    const hold = await ports.queue.review({ by: 'sender', keys: ['<>'], action: 'hold' }, { signal: signal() });
    expect(hold.refusal).toMatch(/hold needs postsuper/);
    expect(hold.count).toBe(0);
  });

  it('reviews several rows at once from the files the table kept: nothing read again, the same selection as a read', async () => {
    const domain = await ports.queue.scan('domain', { signal: signal() });
    const keys = domain.scan.rows.slice(0, 3).map((r) => r.key);
    const seen: QueueScanProgress[] = [];
    const kept = await ports.queue.review({ by: 'domain', keys, action: 'delete' }, { signal: signal(), onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([]);
    expect(kept.refusal).toBeUndefined();
    expect(kept.match).toBe(keys.map((k) => `domain=${k}`).join(' '));
    expect(kept.lines.join('\n')).toContain('IDs as the table read them');
    expect(kept.count).toBeGreaterThan(domain.scan.rows[0].messages);
    // with the table by another key the rows' files are not kept: the review reads the queue
    await ports.queue.scan('sender', { signal: signal() });
    const read = await ports.queue.review({ by: 'domain', keys, action: 'delete' }, { signal: signal(), onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(read.lines.join('\n')).not.toContain('IDs as the table read them');
    expect(kept).toMatchObject({ count: read.count, bytes: read.bytes, beyond: read.beyond, staysCount: read.staysCount, staysBytes: read.staysBytes });
  });

  // The spam run's files arrived more than 3 hours ago, read from the files themselves (mtime is
  // the arrival time in the generated queue; the login is an A record of the envelope).
  const oldSpam = () => {
    const cut = Date.now() - 3 * 3600_000;
    let n = 0;
    for (const d of fs.readdirSync(path.join(queueDir, 'deferred'), { recursive: true, withFileTypes: true })) {
      if (!d.isFile()) continue;
      const f = path.join(d.parentPath, d.name);
      if (fs.statSync(f).mtimeMs <= cut && fs.readFileSync(f).includes('sasl_username=webshop')) n++;
    }
    return n;
  };

  it('reviews a typed match (the --match words, an age) by reading the queue, and refuses a line that is not one', async () => {
    const seen: QueueScanProgress[] = [];
    const all = await ports.queue.review({ by: 'domain', keys: [], action: 'delete', line: 'sasl=web*' }, { signal: signal(), onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(all).toMatchObject({ keys: [], match: 'sasl=web*', count: kinds.spam, staysCount: FILES - kinds.spam });
    const expected = oldSpam();
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(kinds.spam);
    const old = await ports.queue.review({ by: 'domain', keys: [], action: 'delete', line: '  sasl=web*   older-than=3h ' }, { signal: signal() });
    expect(old.refusal).toBeUndefined();
    // files cross the 3-hour line while the test runs: the count lies between the two readings
    expect(old.match).toBe('sasl=web* older-than=3h');
    expect(old.count).toBeGreaterThanOrEqual(expected);
    expect(old.count).toBeLessThanOrEqual(oldSpam());
    expect(old.lines.join('\n')).toContain('How: direct removal of each file and its defer/bounce/trace logs (Postfix is stopped).');
    const reason = await ports.queue.review({ by: 'domain', keys: [], action: 'delete', line: 'reason=*Connection timed out' }, { signal: signal() });
    expect(reason.count).toBe(FILES);
    const bad = await ports.queue.review({ by: 'domain', keys: [], action: 'delete', line: 'older-than=soon' }, { signal: signal() });
    expect(bad).toMatchObject({ count: 0, refusal: "'soon' is not a duration (examples: 90s, 30m, 2h, 5d, 1w)" });
  });

  it('deletes the reviewed row directly with its defer logs, records it, and leaves the rest intact', async () => {
    const before = new Set(files('deferred'));
    const review = await ports.queue.review({ by: 'sender', keys: ['<>'], action: 'delete' }, { signal: signal() });
    expect(review.refusal).toBeUndefined();
    expect(review).toMatchObject({ match: 'sender=<>', count: kinds.backscatter, staysCount: FILES - kinds.backscatter });
    expect(review.bytes).toBeGreaterThan(0);
    const text = review.lines.join('\n');
    expect(text).toContain(`Selected: ${kinds.backscatter.toLocaleString('en-US')} messages`);
    expect(text).toContain('How: direct removal of each file and its defer/bounce/trace logs (Postfix is stopped).');
    expect(text).toMatch(/from <> to user\d+@forged\d+\.example/);
    const incident = path.join(tmp.dir, 'incident.md');
    const done: number[] = [];
    const result = await ports.queue.act(review, { signal: signal(), incidentFile: incident, onProgress: (p) => done.push(p.done) });
    expect(result).toMatchObject({ ok: true, aborted: false, done: kinds.backscatter, selected: kinds.backscatter });
    expect(done.at(-1)).toBe(kinds.backscatter);
    expect(result.lines[0]).toBe(`delete: ${kinds.backscatter.toLocaleString('en-US')} of ${kinds.backscatter.toLocaleString('en-US')} messages (direct).`);
    expect(result.lines.at(-1)).toBe(`recorded in ${incident}`);
    const after = files('deferred');
    expect(after).toHaveLength(FILES - kinds.backscatter);
    expect(after.every((id) => before.has(id))).toBe(true);
    expect(files('defer')).toHaveLength(FILES - kinds.backscatter);
    const again = await ports.queue.scan('sender', { signal: signal() });
    expect(again.scan.messages).toBe(FILES - kinds.backscatter);
    expect(again.scan.rows.find((r) => r.key === '<>')).toBeUndefined();
    const md = fs.readFileSync(incident, 'utf8');
    expect(md).toContain('sender=<>');
    expect(md.split(/\r?\n/).filter((l) => before.has(l.trim().split(/\s+/).at(-1) ?? '')).length).toBeGreaterThan(0);
    await expect(ports.queue.act(review, { signal: signal() })).rejects.toThrow('no longer current');
  });

  it('deletes what a typed match selected, and only that', async () => {
    const spam = (f: string) => fs.readFileSync(f).includes('sasl_username=webshop');
    const paths = () => new Map(fs.readdirSync(path.join(queueDir, 'deferred'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => [d.name, path.join(d.parentPath, d.name)]));
    const before = paths();
    // old enough at the review (the boundary moves on while the test runs: checked on both sides)
    const cut = Date.now() - 3 * 3600_000;
    const surely = [...before].filter(([, f]) => fs.statSync(f).mtimeMs <= cut - 60_000 && spam(f)).map(([id]) => id);
    const review = await ports.queue.review({ by: 'sender', keys: [], action: 'delete', line: 'sasl=webshop older-than=3h' }, { signal: signal() });
    expect(review.count).toBeGreaterThanOrEqual(surely.length);
    const result = await ports.queue.act(review, { signal: signal() });
    expect(result).toMatchObject({ ok: true, done: review.count, selected: review.count });
    const after = paths();
    const gone = [...before].filter(([id]) => !after.has(id));
    expect(gone).toHaveLength(review.count);
    for (const id of surely) expect(after.has(id)).toBe(false);
    // only the login's mail, and none that arrived within the last 3 hours (less a minute's slack)
    const deferLogs = new Set(files('defer'));
    for (const [id] of gone) expect(deferLogs.has(id)).toBe(false);
    for (const [id, f] of after) if (fs.statSync(f).mtimeMs <= cut - 60_000) expect(spam(f), id).toBe(false);
  });
});
