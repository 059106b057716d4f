import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../src/core/bytes/byte-source.js';
import { bufferSource } from '../helpers/buffer-source.js';
import { captureMbox } from '../../src/core/mbox/capture.js';
import { countMboxMessages } from '../../src/core/mbox/count.js';
import { isBoundaryAt } from '../../src/core/mbox/boundary.js';
import { parseFromLine } from '../../src/core/mbox/from-line.js';
import { createRng } from '../../fixtures/lib/prng.js';
import { mboxMessage } from '../../fixtures/lib/mail-messages.js';

// Reference splitter, independent of the product: starts at 0 or after "\n\n" (or "\r\n\r\n").
function referenceSplit(text: string): string[] {
  const starts: number[] = [];
  if (text.startsWith('From ')) starts.push(0);
  for (const m of text.matchAll(/(?<=\n\r?\n)From /g)) starts.push(m.index!);
  return starts.map((s, k) => text.slice(s, k + 1 < starts.length ? starts[k + 1] : text.length));
}

function generated(count: number, seed = 7): string[] {
  const rng = createRng(seed);
  const t0 = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => mboxMessage(rng, t0 + i * 3_600_000, `ID${String(i).padStart(9, '0')}`));
}

const texts = (ms: { bytes: Buffer }[]) => ms.map((m) => m.bytes.toString('utf8'));

describe('mbox boundaries', () => {
  it.each([
    ['From a\n', 0, true],
    ['x\n\nFrom a', 3, true],
    ['x\r\n\r\nFrom a', 5, true],
    ['x\nFrom a', 2, false],
    ['x\r\nFrom a', 3, false],
    ['x\n>From a', 3, false],
    ['\nFrom a', 1, true],
  ])('%j at %i is a boundary: %s', (s, i, want) => {
    expect(isBoundaryAt(Buffer.from(s), i, true)).toBe(want);
  });

  it('parses the From_ line Postfix writes, and survives lines it cannot parse', () => {
    expect(parseFromLine('From root@mail.example.test  Thu Nov 20 03:14:00 2025')).toEqual({
      line: 'From root@mail.example.test  Thu Nov 20 03:14:00 2025',
      sender: 'root@mail.example.test',
      date: 'Thu Nov 20 03:14:00 2025',
      isoLocal: '2025-11-20T03:14:00',
    });
    expect(parseFromLine('From MAILER-DAEMON  Mon Nov  3 08:00:01 2026\r').isoLocal).toBe('2026-11-03T08:00:01');
    expect(parseFromLine('From garbage')).toMatchObject({ sender: 'garbage', date: null, isoLocal: null });
  });
});

describe('captureMbox: exact first and last messages', () => {
  for (const count of [1, 3, 5, 6, 10, 11, 40, 300]) {
    it(`${count} messages, chunk sizes that put separators on every chunk edge`, async () => {
      const msgs = generated(count, count);
      const text = msgs.join('');
      const ref = referenceSplit(text);
      expect(ref).toEqual(msgs);
      for (const chunkSize of [9, 10, 13, 64, 333, 4096, 1 << 20]) {
        const c = await captureMbox(bufferSource(Buffer.from(text)), { messages: 5, chunkSize });
        const all = [...texts(c.first), ...texts(c.last)];
        if (count <= 10) {
          expect(c.complete).toBe(true);
          expect(all).toEqual(msgs);
        } else {
          expect(c.complete).toBe(false);
          expect(texts(c.first)).toEqual(msgs.slice(0, 5));
          expect(texts(c.last)).toEqual(msgs.slice(-5));
        }
        expect(c.first[0].from.date).toBe(msgs[0].slice(msgs[0].indexOf('  ') + 2, msgs[0].indexOf('\n')));
      }
    });
  }

  it('reads only a few chunks of a large spool (time follows what is captured)', async () => {
    const text = Buffer.from(generated(3000).join(''));
    let read = 0;
    const src: ByteSource = { size: text.length, read: async (p, l) => ((read += l), text.subarray(p, p + l)) };
    const c = await captureMbox(src, { messages: 5, chunkSize: 64 * 1024 });
    expect(texts(c.last)).toEqual(referenceSplit(text.toString()).slice(-5));
    expect(read).toBeLessThan(6 * 64 * 1024);
    expect(text.length).toBeGreaterThan(40 * 64 * 1024);
  });

  it('keeps a message longer than the read chunk whole, and cuts one longer than the cap', async () => {
    const big = `From big@x  Mon Jan  5 10:00:00 2026\nSubject: big\n\n${'line of a long message\n'.repeat(5000)}\n`;
    const msgs = [...generated(8), big, ...generated(5, 99)];
    const text = msgs.join('');
    const c = await captureMbox(bufferSource(Buffer.from(text)), { messages: 6, chunkSize: 1000, messageCap: 1 << 20 });
    expect(c.complete).toBe(false);
    expect(texts(c.last)[0]).toBe(big);
    expect(Buffer.byteLength(big)).toBeGreaterThan(100 * 1000);
    const capped = await captureMbox(bufferSource(Buffer.from(text)), { messages: 6, chunkSize: 1000, messageCap: 4096 });
    const m = capped.last[0];
    expect(m.length).toBe(Buffer.byteLength(big));
    expect(m.bytes.length).toBe(4096);
    expect(m.cutAt).toBe(m.offset + 4096);
    expect(m.bytes.toString()).toBe(big.slice(0, 4096));
  });

  it('does not split on a body "From " that does not follow an empty line, nor on >From', async () => {
    const a = 'From a@x  Mon Jan  5 10:00:00 2026\nSubject: a\n\nhello\nFrom here on it is body\n>From quoted\n\n';
    const b = 'From b@x  Mon Jan  5 11:00:00 2026\nSubject: b\n\nbye\n\n';
    const c = await captureMbox(bufferSource(Buffer.from(a + b)), { messages: 5, chunkSize: 16 });
    expect(texts(c.first)).toEqual([a, b]);
  });

  it('handles CRLF files', async () => {
    const msgs = generated(12).map((m) => m.replace(/\n/g, '\r\n'));
    const c = await captureMbox(bufferSource(Buffer.from(msgs.join(''))), { messages: 5, chunkSize: 37 });
    expect(c.crlf).toBe(true);
    expect(texts(c.first)).toEqual(msgs.slice(0, 5));
    expect(texts(c.last)).toEqual(msgs.slice(-5));
    expect(c.last[4].from.isoLocal).not.toBeNull();
  });

  it('reports a last message without its trailing empty line or newline', async () => {
    const msgs = generated(3);
    const text = msgs.join('').replace(/\n+$/, '');
    const c = await captureMbox(bufferSource(Buffer.from(text)), { messages: 5 });
    expect(c.first).toHaveLength(3);
    expect(c.first[2].incomplete).toBe(true);
    expect(c.first[1].incomplete).toBe(false);
  });

  it('says so when there is no separator (garbage, empty file), and counts leading garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const g = await captureMbox(bufferSource(garbage), { messages: 5, chunkSize: 512 });
    expect(g).toMatchObject({ noSeparator: true, first: [], last: [] });
    expect((await captureMbox(bufferSource(Buffer.alloc(0)), { messages: 5 })).noSeparator).toBe(true);
    const msgs = generated(2);
    const withJunk = await captureMbox(bufferSource(Buffer.from('junk line\n\n' + msgs.join(''))), { messages: 5 });
    expect(withJunk.leadingBytes).toBe(11);
    expect(texts(withJunk.first)).toEqual(msgs);
  });

  it('never reads past the size taken at start', async () => {
    const msgs = generated(20);
    const full = Buffer.from(msgs.join('') + 'From late@x  Mon Jan  5 12:00:00 2026\npartial');
    const size = Buffer.byteLength(msgs.join(''));
    const src: ByteSource = { size, read: async (p, l) => full.subarray(p, Math.min(size, p + l)) };
    const c = await captureMbox(src, { messages: 5, chunkSize: 100 });
    expect(texts(c.last)).toEqual(msgs.slice(-5));
  });

  it('counts messages in a full read, with progress', async () => {
    const text = Buffer.from(generated(123).join(''));
    const seen: number[] = [];
    expect(await countMboxMessages(bufferSource(text), { chunkSize: 1000, onProgress: (d) => seen.push(d) })).toBe(123);
    expect(seen.at(-1)).toBe(text.length);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(captureMbox(bufferSource(Buffer.from(generated(3).join(''))), { messages: 5, signal: ac.signal })).rejects.toThrow();
  });
});
