import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue prevent` says in its help.
export const preventText = catalogue({
  en: {
    summary: 'find what will fill the disk again (root mail, cron, logwatch, Postfix limits) and fix it safely',
    positionals: {
    },
    flags: {
      apply: 'fix these findings (codes, or ids like cron-mailto-root@/etc/cron.d/job); nothing else is edited',
      yes: 'do not ask for confirmation',
      'forward-root-to': 'where root\'s mail goes (root-mail-stays-local): a login account or user@domain',
      'backup-dir': 'where backups of edited files go (default /var/backups/spoolrescue, under --root)',
      incident: 'append the closing section (timeline, fixes, open findings) to this incident file',
      'force-destination': 'write the incident file even on a full filesystem or the troubled one',
    },
    details: (codes: string) =>
      [
        `Codes: ${codes}.`,
        'Reads /etc/aliases (alias_database), /etc/crontab, /etc/cron.d, /etc/anacrontab, /var/spool/cron,',
        '/etc/sysconfig/crond, logwatch (package default and /etc/logwatch overrides), main.cf and master.cf,',
        'logrotate. --apply shows the diffs and commands first, asks you to type apply (or --yes), keeps a',
        'timestamped backup of each file, rewrites it atomically (owner and mode kept), then runs the reload',
        'it needs: newaliases (postalias), postfix check and reload, crond reload. Under --root daemon reloads',
        'are not run (the result says so). Applying again changes nothing. Exit 3 when a fix is refused.',
      ].join('\n'),
  },
  ja: {
    summary: '再びディスクを埋めるもの（root 宛メール、cron、logwatch、Postfix の上限）を見つけ、安全に直す',
    positionals: {
    },
    flags: {
      apply: 'これらの指摘を直す（コード、または cron-mailto-root@/etc/cron.d/job のような ID）。ほかは編集しない',
      yes: '確認を求めない',
      'forward-root-to': 'root 宛メールの転送先（root-mail-stays-local）: ログインアカウントまたは user@domain',
      'backup-dir': '編集したファイルのバックアップ先（既定 /var/backups/spoolrescue、--root の下）',
      incident: '締めくくりのセクション（経過、修正、残った指摘）をこの証跡ファイルに追記する',
      'force-destination': 'ディスクフルや障害中のファイルシステムでも証跡ファイルに書く',
    },
    details: (codes: string) =>
      [
        `コード: ${codes}。`,
        '',
        '/etc/aliases（alias_database）、/etc/crontab、/etc/cron.d、/etc/anacrontab、/var/spool/cron、',
        '/etc/sysconfig/crond、logwatch（パッケージの既定と /etc/logwatch の上書き）、main.cf と master.cf、',
        'logrotate を読みます。--apply はまず差分とコマンドを示し、apply の入力（または --yes）を求め、',
        '各ファイルの日時付きバックアップを残してアトミックに書き換え（所有者とモードは維持）、必要な',
        '再読み込みを実行します: newaliases（postalias）、postfix check と reload、crond reload。',
        '--root の下ではデーモンの再読み込みは実行しません（結果にそう示します）。もう一度適用しても',
        '何も変わりません。修正を拒否したときは終了コード 3 です。',
      ].join('\n'),
  },
});
