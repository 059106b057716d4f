import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The optional tools a minimal server may lack (Debian's attr, acl, e2fsprogs' lsattr/chattr,
// python3, Postfix's postlock): hidden together by CI's minimal-host leg and by tests that prove
// the behaviour without them.
export const OPTIONAL_TOOLS = ['getfattr', 'setfattr', 'getfacl', 'setfacl', 'lsattr', 'chattr', 'python3', 'postlock'] as const;

const made = new Map<string, string>();

// A PATH with every program of the current PATH except `hidden`: one directory of symlinks (the
// programs still exist on disk; the tool finds programs on PATH only, so they are absent to it).
export function pathWithout(hidden: readonly string[] = OPTIONAL_TOOLS): string {
  const key = [...hidden].sort().join(',');
  const known = made.get(key);
  if (known) return known;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-minimal-path-'));
  for (const from of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    let names: string[];
    try {
      names = fs.readdirSync(from);
    } catch {
      continue;
    }
    for (const name of names) {
      if (hidden.includes(name) || fs.existsSync(path.join(dir, name))) continue;
      try {
        fs.accessSync(path.join(from, name), fs.constants.X_OK);
        fs.symlinkSync(path.join(from, name), path.join(dir, name));
      } catch {
        // not a program, or a dangling link
      }
    }
  }
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  made.set(key, dir);
  return dir;
}
