import fs from 'node:fs';
import path from 'node:path';
import type { SystemPaths } from '../../core/system-paths.js';
import type { UnreadConfig } from '../../core/prevent/apply-facts.js';

// Reads the rescued system's configuration files under --root: bounded size (a planted huge file
// cannot exhaust memory), regular files only, and every file it could not read remembered with
// the reason, so the report says what was not checked instead of guessing.

const MAX_BYTES = 4 << 20;

// A reader bound to one system (--root) that collects what it could not read.
export interface ConfigReader {
  paths: SystemPaths;
  /** "path: reason" for each file that exists but could not be read. */
  unreadable: UnreadConfig[];
  /** Text of a system path; null when missing (or unreadable, which is recorded). */
  text(systemPath: string): string | null;
  /** Regular files directly in a system directory (system paths, sorted), skipping editor and package leftovers. */
  files(systemDir: string): string[];
  /** True when the system path exists (any type). */
  exists(systemPath: string): boolean;
  /** mtime in ms of a system path, null when missing. */
  mtimeMs(systemPath: string): number | null;
}

// Names cron and run-parts ignore (and so does this check): dot files, backups, package leftovers.
function ignoredConfigName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(rpm(save|new|orig)|dpkg-(old|new|dist|bak|tmp)|swp|bak)$/.test(name);
}

// Creates the reader; paths from Postfix settings that already point inside --root stay as they are.
export function createConfigReader(paths: SystemPaths): ConfigReader {
  const unreadable: UnreadConfig[] = [];
  const host = (p: string) => paths.arg(p);
  return {
    paths,
    unreadable,
    text(systemPath) {
      const h = host(systemPath);
      try {
        const st = fs.statSync(h);
        if (!st.isFile()) return null;
        if (st.size > MAX_BYTES) {
          unreadable.push({ code: 'too-large', path: systemPath, size: st.size, limit: MAX_BYTES });
          return null;
        }
        return fs.readFileSync(h, 'utf8');
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unreadable.push({ code: 'failed', path: systemPath, message: err.message });
        return null;
      }
    },
    files(systemDir) {
      try {
        return fs
          .readdirSync(host(systemDir), { withFileTypes: true })
          .filter((d) => d.isFile() && !ignoredConfigName(d.name))
          .map((d) => path.posix.join(systemDir, d.name))
          .sort();
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unreadable.push({ code: 'failed', path: systemDir, message: err.message });
        return [];
      }
    },
    exists: (p) => fs.existsSync(host(p)),
    mtimeMs(p) {
      try {
        return fs.statSync(host(p)).mtimeMs;
      } catch {
        return null;
      }
    },
  };
}
