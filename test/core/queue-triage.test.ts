import { describe, expect, it } from 'vitest';
import { bucketLabels, bucketOf } from '../../src/core/queue/age-buckets.js';
import { addToShape, newShapeTable, OVERFLOW_KEY, shapeRowLabel, topRows } from '../../src/core/queue/aggregate.js';
import { parseQueueArgs } from '../../src/core/queue/parse-args.js';
import { newTally, tallyMessage } from '../../src/core/queue/evidence-tally.js';
import { addressDomain, type QueueMessage } from '../../src/core/queue/message.js';
import { globRegExp, parseDuration, parseMatch, reachesBeyond, selects } from '../../src/core/queue/selection.js';
import { verdictsOf } from '../../src/core/queue/verdicts.js';
import { queueVerdictJson, queueVerdictWords } from '../../src/core/queue/verdict-words.js';
import { speak } from '../../src/core/i18n/speak.js';
import { parseDeferLog } from '../../src/core/queue/defer-log.js';

const NOW = 1_800_000_000;
function msg(p: Partial<QueueMessage> & { to?: string[] }): QueueMessage {
  return {
    queue_name: 'deferred', queue_id: 'ABCDEF123', path: 'deferred/A/ABCDEF123', arrival_time: NOW - 60, next_retry: null, file_bytes: 1000, message_size: 700,
    sender: 'a@x.example', recipients: (p.to ?? ['r@y.example']).map((address) => ({ address, done: false })), sasl_method: null, sasl_username: null,
    client_address: null, client_name: null, helo: null, origin: 'local', uid: null, complete: true, errors: [], ...p,
  };
}

describe('qshape age buckets', () => {
  it.each([
    [0, 0], [299, 0], [300, 1], [599, 1], [600, 2], [1199, 2], [1200, 3], [76_800, 9], [10 ** 7, 9],
  ])('age %i s falls in bucket %i', (age, bucket) => expect(bucketOf(age)).toBe(bucket));
  it('labels the columns like qshape', () => expect(bucketLabels()).toEqual(['5', '10', '20', '40', '80', '160', '320', '640', '1280', '1280+']));
});

describe('the shape table', () => {
  it('counts recipients per domain like qshape, messages and bytes once per row', () => {
    const t = newShapeTable('domain');
    addToShape(t, msg({ to: ['a@One.example', 'b@one.example', 'c@two.example'] }), NOW);
    addToShape(t, msg({ to: ['d@two.example'], arrival_time: NOW - 700 }), NOW);
    const { rows } = topRows(t, 10);
    expect(rows.map((r) => [r.key, r.total, r.messages, r.bytes, r.buckets[0], r.buckets[2]])).toEqual([
      ['one.example', 2, 1, 1000, 2, 0],
      ['two.example', 2, 2, 2000, 1, 1],
    ]);
    expect(t.totals.total).toBe(4);
  });
  it('sums the rest and caps distinct keys', () => {
    const t = newShapeTable('sender', undefined, 3);
    for (let i = 0; i < 6; i++) addToShape(t, msg({ sender: `s${i}@x` }), NOW);
    expect(t.rows.has(OVERFLOW_KEY)).toBe(true);
    expect(t.overflowKeys).toBe(3);
    const { rows, rest } = topRows(t, 2);
    expect(rows[0]).toMatchObject({ key: OVERFLOW_KEY, total: 3 });
    expect(rows.length + (rest ? 1 : 0)).toBe(3);
    expect(rest!.total).toBe(2);
  });
  it('shows the null sender as MAILER-DAEMON (qshape) and <> as a sender key', () => {
    expect(addressDomain('')).toBe('MAILER-DAEMON');
    const t = newShapeTable('sender');
    addToShape(t, msg({ sender: '' }), NOW);
    expect([...t.rows.keys()]).toEqual(['<>']);
  });
});

describe('verdicts', () => {
  const run = (ms: QueueMessage[]) => {
    const t = newTally();
    ms.forEach((m) => tallyMessage(t, m));
    return verdictsOf(t);
  };
  it('calls backscatter when most senders are <> to many domains', () => {
    const v = run([...Array.from({ length: 12 }, (_, i) => msg({ sender: '', to: [`u@d${i}.example`] })), ...Array.from({ length: 4 }, () => msg({}))]);
    expect(v.map((x) => x.code)).toEqual(['backscatter']);
    expect(queueVerdictWords(v[0]).evidence).toBe('12 of 16 messages (75%) have the null sender <> (bounce notices), to 12 recipient domains');
  });
  it('calls a compromised login and a local storm with their numbers', () => {
    const spam = Array.from({ length: 8 }, () => msg({ sasl_username: 'bob', client_address: '198.51.100.2', origin: 'network' }));
    const legit = Array.from({ length: 4 }, (_, i) => msg({ sasl_username: `u${i}`, client_address: `192.0.2.${i}`, origin: 'network' }));
    expect(run([...spam, ...legit]).map((x) => [x.code, x.match])).toEqual([['compromised-login', 'sasl=bob']]);
    const cron = Array.from({ length: 10 }, () => msg({ uid: 33, queue_name: 'maildrop' }));
    const storm = run([...cron, msg({ uid: 0 })]);
    expect(storm.map((x) => x.code)).toEqual(['local-storm']);
    expect(queueVerdictWords(storm[0]).evidence).toContain('10 of them (91%) by uid 33; 10 still in maildrop');
  });
  it('words the same facts in Japanese when the run speaks it, and in English for --json', () => {
    const v = run([...Array.from({ length: 12 }, (_, i) => msg({ sender: '', to: [`u@d${i}.example`] })), ...Array.from({ length: 4 }, () => msg({}))]);
    speak('ja');
    try {
      expect(queueVerdictWords(v[0])).toEqual({ title: 'バックスキャッターの疑い', evidence: 'メール 16 通のうち 12 通 (75%) が空の送信者 <>（エラー通知）で、宛先ドメインは 12 個です' });
      const cron = run([...Array.from({ length: 10 }, () => msg({ uid: 33, queue_name: 'maildrop' })), msg({ uid: 0 })]);
      expect(queueVerdictWords(cron[0]).evidence).toBe('メール 11 通のうち 11 通 (100%) がローカルで投入され、うち 10 通 (91%) は uid 33 からです。10 通はまだ maildrop にあります（cron や Web アプリケーション？）');
      expect(queueVerdictJson(v[0])).toEqual({ code: 'backscatter', title: 'backscatter suspected', evidence: '12 of 16 messages (75%) have the null sender <> (bounce notices), to 12 recipient domains', match: 'sender=<>', share: 0.75 });
    } finally {
      speak('en');
    }
  });
  it('says nothing about a small or mixed queue', () => {
    expect(run([msg({ sender: '' })])).toEqual([]);
    expect(run(Array.from({ length: 12 }, (_, i) => msg({ sender: `s${i}@x`, uid: i })))).toEqual([]);
  });
});

describe('selection', () => {
  it('matches globs case-insensitively, <> as the null sender, OR within a field, AND across fields', () => {
    expect(globRegExp('*.Example').test('a.example')).toBe(true);
    expect(globRegExp('[!a]x?').test('bxy')).toBe(true);
    expect(globRegExp('a.b').test('axb')).toBe(false);
    const s = { matches: ['sender=<>', 'domain=a.example', 'domain=b.*'].map(parseMatch) };
    expect(selects(s, msg({ sender: '', to: ['x@b.example'] }), NOW)).toBe(true);
    expect(selects(s, msg({ sender: 'x@y', to: ['x@b.example'] }), NOW)).toBe(false);
    expect(selects(s, msg({ sender: '', to: ['x@c.example'] }), NOW)).toBe(false);
  });
  it('selects by age and tells when a message reaches beyond the match', () => {
    const old = msg({ arrival_time: NOW - 3 * 86400, to: ['a@a.example', 'b@keep.example'] });
    expect(selects({ matches: [], olderThanSec: parseDuration('2d') }, old, NOW)).toBe(true);
    expect(selects({ matches: [], newerThanSec: parseDuration('2h') }, old, NOW)).toBe(false);
    expect(reachesBeyond({ matches: [parseMatch('domain=a.example')] }, old)).toBe(true);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15')).toBe(900);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
    expect(() => parseMatch('colour=red')).toThrow(/FIELD one of/);
  });
});

it('reads recipient -> reason from a defer log', () => {
  const log = 'recipient=a@b\noffset=1\nstatus=4.4.1\nreason=connect to x: refused\n\nrecipient=c@d\nreason=timeout\n\n';
  expect([...parseDeferLog(log)]).toEqual([['a@b', 'connect to x: refused'], ['c@d', 'timeout']]);
});

describe('the queue command line and --match in Japanese', () => {
  it('says what is accepted in Japanese; the made-up rows keep English keys and show Japanese words', () => {
    speak('ja');
    try {
      expect(() => parseMatch('color=red')).toThrow("--match 'color=red': FIELD=GLOB の形で、FIELD は id, queue, sender,");
      expect(() => parseDuration('soon')).toThrow("'soon' は期間ではありません（例: 90s、30m、2h、5d、1w）");
      expect(() => parseQueueArgs({}, ['nosuch'], 'spoolrescue queue')).toThrow("spoolrescue queue: 'nosuch' はキューではありません。キュー: ");
      expect(() => parseQueueArgs({ by: 'color' }, [], 'spoolrescue queue')).toThrow('spoolrescue queue: --by color: KEY は ');
      expect(() => parseQueueArgs({ hold: true, delete: true }, [], 'spoolrescue queue')).toThrow('spoolrescue queue: --hold, --delete のどれか 1 つを選んでください');
      expect(() => parseQueueArgs({ list: true, hold: true }, [], 'spoolrescue queue')).toThrow('spoolrescue queue: --list は一覧を出すだけです。');
      expect(OVERFLOW_KEY).toBe('(more keys than could be kept)');
      expect(shapeRowLabel(OVERFLOW_KEY)).toBe('（保持できる数を超えたキー）');
      expect(shapeRowLabel('(the rest)')).toBe('（残り）');
      expect(shapeRowLabel('example.com')).toBe('example.com');
    } finally {
      speak('en');
    }
    expect(() => parseQueueArgs({ hold: true, delete: true }, [], 'spoolrescue queue')).toThrow('spoolrescue queue: choose one of --hold, --delete');
    expect(shapeRowLabel(OVERFLOW_KEY)).toBe('(more keys than could be kept)');
  });
});
