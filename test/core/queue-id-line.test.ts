import { describe, expect, it } from 'vitest';
import { parseIdLine } from '../../src/core/queue/id-line.js';

// The lines --ids-from accepts, and that nothing path-like or garbled passes as a queue ID.
describe('parseIdLine', () => {
  it('reads --list lines (fast head and whole JSON), postqueue -j lines, QUEUE ID lines and bare IDs', () => {
    expect(parseIdLine('{"schemaVersion":1,"queue_name":"deferred","queue_id":"4BC2A1F0E3","arrival_time":1}')).toEqual({ id: '4BC2A1F0E3', queue: 'deferred' });
    expect(parseIdLine('{"queue_name":"hold","queue_id":"4Z1qV22vBDzJnhb","sender":"a"}')).toEqual({ id: '4Z1qV22vBDzJnhb', queue: 'hold' });
    expect(parseIdLine('{ "queue_id": "ABCDEF01", "queue_name": "active" }')).toEqual({ id: 'ABCDEF01', queue: 'active' });
    expect(parseIdLine('deferred\tABCDEF01')).toEqual({ id: 'ABCDEF01', queue: 'deferred' });
    expect(parseIdLine('  ABCDEF01  ')).toEqual({ id: 'ABCDEF01' });
    expect(parseIdLine('')).toEqual({ blank: true });
    expect(parseIdLine('# comment')).toEqual({ blank: true });
  });
  it('refuses paths, traversal, control bytes, unknown queues, overlong IDs and broken JSON', () => {
    for (const bad of ['../../etc/passwd', 'deferred/ABCDEF01', 'ABCDEF01\u001b', 'ABC', 'spool ABCDEF01', 'A'.repeat(65).replace(/A/g, 'F'),
      '{"queue_name":"deferred","queue_id":"../x"}', '{"queue_name":"../deferred","queue_id":"ABCDEF01"}', '{"queue_name":"deferred","queue_id":"ABCDEF01"', '{', 'ABCDEF01 ABCDEF02'])
      expect(parseIdLine(bad), bad).toEqual({ bad: true });
  });
});
