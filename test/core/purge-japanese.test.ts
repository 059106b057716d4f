import { afterEach, describe, expect, it } from 'vitest';
import { speak } from '../../src/core/i18n/speak.js';
import { planJson, planLines, type PurgePlan } from '../../src/core/purge/plan.js';
import { progressLine } from '../../src/core/purge/progress.js';
import { accessRefusal, flagsRefusal, runningPostfixRefusal, targetRefusal } from '../../src/core/purge/purge-rules.js';
import { purgeJson, purgeSummaryLines, type PurgeReport } from '../../src/core/purge/report.js';
import { purgeFailures, type PurgeOutcome, type PurgeVerification } from '../../src/core/purge/result.js';
import type { WalkStop } from '../../src/core/purge/walk-stop.js';
import type { SwapFailure } from '../../src/core/purge/swap-failure.js';
import type { DirSnapshot } from '../../src/core/purge/snapshot.js';
import { chooseStrategy, type StrategyFacts } from '../../src/core/purge/strategy.js';
import { classifyTarget, targetWords } from '../../src/core/purge/target.js';
import { debianTargetPaths } from './purge-target-fixture.js';
import { displayWidth, wrapText } from '../../src/core/text/text-fit.js';

// The purge under ja: the plan the operator reviews, the refusals, the progress line and what
// keeps a purge from being done, in Japanese within 80 columns; --json the same as in English.

afterEach(() => speak('en'));

const paths = debianTargetPaths;
const facts: StrategyFacts = {
  dirIsMountPoint: false,
  mountsInside: ['/var/spool/postfix/deferred/mnt', '/var/spool/postfix/deferred/mnt2'],
  parentInodesFree: 0,
  parentBytesFree: 1 << 20,
  label: { state: 'absent' },
  xattrs: { state: 'read', entries: [{ name: 'user.x', hex: '61' }] },
  flags: { state: 'read', flags: 'd' },
  xattrsWritable: false,
  flagsWritable: false,
  selinuxEnabled: false,
  inPlaceRequested: true,
  postsuperRequested: false,
};
const snapshot: DirSnapshot = {
  uid: 107, gid: 114, owner: 'postfix', group: 'postdrop', mode: 0o700, dev: 1, ino: 2,
  label: { state: 'absent' }, xattrs: { state: 'read', entries: [] }, flags: { state: 'read', flags: '' },
};

// The plan as io/ and ops/ build it, with the target and strategy made in the run's language.
function plan(): PurgePlan {
  return {
    dir: '/var/spool/postfix/deferred',
    shownDir: '/var/spool/postfix/deferred',
    target: classifyTarget({ ...paths, dir: '/var/spool/postfix/deferred' }),
    exists: false,
    snapshot,
    snapshotOf: '/var/spool/postfix/.deferred.spoolrescue-purge-x',
    tableWarnings: [],
    postfix: { configDir: '/etc/postfix', queueDirectory: '/var/spool/postfix', installed: true, settingsFrom: 'postconf', running: false, how: 'postfix status' },
    strategy: chooseStrategy(facts),
    filesystem: { mount: '/', fstype: 'ext4', inodesFree: 0, bytesFree: 1 << 20 },
    mountsInside: facts.mountsInside,
    count: { entries: 1_000_000, bytes: 4 * 2 ** 30, skipped: [{ name: Buffer.from('mnt'), reason: { code: 'mount-point' } }], skippedCount: 1 },
    leftovers: [{ kind: 'fresh', name: '.deferred.spoolrescue-new-x', path: '/var/spool/postfix/.deferred.spoolrescue-new-x' }],
    labelTools: { getfattr: true, setfattr: false, lsattr: true, selinux: false },
    warnings: [],
  };
}
const outcome: PurgeOutcome = {
  strategyUsed: 'in-place', removed: 10, bytes: 4096, errors: 2, skipped: 3, problems: [], aborted: true, startedAt: '2026-01-01T00:00:00Z', durationMs: 1000,
  firstRemoved: [], lastRemoved: [], asides: [{ path: '/var/spool/postfix/.x', removed: false }],
};
const verification: PurgeVerification = { dirPresent: true, differences: [{ code: 'mode', now: 0o730, was: 0o700 }], repaired: [], after: snapshot, notCompared: [], entriesLeft: 1000, entriesLeftCapped: true, sampleLeft: [] };
const fits = (lines: string[]) => {
  for (const l of lines) for (const part of wrapText(l, 80, '    ')) expect(displayWidth(part), part).toBeLessThanOrEqual(80);
};

describe('purge in Japanese', () => {
  it('shows the plan in Japanese within 80 columns; its JSON is the English one', () => {
    const english = plan();
    speak('ja');
    const p = plan();
    const lines = planLines(p);
    expect(lines[0]).toBe('/var/spool/postfix/deferred の削除 (purge) 手順');
    const text = lines.join('\n');
    expect(text).toContain('  対象:             Postfix の deferred キュー（許可: Postfix の deferred キュー）');
    expect(text).toContain('  欠落:             中断した実行のあと DIR がありません。/var/spool/postfix/.deferred.spoolrescue-purge-x から作り直します');
    expect(text).toContain('  中身:             1,000,000 個のエントリ、4 GiB');
    expect(text).toContain('  Postfix:          停止中 (postfix status)。設定 /etc/postfix、キュー /var/spool/postfix');
    expect(text).toContain('                    - --in-place が指定されました');
    expect(text).toContain('- DIR の中にファイルシステムまたは bind マウントがあります (/var/spool/postfix/deferred/mnt ほか 1 個)');
    expect(text).toContain('- 新しいディレクトリに使える空き inode がありません（入れ替えには 1 つ必要です）');
    expect(text).toContain('- DIR の拡張属性 (user.x) を新しいディレクトリにコピーできません');
    expect(text).toContain('- DIR の inode フラグ (d) を新しいディレクトリに設定できません');
    expect(text).toContain('  残り:             .deferred.spoolrescue-new-x: 作りかけの新しいディレクトリ。使うか削除します');
    // the attribute tools: facts worded in Japanese here, in English in the JSON
    expect(text).toContain('属性の読み取り: getfattr/setfattr、lsattr/chattr（setfattr なし）。SELinux 無効');
    expect(text).not.toContain('attributes read with');
    // a directory the count did not enter: why, in Japanese here and in English in the JSON
    expect(text).toContain('mnt: マウントポイントです（別のファイルシステムかバインドマウント）。中に入らず、そのままにしました');
    expect((planJson(p) as { count: { skipped: { reason: string }[] } }).count.skipped[0].reason).toBe('a mount point (another filesystem or a bind mount); not entered, left as it is');
    expect(planJson(p).labelTools).toBe('attributes read with getfattr/setfattr, lsattr/chattr (no setfattr); SELinux not enabled');
    fits(lines);
    expect(JSON.stringify(planJson(p))).toBe(JSON.stringify(planJson(english)));
    expect(planJson(p)).toMatchObject({ description: 'Postfix queue deferred', reasons: expect.arrayContaining(['--in-place was given']) });
  });

  it('words the refusals in Japanese, with what to do instead', () => {
    speak('ja');
    const target = classifyTarget({ ...paths, dir: '/var/spool/postfix/pid' });
    const r = targetRefusal('/var/spool/postfix/pid', { isSymlink: false, isDirectory: true, target, anyDirectory: false });
    expect(r?.refused.reason).toBe('/var/spool/postfix/pid はPostfix の pid/です: Postfix の pid/ には master.pid とロックファイルがあります。決して空にしてはいけません。何も変更していません');
    const outside = targetRefusal('/srv/x', { isSymlink: false, isDirectory: true, target: classifyTarget({ ...paths, dir: '/srv/x' }), anyDirectory: false });
    expect(outside?.refused.reason).toBe('/srv/x はPostfix のキューとメールスプールの外のディレクトリです。何も変更していません');
    expect(outside?.refused.hint).toContain('--any-directory が必要です');
    expect(targetWords(classifyTarget({ ...paths, dir: '/srv/x' }), 'en')).toBe('a directory outside the Postfix queue and the mail spool');
    const immutable = flagsRefusal('/q', { state: 'read', flags: 'ia' });
    expect(immutable?.refused.reason).toBe('/q は変更不可 (immutable)かつ追記のみ (append-only)です (chattr +ia): 中のものは何も削除できません。何も変更していません');
    expect(immutable?.refused.hint).toBe('本当に削除するなら、先にフラグを外してください: chattr -ia /q');
    const ro = accessRefusal('/q', { mount: '/var', readOnly: true, ownerUid: 0, euid: 0 });
    expect(ro?.refused.reason).toContain('は読み取り専用のファイルシステム (/var) 上にあります');
    const running = runningPostfixRefusal('/var/spool/postfix/deferred', { target: plan().target, running: true, how: 'master.pid', postsuper: false, configDir: '/etc/postfix', postsuperCommand: 'postsuper -c /etc/postfix -d ALL deferred' });
    expect(running?.refused.reason).toContain('は動いている Postfix のものです (master.pid)');
    expect(running?.refused.hint).toContain('--postsuper を付けます（postsuper -c /etc/postfix -d ALL deferred を実行）');
    for (const x of [r, outside, immutable, ro, running]) fits([x!.refused.reason, x!.refused.hint ?? '']);
  });

  it('says what keeps the purge from being done and how far it got in Japanese; --json keeps the English failures', () => {
    const english = purgeFailures(outcome, verification);
    speak('ja');
    const failures = purgeFailures(outcome, verification, { ok: false, message: 'ENOSPC' });
    expect(failures).toEqual([
      '証跡ファイルを書き込めませんでした: ENOSPC',
      'Ctrl-C で途中で中断しました。同じコマンドを再実行すると最後まで進みます',
      'DIR がスナップショットと一致しません: モードが 0730 です（元は 0700）',
      '2 個のエントリを削除できませんでした',
      '3 個のディレクトリには入りませんでした（そのまま残しています）',
      'DIR が空ではありません: 1,000 個以上のエントリが残っています',
      '削除しきれていない退避コピー: /var/spool/postfix/.x',
    ]);
    const report: PurgeReport = { plan: plan(), outcome, verification, postfixCheck: { ran: false, skip: { code: 'not-a-queue' }, output: '', logLines: [] }, incident: null };
    expect((purgeJson(report) as { failures: string[] }).failures).toEqual(english);
    const line = progressLine({ phase: 'deleting', done: 120_000, total: 1_000_000, bytesFreed: 3 << 20, ratePerS: 80_000, etaS: 11, elapsedMs: 1500, where: '/q/maildrop' });
    expect(line).toBe('削除中: 120,000 / 1,000,000 (12%) 個を削除、3 MiB を解放、80,000/s、残り時間 11s - /q/maildrop');
    expect(progressLine({ phase: 'swapping', done: 0, bytesFreed: 0, ratePerS: 0, dirBackInPlaceAfterMs: 200, elapsedMs: 200, where: '/q/maildrop' })).toBe(
      '入れ替え完了: /q/maildrop は開始から 0.2s で空の状態で元の場所に戻りました。次に古いものを削除します',
    );
    fits([...failures, line]);
  });

  it('says why a swap fell back to in place in Japanese on screens and in English in --json', () => {
    const fellBack: PurgeOutcome = { ...outcome, aborted: false, errors: 0, skipped: 1, asides: [], problems: [{ name: Buffer.from('mnt'), where: '/var/spool/postfix/deferred', skip: { code: 'symlink-or-not-dir' } }], fallback: { code: 'swap-not-possible', why: { code: 'not-applied', failures: [{ code: 'xattrs-not-copied', why: { code: 'exit', command: 'setfattr', exitCode: 1, detail: 'Operation not supported' } }] } } };
    const report: PurgeReport = { plan: plan(), outcome: fellBack, verification, postfixCheck: { ran: false, skip: { code: 'not-a-queue' }, output: '', logLines: [] }, incident: null };
    speak('ja');
    const lines = purgeSummaryLines(report);
    expect(lines.join('\n')).toContain('入れ替えはできませんでした（拡張属性（ACL、SELinux ラベル）のコピー: setfattr: 終了コード 1（Operation not supported））。代わりにその場で空にしました');
    expect(lines.join('\n')).not.toContain('swap was not possible');
    expect(lines.join('\n')).not.toContain('copying the extended attributes');
    expect(lines.join('\n')).not.toContain('exit 1');
    // why postfix check did not run: facts, Japanese on screen, English in --json
    expect(lines.join('\n')).toContain('DIR は Postfix のキューではありません');
    expect(lines.join('\n')).toContain('シンボリックリンクかディレクトリ以外です（たどりません）');
    expect((purgeJson(report) as { result: { problems: unknown[] } }).result.problems).toEqual([{ name: 'mnt', code: null, message: 'is a symlink or not a directory (not followed)', where: '/var/spool/postfix/deferred' }]);
    expect((purgeJson(report) as { postfixCheck: unknown }).postfixCheck).toEqual({ ran: false, skipped: 'DIR is not a Postfix queue', output: '', logLines: [] });
    expect((purgeJson(report) as { result: { fallback: string } }).result.fallback).toBe('swap was not possible (copying the extended attributes (ACLs, SELinux label): setfattr: exit 1 (Operation not supported)); emptied in place instead');
    fits(lines);
  });

  it.each<[WalkStop, string, string]>([
    [{ code: 'failed-in-a-row', count: 1000, last: 'EROFS: read-only file system' }, '1000 件の削除が続けて失敗しました。最後: EROFS: read-only file system', '1000 removals failed in a row, the last: EROFS: read-only file system'],
    [{ code: 'read-failed', why: 'EIO: i/o error' }, 'ディレクトリの読み取りに失敗しました: EIO: i/o error', 'reading the directory failed: EIO: i/o error'],
    [{ code: 'dir-deleted', dir: '/q/deferred/A' }, 'ディレクトリの読み取りに失敗しました: 読んでいる間に /q/deferred/A が削除されました', 'reading the directory failed: ENOENT: directory deleted while it was being read, /q/deferred/A'],
  ])('says why the walk stopped (%j) in Japanese on screens and in English in --json', (stop, ja, en) => {
    const stopped: PurgeOutcome = { ...outcome, aborted: false, stoppedBecause: stop };
    const report: PurgeReport = { plan: plan(), outcome: stopped, verification, postfixCheck: { ran: true, output: '', logLines: [] }, incident: null };
    speak('ja');
    const shown = purgeSummaryLines(report).join('\n');
    expect(shown).toContain(`中断: ${ja}`);
    expect(shown).not.toContain(en);
    expect((purgeJson(report) as { result: { stoppedBecause: string } }).result.stoppedBecause).toBe(en);
    expect((purgeJson(report) as { failures: string[] }).failures).toContain(`stopped: ${en}`);
  });

  it.each<[SwapFailure, string, string]>([
    [{ code: 'cannot-create', path: '/q/.fresh', why: 'ENOSPC' }, '/q/.fresh を作成できません: ENOSPC', 'cannot create /q/.fresh: ENOSPC'],
    [{ code: 'not-taken', differences: [{ code: 'mode', now: 0o700, was: 0o730 }] }, '新しいディレクトリに DIR の属性が付きませんでした: モードが 0700 です（元は 0730）', "the new directory did not take DIR's attributes: mode is 0700, was 0730"],
    [{ code: 'not-applied', failures: [{ code: 'step-failed', step: 'chown', name: 'deferred', why: 'EPERM' }] }, 'deferred の chown: EPERM', 'chown deferred: EPERM'],
    [{ code: 'aside-unknown' }, '退避したコピーの属性を読めません。新しいディレクトリでは失われるおそれがあります', "the set-aside copy's attributes cannot be read, so a new directory could lose them"],
  ])('says why the swap was not possible (%j) in Japanese on screens and in English in --json', (why, ja, en) => {
    const fellBack: PurgeOutcome = { ...outcome, aborted: false, fallback: { code: 'no-new-directory', why } };
    const report: PurgeReport = { plan: plan(), outcome: fellBack, verification, postfixCheck: { ran: true, output: '', logLines: [] }, incident: null };
    speak('ja');
    const shown = purgeSummaryLines(report).join('\n');
    expect(shown).toContain(`新しいディレクトリを作れませんでした（${ja}）`);
    expect(shown).not.toContain(en);
    expect((purgeJson(report) as { result: { fallback: string } }).result.fallback).toBe(`a new directory could not be made (${en}); the set-aside copy was put back as DIR and emptied in place`);
  });
});
