import fs from 'node:fs';
import path from 'node:path';
import type { SystemPaths } from '../../core/system-paths.js';
import { createMailPathTagger } from '../../core/mail-paths.js';
import { safeRealpath } from '../../io/mail-path-tagger.js';
import { readPostfixSettings } from '../../io/postfix-settings.js';
import type { MailPath } from '../ports.js';

// Where mail piles up on this server, from Postfix's own settings (src/io/postfix-settings.ts):
// the queue directories that overflow, root's mailbox, the mail log. Shown with cheap lstat
// facts so the walk is useful before (or without) a full scan.

// The queues that overflow, in the order they are listed.
const QUEUES = ['maildrop', 'incoming', 'active', 'deferred', 'defer', 'bounce', 'hold', 'corrupt'];

const LOGS = ['/var/log/maillog', '/var/log/mail.log', '/var/log/mail/mail.log'];

function describe(p: string, label: string, kind: MailPath['kind']): MailPath {
  try {
    const st = fs.lstatSync(p);
    return { path: p, label, kind, exists: true, sizeBytes: st.size };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { path: p, label, kind, exists: false, sizeBytes: null, error: err.code === 'ENOENT' ? undefined : err.message };
  }
}

// The known mail paths of the instance (--root and --postfix-config aware); missing logs are left
// out, missing queue directories are listed as missing (that is news too).
export async function listMailPaths(paths: SystemPaths, postfixConfig?: string): Promise<MailPath[]> {
  const s = await readPostfixSettings({ paths, postfixConfig });
  // Labelled by the same tagger as the scan's rows, so a path reads the same on every screen.
  const tag = createMailPathTagger(s, paths, safeRealpath);
  const labelOf = (p: string, fallback: string) => tag(p)?.label ?? fallback;
  const out: MailPath[] = [];
  for (const name of QUEUES) {
    const p = path.join(s.queueDirectory, name);
    out.push(describe(p, labelOf(p, `${name} queue`), 'queue-dir'));
  }
  const rootBox = path.join(s.mailSpoolDirectory, 'root');
  out.push(describe(rootBox, labelOf(rootBox, "root's mailbox"), 'spool-file'));
  out.push(describe(s.mailSpoolDirectory, labelOf(s.mailSpoolDirectory, 'mail spool'), 'spool-dir'));
  const logs = s.maillogFile ? [s.maillogFile] : LOGS.map((l) => paths.sys(l));
  for (const l of logs) {
    const d = describe(l, labelOf(l, 'mail log'), 'log-file');
    if (d.exists || s.maillogFile) out.push(d);
  }
  return out;
}
