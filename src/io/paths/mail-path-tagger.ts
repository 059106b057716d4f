import { createMailPathTagger, type MailTag } from '../../core/postfix/mail-paths.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { safeRealpath } from './safe-realpath.js';
import { PLACE_NAMES, readPostfixSettings } from '../postfix/settings.js';

// Kept here too, where its users import it from, until they import src/io/paths/safe-realpath.ts.
export { safeRealpath };

// The mail-path tagger for the system being rescued: Postfix settings of --root (or of the host,
// through postconf) and real paths, so /var/mail and /var/spool/mail both match the spool.
export async function readMailPathTagger(opts: { paths: SystemPaths; postfixConfig?: string }): Promise<(hostPath: string) => MailTag | undefined> {
  const settings = await readPostfixSettings({ paths: opts.paths, postfixConfig: opts.postfixConfig, postconfUnlessSet: PLACE_NAMES });
  return createMailPathTagger(settings, opts.paths, safeRealpath);
}
