import { catalogue } from '../i18n/speak.js';

// What the mail log's section of the incident file says: headings, table titles, prose.
export const maillogMarkdownText = catalogue({
  en: {
    verdicts: 'Verdicts',
    noVerdict: 'None: no retry storm, abuse or disk-full signal found.',
    perDay: 'Bytes per day and process',
    dayHead: ['day', 'lines', 'bytes'],
    mostRetried: 'Most retried queue IDs',
    retriedHead: ['queue_id', 'attempts', 'first', 'last', 'status', 'recipient', 'reason'],
    statuses: 'Statuses',
    statusHead: ['sent', 'deferred', 'bounced', 'expired', 'other', 'rejected (NOQUEUE)'],
    reasons: 'Reasons (folded)',
    reasonHead: ['count', 'reason', 'first', 'last'],
    destinations: 'Destinations',
    destinationHead: ['domain', 'attempts', 'deferred'],
    whoSent: 'Who sent',
    senders: (accepted: number, share: string, queued: number, bounces: number) =>
      `${accepted} messages accepted by smtpd; null sender \`<>\` on ${share}% of ${queued} queued messages; ${bounces} bounces created here.`,
    saslHead: ['SASL login', 'messages'],
    clientHead: ['client', 'messages'],
    uidHead: ['local uid', 'submissions'],
    diskFull: 'Disk-full signals',
    diskFullHead: ['signal', 'count', 'first', 'last'],
    title: (files: number) => `mail log analysis (${files} file${files === 1 ? '' : 's'})`,
    what: (complete: boolean, lines: number, bytes: string, first: string, last: string) => `${complete ? 'full pass' : 'partial pass (stopped)'} over ${lines} lines, ${bytes}, ${first} to ${last}`,
  },
  ja: {
    verdicts: '判定',
    noVerdict: 'なし: 再送の嵐、悪用、ディスクフルの兆候は見つかりませんでした。',
    perDay: '日別・プロセス別のバイト数',
    dayHead: ['日付', '行数', 'バイト数'],
    mostRetried: '再送の多いキュー ID',
    retriedHead: ['queue_id', '試行回数', '最初', '最後', '状態', '宛先', '理由'],
    statuses: '配送状態',
    statusHead: ['sent', 'deferred', 'bounced', 'expired', 'その他', '拒否 (NOQUEUE)'],
    reasons: '理由（まとめたもの）',
    reasonHead: ['件数', '理由', '最初', '最後'],
    destinations: '宛先ドメイン',
    destinationHead: ['ドメイン', '試行回数', 'deferred'],
    whoSent: '送信元',
    senders: (accepted: number, share: string, queued: number, bounces: number) =>
      `smtpd が受け付けたメールは ${accepted} 通。キューに入った ${queued} 通のうち ${share}% が空の送信者 \`<>\`。ここで作られたバウンスは ${bounces} 通です。`,
    saslHead: ['SASL ログイン', '通数'],
    clientHead: ['クライアント', '通数'],
    uidHead: ['ローカル uid', '投入数'],
    diskFull: 'ディスクフルの兆候',
    diskFullHead: ['兆候', '件数', '最初', '最後'],
    title: (files: number) => `メールログの分析（${files} ファイル）`,
    what: (complete: boolean, lines: number, bytes: string, first: string, last: string) =>
      `${complete ? '全体を読みました' : '途中まで読みました（中断）'}: ${lines} 行、${bytes}、${first} から ${last}`,
  },
});
