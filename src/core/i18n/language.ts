import { languageText } from './language-messages.js';
import type { Language } from './speak.js';

// The operator's locale decides the language, unless the console cannot show it.

/** The languages `--lang` accepts, in the order help lists them. */
export const LANGUAGES: readonly Language[] = ['en', 'ja'];

export interface LanguageFacts {
  /** The value of `--lang`, when given. */
  flag?: string;
  env: Record<string, string | undefined>;
  /** The terminal shows ASCII only (serial console, TERM=linux, a non-UTF-8 locale, --ascii). */
  ascii: boolean;
}

export interface LanguageChoice {
  language: Language;
  /** Where the choice came from, e.g. "--lang ja" or "LANG=ja_JP.UTF-8". */
  reason: string;
  /** Set when Japanese was asked for on a terminal that may not show it. */
  warning?: string;
}

// The locale that names the language of messages, as setlocale(3) reads it for LC_MESSAGES:
// LC_ALL, then LC_MESSAGES, then LANG; the first one set wins.
function messagesLocale(env: Record<string, string | undefined>): { name: string; value: string } | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return { name, value };
  }
  return undefined;
}

// True for the value of `--lang` the tool knows; the CLI refuses others as a usage error.
export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

// Decides the language of a run, and does nothing else (the CLI sets it, once): `--lang` wins;
// else a Japanese locale (ja, ja_JP.UTF-8, ja_JP.eucJP) gives Japanese, except on an ASCII-only
// console, where Japanese cannot be shown and English is used unless `--lang ja` asks for it (then
// with a warning). The reason and the warning are worded in the language decided.
export function decideLanguage(f: LanguageFacts): LanguageChoice {
  if (f.flag !== undefined && isLanguage(f.flag)) {
    const warning = f.flag === 'ja' && f.ascii ? languageText('ja').asciiOnlyWarning : undefined;
    return { language: f.flag, reason: `--lang ${f.flag}`, warning };
  }
  const locale = messagesLocale(f.env);
  if (locale && /^ja([_.@]|$)/i.test(locale.value)) {
    const reason = `${locale.name}=${locale.value}`;
    return f.ascii ? { language: 'en', reason: languageText('en').asciiKeepsEnglish(reason) } : { language: 'ja', reason };
  }
  return { language: 'en', reason: locale ? `${locale.name}=${locale.value}` : languageText('en').noLocale };
}
