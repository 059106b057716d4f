import { childProcess } from '../system/node-modules-on-demand.js';
import type { CommandFailure } from '../../core/command-failure.js';
import { postfixIoText } from './messages.js';

// Asking postconf costs a process either way, but not a process runner: node:child_process is
// already loaded by Node, while the general runner (src/io/system/run-command.ts) brings execa,
// whose ~200 KB of code every `df` and `hotspots` start would pay for one question.

// What postconf answered: one value per name asked, in order, or why there is none (a fact,
// worded when shown: commandFailureText).
export type PostconfAnswer = { ok: true; values: string[] } | { ok: false; failure: CommandFailure };

// The values of the named parameters of the instance in configDir (`postconf -c DIR -h NAMES`),
// as postconf prints them (raw, unexpanded). Never throws; a deadline stops a hung postconf.
export function postconfValues(postconf: string, configDir: string, names: readonly string[], timeoutMs = 10_000): Promise<PostconfAnswer> {
  const args = ['-c', configDir, '-h', ...names];
  const shown = ['postconf', ...args].join(' ');
  return new Promise((resolve) => {
    childProcess().execFile(postconf, args, { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20, windowsHide: true }, (err, stdout, stderr) => {
      const lines = String(stdout).split('\n');
      if (!err && lines.length >= names.length) return resolve({ ok: true, values: lines.slice(0, names.length) });
      const e = err as (Error & { code?: unknown; killed?: boolean }) | null;
      const detail = String(stderr).trim().split('\n').slice(-1)[0] || undefined;
      const failure: CommandFailure = e?.killed
        ? { code: 'timed-out', command: shown, detail }
        : typeof e?.code === 'number'
          ? { code: 'exit', command: shown, exitCode: e.code, detail }
          : { code: 'did-not-run', command: shown, message: e?.message ?? postfixIoText('en').tooFewLines, detail };
      resolve({ ok: false, failure });
    });
  });
}
