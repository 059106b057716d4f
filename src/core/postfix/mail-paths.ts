import path from 'node:path';
import { CHROOT_DIRS, queueDirInfo } from './layout.js';
import type { SystemPaths } from '../system-paths.js';
import { mailPathText } from './messages.js';

// What part of the mail system a path belongs to, so a hotspot reads "maildrop queue"
// rather than a bare path, and the walk knows which step fits (purge a queue, truncate a mailbox).
type MailPathKind =
  /** $queue_directory itself, or something directly in it that is not a queue. */
  | 'queue-directory'
  /** A Postfix queue (maildrop, deferred, ...) or something inside one. */
  | 'queue'
  /** pid/, public/, private/ or the chroot copies (etc, lib, usr, dev): never mass-delete. */
  | 'queue-protected'
  /** $mail_spool_directory itself. */
  | 'mail-spool'
  /** A mailbox (mbox file) in the mail spool, or its lock. */
  | 'mailbox'
  /** A mail log (maillog_file, /var/log/maillog, mail.log, their rotations). */
  | 'mail-log';

// The tag a report row carries (JSON `mail`).
export interface MailTag {
  kind: MailPathKind;
  /** Queue name for kind 'queue' / 'queue-protected' (maildrop, deferred, ...). */
  queue?: string;
  /** Mailbox owner's name for kind 'mailbox'. */
  user?: string;
  /** Words for the operator, e.g. "maildrop queue", "root's mailbox". */
  label: string;
}

// The Postfix facts tagging needs (PostfixSettings from src/io/postfix/settings.ts fits).
export interface MailPathSettings {
  /** Host paths, already mapped under --root. */
  queueDirectory: string;
  mailSpoolDirectory: string;
  maillogFile?: string;
}

// The words of the labels, in one language.
type MailPathWords = typeof mailPathText.messages.en;

// Syslog's usual names for the mail log (Red Hat, Debian, SUSE), with their rotations.
const SYSLOG_MAIL = /^(maillog|mail\.log|mail\.err|mail\.warn|mail\.info)([.-].*)?$/;

const under = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`);
const rest = (p: string, dir: string) => (p === dir ? '' : p.slice(dir === '/' ? 1 : dir.length + 1));

// Builds the tagger for one system: paths are host paths (as scanned); realpath is injected so the
// usual symlink pair (/var/mail -> spool/mail) matches whichever side the scan walked.
// Labels are worded by `words`: English by default (the JSON `mail` tag), the run's language
// (mailPathText()) where only a screen shows them.
export function createMailPathTagger(
  settings: MailPathSettings,
  paths: SystemPaths,
  realpath: (p: string) => string = (p) => p,
  words: MailPathWords = mailPathText('en'),
): (hostPath: string) => MailTag | undefined {
  const t = words;
  const aliases = (p: string) => [...new Set([path.normalize(p), path.normalize(realpath(p))])];
  const queues = aliases(settings.queueDirectory);
  const spools = aliases(settings.mailSpoolDirectory);
  const logDirs = aliases(paths.sys('/var/log'));
  const maillog = settings.maillogFile ? aliases(settings.maillogFile) : [];

  const queueTag = (p: string, q: string): MailTag => {
    const relative = rest(p, q);
    if (!relative) return { kind: 'queue-directory', label: t.queueDir };
    const [first, ...deeper] = relative.split('/');
    const info = queueDirInfo(first);
    if (info?.protected) return { kind: 'queue-protected', queue: first, label: t.keepQueue(first) };
    if (CHROOT_DIRS.includes(first)) return { kind: 'queue-protected', label: t.keepChroot(first) };
    if (!info) return { kind: 'queue-directory', label: t.inQueueDir };
    if (deeper.length === 0) return { kind: 'queue', queue: first, label: t.queue(first) };
    return { kind: 'queue', queue: first, label: t.inQueue(first) };
  };

  const spoolTag = (p: string, s: string): MailTag => {
    const relative = rest(p, s);
    if (!relative) return { kind: 'mail-spool', label: t.mailSpool };
    if (relative.includes('/')) return { kind: 'mail-spool', label: t.inMailSpool };
    if (relative.endsWith('.lock')) return { kind: 'mailbox', user: relative.slice(0, -5), label: t.mailboxLock(relative.slice(0, -5)) };
    return { kind: 'mailbox', user: relative, label: t.mailbox(relative) };
  };

  return (hostPath: string) => {
    const p = path.normalize(hostPath);
    for (const q of queues) if (under(p, q)) return queueTag(p, q);
    for (const s of spools) if (under(p, s)) return spoolTag(p, s);
    for (const f of maillog) {
      if (p === f || (path.dirname(p) === path.dirname(f) && path.basename(p).startsWith(`${path.basename(f)}.`))) {
        return { kind: 'mail-log', label: t.maillogFile };
      }
    }
    for (const d of logDirs) {
      if (!under(p, d)) continue;
      const relative = rest(p, d);
      if (relative === 'mail' || relative.startsWith('mail/')) return { kind: 'mail-log', label: t.mailLogs };
      if (!relative.includes('/') && SYSLOG_MAIL.test(relative)) return { kind: 'mail-log', label: t.mailLog };
    }
    return undefined;
  };
}
