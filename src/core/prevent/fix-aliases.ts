import { firstAlias } from './aliases-file.js';
import { edit, plan, refuse, type FixPlanner } from './fix-plan.js';
import { localRootTargets } from './aliases-file.js';
import type { AliasesFile, HostConfig } from './host-config.js';
import { rootAlias } from './root-alias.js';
import { appendLines, applyLineChanges } from './text-edit.js';
import { fixText } from './fix-messages.js';

// Fixes in the aliases file (seed 000): forward root, restore the decode trap, run newaliases.

const newaliases = (a: AliasesFile) => ({ kind: 'newaliases' as const, mapType: a.mapType, path: a.path });

// A forward address the aliases file can hold safely: a user or user@domain, nothing that pipes,
// writes a file, includes another file, or breaks the line.
function checkForwardAddress(addr: string | undefined): string | null {
  const t = fixText();
  if (!addr) return t.noAddress;
  if (!/^[A-Za-z0-9._%+-]+(@[A-Za-z0-9.-]+)?$/.test(addr)) return t.notPlainAddress(addr);
  if (/^root(@localhost)?$/i.test(addr)) return t.rootToRoot;
  return null;
}

// root-mail-stays-local: root's local targets replaced by the address (other targets kept), or a
// root: line added after the commented-out one, or at the end.
export const fixRootForward: FixPlanner = (f, c: HostConfig, o) => {
  const bad = checkForwardAddress(o.forwardRootTo);
  const t = fixText();
  if (bad) return refuse('needs-address', t.needsAddress(bad), t.needsAddressHint);
  const r = rootAlias(c.aliases);
  if (!r) return refuse('no-aliases-file', t.noAliasesFile, t.noAliasesFileHint);
  const addr = o.forwardRootTo!;
  const text = r.file.text;
  let after: string;
  if (r.entry) {
    const keep = r.entry.targets.filter((t) => !localRootTargets([t]).length && t !== addr);
    after = applyLineChanges(text, [{ line: r.entry.line, endLine: r.entry.endLine, lines: [`root:\t\t${[...keep, addr].join(', ')}`] }]);
  } else {
    const commented = r.parse.commented.find((x) => x.name === 'root');
    after = commented ? applyLineChanges(text, [{ line: commented.line + 1, endLine: commented.line, lines: [`root:\t\t${addr}`] }]) : appendLines(text, [`root:\t\t${addr}`]);
  }
  return plan(f, [edit(r.file.path, text, after)], [newaliases(r.file)]);
};

// decode-trap-missing: the commented decode line restored, or decode: root added at the end.
export const fixDecodeTrap: FixPlanner = (f, c) => {
  const r = rootAlias(c.aliases);
  if (!r) return refuse('no-aliases-file', fixText().noAliasesFile);
  if (firstAlias(r.parse, 'decode')) return plan(f, [], []);
  const commented = r.parse.commented.find((x) => x.name === 'decode');
  const after = commented
    ? applyLineChanges(r.file.text, [{ line: commented.line, endLine: commented.line, lines: ['decode:\t\troot'] }])
    : // i18n-ignore: the comment the packaged /etc/aliases has, written into the file as is
      appendLines(r.file.text, ['# trap decode to catch security attacks', 'decode:\t\troot']);
  return plan(f, [edit(r.file.path, r.file.text, after)], [newaliases(r.file)]);
};

// aliases-db-stale: no edit, only newaliases for the stale file(s) this finding names.
export const fixAliasesDb: FixPlanner = (f, c) => {
  const stale = c.aliases.filter((a) => a.path === f.where.file);
  return plan(f, [], stale.map(newaliases));
};
