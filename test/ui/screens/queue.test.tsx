import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { fakePorts, fakeQueue } from '../fake-ports.js';
import { KEY, renderWalk } from '../render-walk.js';

afterEach(cleanup);

// Step "Queue" on a fake port: progress with rate and ETA, Esc keeps what was read, the table by
// the key b cycles, the verdicts, the review of a row, the typed confirmation (anything else
// cancels), the action through the port with the incident file, rows marked with Space and
// reviewed together, the action picked with x, all within 80x24.

async function openQueue() {
  const queue = fakeQueue();
  const { ports } = fakePorts({ queue: queue.port });
  const w = renderWalk(ports, { columns: 80, rows: 24 });
  await w.waitFor('Needs attention');
  await w.press('t', 'Reading the queue by domain: files');
  return { w, queue };
}

const fits = (f: string) => f.split('\n').length <= 24 && f.split('\n').every((l) => l.length <= 80);

describe('Queue screen', () => {
  it('shows the scan progress (files of total, rate, ETA) and Esc keeps the partial table', async () => {
    const { w, queue } = await openQueue();
    let f = await w.waitFor('500 of 1,000');
    expect(f).toContain('[Queue]');
    expect(f).toMatch(/Reading the queue by domain: files +500 of 1,000 \[#+-+\] +50%/);
    expect(f).toContain('rate 250/s');
    expect(f).toContain('ETA 2.0s');
    expect(fits(f)).toBe(true);
    f = await w.press(KEY.esc, 'STOPPED: partial');
    expect(f).toContain('STOPPED: partial, 500 messages');
    expect(f).toMatch(/forged1\.example +300/);
    expect(queue.scanned).toEqual(['domain']);
  });

  it('shows the table and the verdicts, cycles the key with b, and Esc goes back', async () => {
    const { w, queue } = await openQueue();
    queue.finish();
    let f = await w.waitFor('1,000 messages in');
    expect(f).toContain('/var/spool/postfix: Postfix is stopped (test)');
    expect(f).toContain('! backscatter suspected');
    expect(f).toContain('600 of 1000 messages (60%) have the null sender <>');
    expect(f).toMatch(/> +forged1\.example +600 +1\.2M/);
    expect(f).toMatch(/ {3,}partner\.example +300/);
    expect(fits(f)).toBe(true);
    f = await w.press(KEY.down, /> +partner\.example/);
    f = await w.press('b', 'Reading the queue by sender');
    await vi.waitFor(() => expect(queue.scanned).toEqual(['domain', 'sender']));
    queue.finish();
    f = await w.waitFor(/> +<> +600/);
    expect(f).toContain('by sender (b: by sender-domain');
    expect(f).toMatch(/staff@c\.\.\.example +400/);
    f = await w.press(KEY.esc, (fr) => !fr.includes('[Queue]'));
    await vi.waitFor(() => expect(w.state().step).toBe('disks'));
  });

  it('reviews a row, cancels on anything but the typed words, and acts only after them', async () => {
    const { w, queue } = await openQueue();
    queue.finish();
    await w.waitFor('1,000 messages in');
    let f = await w.press(KEY.enter, 'Review: hold the messages of domain');
    expect(queue.reviews).toEqual([{ by: 'domain', keys: ['forged1.example'], action: 'hold' }]);
    expect(f).toContain('Selected: 600 messages to hold.');
    expect(f).toContain('Stays: 400 messages are not touched.');
    expect(f).toContain("Enter: hold them (you type 'hold 600')");
    f = await w.press('x', 'Review: delete the messages');
    expect(queue.reviews.at(-1)).toEqual({ by: 'domain', keys: ['forged1.example'], action: 'delete' });
    f = await w.press(KEY.enter, 'DANGER');
    expect(f).toContain("Type 'delete 600' to delete 600 messages (domain=forged1.example): _");
    expect(fits(f)).toBe(true);
    await w.press(KEY.enter, 'Cancelled. Nothing was changed.');
    await w.press(KEY.enter, 'DANGER');
    await w.type('delete 60');
    await w.press(KEY.enter, "Cancelled: you typed 'delete 60', not 'delete 600'. Nothing was changed.");
    expect(queue.acted).toHaveLength(0);
    await w.press(KEY.enter, 'DANGER');
    await w.type('delete 600');
    f = await w.press(KEY.enter, 'delete: 600 of 600 messages (direct).');
    expect(queue.acted).toHaveLength(1);
    expect(queue.acted[0]).toMatchObject({ action: 'delete', keys: ['forged1.example'], count: 600 });
    expect(queue.incidentFiles).toEqual([undefined]);
    expect(f).toContain('postfix check: not run (test)');
    await vi.waitFor(() => expect(w.state().log.at(-1)?.text).toContain('Queue: delete of domain=forged1.example: done, 600 of 600 messages'));
    expect(fits(f)).toBe(true);
  });

  it('marks rows with Space, picks the action with x, and reviews the marked rows together', async () => {
    const { w, queue } = await openQueue();
    queue.finish();
    let f = await w.waitFor('1,000 messages in');
    expect(f).toContain('Enter: hold the row at > (review first)');
    expect(f).toMatch(/x action/);
    expect(f).not.toMatch(/hold\/delete/);
    f = await w.press(' ', /^>\* +forged1\.example|^ \* +forged1\.example/m);
    expect(f).toMatch(/^ \* +forged1\.example +600/m);
    expect(f).toMatch(/^> +partner\.example +300/m);
    f = await w.press(' ', 'the 2 marked rows');
    expect(f).toMatch(/^ \* +partner\.example +300/m);
    f = await w.press('x', 'Enter: delete the 2 marked rows (review first); hold keeps legitimate mail');
    expect(fits(f)).toBe(true);
    f = await w.press('x', 'Enter: release the 2 marked rows');
    f = await w.press('x', 'Enter: requeue the 2 marked rows');
    f = await w.press('x', 'Enter: hold the 2 marked rows');
    f = await w.press(KEY.enter, 'Review: hold the messages of 2 rows by domain');
    expect(queue.reviews).toEqual([{ by: 'domain', keys: ['forged1.example', 'partner.example'], action: 'hold' }]);
    expect(f).toContain('Selected: 900 messages to hold.');
    expect(f).toContain("Enter: hold them (you type 'hold 900')   x: delete instead");
    f = await w.press('x', 'Review: delete the messages of 2 rows by domain');
    expect(queue.reviews.at(-1)).toEqual({ by: 'domain', keys: ['forged1.example', 'partner.example'], action: 'delete' });
    f = await w.press(KEY.enter, 'DANGER');
    expect(f).toContain("Type 'delete 900' to delete 900 messages (2 rows by domain): _");
    await w.type('delete 900');
    f = await w.press(KEY.enter, 'delete: 900 of 900 messages (direct).');
    expect(queue.acted[0]).toMatchObject({ action: 'delete', keys: ['forged1.example', 'partner.example'], count: 900 });
    expect(fits(f)).toBe(true);
  });
});

describe('Queue screen: select by a typed match', () => {
  it('m asks for FIELD=GLOB words (the --match parser), reviews what they select, and acts after the typed words', async () => {
    const { w, queue } = await openQueue();
    queue.finish();
    let f = await w.waitFor('1,000 messages in');
    expect(f).toMatch(/m match/);
    f = await w.press('m', 'Select (FIELD=GLOB ... older-than=DUR): _');
    expect(f.replace(/\n +/g, ' ')).toContain('FIELD: id queue sender sender-domain recipient domain sasl client helo uid origin reason. Globs * ? [set], <> is the null sender; older-than=4d selects by age.');
    expect(fits(f)).toBe(true);
    f = await w.press(KEY.enter, 'Nothing typed: no selection, nothing was read.');
    f = await w.press('m', 'Select (FIELD=GLOB');
    await w.type('color=red');
    f = await w.press(KEY.enter, 'Not a selection:');
    expect(f.replace(/\n +/g, ' ')).toContain("Not a selection: --match 'color=red': expected FIELD=GLOB with FIELD one of id, queue, sender,");
    expect(queue.reviews).toHaveLength(0);
    f = await w.press('m', 'Select (FIELD=GLOB ... older-than=DUR): color=red_');
    for (let i = 0; i < 'color=red'.length; i++) await w.press(KEY.backspace, () => true);
    await w.type('domain=forged* older-than=4d');
    f = await w.press(KEY.enter, 'Review: hold the messages that match domain=forged* older-than=4d');
    expect(queue.reviews).toEqual([{ by: 'domain', keys: [], action: 'hold', line: 'domain=forged* older-than=4d' }]);
    expect(f).toContain('Selected: 600 messages to hold.');
    expect(f).toContain('How: direct removal (Postfix is stopped).');
    expect(f).toContain("Enter: hold them (you type 'hold 600')   x: delete instead");
    expect(fits(f)).toBe(true);
    // the serial console's rule: ASCII only
    expect(f).not.toMatch(/[^\n\x20-\x7e]/);
    f = await w.press('x', 'Review: delete the messages that match domain=forged*');
    expect(queue.reviews.at(-1)).toEqual({ by: 'domain', keys: [], action: 'delete', line: 'domain=forged* older-than=4d' });
    f = await w.press(KEY.enter, 'DANGER');
    expect(f).toContain("Type 'delete 600' to delete 600 messages (domain=forged* older-than=4d): _");
    await w.type('delete 600');
    f = await w.press(KEY.enter, 'delete: 600 of 600 messages (direct).');
    expect(queue.acted).toHaveLength(1);
    expect(queue.acted[0]).toMatchObject({ action: 'delete', keys: [], match: 'domain=forged* older-than=4d', count: 600 });
    expect(fits(f)).toBe(true);
    f = await w.press(KEY.esc, /by domain \(b: by sender/);
    f = await w.press('m', 'Select (FIELD=GLOB ... older-than=DUR): domain=forged* older-than=4d_');
  });

  it('a glob with spaces (a delay reason) is typed as is and reviewed as one rule', async () => {
    const { w, queue } = await openQueue();
    queue.finish();
    await w.waitFor('1,000 messages in');
    await w.press('b', 'Reading the queue by sender');
    await vi.waitFor(() => expect(queue.scanned).toEqual(['domain', 'sender']));
    queue.finish();
    await w.waitFor(/> +<> +600/);
    await w.press('m', 'Select (FIELD=GLOB');
    await w.type('sender=staff@* reason=*timed out*');
    const f = await w.press(KEY.enter, 'Review: hold the messages that match sender=staff@* reason=*timed out*');
    expect(f).toContain('Selected: 400 messages to hold.');
    expect(queue.reviews).toEqual([{ by: 'sender', keys: [], action: 'hold', line: 'sender=staff@* reason=*timed out*' }]);
  });
});
