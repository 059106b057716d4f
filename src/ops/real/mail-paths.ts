import fs from 'node:fs';
import { safeRealpath } from '../../io/paths/mail-path-tagger.js';
import { readPostfixSettings } from '../../io/postfix/settings.js';
import type { MailPathsDeps } from '../mail-paths.js';

// The mail paths' real adapters: Postfix's settings, canonical paths, one lstat each.
export function realMailPathsDeps(): MailPathsDeps {
  return { readPostfixSettings, realpath: safeRealpath, lstat: (p) => fs.lstatSync(p) };
}
