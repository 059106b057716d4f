import fs from 'node:fs';
import type { SystemPaths } from '../core/system-paths.js';

// uid/gid to names as the rescued system knows them (its /etc/passwd and /etc/group, mapped under
// --root): a rescue disk's "mail" group may have another number than the host's.
export interface AccountNames {
  user(uid: number): string | null;
  group(gid: number): string | null;
}

function table(file: string): Map<number, string> {
  const out = new Map<number, string>();
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2]) && !out.has(Number(f[2]))) out.set(Number(f[2]), f[0]);
  }
  return out;
}

// Loads both tables once; unknown ids give null (the number is always shown beside the name).
export function loadAccountNames(paths: SystemPaths): AccountNames {
  const users = table(paths.sys('/etc/passwd'));
  const groups = table(paths.sys('/etc/group'));
  return { user: (uid) => users.get(uid) ?? null, group: (gid) => groups.get(gid) ?? null };
}
