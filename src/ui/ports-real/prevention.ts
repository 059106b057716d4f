import fs from 'node:fs';
import type { SystemPaths } from '../../core/system-paths.js';
import { preventionAdvice, type PreventionItem } from '../../core/prevention-advice.js';

// Reads the rescued system's configuration (under --root when given) for the prevention checks.

const read = (p: string): string | null => {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

// The prevention checklist of the system at paths.
export async function prevention(paths: SystemPaths): Promise<PreventionItem[]> {
  const sys = (p: string) => paths.sys(p);
  const logwatchConf = read(sys('/etc/logwatch/conf/logwatch.conf'));
  return preventionAdvice({
    aliases: read(sys('/etc/aliases')),
    crontab: read(sys('/etc/crontab')),
    crond: read(sys('/etc/sysconfig/crond')),
    logwatchConf,
    logwatchInstalled: logwatchConf !== null || fs.existsSync(sys('/usr/share/logwatch')) || fs.existsSync(sys('/etc/logwatch')),
  });
}
