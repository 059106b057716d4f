import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../fixtures/lib/prng.js';
import { writeQueueFlood } from '../../../fixtures/lib/queue-flood.js';
import { speak } from '../../../src/core/i18n/speak.js';
import type { PurgeReview } from '../../../src/ui/ports/index.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { realPortsFor } from './context.js';

// The walk's real ports in Japanese, on real Postfix queue files under --root (Postfix stopped)
// and a real mbox: what the Queue step's review and action say, the truncation's lock and
// refusals, a stale plan; the figures and the typed words stay as they are.

const FILES = 400;

describe('the real ports speak Japanese (--root, Postfix stopped)', () => {
  const tmp = makeTempDir('tui-real-ja', '/var/tmp');
  const root = path.join(tmp.dir, 'srv');
  const queueDir = path.join(root, 'var/spool/postfix');
  const spool = path.join(root, 'var/spool/mail/root');
  let kinds: Record<string, number> = {};
  beforeAll(() => {
    kinds = writeQueueFlood({ queueDir, rng: createRng(5), files: FILES, startMs: Date.now() - 6 * 3600_000, endMs: Date.now() - 60_000, ownerUid: 0 });
    fs.mkdirSync(path.dirname(spool), { recursive: true });
    fs.writeFileSync(spool, 'From a@b Thu Nov 20 03:14:00 2025\nSubject: x\n\nbody\n', { mode: 0o600 });
  });
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));
  const ports = realPortsFor(root);
  const signal = () => new AbortController().signal;

  it('the Queue step: the table, the review lines, a refused row, the action and its outcome lines', async () => {
    speak('ja');
    const shape = await ports.queue.scan('sender', { signal: signal() });
    expect(shape.postfix).toMatch(/^Postfix は停止中 \(/);
    const odd = await ports.queue.review({ by: 'uid', keys: ['(none)'], action: 'delete' }, { signal: signal() });
    expect(odd.refusal).toBe("行 '(none)' は 1 つのメールの集まりではありません: 名前のある行を選んでください");
    const review = await ports.queue.review({ by: 'sender', keys: ['<>'], action: 'delete' }, { signal: signal() });
    expect(review.refusal).toBeUndefined();
    expect(review.lines).toContainEqual(expect.stringMatching(new RegExp(`^残るもの: ${FILES - kinds.backscatter} 通、\\S+ (B|KiB|MiB) には触れません。$`)));
    expect(review.lines).toContain('方法: 各ファイルと defer/bounce/trace ログを直接削除 (Postfix は停止中)。');
    expect(review.lines).toContain('表で読んだ ID を使います: その後消えたファイルは飛ばし、その後届いたメールには触れません。');
    const result = await ports.queue.act(review, { signal: signal() });
    expect(result.ok).toBe(true);
    expect(result.lines[0]).toBe(`削除: ${kinds.backscatter} 通中 ${kinds.backscatter} 通 (direct)。`);
    expect(result.lines[1]).toMatch(/^[\d.]+ (B|KiB|MiB) を解放、defer\/bounce\/trace ログ [\d,]+ 件$/);
    expect(result.lines.at(-1)).toBe('証跡ファイルが選ばれていません (証跡のステップ): 記録していません');
    await expect(ports.queue.act(review, { signal: signal() })).rejects.toThrow('この確認はもう最新ではありません: 行をもう一度確認してください');
  });

  it('truncate: the lock in words and the refusals with the walk pointers; a purge plan not made here', async () => {
    speak('ja');
    const plan = await ports.truncate.plan(spool, undefined);
    expect(plan.refusal).toBe('証跡ファイルがまだありません: 先にこのスプールを採取してください (証跡、ステップ 4)');
    expect(plan.lock).toMatch(/^(Postfix 自身のメールボックスロック \(postlock\)|dotlock と fcntl ロック|取れません)/);
    const empty = path.join(tmp.dir, 'other.md');
    fs.writeFileSync(empty, '# nothing captured here\n', { mode: 0o600 });
    expect((await ports.truncate.plan(spool, empty)).refusal).toMatch(/^other\.md には \/var\/spool\/mail\/root \(inode \d+\) の採取がありません: 先に採取してください \(証跡、ステップ 4\)$/);
    const stale = { target: '/x', name: 'x', lines: [], entries: null } as PurgeReview;
    await expect(ports.purge.execute(stale, { signal: signal() })).rejects.toThrow('この手順はここで作ったものではありません: 手順を作り直してください');
  });
});
