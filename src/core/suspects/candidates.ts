import path from 'node:path';
import type { SystemPaths } from '../system-paths.js';
import { suspectsTextInEnglish } from './messages.js';
import { nameWords, type SuspectName } from './words.js';

// The places a full mail server's disk usually goes, from what the tool already knows (Postfix's
// settings, the usual system paths): looked at one lstat each, before any scan.

// What kind of culprit a suspect would be (JSON `kind`).
export type SuspectKind = 'queue' | 'mail-spool' | 'mailbox' | 'mail-log' | 'log' | 'log-dir' | 'tmp';

// One place to lstat; a directory's entries are estimated from its own size, never listed
// (except the small directories in `listIfSmall`, whose files are candidates too).
export interface SuspectCandidate {
  /** Host path (under --root). */
  hostPath: string;
  kind: SuspectKind;
  /** What it is called, worded when shown (suspectWords). */
  name: SuspectName;
  /** The name in English: "Postfix maildrop queue", "mail log" (as --json says it). */
  label: string;
  /** For hashed queues: the one-character subdirectories whose estimates add up to the queue's. */
  parts?: string[];
}

// The Postfix facts the candidates need (PostfixSettings fits), host paths.
export interface SuspectSettings {
  queueDirectory: string;
  mailSpoolDirectory: string;
  maillogFile?: string;
  hashQueueNames: readonly string[];
  hashQueueDepth: number;
}

// Queues that fill up (pid/, public/, private/ never do).
const QUEUES = ['maildrop', 'incoming', 'active', 'deferred', 'defer', 'bounce', 'hold', 'corrupt', 'trace', 'flush', 'saved'];
const HASH_CHARS = '0123456789ABCDEF'.split('');
const LOG_FILES = ['/var/log/maillog', '/var/log/mail.log', '/var/log/mail.err', '/var/log/mail.warn', '/var/log/mail.info', '/var/log/syslog', '/var/log/messages'];
// Syslog's names for the mail log and its rotations (Red Hat, Debian, SUSE).
const MAIL_LOG_NAME = /^(maillog|mail\.log|mail\.err|mail\.warn|mail\.info)([.-].*)?$/;

// A candidate's name and its English label (the label of --json).
function named(name: SuspectName): { name: SuspectName; label: string } {
  return { name, label: nameWords(name, suspectsTextInEnglish()) };
}

// The one-character subdirectories of a hashed queue, to hash_queue_depth levels (16, 256, ...),
// at most 256 so the answer stays quick with any setting.
function hashedParts(dir: string, depth: number): string[] {
  let level = [dir];
  for (let d = 0; d < Math.min(2, Math.max(1, depth)); d++) level = level.flatMap((p) => HASH_CHARS.map((c) => path.join(p, c)));
  return level;
}

// Every candidate of a system: Postfix's queues (hashed ones through their subdirectories),
// the mail spool and root's mailbox, the mail logs, /var/log, /tmp and /var/tmp, sendmail's
// clientmqueue (where cron mail piles up when the MTA is down).
export function suspectCandidates(s: SuspectSettings, paths: SystemPaths): SuspectCandidate[] {
  const out: SuspectCandidate[] = [];
  const hashed = new Set(s.hashQueueNames);
  for (const q of QUEUES) {
    const dir = path.join(s.queueDirectory, q);
    out.push({ hostPath: dir, kind: 'queue', ...named({ word: 'queue', of: q }), parts: hashed.has(q) ? hashedParts(dir, s.hashQueueDepth) : undefined });
  }
  out.push({ hostPath: paths.sys('/var/spool/clientmqueue'), kind: 'queue', ...named({ word: 'clientQueue' }) });
  out.push({ hostPath: s.mailSpoolDirectory, kind: 'mail-spool', ...named({ word: 'mailSpool' }) });
  out.push({ hostPath: path.join(s.mailSpoolDirectory, 'root'), kind: 'mailbox', ...named({ word: 'rootMailbox' }) });
  const logs = new Set(LOG_FILES.map((l) => paths.sys(l)));
  if (s.maillogFile) logs.add(s.maillogFile);
  for (const l of logs) out.push({ hostPath: l, kind: kindOfLog(path.basename(l)), ...named(labelOfLog(path.basename(l))) });
  out.push({ hostPath: paths.sys('/var/log'), kind: 'log-dir', ...named({ word: 'logDir' }) });
  out.push({ hostPath: paths.sys('/var/log/journal'), kind: 'log-dir', ...named({ word: 'journal' }) });
  out.push({ hostPath: paths.sys('/tmp'), kind: 'tmp', ...named({ word: 'tmp' }) });
  out.push({ hostPath: paths.sys('/var/tmp'), kind: 'tmp', ...named({ word: 'tmp' }) });
  return out;
}

// Directories whose files are candidates too when the directory is small (a bounded listing):
// mailboxes in the spool, rotated logs in /var/log.
export function listedDirs(s: SuspectSettings, paths: SystemPaths): { hostPath: string; kind: 'mailbox' | 'log' }[] {
  return [
    { hostPath: s.mailSpoolDirectory, kind: 'mailbox' },
    { hostPath: paths.sys('/var/log'), kind: 'log' },
  ];
}

// A file found in a listed directory as a candidate.
export function listedCandidate(dir: string, name: string, kind: 'mailbox' | 'log'): SuspectCandidate {
  const hostPath = path.join(dir, name);
  if (kind === 'mailbox') return { hostPath, kind, ...named(name.endsWith('.lock') ? { word: 'lockOf', of: name.slice(0, -5) } : { word: 'mailboxOf', of: name }) };
  return { hostPath, kind: kindOfLog(name), ...named(labelOfLog(name)) };
}

function kindOfLog(name: string): SuspectKind {
  return MAIL_LOG_NAME.test(name) ? 'mail-log' : 'log';
}

function labelOfLog(name: string): SuspectName {
  if (!MAIL_LOG_NAME.test(name)) return { word: 'logFile' };
  return { word: name === 'maillog' || name === 'mail.log' ? 'mailLog' : 'mailLogPart' };
}
