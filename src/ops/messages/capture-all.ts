import { catalogue } from '../../core/i18n/speak.js';

// What the evidence in one go says about a section written only in part.
export const captureAllText = catalogue({
  en: { partWritten: (why: string, bytes: number) => `${why}. The ${bytes} bytes written were kept.` },
  ja: { partWritten: (why: string, bytes: number) => `${why}。書き込めた ${bytes} バイトは残してあります。` },
});
