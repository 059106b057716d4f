import { afterEach, describe, expect, it } from 'vitest';
import { commandFailureText, whyText, type CommandFailure } from '../../src/core/command-failure.js';
import { speak } from '../../src/core/i18n/speak.js';
import { checkSkipWords } from '../../src/core/postfix/check-skip.js';
import { followUpNoteWords } from '../../src/core/prevent/apply-facts.js';
import { queueFileProblemWords } from '../../src/core/incident/capture-facts.js';
import { formatFlags, formatXattrs } from '../../src/core/purge/dir-attrs.js';
import { reasonWords } from '../../src/core/purge/strategy.js';
import { walkStopWords } from '../../src/core/purge/walk-stop.js';
import { postsuperBatches } from '../../src/io/queue/postsuper-batch.js';
import { runCommand } from '../../src/io/system/run-command.js';

// A failed outside command is a fact: worded in the run's language on screens, and in exactly
// the English JSON has always carried ("PROGRAM: not installed", "CMD: exit N (stderr)").
describe('a command failure as a fact', () => {
  afterEach(() => speak('en'));

  it('records what runCommand saw as facts (not installed, exit status with stderr, timed out)', async () => {
    const missing = await runCommand('spoolrescue-no-such-tool', ['-x']);
    expect(missing.failure).toEqual({ code: 'not-installed', command: 'spoolrescue-no-such-tool' });
    const exit = await runCommand('sh', ['-c', 'echo first >&2; echo boom >&2; exit 3']);
    expect(exit.failure).toEqual({ code: 'exit', command: 'sh -c echo first >&2; echo boom >&2; exit 3', exitCode: 3, detail: 'boom' });
    const slow = await runCommand('sleep', ['5'], { timeoutMs: 50 });
    expect(slow.failure).toMatchObject({ code: 'timed-out', command: 'sleep 5' });
    const fine = await runCommand('true', []);
    expect(fine.failure).toBeUndefined();
  });

  it('words each code in English exactly as JSON recorded it, and in Japanese without the English', () => {
    const cases: [CommandFailure, string, string][] = [
      [{ code: 'not-installed', command: 'lsattr' }, 'lsattr: not installed', 'lsattr: インストールされていません'],
      [{ code: 'timed-out', command: 'postconf -h queue_directory' }, 'postconf -h queue_directory: timed out', 'postconf -h queue_directory: タイムアウトしました'],
      [{ code: 'cancelled', command: 'postsuper -d -', detail: 'x' }, 'postsuper -d -: cancelled (x)', 'postsuper -d -: 取り消されました（x）'],
      [{ code: 'exit', command: 'getfattr -d /q', exitCode: 1, detail: 'boom' }, 'getfattr -d /q: exit 1 (boom)', 'getfattr -d /q: 終了コード 1（boom）'],
      [{ code: 'did-not-run', command: 'chattr +A /q', message: 'killed with SIGKILL' }, 'chattr +A /q: killed with SIGKILL', 'chattr +A /q: 実行できませんでした（killed with SIGKILL）'],
    ];
    for (const [fact, en, ja] of cases) {
      expect(commandFailureText(fact, 'en')).toBe(en);
      expect(commandFailureText(fact, 'ja')).toBe(ja);
    }
    expect(whyText('already words', 'ja')).toBe('already words');
  });

  it('carries the fact into the facts that quote it, worded in Japanese on screens and English for JSON', () => {
    speak('ja');
    const missing: CommandFailure = { code: 'not-installed', command: 'postconf' };
    expect(checkSkipWords({ code: 'postconf-no-queue', why: missing })).toBe('postconf が queue_directory を読めませんでした（postconf: インストールされていません）');
    expect(checkSkipWords({ code: 'postconf-no-queue', why: missing }, 'en')).toBe('postconf could not read queue_directory (postconf: not installed)');
    const timedOut: CommandFailure = { code: 'timed-out', command: 'newaliases' };
    expect(followUpNoteWords({ code: 'failed', failure: timedOut })).toBe('newaliases: タイムアウトしました');
    expect(followUpNoteWords({ code: 'failed', failure: timedOut }, 'en')).toBe('newaliases: timed out');
    expect(followUpNoteWords({ code: 'not-run', unsafe: { code: 'postconf-failed', failure: missing } })).toBe('実行していません: postconf: インストールされていません');
    const postcat: CommandFailure = { code: 'exit', command: 'postcat -q A1', exitCode: 2 };
    expect(queueFileProblemWords({ code: 'postcat-failed', why: postcat })).toBe('postcat -q A1: 終了コード 2');
    const lsattr: CommandFailure = { code: 'exit', command: 'lsattr -d -- /q', exitCode: 1, detail: 'boom' };
    expect(formatFlags({ state: 'unknown', why: lsattr })).toBe('不明（lsattr -d -- /q: 終了コード 1（boom））');
    expect(formatXattrs({ state: 'unknown', why: timedOut }, 'en')).toBe('unknown (newaliases: timed out)');
    const reason = reasonWords({ code: 'flags-unknown', why: lsattr });
    expect(reason).toContain('lsattr -d -- /q: 終了コード 1（boom）');
    expect(reason).not.toMatch(/exit 1/);
  });

  it('words a postsuper that failed (purge stop, queue batches) in Japanese, and keeps the fact for JSON', async () => {
    speak('ja');
    const why: CommandFailure = { code: 'exit', command: 'postsuper -c /etc/postfix -d ALL deferred', exitCode: 75, detail: 'postsuper: fatal: queue locked' };
    expect(walkStopWords({ code: 'postsuper-failed', why })).toBe('postsuper -c /etc/postfix -d ALL deferred: 終了コード 75（postsuper: fatal: queue locked）');
    expect(walkStopWords({ code: 'postsuper-failed', why }, 'en')).toBe('postsuper -c /etc/postfix -d ALL deferred: exit 75 (postsuper: fatal: queue locked)');
    // a postsuper that is not installed: the batch records the runner's fact as it is
    const batches = await postsuperBatches('/etc/postfix', '-d', new Map([['deferred', ['A1B2C3']]]), (program, args, input, signal) => runCommand('spoolrescue-no-postsuper', args, { input, signal }));
    expect(batches.failures).toEqual([{ code: 'not-installed', command: 'spoolrescue-no-postsuper' }]);
    expect(whyText(batches.failures[0]!)).toBe('spoolrescue-no-postsuper: インストールされていません');
    expect(whyText(batches.failures[0]!, 'en')).toBe('spoolrescue-no-postsuper: not installed');
  });
});
