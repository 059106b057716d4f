import path from 'node:path';
import { finalStatusLine, localMailboxName, queueIdOf, testAddressProblem } from '../core/plan/test-address.js';
import { testAddressText } from '../core/plan/test-address-messages.js';
import { checkSkipWords } from '../core/postfix/check-skip.js';
import { refuse, type Refused } from '../core/refusal.js';
import type { SystemPaths } from '../core/system-paths.js';
import type { PostfixState, StatusInput } from '../io/postfix/status.js';
import type { PostfixSettings, SettingsOptions } from '../io/postfix/settings.js';
import type { CommandResult, RunOptions } from '../io/system/run-command.js';
import { mailFlowText } from './messages/mail-flow.js';

// After the purge, "does mail flow again?": start the Postfix instance the walk rescues when it
// is stopped (only that instance, never under --root where the host's Postfix would act), submit
// one test message to the operator's test address with Postfix's own sendmail, and watch the mail
// log until that message's queue ID is logged with its final status (status=sent); a local
// recipient's mailbox is watched too, for a system whose mail log cannot be read. All is data.

// Which instance and which address.
export interface MailFlowRequest {
  paths: SystemPaths;
  postfixConfig?: string;
  /** The test address: a local name or user@domain (a local one's mailbox is watched too). */
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

// What one line of the check tells, so a screen colours it by what happened, not by its words.
type MailFlowLineKind = 'postfix' | 'start-failed' | 'accepted' | 'not-accepted' | 'queued' | 'delivered' | 'not-delivered' | 'not-seen';

// One line of the check, worded in the run's language when it is made.
export interface MailFlowLine {
  kind: MailFlowLineKind;
  text: string;
}

// What the check did.
export interface MailFlowOutcome {
  /** Postfix was started by this check (it was stopped). */
  started: boolean;
  /** Postfix runs when the test message is submitted. */
  running: boolean;
  sent: boolean;
  delivered: boolean;
  /** The mailbox watched (host path); null for an address of another domain. */
  mailbox: string | null;
  /** The test message's queue ID, once the mail log named it. */
  queueId: string | null;
  /** The mail log's line with the final status for the recipient (status=sent, bounced...). */
  logLine: string | null;
  subject: string;
  waitedMs: number;
  /** What was run and what it said, for the screen and the log. */
  lines: MailFlowLine[];
}

// The outside world of the check; the real one is src/ops/real/mail-flow.ts.
export interface MailFlowDeps {
  readPostfixSettings(o: SettingsOptions): Promise<PostfixSettings>;
  postfixState(i: StatusInput): Promise<PostfixState>;
  run(program: string, args: readonly string[], opts?: RunOptions): Promise<CommandResult>;
  /** The last bytes of a file as text ('' when it does not exist). */
  tail(file: string, bytes: number): string;
  /** The instance's current mail log (maillog_file, else the system's); null when none is found. */
  mailLog(req: Pick<MailFlowRequest, 'paths' | 'postfixConfig'>): Promise<string | null>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
}

// Refuses what must not be started: a --root system (the host's Postfix would run) or an instance
// without its main.cf or Postfix itself.
export async function planMailFlow(req: MailFlowRequest, deps: MailFlowDeps): Promise<MailFlowPlan | Refused> {
  if (req.paths.root !== undefined) return refuse('rooted', mailFlowText().rooted, mailFlowText().rootedHint);
  const bad = testAddressProblem(req.recipient);
  if (bad) return refuse('bad-recipient', bad);
  const settings = await deps.readPostfixSettings({ paths: req.paths, postfixConfig: req.postfixConfig });
  if (!settings.postfixInstalled) return refuse('no-postfix', checkSkipWords({ code: 'not-installed' }));
  if (!settings.hasMainCf) return refuse('no-main-cf', checkSkipWords({ code: 'no-main-cf', configDir: settings.configDir }));
  const state = await deps.postfixState({ configDir: settings.configDir, queueDirectory: settings.queueDirectory, postfixInstalled: true, rooted: false });
  return { request: req, settings, state };
}

// How much of the end of the mail log and the mailbox each look reads.
const TAIL_BYTES = 256 * 1024;
// How long the mail log's line is awaited once the message is seen in the mailbox.
const LOG_GRACE_MS = 5_000;

// The last line a command wrote to stderr ('' when none): what it said about its failure.
function lastLine(stderr: string): string {
  return stderr.trim() ? stderr.trim().split('\n').at(-1)! : '';
}

// Starts Postfix when stopped, submits the test message, waits for its final status in the mail log.
export async function runMailFlow(plan: MailFlowPlan, deps: MailFlowDeps, signal?: AbortSignal): Promise<MailFlowOutcome> {
  const { request: req, settings: s } = plan;
  const local = localMailboxName(req.recipient);
  const mailbox = local === null ? null : path.join(s.mailSpoolDirectory, local);
  // The test message is mail, not screen text: the same words in every language (matched in the mailbox).
  const subject = `spoolrescue test message ${req.tag}`; // i18n-ignore
  const messageId = `spoolrescue-${req.tag}@spoolrescue.invalid`;
  const t = testAddressText();
  const m = mailFlowText();
  const lines: MailFlowLine[] = [];
  const say = (kind: MailFlowLineKind, text: string) => lines.push({ kind, text });
  const out = (o: Partial<MailFlowOutcome>): MailFlowOutcome => ({ started: false, running: plan.state.running, sent: false, delivered: false, mailbox, queueId: null, logLine: null, subject, waitedMs: 0, lines, ...o });
  let started = false;
  if (plan.state.running) say('postfix', m.alreadyRunning(plan.state.how));
  else {
    const r = await deps.run('postfix', ['-c', s.configDir, 'start'], { timeoutMs: 60_000, signal });
    if (r.ok) say('postfix', m.started(r.command));
    else say('start-failed', m.startFailed(r.command, String(r.exitCode ?? '?'), lastLine(r.stderr)));
    if (!r.ok) return out({});
    started = true;
  }
  const log = await deps.mailLog(req).catch(() => null);
  // i18n-ignore
  const message = `From: spoolrescue <root>\nTo: ${req.recipient}\nSubject: ${subject}\nMessage-ID: <${messageId}>\n\nSent by spoolrescue after the rescue to check that mail is delivered again.\n`;
  // -- ends the options: the checked address is the one recipient.
  const sent = await deps.run('sendmail', ['-C', s.configDir, '-f', 'root', '--', req.recipient], { input: message, timeoutMs: 30_000, signal });
  if (!sent.ok) {
    say('not-accepted', m.notAccepted(sent.command, String(sent.exitCode ?? '?'), lastLine(sent.stderr)));
    return out({ started, running: true });
  }
  say('accepted', m.accepted(req.recipient, subject));
  const t0 = deps.now();
  let queueId: string | null = null;
  let inMailboxAt: number | null = null;
  while (!signal?.aborted) {
    const text = log ? deps.tail(log, TAIL_BYTES) : '';
    queueId ??= queueIdOf(text, messageId);
    const final = queueId ? finalStatusLine(text, queueId) : null;
    if (final) {
      const delivered = / status=sent\b/.test(final);
      say('queued', t.queued(queueId!));
      if (delivered) say('delivered', t.delivered(req.recipient, final));
      else say('not-delivered', t.notDelivered(req.recipient, final));
      return out({ started, running: true, sent: true, delivered, queueId, logLine: final, waitedMs: deps.now() - t0 });
    }
    // In the mailbox but not (yet) in a mail log: the log's line is awaited a little, then the
    // mailbox is the proof (a system whose log goes elsewhere or cannot be read).
    if (mailbox && deps.tail(mailbox, TAIL_BYTES).includes(`Subject: ${subject}\n`)) {
      inMailboxAt ??= deps.now();
      if (!text || deps.now() - inMailboxAt >= LOG_GRACE_MS) {
        say('delivered', t.seenInMailbox(mailbox));
        return out({ started, running: true, sent: true, delivered: true, queueId, waitedMs: deps.now() - t0 });
      }
    }
    if (deps.now() - t0 >= req.waitMs) break;
    await deps.sleep(250, signal).catch(() => undefined);
  }
  const waitedMs = deps.now() - t0;
  if (queueId) say('queued', t.queued(queueId));
  say('not-seen', signal?.aborted ? m.stopped : m.notSeen(s.configDir));
  return out({ started, running: true, sent: true, delivered: false, queueId, waitedMs });
}
