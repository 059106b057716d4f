import { catalogue } from './speak.js';

// What the language choice says about itself (the reason is shown in the walk's help and --help).
export const languageText = catalogue({
  en: {
    asciiOnlyWarning: 'this terminal shows ASCII only; Japanese text may not display',
    asciiKeepsEnglish: (reason: string) => `${reason}, but the terminal shows ASCII only`,
    noLocale: 'no locale set',
  },
  ja: {
    asciiOnlyWarning: 'この端末は ASCII しか表示できません。日本語が正しく表示されないことがあります',
    asciiKeepsEnglish: (reason: string) => `${reason}（端末が ASCII のみのため英語で表示）`,
    noLocale: 'ロケール未設定',
  },
});
