import path from 'node:path';
import type { SystemPaths } from '../core/system-paths.js';
import { createMailPathTagger } from '../core/postfix/mail-paths.js';
import { mailPathText } from '../core/postfix/messages.js';
import type { readPostfixSettings } from '../io/postfix/settings.js';

// Where mail piles up on this server, from Postfix's own settings (src/io/postfix/settings.ts):
// the queue directories that overflow, root's mailbox, the mail log. Shown with cheap lstat
// facts so the walk is useful before (or without) a full scan.

// A place where mail piles up, with its size (a directory's own size hints at its entries).
export interface MailPath {
  path: string;
  /** "Postfix maildrop", "root's mailbox", "mail log" ... */
  label: string;
  kind: 'queue-dir' | 'spool-file' | 'spool-dir' | 'log-file';
  exists: boolean;
  /** File size, or the directory's own size (a bloated directory inode hints at millions of entries). */
  sizeBytes: number | null;
  error?: string;
}

// The outside world of the list; built once in src/ops/real/mail-paths.ts.
export interface MailPathsDeps {
  readPostfixSettings: typeof readPostfixSettings;
  realpath(p: string): string;
  lstat(p: string): { size: number };
}

// The queues that overflow, in the order they are listed.
const QUEUES = ['maildrop', 'incoming', 'active', 'deferred', 'defer', 'bounce', 'hold', 'corrupt'];

const LOGS = ['/var/log/maillog', '/var/log/mail.log', '/var/log/mail/mail.log'];

function describe(p: string, label: string, kind: MailPath['kind'], deps: MailPathsDeps): MailPath {
  try {
    const st = deps.lstat(p);
    return { path: p, label, kind, exists: true, sizeBytes: st.size };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { path: p, label, kind, exists: false, sizeBytes: null, error: err.code === 'ENOENT' ? undefined : err.message };
  }
}

// The known mail paths of the instance (--root and --postfix-config aware); missing logs are left
// out, missing queue directories are listed as missing (that is news too).
export async function listMailPaths(paths: SystemPaths, postfixConfig: string | undefined, deps: MailPathsDeps): Promise<MailPath[]> {
  const s = await deps.readPostfixSettings({ paths, postfixConfig });
  // Labelled by the same tagger as the scan's rows, so a path reads the same on every screen; only
  // screens show these, so in the run's language.
  const t = mailPathText();
  const tag = createMailPathTagger(s, paths, deps.realpath, t);
  const labelOf = (p: string, fallback: string) => tag(p)?.label ?? fallback;
  const out: MailPath[] = [];
  for (const name of QUEUES) {
    const p = path.join(s.queueDirectory, name);
    out.push(describe(p, labelOf(p, t.queue(name)), 'queue-dir', deps));
  }
  const rootBox = path.join(s.mailSpoolDirectory, 'root');
  out.push(describe(rootBox, labelOf(rootBox, t.mailbox('root')), 'spool-file', deps));
  out.push(describe(s.mailSpoolDirectory, labelOf(s.mailSpoolDirectory, t.mailSpool), 'spool-dir', deps));
  const logs = s.maillogFile ? [s.maillogFile] : LOGS.map((l) => paths.sys(l));
  for (const l of logs) {
    const d = describe(l, labelOf(l, t.mailLog), 'log-file', deps);
    if (d.exists || s.maillogFile) out.push(d);
  }
  return out;
}
