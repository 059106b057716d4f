import { firstAlias } from './aliases-file.js';
import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { rootAlias } from './root-alias.js';
import { aliasesRulesText } from './rules-aliases-messages.js';
import type { Language } from '../i18n/speak.js';

// The aliases checks (seed 000): root's mail forwarded, the decode trap kept, newaliases run.

// root-mail-stays-local: no root: alias (or one that keeps a copy with \root), so root's mailbox grows.
export function rootMailStaysLocal(c: HostConfig, lang: Language): Finding[] {
  const t = aliasesRulesText.messages[lang];
  const r = rootAlias(c.aliases);
  if (!r) {
    return [{
      code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: 'high', where: { setting: 'alias_database' },
      what: t.noAliasesWhat,
      why: t.noAliasesWhy,
      fix: t.noAliasesFix, fixable: false,
    }];
  }
  if (r.forwarded) return [];
  const where = { file: r.file.path, line: r.entry?.line };
  const commented = r.parse.commented.find((x) => x.name === 'root');
  const what = !r.entry
    ? t.noRootAlias(r.file.path, commented ? commented.line : null, commented ? commented.targets.join(', ') : '')
    : t.rootKeptLocal(r.entry.targets.join(', '), r.local.join(', '));
  return [{
    code: 'root-mail-stays-local', id: 'root-mail-stays-local', severity: r.entry ? 'medium' : 'high', where: r.entry ? where : { file: r.file.path, line: commented?.line },
    what,
    why: t.rootWhy,
    fix: t.rootFix(r.file.path),
    fixable: true,
  }];
}

// decode-trap-missing: the decode: root alias removed or commented out.
export function decodeTrapMissing(c: HostConfig, lang: Language): Finding[] {
  const t = aliasesRulesText.messages[lang];
  const r = rootAlias(c.aliases);
  if (!r) return [];
  if (firstAlias(r.parse, 'decode')) return [];
  const commented = r.parse.commented.find((x) => x.name === 'decode');
  return [{
    code: 'decode-trap-missing', id: 'decode-trap-missing', severity: 'low', where: { file: r.file.path, line: commented?.line },
    what: commented ? t.decodeCommented(commented.line) : t.decodeMissing(r.file.path),
    why: t.decodeWhy,
    fix: t.decodeFix(r.file.path),
    fixable: true,
  }];
}

// aliases-db-stale: the aliases file is newer than its database, so Postfix still uses the old one.
export function aliasesDbStale(c: HostConfig, lang: Language): Finding[] {
  const t = aliasesRulesText.messages[lang];
  const out: Finding[] = [];
  for (const a of c.aliases) {
    const db = a.database;
    if (db.mtimeMs !== null && db.mtimeMs >= a.mtimeMs) continue;
    out.push({
      code: 'aliases-db-stale', id: c.aliases.length > 1 ? `aliases-db-stale@${a.path}` : 'aliases-db-stale', severity: 'medium', where: { file: a.path, setting: 'alias_database' },
      what: db.mtimeMs === null ? t.dbMissing(db.path, a.path) : t.dbOlder(a.path, db.path),
      why: t.dbWhy,
      fix: t.dbFix(`${a.mapType}:${a.path}`),
      fixable: true,
    });
  }
  return out;
}
