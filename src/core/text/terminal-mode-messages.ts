import { catalogue } from '../i18n/speak.js';

// Why the terminal is taken for a serial console, when the reason is not a flag or a variable.
export const terminalModeText = catalogue({
  en: { serialLine: (tty: string) => `serial line ${tty}` },
  ja: { serialLine: (tty: string) => `シリアル回線 ${tty}` },
});
