import fs from 'node:fs';
import path from 'node:path';

// The search path used when PATH is unset or empty: root's usual one on Debian and RHEL.
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

// Full path of an installed program found on PATH, or undefined: lets each step say "Postfix not
// installed" or "getfattr missing" clearly. PATH only, no built-in fallback directories: what the
// operator's PATH hides is absent, so a host without a tool is handled, and tested, as such.
export function findCommand(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  // With no PATH at all (env -i, some rescue shells) the system's default search path applies, as
  // for a login shell; a PATH that is set, even a short one, is taken as it is.
  const search = env.PATH ? env.PATH : DEFAULT_PATH;
  for (const dir of search.split(':').filter(Boolean)) {
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
