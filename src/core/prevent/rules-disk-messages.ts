import { catalogue } from '../i18n/speak.js';

// What the disk checks say: a mail log nothing rotates, the spool on the root filesystem.
export const diskRulesText = catalogue({
  en: {
    notRotated: (postfixOwn: boolean, log: string) => `no logrotate rule${postfixOwn ? " and no 'postfix logrotate' job" : ''} covers ${log}`,
    notRotatedWhy: 'a retry storm or a spam run writes hundreds of MB a day to the mail log (seed 001: 1.5 GB); unrotated, it fills /var',
    notRotatedFixOwn: (log: string) => `run 'postfix logrotate' daily from cron (maillog_file_rotate_suffix, maillog_file_compressor), or add ${log} to a logrotate rule`,
    notRotatedFix: (log: string) =>
      `add ${log} to a rule in /etc/logrotate.d (e.g. the syslog daemon's rule, with its postrotate reload); not written automatically: the syslog daemon's reload differs per host`,
    onRoot: (paths: string, several: boolean, minfree: string, none: boolean) =>
      `${paths} ${several ? 'are' : 'is'} on the root filesystem, and queue_minfree = ${minfree} keeps ${none ? 'no' : 'little'} room back`,
    onRootWhy: 'when mail fills the root filesystem, everything else stops too (logins, logs, databases); a reserve makes Postfix refuse mail (452, retried by senders) before that',
    onRootFix: (want: string) => `postconf -e queue_minfree=${want}, then postfix reload (mailbox_size_limit bounds the spool); a separate filesystem for /var/spool is the lasting fix`,
    and: ' and ',
  },
  ja: {
    notRotated: (postfixOwn: boolean, log: string) => `${log} を対象とする logrotate のルール${postfixOwn ? 'も「postfix logrotate」のジョブ' : ''}がありません`,
    notRotatedWhy: '再送の嵐やスパムの大量送信はメールログに 1 日数百 MB を書き込みます (seed 001: 1.5 GB)。ローテートしなければ /var を埋めます',
    notRotatedFixOwn: (log: string) => `cron から毎日「postfix logrotate」を実行するか (maillog_file_rotate_suffix, maillog_file_compressor)、${log} を logrotate のルールに加えてください`,
    notRotatedFix: (log: string) =>
      `${log} を /etc/logrotate.d のルール（syslog デーモンのルールと postrotate の reload など）に加えてください。reload の方法はホストごとに違うため自動では書き込みません`,
    onRoot: (paths: string, several: boolean, minfree: string, none: boolean) =>
      `${paths} がルートファイルシステム上にあり、queue_minfree = ${minfree} では空き容量を${none ? 'まったく' : 'ほとんど'}残せません`,
    onRootWhy: 'メールがルートファイルシステムを埋めると、ほかのすべて（ログイン、ログ、データベース）も止まります。余裕を残しておけば、その前に Postfix がメールを断ります（452、送信側が再送）',
    onRootFix: (want: string) => `postconf -e queue_minfree=${want} のあと postfix reload を実行してください（スプールは mailbox_size_limit で抑えます）。根本対策は /var/spool を別のファイルシステムにすることです`,
    and: ' と ',
  },
});
