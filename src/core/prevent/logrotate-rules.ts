// Reads logrotate configuration: the path patterns before each `{ ... }` block, so the checks can
// tell whether a mail log is rotated. `include` is handled by the reader giving every file.

// One block's patterns and where it starts.
export interface LogrotateRule {
  file: string;
  line: number;
  patterns: string[];
}

// The rules of one configuration file (comments skipped, quoted patterns unquoted).
export function parseLogrotate(file: string, text: string): LogrotateRule[] {
  const out: LogrotateRule[] = [];
  let depth = 0;
  let pending: string[] = [];
  let startLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    for (const tok of line.match(/"[^"]*"|'[^']*'|\{|\}|[^\s{}]+/g) ?? []) {
      if (tok === '{') {
        if (depth === 0 && pending.length) out.push({ file, line: startLine, patterns: pending });
        pending = [];
        depth++;
      } else if (tok === '}') depth = Math.max(0, depth - 1);
      else if (depth === 0 && /^["']?\//.test(tok)) {
        if (!pending.length) startLine = i + 1;
        pending.push(tok.replace(/^["'](.*)["']$/, '$1'));
      }
    }
  });
  return out;
}

// Shell-glob match of one path against a logrotate pattern (*, ?, [...] within one component).
/** @internal unit-tested on its own: test/core/prevent/parsers.test.ts */
export function globMatches(pattern: string, p: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(p);
}

// The rule that rotates a path, or undefined.
export function ruleFor(rules: readonly LogrotateRule[], p: string): LogrotateRule | undefined {
  return rules.find((r) => r.patterns.some((pat) => globMatches(pat, p)));
}
