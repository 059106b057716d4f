import { catalogue } from '../../core/i18n/speak.js';

// Why a command gave no result. These become `failure` texts that reports put into JSON, which
// does not change with the language, so the code records them in English (`commandDataText`).
/** @internal unit-tested on its own: test/core/i18n/catalogues.test.ts */
export const systemIoText = catalogue({
  en: {
    notInstalled: (program: string) => `${program}: not installed`,
    timedOut: 'timed out',
  },
  ja: {
    notInstalled: (program: string) => `${program}: インストールされていません`,
    timedOut: 'タイムアウトしました',
  },
});

// The command failures in English, as JSON records them.
export const commandDataText = () => systemIoText('en');
