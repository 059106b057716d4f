import fs from 'node:fs';
import type { PostfixCheckResult } from '../../core/purge/result.js';
import { safeRealpath } from '../paths/safe-realpath.js';
import type { CommandResult } from '../system/run-command.js';
import type { PostfixSettings } from './settings.js';
import { checkSkipped } from '../../core/purge/result.js';
import { checkSkipWords, type CheckSkip } from '../../core/postfix/check-skip.js';

// `postfix check` after a purge: Postfix's own word on its queue (it recreates missing directories
// and warns about owners). Its warnings go to the log, not the terminal, so the lines it appended
// to maillog_file are collected too.

// The command runner, injected.
export interface CheckDeps {
  run: (program: string, args: readonly string[]) => Promise<CommandResult>;
}

function sizeOf(file: string | undefined): number | undefined {
  if (!file) return undefined;
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

function appended(file: string, from: number): string[] {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const len = Math.min(64 * 1024, Math.max(0, fs.fstatSync(fd).size - from));
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, from);
    return buf.toString('utf8').split('\n').filter(Boolean).slice(-20);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}


// Why the host's Postfix commands would work on another queue than s.queueDirectory (under --root
// the config names the rescued system's paths, which Postfix takes as the host's), or undefined.
async function postfixMismatch(s: PostfixSettings, deps: CheckDeps): Promise<CheckSkip | undefined> {
  const q = await deps.run('postconf', ['-c', s.configDir, '-h', 'queue_directory']);
  const seen = q.stdout.trim();
  if (!q.ok || !seen) return { code: 'postconf-no-queue', why: q.failure ?? 'empty' };
  if (safeRealpath(seen) !== safeRealpath(s.queueDirectory)) return { code: 'other-queue', seen, queue: s.queueDirectory };
  return undefined;
}

// The same mismatch in the run's words (a refusal's reason), or undefined.
export async function hostPostfixMismatch(s: PostfixSettings, deps: CheckDeps): Promise<string | undefined> {
  const m = await postfixMismatch(s, deps);
  return m && checkSkipWords(m);
}

// Runs `postfix -c CONFIG check` when Postfix is installed and would check this very queue (under
// --root the config names the rescued system's paths, which Postfix would take as the host's).
export async function runPostfixCheck(s: PostfixSettings, deps: CheckDeps): Promise<PostfixCheckResult> {
  if (!s.postfixInstalled) return checkSkipped({ code: 'not-installed' });
  if (!s.hasMainCf) return checkSkipped({ code: 'no-main-cf', configDir: s.configDir });
  const mismatch = await postfixMismatch(s, deps);
  if (mismatch) return checkSkipped(mismatch);
  const logSize = sizeOf(s.maillogFile);
  const r = await deps.run('postfix', ['-c', s.configDir, 'check']);
  return {
    ran: true,
    command: r.command,
    ok: r.ok,
    exitCode: r.exitCode,
    output: (r.stdout + r.stderr).trim(),
    logLines: s.maillogFile && logSize !== undefined ? appended(s.maillogFile, logSize) : [],
  };
}
