import { firstAlias } from './aliases-file.js';
import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { rootAlias } from './root-alias.js';

// The aliases checks (seed 000): root's mail forwarded, the decode trap kept, newaliases run.

// root-mail-stays-local: no root: alias (or one that keeps a copy with \root), so root's mailbox grows.
export function rootMailStaysLocal(c: HostConfig): Finding[] {
  const r = rootAlias(c.aliases);
  if (!r) {
    return [{
      code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: 'high', where: { setting: 'alias_database' },
      what: 'no aliases file: nothing forwards root\'s mail, it stays in root\'s mailbox',
      why: "cron and logwatch mail root every day; unread, root's mbox grows until the disk is full",
      fix: 'create /etc/aliases with root: <a person who reads mail>, then run newaliases', fixable: false,
    }];
  }
  if (r.forwarded) return [];
  const where = { file: r.file.path, line: r.entry?.line };
  const commented = r.parse.commented.find((x) => x.name === 'root');
  const what = !r.entry
    ? `no root: alias in ${r.file.path}${commented ? ` (line ${commented.line} is commented out: root: ${commented.targets.join(', ')})` : ''}`
    : `root: ${r.entry.targets.join(', ')} keeps root's mail on this host (${r.local.join(', ')})`;
  return [{
    code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: r.entry ? 'medium' : 'high', where: r.entry ? where : { file: r.file.path, line: commented?.line },
    what,
    why: "cron and logwatch mail root every day; unread, root's mbox grows for years until the disk is full (seed 000)",
    fix: `set root: <a login account that reads mail> in ${r.file.path} (forward from that account, not from root, so the decode trap stays), then newaliases; --apply needs --forward-root-to ADDRESS`,
    fixable: true,
  }];
}

// decode-trap-missing: the decode: root alias removed or commented out.
export function decodeTrapMissing(c: HostConfig): Finding[] {
  const r = rootAlias(c.aliases);
  if (!r) return [];
  if (firstAlias(r.parse, 'decode')) return [];
  const commented = r.parse.commented.find((x) => x.name === 'decode');
  return [{
    code: 'decode-trap-missing', id: 'decode-trap-missing', severity: 'low', where: { file: r.file.path, line: commented?.line },
    what: commented ? `decode: is commented out on line ${commented.line}` : `no decode: alias in ${r.file.path}`,
    why: 'the decode trap catches mail to the old uudecode alias, an attack path; seed 000 keeps it and forwards from a login account instead',
    fix: `restore "decode: root" in ${r.file.path}, then newaliases`,
    fixable: true,
  }];
}

// aliases-db-stale: the aliases file is newer than its database, so Postfix still uses the old one.
export function aliasesDbStale(c: HostConfig): Finding[] {
  const out: Finding[] = [];
  for (const a of c.aliases) {
    const db = a.database;
    if (db.mtimeMs !== null && db.mtimeMs >= a.mtimeMs) continue;
    out.push({
      code: 'aliases-db-stale', id: c.aliases.length > 1 ? `aliases-db-stale@${a.path}` : 'aliases-db-stale', severity: 'medium', where: { file: a.path, setting: 'alias_database' },
      what: db.mtimeMs === null ? `${db.path} does not exist: newaliases was never run for ${a.path}` : `${a.path} is newer than ${db.path}: newaliases was not run after the last edit`,
      why: 'Postfix reads the database, not the text: the edits (a root: forward) do nothing until newaliases rebuilds it',
      fix: `run newaliases (postalias ${a.mapType}:${a.path})`,
      fixable: true,
    });
  }
  return out;
}
