import fs from 'node:fs';
import type { SystemPaths } from '../../core/system-paths.js';

// User and group names of the rescued system (its own /etc/passwd and /etc/group under --root),
// read once; numbers stay numbers when a name is unknown.

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
    const id = Number(f[2]);
    if (f.length >= 3 && f[0] && Number.isInteger(id) && !out.has(id)) out.set(id, f[0]);
  }
  return out;
}

// Lookup functions for owner and group names.
export function nameTables(paths: SystemPaths): { user(uid: number): string | undefined; group(gid: number): string | undefined } {
  let users: Map<number, string> | undefined;
  let groups: Map<number, string> | undefined;
  return {
    user: (uid) => (users ??= table(paths.sys('/etc/passwd'))).get(uid),
    group: (gid) => (groups ??= table(paths.sys('/etc/group'))).get(gid),
  };
}
