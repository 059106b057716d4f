// Reads a shell variable file such as /etc/sysconfig/crond or /etc/default/cron: NAME=value lines,
// quotes removed, comments skipped, the last assignment wins (as when the shell sources it).

// A variable's value and the line that set it.
export interface ShellVar {
  value: string;
  line: number;
}

// The last assignment of name, or undefined when the file does not set it.
export function shellVar(text: string, name: string): ShellVar | undefined {
  let found: ShellVar | undefined;
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*?)\s*$/.exec(raw.replace(/\r$/, ''));
    if (m && m[1] === name) found = { value: m[2].replace(/^(['"])(.*)\1$/, '$2'), line: i + 1 };
  });
  return found;
}

// True when crond's arguments switch its mail off (-m off, -moff, -m "off").
export function crondMailOff(args: string): boolean {
  return /(^|\s)-m\s*['"]?off\b/.test(args);
}
