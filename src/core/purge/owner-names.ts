// Reads /etc/passwd and /etc/group text of the system being rescued (which may be --root's, not the
// host's): uids and gids are shown with their names, and Postfix's mail_owner/setgid_group resolved.

// Ids to names and back, for one of passwd or group.
export interface IdNames {
  byId: Map<number, string>;
  byName: Map<string, number>;
}

// Parses passwd or group lines ("name:x:id:..."); malformed lines are skipped.
export function parseIdFile(text: string): IdNames {
  const byId = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split(':');
    const id = Number(f[2]);
    if (f.length < 3 || !f[0] || !/^\d+$/.test(f[2])) continue;
    if (!byId.has(id)) byId.set(id, f[0]);
    if (!byName.has(f[0])) byName.set(f[0], id);
  }
  return { byId, byName };
}
