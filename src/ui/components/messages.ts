import { catalogue } from '../../core/i18n/speak.js';

// What the walk's shared components say: the typed confirmation, the size warning, progress, full help.
export const componentsText = catalogue({
  en: {
    danger: 'DANGER: this cannot be undone. Default is to cancel.',
    editsConfig: 'This edits the configuration shown above (a backup is kept). Default is to cancel.',
    confirmHint: (expected: string) => `Enter runs it only if you typed '${expected}'; Esc or anything else cancels.`,
    promptHint: 'Enter to accept, Esc to cancel.',
    tooSmall: (need: string, have: string) => `terminal too small (need ${need}, have ${have})`,
    enlarge: 'Enlarge the window (or run a command of the CLI); q quits.',
    of: (done: string, total: string) => `${done} of ${total}`,
    rate: (rate: string) => `rate ${rate}`,
    eta: (eta: string) => `ETA ${eta}`,
    stopping: 'stopping cleanly...',
    moreBelow: (shown: number, total: number) => `-- more below: j or PgDn (${shown} of ${total}) --`,
    helpEnd: '-- end --',
    drawing: (where: string) => `while drawing ${where}`,
    drawingScreen: 'while drawing the screen',
  },
  ja: {
    danger: '危険：元に戻せません。既定は取消です。',
    editsConfig: '上に示した設定を書き換えます（バックアップを残します）。既定は取消です。',
    confirmHint: (expected: string) => `「${expected}」と入力したときだけ Enter で実行します。Esc やそれ以外は取消です。`,
    promptHint: 'Enter で決定、Esc で取消。',
    tooSmall: (need: string, have: string) => `端末が小さすぎます（必要 ${need}、現在 ${have}）`,
    enlarge: 'ウィンドウを広げてください（または CLI のコマンドを使ってください）。q で終了。',
    of: (done: string, total: string) => `${done} / ${total}`,
    rate: (rate: string) => `速度 ${rate}`,
    eta: (eta: string) => `残り時間 ${eta}`,
    stopping: '安全に停止しています...',
    moreBelow: (shown: number, total: number) => `-- 続きあり: j または PgDn (${shown} / ${total}) --`,
    helpEnd: '-- 終わり --',
    drawing: (where: string) => `${where} の描画中`,
    drawingScreen: '画面の描画中',
  },
});
