import { catalogue } from '../../core/i18n/speak.js';

// What the mail flow check says: why it is not started, what starting Postfix and submitting the
// test message did, and what to look at when the delivery is not seen. The test message itself is
// mail, not screen text: its subject and body stay in English (they are matched in the mailbox).
export const mailFlowText = catalogue({
  en: {
    rooted: `under --root the host's Postfix would start, not the rescued system's`,
    rootedHint: 'Start it on the rescued system itself once it boots.',
    alreadyRunning: (how: string) => `Postfix: already running (${how})`,
    started: (command: string) => `Postfix: started (${command})`,
    startFailed: (command: string, exit: string, said: string) => `Postfix: could not start: ${command} exited ${exit}${said ? `: ${said}` : ''}`,
    notAccepted: (command: string, exit: string, said: string) => `test message: NOT accepted: ${command} exited ${exit}${said ? `: ${said}` : ''}`,
    accepted: (recipient: string, subject: string) => `test message: accepted for ${recipient} ("${subject}")`,
    stopped: 'stopped before the delivery was seen',
    notSeen: (configDir: string) => `not seen delivered yet: look at the mail log and the queue (postqueue -c ${configDir} -p)`,
  },
  ja: {
    rooted: '--root の下では救出中のシステムではなく、このホストの Postfix が起動してしまいます',
    rootedHint: '救出したシステムが起動してから、そのシステムで起動してください。',
    alreadyRunning: (how: string) => `Postfix: 動作中です（${how}）`,
    started: (command: string) => `Postfix: 起動しました（${command}）`,
    startFailed: (command: string, exit: string, said: string) => `Postfix: 起動できませんでした: ${command} の終了コード ${exit}${said ? `: ${said}` : ''}`,
    notAccepted: (command: string, exit: string, said: string) => `テストメールは受け付けられませんでした: ${command} の終了コード ${exit}${said ? `: ${said}` : ''}`,
    accepted: (recipient: string, subject: string) => `テストメールを受け付けました: ${recipient}（「${subject}」）`,
    stopped: '配送を確認する前に中断しました',
    notSeen: (configDir: string) => `まだ配送を確認できません: メールログとキューを見てください（postqueue -c ${configDir} -p）`,
  },
});
