import fs from 'node:fs';
import type { AccessFacts } from '../../core/purge/purge-rules.js';

// Whether this process can list and unlink inside DIR, as facts for core/purge's rule: told
// before anything is counted or changed, instead of a plan of "0 entries" and an EACCES half-way.

// Checks read/write/search access on DIR and who owns it.
export function purgeAccessFacts(dir: string, mount: { mount: string; readOnly: boolean }, euid: number = process.geteuid?.() ?? 0): AccessFacts {
  let accessCode: string | undefined;
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (e) {
    accessCode = (e as NodeJS.ErrnoException).code ?? 'error';
  }
  return { mount: mount.mount, readOnly: mount.readOnly, accessCode, ownerUid: fs.lstatSync(dir).uid, euid };
}
