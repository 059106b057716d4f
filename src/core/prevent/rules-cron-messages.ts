import { catalogue } from '../i18n/speak.js';

// What the cron checks say: jobs whose output is mailed to root, and crond's own mail switch.
export const cronRulesText = catalogue({
  en: {
    /** mailto: the MAILTO line as it is, or null when the crontab has none above the jobs. */
    mailtoRoot: (jobs: number, file: string, mailto: string | null) =>
      `${jobs} job${jobs > 1 ? 's' : ''} in ${file} mail${jobs > 1 ? '' : 's'} root (${mailto ?? "no MAILTO: cron mails the job's user"}) and ${jobs > 1 ? 'have' : 'has'} no output redirection`,
    mailtoWhyForwarded: "root's mail is forwarded, so this reaches a person, but every run that prints something is one more mail",
    mailtoWhyLocal: "every run that prints something is one more mail in root's mailbox, which nobody reads (seed 000)",
    mailtoFix: (file: string) => `set MAILTO="" above the jobs in ${file} (or redirect their output), then reload crond`,
    job: (line: number, user: string, command: string) => `line ${line}: ${user} ${command}`,
    crondArgs: (value: string) => `CRONDARGS="${value}" has no -m off: crond mails job output`,
    crondUnset: (file: string) => `${file} does not set CRONDARGS: crond mails job output`,
    crondWhySilenced: 'MAILTO="" is set in a crontab, yet crond still mails for every crontab without it (per-user crontabs in /var/spool/cron too)',
    crondWhy: 'crond mails every job that prints something; -m off stops all cron mail at once (seed 000)',
    crondFix: (file: string) => `set CRONDARGS="-m off" in ${file}, then restart crond (it reads the file only at start)`,
  },
  ja: {
    mailtoRoot: (jobs: number, file: string, mailto: string | null) =>
      `${file} の ${jobs} 個のジョブが root にメールを送り（${mailto ?? 'MAILTO なし: cron はジョブのユーザーにメールを送ります'}）、出力をリダイレクトしていません`,
    mailtoWhyForwarded: 'root 宛てのメールは転送されるので人に届きますが、何かを出力する実行のたびにメールが 1 通増えます',
    mailtoWhyLocal: '何かを出力する実行のたびに、誰も読まない root のメールボックスにメールが 1 通増えます (seed 000)',
    mailtoFix: (file: string) => `${file} のジョブの上に MAILTO="" を置き（または出力をリダイレクトし）、crond を reload してください`,
    job: (line: number, user: string, command: string) => `${line} 行目: ${user} ${command}`,
    crondArgs: (value: string) => `CRONDARGS="${value}" に -m off がありません: crond はジョブの出力をメールで送ります`,
    crondUnset: (file: string) => `${file} が CRONDARGS を設定していません: crond はジョブの出力をメールで送ります`,
    crondWhySilenced: 'crontab に MAILTO="" がありますが、それのない crontab（/var/spool/cron のユーザー別 crontab も）については crond がメールを送り続けます',
    crondWhy: 'crond は何かを出力するジョブをすべてメールで送ります。-m off で cron のメールをまとめて止められます (seed 000)',
    crondFix: (file: string) => `${file} に CRONDARGS="-m off" を設定し、crond を再起動してください（このファイルは起動時にしか読まれません）`,
  },
});
