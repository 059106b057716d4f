import { catalogue } from '../i18n/speak.js';

// What a mail path is called (the tag's label: English in JSON, the run's language on screens,
// see createMailPathTagger) and why bytes are not a Postfix queue file.
export const mailPathText = catalogue({
  en: {
    queueDir: 'Postfix queue dir',
    keepQueue: (queue: string) => `Postfix ${queue}/, keep`,
    keepChroot: (dir: string) => `chroot ${dir}/, keep`,
    inQueueDir: 'in Postfix queue dir',
    queue: (queue: string) => `${queue} queue`,
    inQueue: (queue: string) => `in ${queue} queue`,
    mailSpool: 'mail spool',
    inMailSpool: 'in the mail spool',
    mailboxLock: (user: string) => `lock of ${user}'s mailbox`,
    mailbox: (user: string) => `${user}'s mailbox`,
    maillogFile: 'Postfix mail log (maillog_file)',
    mailLogs: 'mail logs',
    mailLog: 'mail log',
  },
  ja: {
    queueDir: 'Postfix のキューディレクトリ',
    keepQueue: (queue: string) => `Postfix ${queue}/、残す`,
    keepChroot: (dir: string) => `chroot ${dir}/、残す`,
    inQueueDir: 'Postfix のキューディレクトリ内',
    queue: (queue: string) => `${queue} キュー`,
    inQueue: (queue: string) => `${queue} キュー内`,
    mailSpool: 'メールスプール',
    inMailSpool: 'メールスプール内',
    mailboxLock: (user: string) => `${user} のメールボックスのロック`,
    mailbox: (user: string) => `${user} のメールボックス`,
    maillogFile: 'Postfix のメールログ (maillog_file)',
    mailLogs: 'メールログ',
    mailLog: 'メールログ',
  },
});

// Why the native decoder found no Postfix records (the caller shows the bytes escaped instead).
export const queueRecordText = catalogue({
  en: {
    badStart: (hex: string) => `byte 0: 0x${hex} does not start a Postfix queue file`,
    badType: (at: number, hex: string) => `byte ${at}: 0x${hex} is not a Postfix record type`,
  },
  ja: {
    badStart: (hex: string) => `バイト 0: 0x${hex} は Postfix のキューファイルの先頭ではありません`,
    badType: (at: number, hex: string) => `バイト ${at}: 0x${hex} は Postfix のレコード種別ではありません`,
  },
});

// Why a directory main.cf names cannot be a mail spool or a queue directory (a purge refuses it).
export const configPathText = catalogue({
  en: {
    systemDirectory: (dir: string) => `${dir} is a system directory, not a mail directory`,
    insideSystemTree: (dir: string, tree: string) => `${dir} is inside ${tree}, where no mail directory lives`,
  },
  ja: {
    systemDirectory: (dir: string) => `${dir} はシステムのディレクトリで、メールのディレクトリではありません`,
    insideSystemTree: (dir: string, tree: string) => `${dir} は ${tree} の中にあり、そこにメールのディレクトリはありません`,
  },
});
