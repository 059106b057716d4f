import { describe, expect, it } from 'vitest';
import { entryJson, jsonEntry, jsonHead, jsonTail } from '../../src/core/listing/json.js';
import type { ListingEntry } from '../../src/core/listing/entry.js';
import { humanListingView, jsonListingView } from '../../src/core/listing/views.js';

const at = Date.UTC(2026, 0, 2, 3, 4, 5);
const e = (name: string, extra: Partial<ListingEntry> = {}): ListingEntry => ({ name, type: 'file', size: 10, mtimeMs: at, ...extra });
const tail = { written: 0, count: null, truncated: false, oldest: [], newest: [], oldestAsked: 0, newestAsked: 0, incomplete: null };

describe('ls --json document', () => {
  it('is one valid document with the promised keys, empty or not', () => {
    const empty = jsonHead('/d', null) + jsonTail(0, { count: null, truncated: false, oldest: [], newest: [], incomplete: null });
    expect(JSON.parse(empty)).toEqual({ schemaVersion: 1, path: '/d', symlink: null, entries: [], count: null, truncated: false, oldest: [], newest: [], incomplete: null });
    const entries = [e('a'), e('b')];
    const doc = jsonHead('/d', { path: '/l', target: 'd' }) + entries.map((x, i) => jsonEntry(x, i)).join('') + jsonTail(2, { count: 7, truncated: true, oldest: [e('o')], newest: [], incomplete: 'stopped' });
    const parsed = JSON.parse(doc);
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'path', 'symlink', 'entries', 'count', 'truncated', 'oldest', 'newest', 'incomplete']);
    expect(parsed.entries).toEqual([
      { name: 'a', type: 'file', sizeBytes: 10, mtime: '2026-01-02T03:04:05.000Z' },
      { name: 'b', type: 'file', sizeBytes: 10, mtime: '2026-01-02T03:04:05.000Z' },
    ]);
    expect(parsed).toMatchObject({ symlink: { path: '/l', target: 'd' }, count: 7, truncated: true, incomplete: 'stopped' });
    expect(parsed.oldest[0].name).toBe('o');
  });

  it('keeps every byte of a name: exact text when UTF-8, nameBase64 when not', () => {
    const hostile = 'new\nline\x1b[31m\\"quote';
    expect(JSON.parse(JSON.stringify(entryJson(e(hostile)))).name).toBe(hostile);
    const raw = Buffer.from([0x66, 0xff, 0x0a, 0xc3]);
    const j = entryJson(e(raw.toString(), { nameBytes: raw }));
    expect(Buffer.from(j.nameBase64!, 'base64')).toEqual(raw);
    expect(j.name).toBe('f\uFFFD\n\uFFFD');
    expect(entryJson(e('gone', { size: null, mtimeMs: null, error: 'ENOENT' }))).toEqual({ name: 'gone', type: 'file', sizeBytes: null, mtime: null, error: 'vanished while listing' });
  });

  it('streams page by page into the same document', () => {
    const v = jsonListingView('/q', null);
    const doc = v.head() + v.entries([e('1'), e('2')], 0) + v.entries([e('3')], 2) + v.entries([], 3) + v.tail({ ...tail, written: 3, truncated: true });
    expect(JSON.parse(doc).entries.map((x: { name: string }) => x.name)).toEqual(['1', '2', '3']);
  });
});

describe('human listing view', () => {
  const o = { path: '/var/spool/postfix/maildrop', limit: 50, width: 80, ascii: false, utc: true };

  it('prints a title, a column header once, entries and what was left out', () => {
    const v = humanListingView(o);
    const text = v.head() + v.entries([e('A1')], 0) + v.entries([e('A2')], 1) + v.tail({ ...tail, written: 2, truncated: true, count: 1_000_000 });
    expect(text.split('\n')).toEqual([
      '/var/spool/postfix/maildrop  (directory order, not sorted)',
      'T  SIZE MODIFIED            NAME',
      '-    10 2026-01-02 03:04:05 A1',
      '-    10 2026-01-02 03:04:05 A2',
      'more entries follow; the first 2 are shown (--limit N, --count)',
      '1,000,000 entries',
      '',
    ]);
  });

  it('says when a directory is empty, and lists the oldest and newest with their own header', () => {
    const v = humanListingView(o);
    expect(v.head() + v.tail(tail)).toContain('(empty directory)\n');
    const s = humanListingView({ ...o, limit: 0 });
    const text = s.head() + s.tail({ ...tail, truncated: true, oldestAsked: 2, newestAsked: 1, oldest: [e('old1'), e('old2')], newest: [] });
    expect(text).toBe(
      [
        '/var/spool/postfix/maildrop',
        'oldest 2 by modification time:',
        'T  SIZE MODIFIED            NAME',
        '-    10 2026-01-02 03:04:05 old1',
        '-    10 2026-01-02 03:04:05 old2',
        'newest 1 by modification time:',
        '  (none)',
        '',
      ].join('\n'),
    );
  });

  it('says how many names were shortened, and that --json has them whole', () => {
    const v = humanListingView(o);
    const text = v.head() + v.entries([e('x'.repeat(200)), e('y')], 0) + v.tail({ ...tail, written: 2 });
    expect(text).toContain('1 long name(s) shortened in the middle to fit; --json has them in full');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('reports a partial count as partial', () => {
    const v = humanListingView({ ...o, limit: 0 });
    expect(v.tail({ ...tail, count: 4096, incomplete: 'the directory was deleted' })).toBe('4,096 entries counted before the scan stopped\n');
  });
});
