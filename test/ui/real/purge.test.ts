import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../../fixtures/generate.js';
import type { PurgeProgress } from '../../../src/ui/ports/index.js';
import { itWith } from '../../helpers/capabilities.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { realPortsFor } from './context.js';

// The walk's purge on the purge core, on a generated server under --root: the plan first (with
// the count's progress), refusals in words, a purge stopped half-way that leaves maildrop in
// place and a new plan that finishes it, the section in the incident file.

describe('purge on a generated server (--root)', () => {
  const tmp = makeTempDir('tui-real-purge', '/var/tmp');
  afterAll(tmp.cleanup);
  const root = path.join(tmp.dir, 'srv');
  generateServer(root, { maildrop: 20_000, bounce: 5, deferred: 5, mboxMessages: 5, maillogLines: 5, maildropMode: 0o1730 });
  const ports = realPortsFor(root);
  const maildrop = path.join(root, 'var/spool/postfix/maildrop');
  const signal = () => new AbortController().signal;

  it('refuses what must never be purged, in words, before anything is touched', async () => {
    const pid = await ports.purge.plan(path.join(root, 'var/spool/postfix/pid'), { signal: signal() });
    expect(pid.refusal).toMatch(/^\/var\/spool\/postfix\/pid is .*never/);
    expect(pid.lines).toEqual([]);
    const spool = await ports.purge.plan(path.join(root, 'var/spool/postfix'), { signal: signal() });
    expect(spool.refusal).toContain("/var/spool/postfix is Postfix's queue directory");
    expect(fs.existsSync(path.join(root, 'var/spool/postfix/pid'))).toBe(true);
  });

  // A swap (its set-aside copy is what the new plan finishes) needs the attribute tools; without them it is in place.
  itWith(['xattr', 'chattr'], 'plans with the count, stops half-way with maildrop in place, and a new plan finishes it', async () => {
    const counting: PurgeProgress[] = [];
    const review = await ports.purge.plan(maildrop, { signal: signal(), onProgress: (p) => counting.push(p) });
    expect(review.refusal).toBeUndefined();
    expect(review).toMatchObject({ target: maildrop, name: 'maildrop', entries: 20_000 });
    expect(review.lines.join('\n')).toMatch(/contents: +20,000 entries/);
    expect(counting.at(-1)?.phase).toBe('counting');
    const st = fs.statSync(maildrop);
    const stop = new AbortController();
    const incident = path.join(tmp.dir, 'incident.md');
    const first = await ports.purge.execute(review, {
      signal: stop.signal,
      incidentFile: incident,
      onProgress: (p) => {
        if (p.phase === 'deleting' && p.done > 0) stop.abort(new Error('stopped by the operator'));
      },
    });
    expect(first).toMatchObject({ ok: false, aborted: true });
    expect(first.removed).toBeLessThan(20_000);
    expect(first.lines[0]).toMatch(/^Stopped: \/var\/spool\/postfix\/maildrop \(swap\)/);
    const back = fs.statSync(maildrop);
    expect({ uid: back.uid, gid: back.gid, mode: back.mode & 0o7777 }).toEqual({ uid: st.uid, gid: st.gid, mode: 0o1730 });
    expect(fs.readdirSync(maildrop)).toEqual([]);
    // The set-aside copy is finished by a new plan of the same directory.
    const again = await ports.purge.plan(maildrop, { signal: signal() });
    expect(again.lines.join('\n')).toContain('leftover:');
    const second = await ports.purge.execute(again, { signal: signal(), incidentFile: incident });
    expect(second.failures).toEqual([]);
    expect(second.ok).toBe(true);
    expect(first.removed + second.removed).toBeGreaterThanOrEqual(20_000);
    expect(fs.readdirSync(path.dirname(maildrop)).filter((n) => n.includes('spoolrescue-purge'))).toEqual([]);
    const text = fs.readFileSync(incident, 'utf8');
    expect(text.match(/^## spoolrescue purge: \/var\/spool\/postfix\/maildrop$/gm)).toHaveLength(2);
  });

  it('a review not made by this port is never executed', async () => {
    await expect(ports.purge.execute({ target: maildrop, name: 'maildrop', lines: [], entries: 0 }, { signal: signal() })).rejects.toThrow('make the plan again');
  });
});
