import { describe, expect, it } from 'vitest';
import { QueueTable } from '../../../src/core/maillog/queue-table.js';

// The queue table's lookups by place in a line: the shortcut for the ID looked up last must give
// exactly what a lookup by a cut-out string gives, including after the message was removed.

const line = (id: string, what: string) => `Dec 20 00:00:00 mail postfix/qmgr[900]: ${id}: ${what}`;
const at = (text: string, id: string): [number, number] => [text.indexOf(id), text.indexOf(id) + id.length];

describe('QueueTable.slotAt and findAt', () => {
  it('finds the same slot for the same ID in the next line, and moves its last time forward only', () => {
    const q = new QueueTable();
    const a = line('A0429E9FC36', 'from=<x@y>');
    const i = q.slotAt(a, ...at(a, 'A0429E9FC36'), 100);
    const b = line('A0429E9FC36', 'removed');
    expect(q.findAt(b, ...at(b, 'A0429E9FC36'), 160)).toBe(i);
    expect(q.slotAt(b, ...at(b, 'A0429E9FC36'), 120)).toBe(i);
    expect(q.facts(i, false)).toMatchObject({ queueId: 'A0429E9FC36', firstWall: 100, lastWall: 160 });
    expect(q.distinct).toBe(1);
  });

  it('tells apart another ID of the same length, and agrees with slot() on a cut-out ID', () => {
    const q = new QueueTable();
    const a = line('A0429E9FC36', 'from=<x@y>');
    const b = line('B0429E9FC36', 'from=<x@y>');
    const i = q.slotAt(a, ...at(a, 'A0429E9FC36'), 1);
    const j = q.slotAt(b, ...at(b, 'B0429E9FC36'), 2);
    expect(j).not.toBe(i);
    expect(q.slot('A0429E9FC36', 3)).toBe(i);
    expect(q.findAt(a, ...at(a, 'A0429E9FC36'), 4)).toBe(i);
    expect(q.distinct).toBe(2);
  });

  it('after the slot was released, the same ID (a reused short ID) is a new message, not the old slot', () => {
    const q = new QueueTable();
    const a = line('A0429E9FC36', 'from=<x@y>');
    const i = q.slotAt(a, ...at(a, 'A0429E9FC36'), 1);
    q.release(i);
    expect(q.findAt(a, ...at(a, 'A0429E9FC36'), 2)).toBe(-1);
    const k = q.slotAt(a, ...at(a, 'A0429E9FC36'), 3);
    expect(q.facts(k, false)).toMatchObject({ queueId: 'A0429E9FC36', firstWall: 3, attempts: 0 });
    expect(q.distinct).toBe(2);
  });
});
