import { catalogue } from '../i18n/speak.js';

// Why `postfix check` did not run after a purge or a queue action: facts, worded when shown (the
// run's language on screens, English in --json's `postfixCheck.skipped`).
export type CheckSkip =
  | { code: 'not-installed' }
  | { code: 'no-main-cf'; configDir: string }
  | { code: 'postconf-no-queue'; why: string }
  | { code: 'other-queue'; seen: string; queue: string }
  | { code: 'not-a-queue' };

// The words of each reason (the host/queue mismatch is also a refusal's reason).
export const checkSkipText = catalogue({
  en: {
    notInstalled: 'Postfix is not installed on this host',
    noMainCf: (config: string) => `${config}/main.cf does not exist`,
    postconfNoQueue: (why: string) => `postconf could not read queue_directory (${why})`,
    otherQueue: (seen: string, queue: string) => `Postfix here would work on ${seen}, not ${queue} (a --root system)`,
    notAQueue: 'DIR is not a Postfix queue',
  },
  ja: {
    notInstalled: 'このホストに Postfix はインストールされていません',
    noMainCf: (config: string) => `${config}/main.cf がありません`,
    postconfNoQueue: (why: string) => `postconf が queue_directory を読めませんでした（${why}）`,
    otherQueue: (seen: string, queue: string) => `ここの Postfix は ${queue} ではなく ${seen} を操作します（--root のシステム）`,
    notAQueue: 'DIR は Postfix のキューではありません',
  },
});

// Why postfix check did not run, in the run's language unless other words are given.
export function checkSkipWords(s: CheckSkip, t: ReturnType<typeof checkSkipText> = checkSkipText()): string {
  switch (s.code) {
    case 'not-installed':
      return t.notInstalled;
    case 'no-main-cf':
      return t.noMainCf(s.configDir);
    case 'postconf-no-queue':
      return t.postconfNoQueue(s.why);
    case 'other-queue':
      return t.otherQueue(s.seen, s.queue);
    case 'not-a-queue':
      return t.notAQueue;
  }
}
