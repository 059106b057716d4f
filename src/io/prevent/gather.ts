import type { UnreadConfig } from '../../core/prevent/apply-facts.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AliasesFile, ConfigFile, CrontabFile, FsPlace, HostConfig, RetryStormInput } from '../../core/prevent/host-config.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { statfsPaths } from '../disks/statfs.js';
import { createConfigReader, type ConfigReader } from './config-reader.js';
import { readPostfixFacts } from './postfix-facts.js';

// Gathers everything the prevention checks read from the rescued system (under --root when
// given): aliases and their databases, every crontab, cronie's sysconfig, logwatch, Postfix,
// logrotate, the mail logs, and which filesystems the queue and the spool are on.

// What gatherConfig needs: the system, the Postfix instance and the maillog step's answer.
export interface GatherOptions {
  paths: SystemPaths;
  /** Host path of the Postfix configuration directory. */
  postfixConfigDir: string;
  retryStorm?: RetryStormInput | null;
  signal?: AbortSignal;
}

// The facts and the files that exist but could not be read.
export interface Gathered {
  config: HostConfig;
  unreadable: UnreadConfig[];
}

const DB_SUFFIX: Record<string, string> = { hash: '.db', btree: '.db', lmdb: '.lmdb', cdb: '.cdb', dbm: '.pag', sdbm: '.pag' };

function aliasesFiles(r: ConfigReader, aliasDatabase: string): AliasesFile[] {
  const out: AliasesFile[] = [];
  for (const spec of aliasDatabase.split(/[\s,]+/).filter(Boolean)) {
    const m = /^([a-z0-9]+):(\/.+)$/.exec(spec);
    if (!m) continue;
    const sys = r.paths.toSystem(r.paths.arg(m[2]));
    const text = r.text(sys);
    if (text === null) continue;
    const suffix = DB_SUFFIX[m[1]];
    const dbPath = suffix ? sys + suffix : sys;
    out.push({ path: sys, text, mapType: m[1], mtimeMs: r.mtimeMs(sys) ?? 0, database: { path: dbPath, mtimeMs: suffix ? r.mtimeMs(dbPath) : r.mtimeMs(sys) } });
  }
  return out;
}

function crontabs(r: ConfigReader): CrontabFile[] {
  const out: CrontabFile[] = [];
  const add = (p: string, kind: CrontabFile['kind'], owner?: string) => {
    const text = r.text(p);
    if (text !== null) out.push({ path: p, text, kind, owner });
  };
  add('/etc/crontab', 'system');
  for (const p of r.files('/etc/cron.d')) add(p, 'system');
  add('/etc/anacrontab', 'anacrontab');
  for (const p of r.files('/var/spool/cron')) add(p, 'user', path.basename(p));
  for (const p of r.files('/var/spool/cron/crontabs')) add(p, 'user', path.basename(p));
  return out;
}

const file = (r: ConfigReader, p: string): ConfigFile | null => {
  const text = r.text(p);
  return text === null ? null : { path: p, text };
};

async function places(r: ConfigReader, queue: string, spool: string, signal?: AbortSignal): Promise<HostConfig['places']> {
  const sysPaths = ['/', queue, spool];
  const hosts = sysPaths.map((p) => r.paths.arg(p));
  const sizes = await statfsPaths(hosts, { signal });
  const place = (i: number): FsPlace => {
    let dev: number | null = null;
    try {
      dev = fs.statSync(hosts[i]).dev;
    } catch {
      // missing: not on any filesystem we can name
    }
    const s = sizes[i];
    return { path: sysPaths[i], dev, sizeBytes: s.ok ? s.stats.blocks * s.stats.bsize : null };
  };
  return { root: place(0), queue: place(1), spool: place(2) };
}

// The networks of this host's interfaces as CIDR text (for mynetworks on the live system).
function hostNetworks(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.cidr)
    .map((i) => i!.cidr!);
}

// Reads the whole configuration once.
export async function gatherConfig(o: GatherOptions): Promise<Gathered> {
  const r = createConfigReader(o.paths);
  const postfix = await readPostfixFacts(r, o.postfixConfigDir, o.signal);
  const pv = (n: string) => postfix.values[n] ?? '';
  const logwatchScript = file(r, '/etc/cron.daily/0logwatch') ?? file(r, '/etc/cron.daily/00logwatch');
  const defaultConf = file(r, '/usr/share/logwatch/default.conf/logwatch.conf');
  const ownLog = pv('maillog_file');
  const logCandidates = [ownLog && path.isAbsolute(ownLog) && !ownLog.startsWith('/dev/') ? r.paths.toSystem(r.paths.arg(ownLog)) : '', '/var/log/maillog', '/var/log/mail.log'].filter(Boolean);
  const cronService = r.exists('/etc/sysconfig/crond') || r.exists('/usr/sbin/crond') ? 'crond' : r.exists('/usr/sbin/cron') || r.exists('/etc/default/cron') || r.exists('/var/spool/cron/crontabs') ? 'cron' : null;
  const config: HostConfig = {
    aliases: aliasesFiles(r, pv('alias_database')),
    crontabs: crontabs(r),
    crondSysconfig: file(r, '/etc/sysconfig/crond'),
    logwatch: {
      installed: defaultConf !== null || logwatchScript !== null || r.exists('/usr/sbin/logwatch') || r.exists('/usr/share/logwatch'),
      defaultConf,
      overrideConf: file(r, '/etc/logwatch/conf/logwatch.conf'),
      cronScript: logwatchScript,
    },
    postfix,
    logrotate: [file(r, '/etc/logrotate.conf'), ...r.files('/etc/logrotate.d').map((p) => file(r, p))].filter((x): x is ConfigFile => x !== null),
    maillogs: [...new Set(logCandidates)].filter((p) => r.exists(p)),
    cronScripts: ['hourly', 'daily', 'weekly', 'monthly'].flatMap((d) => r.files(`/etc/cron.${d}`).map((p) => file(r, p))).filter((x): x is ConfigFile => x !== null),
    places: await places(r, r.paths.toSystem(r.paths.arg(pv('queue_directory'))), r.paths.toSystem(r.paths.arg(pv('mail_spool_directory'))), o.signal),
    hostNetworks: o.paths.root === undefined ? hostNetworks() : null,
    retryStorm: o.retryStorm ?? null,
    cronService,
  };
  return { config, unreadable: r.unreadable };
}
