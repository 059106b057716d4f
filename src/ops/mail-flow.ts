import path from 'node:path';
import { refuse, type Refused } from '../core/refusal.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { PostfixState, StatusInput } from '../io/postfix/status.js';
import type { PostfixSettings, SettingsOptions } from '../io/postfix/settings.js';
import type { CommandResult, RunOptions } from '../io/system/run-command.js';

// After the purge, "does mail flow again?": start the Postfix instance the walk rescues when it
// is stopped (only that instance, never under --root where the host's Postfix would act), submit
// one test message to a local address with Postfix's own sendmail, and watch its mailbox until
// the message arrives. Every outcome is data (what ran, exit codes, what was seen).

// Which instance and which address.
export interface MailFlowRequest {
  paths: SystemPaths;
  postfixConfig?: string;
  /** Local recipient of the test message (its mailbox in mail_spool_directory is watched). */
  recipient: string;
  /** Unique words in the subject, so the message is recognised in the mailbox. */
  tag: string;
  /** How long to wait for the delivery. */
  waitMs: number;
}

// The checked request: the instance's settings and whether it runs now.
export interface MailFlowPlan {
  request: MailFlowRequest;
  settings: PostfixSettings;
  state: PostfixState;
}

// What the check did.
export interface MailFlowOutcome {
  /** Postfix was started by this check (it was stopped). */
  started: boolean;
  /** Postfix runs when the test message is submitted. */
  running: boolean;
  sent: boolean;
  delivered: boolean;
  /** The mailbox watched (host path). */
  mailbox: string;
  subject: string;
  waitedMs: number;
  /** What was run and what it said, for the screen and the log. */
  lines: string[];
}

// The outside world of the check; the real one is src/ops/real/mail-flow.ts.
export interface MailFlowDeps {
  readPostfixSettings(o: SettingsOptions): Promise<PostfixSettings>;
  postfixState(i: StatusInput): Promise<PostfixState>;
  run(program: string, args: readonly string[], opts?: RunOptions): Promise<CommandResult>;
  /** The last bytes of a file as text ('' when it does not exist). */
  tail(file: string, bytes: number): string;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

// Refuses what must not be started: a --root system (the host's Postfix would run) or an instance
// without its main.cf or Postfix itself.
export async function planMailFlow(req: MailFlowRequest, deps: MailFlowDeps): Promise<MailFlowPlan | Refused> {
  if (req.paths.root !== undefined) return refuse('rooted', `under --root the host's Postfix would start, not the rescued system's`, 'Start it on the rescued system itself once it boots.');
  if (!/^[A-Za-z0-9._-]+$/.test(req.recipient)) return refuse('bad-recipient', `the test recipient must be a local name: ${req.recipient}`);
  const settings = await deps.readPostfixSettings({ paths: req.paths, postfixConfig: req.postfixConfig });
  if (!settings.postfixInstalled) return refuse('no-postfix', 'Postfix is not installed on this host');
  if (!settings.hasMainCf) return refuse('no-main-cf', `${settings.configDir}/main.cf does not exist`);
  const state = await deps.postfixState({ configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: true, rooted: false });
  return { request: req, settings, state };
}

// Starts Postfix when stopped, submits the test message, waits for it in the mailbox.
export async function runMailFlow(plan: MailFlowPlan, deps: MailFlowDeps, signal?: AbortSignal): Promise<MailFlowOutcome> {
  const { request: req, settings: s } = plan;
  const mailbox = path.join(s.mailSpoolDirectory, req.recipient);
  const subject = `spoolrescue test message ${req.tag}`;
  const lines: string[] = [];
  const out = (o: Partial<MailFlowOutcome>): MailFlowOutcome => ({ started: false, running: plan.state.running, sent: false, delivered: false, mailbox, subject, waitedMs: 0, lines, ...o });
  let started = false;
  if (plan.state.running) lines.push(`Postfix: already running (${plan.state.how})`);
  else {
    const r = await deps.run('postfix', ['-c', s.configDir, 'start'], { timeoutMs: 60_000, signal });
    lines.push(r.ok ? `Postfix: started (${r.command})` : `Postfix: could not start: ${r.command} exited ${r.exitCode ?? '?'}${r.stderr.trim() ? `: ${r.stderr.trim().split('\n').at(-1)}` : ''}`);
    if (!r.ok) return out({});
    started = true;
  }
  const message = `From: spoolrescue <root>\nTo: ${req.recipient}\nSubject: ${subject}\n\nSent by spoolrescue after the rescue to check that mail is delivered again.\n`;
  const sent = await deps.run('sendmail', ['-C', s.configDir, '-f', 'root', req.recipient], { input: message, timeoutMs: 30_000, signal });
  if (!sent.ok) {
    lines.push(`test message: NOT accepted: ${sent.command} exited ${sent.exitCode ?? '?'}${sent.stderr.trim() ? `: ${sent.stderr.trim().split('\n').at(-1)}` : ''}`);
    return out({ started, running: true });
  }
  lines.push(`test message: accepted for ${req.recipient} ("${subject}")`);
  const t0 = deps.now();
  while (!signal?.aborted) {
    if (deps.tail(mailbox, 256 * 1024).includes(`Subject: ${subject}\n`)) {
      const waitedMs = deps.now() - t0;
      lines.push(`delivered to ${mailbox}`);
      return out({ started, running: true, sent: true, delivered: true, waitedMs });
    }
    if (deps.now() - t0 >= req.waitMs) break;
    await deps.sleep(250, signal).catch(() => undefined);
  }
  const waitedMs = deps.now() - t0;
  lines.push(signal?.aborted ? 'stopped before the delivery was seen' : `not seen in ${mailbox} yet: look at the mail log and the queue (postqueue -c ${s.configDir} -p)`);
  return out({ started, running: true, sent: true, delivered: false, waitedMs });
}
