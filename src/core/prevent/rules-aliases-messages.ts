import { catalogue } from '../i18n/speak.js';

// What the aliases checks say: root's mail kept here, the decode trap gone, newaliases not run.
export const aliasesRulesText = catalogue({
  en: {
    noAliasesWhat: "no aliases file: nothing forwards root's mail, it stays in root's mailbox",
    noAliasesWhy: "cron and logwatch mail root every day; unread, root's mbox grows until the disk is full",
    noAliasesFix: 'create /etc/aliases with root: <a person who reads mail>, then run newaliases',
    noRootAlias: (file: string, commentedLine: number | null, commentedTargets: string) =>
      `no root: alias in ${file}${commentedLine !== null ? ` (line ${commentedLine} is commented out: root: ${commentedTargets})` : ''}`,
    rootKeptLocal: (targets: string, local: string) => `root: ${targets} keeps root's mail on this host (${local})`,
    rootWhy: "cron and logwatch mail root every day; unread, root's mbox grows for years until the disk is full (seed 000)",
    rootFix: (file: string) =>
      `set root: <a login account that reads mail> in ${file} (forward from that account, not from root, so the decode trap stays), then newaliases; --apply needs --forward-root-to ADDRESS`,
    decodeCommented: (line: number) => `decode: is commented out on line ${line}`,
    decodeMissing: (file: string) => `no decode: alias in ${file}`,
    decodeWhy: 'the decode trap catches mail to the old uudecode alias, an attack path; seed 000 keeps it and forwards from a login account instead',
    decodeFix: (file: string) => `restore "decode: root" in ${file}, then newaliases`,
    dbMissing: (db: string, file: string) => `${db} does not exist: newaliases was never run for ${file}`,
    dbOlder: (file: string, db: string) => `${file} is newer than ${db}: newaliases was not run after the last edit`,
    dbWhy: 'Postfix reads the database, not the text: the edits (a root: forward) do nothing until newaliases rebuilds it',
    dbFix: (map: string) => `run newaliases (postalias ${map})`,
  },
  ja: {
    noAliasesWhat: 'aliases ファイルがありません。root 宛てのメールはどこにも転送されず、root のメールボックスに溜まります',
    noAliasesWhy: 'cron と logwatch は毎日 root にメールを送ります。読まれないまま root の mbox が膨らみ、やがてディスクフルになります',
    noAliasesFix: '/etc/aliases を作り root: <メールを読む人> と書いてから newaliases を実行してください',
    noRootAlias: (file: string, commentedLine: number | null, commentedTargets: string) =>
      `${file} に root: の alias がありません${commentedLine !== null ? `（${commentedLine} 行目がコメントアウトされています: root: ${commentedTargets}）` : ''}`,
    rootKeptLocal: (targets: string, local: string) => `root: ${targets} のため root 宛てのメールがこのホストに残ります（${local}）`,
    rootWhy: 'cron と logwatch は毎日 root にメールを送ります。読まれないまま root の mbox が何年も膨らみ、やがてディスクフルになります (seed 000)',
    rootFix: (file: string) =>
      `${file} に root: <メールを読むログインアカウント> を設定し（decode のトラップを残すため root ではなくそのアカウントから転送）、newaliases を実行してください。--apply には --forward-root-to ADDRESS が必要です`,
    decodeCommented: (line: number) => `decode: が ${line} 行目でコメントアウトされています`,
    decodeMissing: (file: string) => `${file} に decode: の alias がありません`,
    decodeWhy: 'decode のトラップは古い uudecode の alias 宛て（攻撃経路）のメールを受け止めます。seed 000 はこれを残し、転送はログインアカウントから行います',
    decodeFix: (file: string) => `${file} に「decode: root」を戻してから newaliases を実行してください`,
    dbMissing: (db: string, file: string) => `${db} がありません: ${file} に対して newaliases が一度も実行されていません`,
    dbOlder: (file: string, db: string) => `${file} が ${db} より新しい: 最後の編集のあと newaliases が実行されていません`,
    dbWhy: 'Postfix が読むのはテキストではなくデータベースです。newaliases で作り直すまで編集（root: の転送など）は効きません',
    dbFix: (map: string) => `newaliases を実行してください (postalias ${map})`,
  },
});
