import { firstAlias, localRootTargets, parseAliases, type AliasEntry, type AliasesParse } from './aliases-file.js';
import type { AliasesFile } from './host-config.js';

// Where root's mail goes on this host, read from the first aliases file that defines root
// (Postfix searches alias_maps in order and takes the first answer).

// The aliases file that decides root's mail, its parse and root's entry (undefined: no root: alias).
export interface RootAlias {
  file: AliasesFile;
  parse: AliasesParse;
  entry: AliasEntry | undefined;
  /** Targets that keep the mail here (root, \root); all targets when the entry is missing. */
  local: string[];
  /** True when every copy of root's mail leaves root's mailbox. */
  forwarded: boolean;
}

// Root's alias as Postfix would resolve it; null when the host has no aliases file at all.
export function rootAlias(files: readonly AliasesFile[]): RootAlias | null {
  if (!files.length) return null;
  const parsed = files.map((file) => ({ file, parse: parseAliases(file.text) }));
  const hit = parsed.find((p) => firstAlias(p.parse, 'root')) ?? parsed[0];
  const entry = firstAlias(hit.parse, 'root');
  const local = entry ? localRootTargets(entry.targets) : ['root'];
  const forwarded = entry !== undefined && entry.targets.length > 0 && local.length === 0;
  return { ...hit, entry, local, forwarded };
}
