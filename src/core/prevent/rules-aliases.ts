import { firstAlias } from './aliases-file.js';
import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { rootAlias } from './root-alias.js';

// The aliases checks (seed 000): root's mail forwarded, the decode trap kept, newaliases run.

// root-mail-stays-local: no root: alias (or one that keeps a copy with \root), so root's mailbox grows.
export function rootMailStaysLocal(c: HostConfig): Finding[] {
  const r = rootAlias(c.aliases);
  if (!r) {
    return [{ code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: 'high', where: { setting: 'alias_database' }, fixable: false, facts: { case: 'no-aliases' } }];
  }
  if (r.forwarded) return [];
  const where = { file: r.file.path, line: r.entry?.line };
  const commented = r.parse.commented.find((x) => x.name === 'root');
  const facts = !r.entry
    ? { case: 'no-root-alias' as const, file: r.file.path, commented: commented ? { line: commented.line, targets: commented.targets } : null }
    : { case: 'kept-local' as const, file: r.file.path, targets: r.entry.targets, local: r.local };
  return [{
    code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: r.entry ? 'medium' : 'high', where: r.entry ? where : { file: r.file.path, line: commented?.line },
    fixable: true,
    facts,
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
    fixable: true,
    facts: { file: r.file.path, commentedLine: commented?.line ?? null },
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
      fixable: true,
      facts: { file: a.path, db: db.path, dbMissing: db.mtimeMs === null, map: `${a.mapType}:${a.path}` },
    });
  }
  return out;
}
