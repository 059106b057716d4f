import type { Finding } from './finding.js';
import type { ConfigFile, HostConfig } from './host-config.js';
import { confValue, dailyReportOff, readLogwatchCronScript } from './logwatch-conf.js';

// logwatch-daily-report (seed 000): logwatch installed and its daily mail to root on. RHEL's
// 0logwatch reads DailyReport from the files it names; Debian's 00logwatch ignores it and mails
// MailTo (root by default), so there only MailTo or removing the package helps.

const LOGWATCH_OVERRIDE = '/etc/logwatch/conf/logwatch.conf';

// The file DailyReport = No must go into for this host's cron script: the override when the
// script reads it (it wins over the package default), else the file the script reads.
export function dailyReportTarget(confFiles: readonly string[]): string {
  return confFiles.includes(LOGWATCH_OVERRIDE) ? LOGWATCH_OVERRIDE : (confFiles[0] ?? LOGWATCH_OVERRIDE);
}

// The finding, or none when logwatch is absent, unscheduled, or already quiet.
export function logwatchDailyReport(c: HostConfig): Finding[] {
  const lw = c.logwatch;
  if (!lw.installed || !lw.cronScript) return [];
  const script = readLogwatchCronScript(lw.cronScript.text);
  const files = [lw.overrideConf, lw.defaultConf].filter((f): f is ConfigFile => f !== null);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const base = { code: 'logwatch-daily-report' as const, id: 'logwatch-daily-report', severity: 'medium' as const };
  if (script.readsDailyReport) {
    const order = [...script.confFiles].sort((a, b) => Number(b === LOGWATCH_OVERRIDE) - Number(a === LOGWATCH_OVERRIDE));
    const set = order
      .map((p) => ({ p, v: byPath.has(p) ? confValue(byPath.get(p)!.text, 'DailyReport', 'first') : undefined }))
      .find((x) => x.v);
    if (dailyReportOff(set?.v?.value)) return [];
    const target = dailyReportTarget(script.confFiles);
    return [{
      ...base,
      where: set ? { file: set.p, line: set.v!.line } : { file: lw.cronScript.path },
      fixable: true,
      facts: set ? { case: 'daily-report-set', value: set.v!.value, script: lw.cronScript.path, target } : { case: 'daily-report-unset', script: lw.cronScript.path, confFiles: script.confFiles, target },
    }];
  }
  const mailTo = (lw.overrideConf && confValue(lw.overrideConf.text, 'MailTo', 'last')) || (lw.defaultConf && confValue(lw.defaultConf.text, 'MailTo', 'last')) || undefined;
  if (mailTo && !/^root(@localhost)?$/i.test(mailTo.value)) return [];
  return [{
    ...base,
    where: { file: lw.cronScript.path },
    fixable: false,
    facts: { case: 'mail-to', script: lw.cronScript.path, mailTo: mailTo?.value ?? 'root', conf: LOGWATCH_OVERRIDE },
  }];
}
