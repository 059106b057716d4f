import fs from 'node:fs';
import path from 'node:path';

// Full path of an installed program found on PATH, or undefined: lets each step say "Postfix not
// installed" or "getfattr missing" clearly. PATH only, no built-in fallback directories: what the
// operator's PATH hides is absent, so a host without a tool is handled, and tested, as such.
export function findCommand(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(':').filter(Boolean)) {
    const full = path.join(dir, name);
    try {
      fs.accessSync(full, fs.constants.X_OK);
      if (fs.statSync(full).isFile()) return full;
    } catch {
      // not here
    }
  }
  return undefined;
}
