import { catalogue } from '../i18n/speak.js';

// What the logwatch check says: its report mailed to root every day.
export const logwatchRulesText = catalogue({
  en: {
    dailyReportSet: (value: string, script: string) => `DailyReport = ${value}: ${script} mails logwatch's report every day`,
    /** files: the configuration files the script reads, joined, or null when it names none. */
    dailyReportUnset: (script: string, files: string | null) => `${script} runs logwatch every day (DailyReport is not set to No in ${files ?? 'its configuration'})`,
    or: ' or ',
    why: "the report goes to root every day; with root's mail kept locally it grows root's mailbox for years (seed 000)",
    fix: (target: string) => `set DailyReport = No in ${target} (configuration, not the cron script: package updates restore the script)`,
    mailTo: (script: string, to: string) => `${script} mails logwatch's report to ${to} every day and does not read DailyReport`,
    mailToWhy: "the report lands in root's mailbox daily; this cron script has no off switch in the configuration",
    mailToFix: (conf: string) =>
      `remove the logwatch package if another monitor covers it, or set MailTo = <address> in ${conf}; not edited automatically (the right address is yours to choose)`,
  },
  ja: {
    dailyReportSet: (value: string, script: string) => `DailyReport = ${value}: ${script} が logwatch のレポートを毎日メールで送ります`,
    dailyReportUnset: (script: string, files: string | null) => `${script} が毎日 logwatch を実行します（${files ?? 'その設定'}で DailyReport が No になっていません）`,
    or: ' または ',
    why: 'レポートは毎日 root に届きます。root 宛てのメールがこのホストに残る設定では、root のメールボックスが何年も膨らみ続けます (seed 000)',
    fix: (target: string) => `${target} に DailyReport = No を設定してください（cron スクリプトではなく設定ファイルに。スクリプトはパッケージ更新で元に戻ります）`,
    mailTo: (script: string, to: string) => `${script} が logwatch のレポートを毎日 ${to} にメールで送り、DailyReport を読みません`,
    mailToWhy: 'レポートは毎日 root のメールボックスに届きます。この cron スクリプトには設定で止める手段がありません',
    mailToFix: (conf: string) =>
      `ほかの監視で足りるなら logwatch パッケージを削除するか、${conf} に MailTo = <アドレス> を設定してください。宛先は管理者が決めることなので自動では編集しません`,
  },
});
