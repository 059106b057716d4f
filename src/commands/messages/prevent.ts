import { catalogue } from '../../core/i18n/speak.js';

// What `spoolrescue prevent` says: its help, its question, what it changed and what it recorded.
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
    noTerminal: 'spoolrescue prevent: not a terminal, so no confirmation can be asked; nothing was changed.',
    addYes: 'Add --yes to apply without asking.',
    typeApply: "Type 'apply' to make these changes; anything else cancels: ",
    notConfirmed: 'spoolrescue prevent: not confirmed; nothing was changed.',
    recordEdit: (ok: boolean, file: string, backup: string | null, created: boolean, error: string | undefined) =>
      `- ${ok ? 'edited' : 'FAILED to edit'} ${file}${backup ? `; backup ${backup}` : created ? ' (created)' : ''}${error ? `: ${error}` : ''}`,
    recordCommand: (command: string, ran: boolean, ok: boolean, note: string | undefined) =>
      `- \`${command}\`: ${ran ? (ok ? 'ok' : `failed${note ? ` (${note})` : ''}`) : note}`,
    recordVerified: (id: string, fixed: boolean) => `- ${id}: ${fixed ? 'gone when the configuration was read again' : 'STILL PRESENT after the change'}`,
    applyNeedsCode: 'spoolrescue prevent: --apply needs at least one finding code',
    stopped: (reason: string) => `spoolrescue prevent: ${reason}`,
    refused: (reason: string) => `spoolrescue prevent: ${reason}; nothing was changed.`,
    alreadyFine: (id: string) => `${id}: no such finding on this host (already fixed?); nothing to change`,
    edited: (file: string, backup: string | null) => `edited ${file}${backup ? ` (backup: ${backup})` : ' (created)'}`,
    editFailed: (error: string | undefined) => `FAILED: ${error}`,
    commandOutcome: (command: string, ran: boolean, ok: boolean, note: string | undefined) =>
      `${ran ? (ok ? 'ran' : 'FAILED') : 'skipped'}: ${command}${note ? ` — ${note}` : ''}`,
    verified: (id: string, fixed: boolean) => `${id}: ${fixed ? 'fixed (gone when read again)' : 'STILL PRESENT'}`,
    recordFailed: (file: string, message: string | undefined) => `spoolrescue prevent: recording in ${file} failed: ${message}`,
    recorded: (file: string) => `recorded in ${file}`,
    incidentUnwritable: (file: string, message: string | undefined) => `spoolrescue prevent: cannot write the incident file ${file}: ${message}`,
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
    noTerminal: 'spoolrescue prevent: 端末がないため確認できません。何も変更していません。',
    addYes: '確認なしで適用するには --yes を付けてください。',
    typeApply: '変更するには apply と入力してください。ほかの入力では中止します: ',
    notConfirmed: 'spoolrescue prevent: 確認されませんでした。何も変更していません。',
    recordEdit: (ok: boolean, file: string, backup: string | null, created: boolean, error: string | undefined) =>
      `- ${file} を${ok ? '編集しました' : '編集できませんでした'}${backup ? `（バックアップ ${backup}）` : created ? '（新規作成）' : ''}${error ? `: ${error}` : ''}`,
    recordCommand: (command: string, ran: boolean, ok: boolean, note: string | undefined) =>
      `- \`${command}\`: ${ran ? (ok ? '成功' : `失敗${note ? `（${note}）` : ''}`) : note}`,
    recordVerified: (id: string, fixed: boolean) => `- ${id}: ${fixed ? '設定を読み直すと解消していました' : '変更後も残っています'}`,
    applyNeedsCode: 'spoolrescue prevent: --apply には指摘のコードを 1 つ以上指定してください',
    stopped: (reason: string) => `spoolrescue prevent: ${reason}`,
    refused: (reason: string) => `spoolrescue prevent: ${reason}。何も変更していません。`,
    alreadyFine: (id: string) => `${id}: このホストにその指摘はありません（修正済み？）。変更するものはありません`,
    edited: (file: string, backup: string | null) => `${file} を編集しました${backup ? `（バックアップ: ${backup}）` : '（新規作成）'}`,
    editFailed: (error: string | undefined) => `失敗: ${error}`,
    commandOutcome: (command: string, ran: boolean, ok: boolean, note: string | undefined) =>
      `${ran ? (ok ? '実行' : '失敗') : '省略'}: ${command}${note ? ` — ${note}` : ''}`,
    verified: (id: string, fixed: boolean) => `${id}: ${fixed ? '修正済み（読み直すと解消）' : 'まだ残っています'}`,
    recordFailed: (file: string, message: string | undefined) => `spoolrescue prevent: ${file} への記録に失敗しました: ${message}`,
    recorded: (file: string) => `${file} に記録しました`,
    incidentUnwritable: (file: string, message: string | undefined) => `spoolrescue prevent: 証跡ファイル ${file} に書き込めません: ${message}`,
  },
});
