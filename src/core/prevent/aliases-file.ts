// Reads aliases(5) text as Postfix does: `name: target, target`, continuation lines that start
// with whitespace, `#` comment lines; keeps line numbers so a finding can point at the line.

// One alias: its name (lower case, as Postfix matches it), its targets and where it is.
export interface AliasEntry {
  name: string;
  targets: string[];
  /** 1-based first line and last (continuation) line. */
  line: number;
  endLine: number;
}

// An alias switched off by a comment (`#root: marc`, `# decode: root`): the fix can restore it.
interface CommentedAlias {
  name: string;
  targets: string[];
  line: number;
}

export interface AliasesParse {
  entries: AliasEntry[];
  commented: CommentedAlias[];
}

// Splits a target list on commas outside double quotes ("|/usr/bin/cmd, arg" stays one target).
/** @internal unit-tested on its own: test/core/prevent/parsers.test.ts */
export function splitTargets(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

const ENTRY = /^("[^"]+"|[^\s:#"]+)\s*:\s*(.*)$/;
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');

// Parses the text; later duplicates are kept (Postfix warns and uses the first: see firstAlias).
export function parseAliases(text: string): AliasesParse {
  const entries: AliasEntry[] = [];
  const commented: CommentedAlias[] = [];
  const lines = text.split('\n');
  let open: AliasEntry | null = null;
  let value = '';
  const close = () => {
    if (open) {
      open.targets = splitTargets(value);
      entries.push(open);
    }
    open = null;
    value = '';
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*#/.test(line)) {
      const m = ENTRY.exec(line.replace(/^\s*#\s*/, ''));
      if (m && !/\s/.test(unquote(m[1]))) commented.push({ name: unquote(m[1]).toLowerCase(), targets: splitTargets(m[2]), line: i + 1 });
      return;
    }
    if (/^\s*$/.test(line)) {
      close();
      return;
    }
    if (/^\s/.test(line)) {
      if (open) {
        value += ' ' + line.trim();
        (open as AliasEntry).endLine = i + 1;
      }
      return;
    }
    close();
    const m = ENTRY.exec(line);
    if (m) {
      open = { name: unquote(m[1]).toLowerCase(), targets: [], line: i + 1, endLine: i + 1 };
      value = m[2];
    }
  });
  close();
  return { entries, commented };
}

// The entry Postfix uses for a name: the first one in the file.
export function firstAlias(parse: AliasesParse, name: string): AliasEntry | undefined {
  return parse.entries.find((e) => e.name === name.toLowerCase());
}

// How root's targets keep mail on this host: a target `root` (a loop Postfix delivers locally) or
// `\root` (deliver locally as well); anything else forwards.
export function localRootTargets(targets: readonly string[]): string[] {
  return targets.filter((t) => /^\\?root(@localhost)?$/i.test(t.replace(/^"(.*)"$/, '$1')));
}
