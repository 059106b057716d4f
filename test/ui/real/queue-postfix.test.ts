import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWith } from '../../helpers/capabilities.js';
import { useDeferredQueue } from '../../helpers/deferred-queue.js';
import { realPortsFor } from './context.js';

// The walk's Queue step against a running private Postfix whose queue is deferred for real: the
// row of the compromised login is reviewed and held through postsuper (the op decides, since
// Postfix runs), the rest stays deferred, the selection is recorded, Postfix stays healthy.
describeWith(['root', 'postfix'], 'the Queue step on a running private Postfix', () => {
  const fx = useDeferredQueue({
    name: 'tui-pf-queue',
    fill: async (pf) => {
      for (let i = 0; i < 3; i++) expect(pf.sendmail(`user${i}@alpha.example`, `report ${i}`, 'cron output').status).toBe(0);
      for (let i = 0; i < 4; i++) expect(await pf.smtpSubmit({ login: 'mallory', addr: '203.0.113.9', name: 'bad.example.net', helo: 'spambot', from: `offer${i}@shop.example`, to: [`x${i}@delta.example`], subject: 'buy' })).toMatch(/^250 /);
    },
    count: 7,
  });

  it('shows the login row, holds it through postsuper after the review, and leaves the rest deferred', async () => {
    const pf = fx.pf;
    const ports = realPortsFor(undefined, pf.configDir);
    const shape = await ports.queue.scan('sasl', { signal: new AbortController().signal });
    expect(shape.postfix).toMatch(/^Postfix runs/);
    expect(shape.scan.rows.find((r) => r.key === 'mallory')?.messages).toBe(4);
    const review = await ports.queue.review({ by: 'sasl', keys: ['mallory'], action: 'hold' }, { signal: new AbortController().signal });
    expect(review.refusal).toBeUndefined();
    expect(review).toMatchObject({ match: 'sasl=mallory', count: 4, staysCount: 3 });
    expect(review.lines.join('\n')).toContain('How: postsuper -h with the IDs on stdin (Postfix runs).');
    const malloryIds = pf.postqueueJson().filter((m) => m.sender.startsWith('offer')).map((m) => m.queue_id).sort();
    const incident = path.join(fx.dir, 'incident.md');
    const result = await ports.queue.act(review, { signal: new AbortController().signal, incidentFile: incident });
    expect(result.lines.join('\n')).toContain('hold: 4 of 4 messages (postsuper).');
    expect(result).toMatchObject({ ok: true, done: 4 });
    expect(result.lines).toContain('postfix check: ok');
    const q = pf.postqueueJson();
    expect(q.filter((m) => m.queue_name === 'hold').map((m) => m.queue_id).sort()).toEqual(malloryIds);
    expect(q.filter((m) => m.queue_name === 'deferred')).toHaveLength(3);
    const md = fs.readFileSync(incident, 'utf8');
    for (const id of malloryIds) expect(md).toContain(id);
  });
});
