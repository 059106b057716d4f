import fs from 'node:fs';
import { createMailPathTagger, type MailTag } from '../core/mail-paths.js';
import type { SystemPaths } from '../core/system-paths.js';
import { readPostfixSettings } from './postfix-settings.js';

// The mail-path tagger for the system being rescued: Postfix settings of --root (or of the host,
// through postconf) and real paths, so /var/mail and /var/spool/mail both match the spool.
export async function readMailPathTagger(opts: { paths: SystemPaths; postfixConfig?: string }): Promise<(hostPath: string) => MailTag | undefined> {
  const settings = await readPostfixSettings({ paths: opts.paths, postfixConfig: opts.postfixConfig });
  return createMailPathTagger(settings, opts.paths, safeRealpath);
}

// The canonical path when it exists, else the path as given (scans report canonical paths).
export function safeRealpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
