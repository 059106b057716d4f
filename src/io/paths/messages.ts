import { catalogue } from '../../core/i18n/speak.js';

// Why a path under --root is refused: it leads outside the rescued tree, or loops.
export const pathsIoText = catalogue({
  en: {
    tooManyLinks: (path: string, root: string) => `${path}: too many levels of symbolic links inside --root ${root}; nothing was done`,
    leadsOutside: (path: string, root: string, real: string) => `${path} leads outside --root ${root} (to ${real}); nothing was done`,
    leadsOutsideHint: 'A symbolic link inside the rescued tree changed while it was read; look at it and run again.',
  },
  ja: {
    tooManyLinks: (path: string, root: string) => `${path}: --root ${root} の中でシンボリックリンクの階層が深すぎます。何もしていません`,
    leadsOutside: (path: string, root: string, real: string) => `${path} は --root ${root} の外（${real}）を指しています。何もしていません`,
    leadsOutsideHint: '救出対象のツリー内のシンボリックリンクが読んでいる間に変わりました。確認してからもう一度実行してください。',
  },
});
