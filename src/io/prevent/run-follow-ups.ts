import fs from 'node:fs';
import path from 'node:path';
import { commandWhy, type FollowUpCommand } from '../../core/prevent/fix-commands.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { runCommand } from '../system/run-command.js';
import type { FollowUpNote, PostfixUnsafe } from '../../core/prevent/apply-facts.js';

// Runs the reloads a fix needs, and only where it is safe: daemon reloads on the live system only;
// Postfix commands only for an instance whose queue is inside --root (a tree's main.cf naming
// /var/spool/postfix would otherwise make `postfix reload` act on the host's own Postfix).

// One command's outcome: run (with its result) or not run, and why.
export interface FollowUpResult {
  command: string;
  why: string;
  ran: boolean;
  ok: boolean;
  /** Why it was not run, or what failed. */
  note?: FollowUpNote;
  output?: string;
}

const isUnder = (p: string, dir: string) => p === dir || p.startsWith(dir.replace(/\/$/, '') + '/');

// Why Postfix commands may not run for this configuration directory, or null when they may.
async function postfixUnsafe(paths: SystemPaths, configDir: string, signal?: AbortSignal): Promise<PostfixUnsafe | null> {
  if (!fs.existsSync(path.join(configDir, 'main.cf'))) return { code: 'no-main-cf', dir: configDir };
  if (paths.root === undefined) return null;
  const r = await runCommand('postconf', ['-c', configDir, '-h', 'queue_directory'], { timeoutMs: 10_000, signal });
  if (!r.ok) return { code: 'postconf-failed', failure: r.failure };
  const q = r.stdout.trim();
  return isUnder(q, paths.root) ? null : { code: 'queue-outside-root', queue: q, root: paths.root };
}

// Runs the commands in order; stops at nothing (each result says what happened).
export async function runFollowUps(cmds: readonly FollowUpCommand[], paths: SystemPaths, configDir: string, signal?: AbortSignal): Promise<FollowUpResult[]> {
  const out: FollowUpResult[] = [];
  let unsafe: PostfixUnsafe | null | undefined;
  for (const c of cmds) {
    const command = c.argv.join(' ');
    const base = { command, why: commandWhy(c, 'en') };
    if (c.when === 'live-only' && paths.root !== undefined) {
      out.push({ ...base, ran: false, ok: false, note: { code: 'not-run-under-root', command } });
      continue;
    }
    if (c.argv[0] === 'postfix' || c.argv[0] === 'postalias') {
      unsafe ??= await postfixUnsafe(paths, configDir, signal);
      if (unsafe && c.argv[0] === 'postfix') {
        out.push({ ...base, ran: false, ok: false, note: { code: 'not-run', unsafe } });
        continue;
      }
    }
    if (c.when === 'if-running') {
      const st = await runCommand('postfix', ['-c', configDir, 'status'], { timeoutMs: 10_000, signal });
      if (!st.ok) {
        out.push({ ...base, ran: false, ok: true, note: { code: st.notFound ? 'not-run-no-postfix' : 'not-run-not-running' } });
        continue;
      }
    }
    const r = await runCommand(c.argv[0], c.argv.slice(1), { timeoutMs: 60_000, signal });
    out.push({ ...base, ran: !r.notFound, ok: r.ok, note: r.notFound ? { code: 'not-run-not-installed', program: c.argv[0]! } : r.failure === undefined ? undefined : { code: 'failed', failure: r.failure }, output: (r.stdout + r.stderr).trim() || undefined });
  }
  return out;
}
