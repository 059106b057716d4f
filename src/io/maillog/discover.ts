import fs from 'node:fs';
import path from 'node:path';
import { mainCfValue, parseMainCf } from '../../core/postfix/main-cf.js';
import { postfixDurationSecs } from '../../core/maillog/postfix-duration.js';
import { SYSTEM_MAIL_LOGS, isRotatedSibling } from '../../core/maillog/rotation-names.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { readPostfixSettings } from '../postfix/settings.js';

// Finds the mail logs when the operator names none: Postfix's own maillog_file (main.cf) first,
// else the syslog mail log; then their rotated siblings, plain or gzip. Host paths.

// What was found and where the names came from.
export interface DiscoveredLogs {
  files: string[];
  /** The log the siblings were found for, or null when none exists. */
  base: string | null;
  source: 'maillog_file' | 'syslog' | 'none';
  /** maximal_queue_lifetime in seconds (main.cf, else the 5d default). */
  lifetimeSecs: number;
  /** Paths looked at (for the message when nothing was found). */
  looked: string[];
}

// The rotated siblings of a log (not the log itself), host paths.
function siblingsOf(log: string): string[] {
  const dir = path.dirname(log);
  const base = path.basename(log);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => isRotatedSibling(base, n)).map((n) => path.join(dir, n));
}

// maximal_queue_lifetime from main.cf (host path of the config directory).
export function queueLifetimeSecs(configDir: string): number {
  try {
    const cf = parseMainCf(fs.readFileSync(path.join(configDir, 'main.cf'), 'utf8'));
    return postfixDurationSecs(mainCfValue(cf, 'maximal_queue_lifetime') || '5d') ?? 5 * 86400;
  } catch {
    return 5 * 86400;
  }
}

// Finds the logs of this system (under --root when given).
export async function discoverMailLogs(paths: SystemPaths, postfixConfig?: string): Promise<DiscoveredLogs> {
  const settings = await readPostfixSettings({ paths, postfixConfig });
  const lifetimeSecs = queueLifetimeSecs(settings.configDir);
  const looked: string[] = [];
  const candidates: { file: string; source: DiscoveredLogs['source'] }[] = [];
  if (settings.maillogFile) candidates.push({ file: settings.maillogFile, source: 'maillog_file' });
  for (const p of SYSTEM_MAIL_LOGS) candidates.push({ file: paths.sys(p), source: 'syslog' });
  for (const c of candidates) {
    looked.push(c.file);
    const st = fs.lstatSync(c.file, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    return { files: [c.file, ...siblingsOf(c.file)], base: c.file, source: c.source, lifetimeSecs, looked };
  }
  return { files: [], base: null, source: 'none', lifetimeSecs, looked };
}
