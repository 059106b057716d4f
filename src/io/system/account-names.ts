import fs from 'node:fs';
import { parseIdFile } from '../../core/purge/owner-names.js';
import type { SystemPaths } from '../../core/system-paths.js';

// uid/gid to names as the rescued system knows them (its /etc/passwd and /etc/group, mapped under
// --root): a rescue disk's "mail" group may have another number than the host's.
export interface AccountNames {
  user(uid: number): string | null;
  group(gid: number): string | null;
}

// One passwd or group file, parsed by the one parser; a missing or unreadable file gives no names.
function table(file: string): Map<number, string> {
  try {
    return parseIdFile(fs.readFileSync(file, 'utf8')).byId;
  } catch {
    return new Map();
  }
}

// Loads both tables once; unknown ids give null (the number is always shown beside the name).
export function loadAccountNames(paths: SystemPaths): AccountNames {
  const users = table(paths.sys('/etc/passwd'));
  const groups = table(paths.sys('/etc/group'));
  return { user: (uid) => users.get(uid) ?? null, group: (gid) => groups.get(gid) ?? null };
}
