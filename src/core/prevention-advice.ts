// What stops root's mailbox (or a queue) from filling the disk again, checked against the rescued
// system's own files (DOMAIN.md, "prevention"): root's mail forwarded with the decode trap kept,
// cron told not to mail, cronie's -m off, logwatch's daily report off.

// One measure, whether the system already has it, and where to change it.
export interface PreventionItem {
  title: string;
  /** 'ok' when already in place, 'todo' when not, 'unknown' when the file could not be read. */
  status: 'ok' | 'todo' | 'unknown';
  detail: string;
  file: string;
}

// The files the checks read (null: the file does not exist or could not be read).
export interface PreventionFiles {
  aliases: string | null;
  crontab: string | null;
  /** /etc/sysconfig/crond (cronie on the RHEL family); null where it does not exist. */
  crond: string | null;
  /** logwatch.conf, null when absent. */
  logwatchConf: string | null;
  logwatchInstalled: boolean;
}

const lines = (text: string) => text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);

// The alias target of a name in aliases(5) text (continuation lines joined), or undefined.
export function aliasTarget(text: string, name: string): string | undefined {
  const joined = text.replace(/\n[ \t]+/g, ' ');
  for (const l of lines(joined)) {
    const m = /^([^:\s]+)\s*:\s*(.*)$/.exec(l);
    if (m && m[1].toLowerCase() === name) return m[2].trim();
  }
  return undefined;
}

// The last MAILTO= value in a crontab, quotes removed, or undefined.
export function crontabMailto(text: string): string | undefined {
  let value: string | undefined;
  for (const l of lines(text)) {
    const m = /^MAILTO\s*=\s*(.*)$/.exec(l);
    if (m) value = m[1].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return value;
}

// The checks, in the order the summary shows them.
export function preventionAdvice(f: PreventionFiles): PreventionItem[] {
  const out: PreventionItem[] = [];
  if (f.aliases === null) {
    out.push({ title: "Forward root's mail", status: 'unknown', detail: 'no /etc/aliases to check', file: '/etc/aliases' });
  } else {
    const root = aliasTarget(f.aliases, 'root');
    const forwarded = root !== undefined && root !== '' && !/^root$/i.test(root);
    out.push({
      title: "Forward root's mail",
      status: forwarded ? 'ok' : 'todo',
      detail: forwarded ? `root: ${root}` : "add 'root: someone@example.org' to /etc/aliases, then run newaliases",
      file: '/etc/aliases',
    });
    const decode = aliasTarget(f.aliases, 'decode');
    out.push({
      title: 'Keep the decode trap',
      status: decode !== undefined ? 'ok' : 'todo',
      detail: decode !== undefined ? `decode: ${decode}` : "keep 'decode: root' so mail to decode is not piped anywhere",
      file: '/etc/aliases',
    });
  }
  if (f.crontab === null) {
    out.push({ title: 'Stop cron mailing root', status: 'unknown', detail: 'no /etc/crontab; check per-user crontabs in /var/spool/cron/', file: '/etc/crontab' });
  } else {
    const mailto = crontabMailto(f.crontab);
    const ok = mailto !== undefined && mailto.toLowerCase() !== 'root';
    out.push({
      title: 'Stop cron mailing root',
      status: ok ? 'ok' : 'todo',
      detail: ok ? `MAILTO="${mailto}"` : 'set MAILTO="" (or an address) in /etc/crontab and in crontabs under /var/spool/cron/',
      file: '/etc/crontab',
    });
  }
  if (f.crond !== null) {
    const off = /CRONDARGS\s*=\s*["']?[^"'\n]*-m\s*off/.test(f.crond);
    out.push({ title: "cronie's own mail", status: off ? 'ok' : 'todo', detail: off ? 'CRONDARGS has -m off' : 'set CRONDARGS="-m off"', file: '/etc/sysconfig/crond' });
  }
  if (f.logwatchInstalled) {
    const m = f.logwatchConf === null ? undefined : /^\s*DailyReport\s*=\s*(\S+)/im.exec(f.logwatchConf);
    const off = m !== undefined && m !== null && /^no$/i.test(m[1]);
    out.push({ title: "logwatch's daily report", status: off ? 'ok' : 'todo', detail: off ? 'DailyReport = No' : 'set DailyReport = No (or send it elsewhere than root)', file: '/etc/logwatch/conf/logwatch.conf' });
  }
  return out;
}
