import { describe, expect, it } from 'vitest';
import { storedRows } from '../../bench/stored-rows.js';
import type { RowResult } from '../../bench/types.js';

const row = (id: string, group: string, oursMedianS = 1): RowResult => ({ id, group, title: id, oursLabel: id, runs: 3, oursMedianS, figures: [], limits: {}, pass: true, failures: [], measuredAt: '' }) as unknown as RowResult;

describe('the rows results.json keeps after a run', () => {
  const defined = [
    { id: 'hot-a', group: 'hotspots' },
    { id: 'queue-aggregate-50000', group: 'queue' },
    { id: 'queue-delete-50000', group: 'queue' },
    { id: 'tui-version', group: 'tui' },
  ];

  it('keeps a stored row of a size this run does not define, after its group, and drops a group no longer defined', () => {
    const stored = [row('hot-a', 'hotspots'), row('queue-aggregate-1000000', 'queue'), row('gone-row', 'gone'), row('tui-version', 'tui')];
    const results = new Map(stored.map((r) => [r.id, r]));
    results.set('queue-delete-50000', row('queue-delete-50000', 'queue', 2));
    expect(storedRows(defined, results, stored).map((r) => r.id)).toEqual(['hot-a', 'queue-delete-50000', 'queue-aggregate-1000000', 'tui-version']);
  });

  it('takes the figure measured now over the stored one', () => {
    const stored = [row('hot-a', 'hotspots', 5)];
    const results = new Map([['hot-a', row('hot-a', 'hotspots', 1.5)]]);
    expect(storedRows(defined, results, stored).map((r) => r.oursMedianS)).toEqual([1.5]);
  });
});
