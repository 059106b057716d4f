import { configPathText } from './postfix/messages.js';

// A path read from configuration (main.cf's mail_spool_directory, queue_directory) grants the
// right to purge below it without --any-directory. A wrong or hostile value such as
// `mail_spool_directory = /` must not turn /home, /usr/lib or /var/log into "the mail spool".

// System directories that are never a mail spool or a Postfix queue directory themselves.
const NEVER = new Set(['/', '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib32', '/lib64', '/libx32', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var', '/var/cache', '/var/lib', '/var/log', '/var/spool', '/var/tmp']);
// Trees no mail spool or queue lives in.
const NEVER_UNDER = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/sbin', '/sys', '/usr', '/var/log'];

// Why a configured directory (a system path, as main.cf names it) cannot stand for a mail spool
// or queue directory, or null when it can.
export function implausibleMailDirectory(systemPath: string): string | null {
  const p = systemPath.length > 1 ? systemPath.replace(/\/+$/, '') : systemPath;
  if (NEVER.has(p)) return configPathText().systemDirectory(p);
  const under = NEVER_UNDER.find((d) => p.startsWith(d + '/'));
  return under ? configPathText().insideSystemTree(p, under) : null;
}
