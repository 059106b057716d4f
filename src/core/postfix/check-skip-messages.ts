import { catalogue } from '../i18n/speak.js';
import { whyText, type Why } from '../command-failure.js';

// Why `postfix check` did not run, one entry per code of CheckSkip (check-skip.ts), called with the fact.
export const checkSkipText = catalogue({
  en: {
    notInstalled: 'Postfix is not installed on this host',
    noMainCf: ({ configDir }: { configDir: string }) => `${configDir}/main.cf does not exist`,
    postconfNoQueue: ({ why }: { why: Why }) => `postconf could not read queue_directory (${whyText(why, 'en')})`,
    otherQueue: ({ seen, queue }: { seen: string; queue: string }) => `Postfix here would work on ${seen}, not ${queue} (a --root system)`,
    notAQueue: 'DIR is not a Postfix queue',
  },
  ja: {
    notInstalled: 'このホストに Postfix はインストールされていません',
    noMainCf: ({ configDir }: { configDir: string }) => `${configDir}/main.cf がありません`,
    postconfNoQueue: ({ why }: { why: Why }) => `postconf が queue_directory を読めませんでした（${whyText(why, 'ja')}）`,
    otherQueue: ({ seen, queue }: { seen: string; queue: string }) => `ここの Postfix は ${queue} ではなく ${seen} を操作します（--root のシステム）`,
    notAQueue: 'DIR は Postfix のキューではありません',
  },
});
