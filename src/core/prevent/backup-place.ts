// Where backups of edited files may go: never where the program that reads the original would
// pick the copy up as configuration (cron reads every file in /etc/cron.d and in its spool;
// logrotate every file in /etc/logrotate.d; Postfix and logwatch their conf directories).
import { fixText } from './fix-messages.js';

// Directories whose every file is read as configuration.
const CONFIG_READ_DIRS = ['/etc/cron.d', '/etc/cron.hourly', '/etc/cron.daily', '/etc/cron.weekly', '/etc/cron.monthly', '/var/spool/cron', '/etc/logrotate.d', '/etc/logwatch', '/etc/postfix', '/etc/sysconfig'];

// The default backup directory (a system path).
export const DEFAULT_BACKUP_DIR = '/var/backups/spoolrescue';

// Why a backup directory is unsafe, or null when it is fine.
export function backupDirProblem(systemDir: string): string | null {
  const d = systemDir.replace(/\/+$/, '') || '/';
  const hit = CONFIG_READ_DIRS.find((c) => d === c || d.startsWith(c + '/'));
  return hit ? fixText().backupInConfigDir(systemDir, hit) : null;
}

// The backup's file name: the original's system path flattened, then a UTC time stamp.
export function backupName(systemPath: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${systemPath.replace(/^\/+/, '').replace(/\//g, '__')}.${stamp}`;
}
