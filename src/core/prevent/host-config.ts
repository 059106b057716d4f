// The facts the prevention checks read, gathered by src/io/prevent from the host (or --root):
// file texts with their system paths, Postfix's settings and where they came from, mounts.

// A configuration file as the rescued system names it, with its text.
export interface ConfigFile {
  /** System path (/etc/crontab), as shown to the operator. */
  path: string;
  text: string;
}

// Which crontab syntax a file uses: system files have a user field, per-user files do not.
export type CrontabKind = 'system' | 'user' | 'anacrontab';

// A crontab and whose it is (per-user crontabs are named after their owner).
export interface CrontabFile extends ConfigFile {
  kind: CrontabKind;
  /** Owner of a per-user crontab (its file name); undefined for system files. */
  owner?: string;
}

// An aliases file (from alias_database), its database file and both mtimes.
export interface AliasesFile extends ConfigFile {
  /** Map type from alias_database (hash, lmdb, cdb, ...). */
  mapType: string;
  mtimeMs: number;
  /** The database newaliases builds (path.db for hash), with its mtime; mtimeMs null when missing. */
  database: { path: string; mtimeMs: number | null };
}

// Postfix's effective settings and the overrides master.cf gives the smtpd services.
export interface PostfixFacts {
  /** Setting name → effective value (postconf -h, or main.cf parsed with defaults). */
  values: Record<string, string>;
  /** Names set explicitly in main.cf (postconf -n), so a finding can say "set in main.cf" or "default". */
  explicit: string[];
  source: 'postconf' | 'main.cf' | 'defaults';
  /** main.cf as the system names it. */
  mainCf: string;
  /** main.cf's text (null when missing): the fixes edit it like postconf -e, showing the diff first. */
  mainCfText: string | null;
  masterCf: ConfigFile | null;
}

// Space on the filesystems that matter for spool-on-root-fs.
export interface FsPlace {
  /** System path of the directory (queue, spool, /). */
  path: string;
  /** Device number of the filesystem it is on; null when it could not be read. */
  dev: number | null;
  sizeBytes: number | null;
}

// The maillog step's answer when it ran: did a retry storm fill the log (seed 001)?
export interface RetryStormInput {
  retryStorm: boolean;
  /** Lines or counts that show it, for the finding's details. */
  evidence: string[];
  /** When read from the incident file: the logs analysed and the verdicts, worded by the finding in the run's language. */
  fromIncident?: { files: string[] | null; verdicts: string[] };
}

// Everything the checks read; null/empty where the host has no such file.
export interface HostConfig {
  aliases: AliasesFile[];
  crontabs: CrontabFile[];
  /** /etc/sysconfig/crond (cronie), or null. */
  crondSysconfig: ConfigFile | null;
  logwatch: {
    installed: boolean;
    defaultConf: ConfigFile | null;
    overrideConf: ConfigFile | null;
    /** /etc/cron.daily/0logwatch or 00logwatch: decides which file DailyReport must be in. */
    cronScript: ConfigFile | null;
  };
  postfix: PostfixFacts;
  /** /etc/logrotate.conf and every file of /etc/logrotate.d. */
  logrotate: ConfigFile[];
  /** Mail log files that exist (system paths): maillog_file, /var/log/maillog, /var/log/mail.log. */
  maillogs: string[];
  /** Scripts of /etc/cron.{daily,weekly,...} (for `postfix logrotate`). */
  cronScripts: ConfigFile[];
  places: { root: FsPlace; queue: FsPlace; spool: FsPlace };
  /** Networks of the host's interfaces (CIDR); null under --root, where they are not the rescued system's. */
  hostNetworks: string[] | null;
  retryStorm: RetryStormInput | null;
  /** The cron daemon's service name (crond on RHEL, cron on Debian), or null when none is installed. */
  cronService: string | null;
}
