import { catalogue } from './i18n/speak.js';

// What the path mapper says when it is given a path it cannot map.
export const systemPathsText = catalogue({
  en: { notAbsolute: (p: string) => `system path must be absolute: ${p}` },
  ja: { notAbsolute: (p: string) => `システムのパスは絶対パスで指定してください: ${p}` },
});
