import fs from 'node:fs';
import { parseIdFile, type IdNames } from '../../core/purge/owner-names.js';
import type { SystemPaths } from '../../core/system-paths.js';

// Users and groups of the system being rescued (its /etc/passwd and /etc/group, mapped under
// --root): a rescue disk's "mail" group may have another number than the host's.
export interface IdDirectory {
  users: IdNames;
  groups: IdNames;
}

// uid/gid to names as the rescued system knows them.
export interface AccountNames {
  user(uid: number): string | null;
  group(gid: number): string | null;
}

// One passwd or group file, parsed by the one parser; a missing or unreadable file gives no names.
function readIds(file: string): IdNames {
  try {
    return parseIdFile(fs.readFileSync(file, 'utf8'));
  } catch {
    return { byId: new Map(), byName: new Map() };
  }
}

// Loads the rescued system's user and group names, both ways; missing files give empty maps (ids
// shown as numbers). The one reader of those files.
export function loadIdDirectory(paths: SystemPaths): IdDirectory {
  return { users: readIds(paths.sys('/etc/passwd')), groups: readIds(paths.sys('/etc/group')) };
}

// Loads both tables once; unknown ids give null (the number is always shown beside the name).
export function loadAccountNames(paths: SystemPaths): AccountNames {
  const { users, groups } = loadIdDirectory(paths);
  return { user: (uid) => users.byId.get(uid) ?? null, group: (gid) => groups.byId.get(gid) ?? null };
}
