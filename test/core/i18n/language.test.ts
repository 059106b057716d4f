import { describe, expect, it } from 'vitest';
import { decideLanguage } from '../../../src/core/i18n/language.js';
import { languageText } from '../../../src/core/i18n/language-messages.js';

describe('decideLanguage', () => {
  it.each([
    [{ env: {}, ascii: false }, 'en'],
    [{ env: { LANG: 'ja_JP.UTF-8' }, ascii: false }, 'ja'],
    [{ env: { LANG: 'ja_JP.eucJP' }, ascii: false }, 'ja'],
    [{ env: { LANG: 'ja' }, ascii: false }, 'ja'],
    [{ env: { LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'C' }, ascii: false }, 'en'],
    [{ env: { LANG: 'C', LC_ALL: 'ja_JP.UTF-8' }, ascii: false }, 'ja'],
    [{ env: { LANG: 'jam_JM.UTF-8' }, ascii: false }, 'en'],
    [{ env: { LANG: 'ja_JP.UTF-8' }, ascii: true }, 'en'],
    [{ flag: 'en', env: { LANG: 'ja_JP.UTF-8' }, ascii: false }, 'en'],
    [{ flag: 'ja', env: { LANG: 'C' }, ascii: false }, 'ja'],
  ])('%j -> %s', (facts, language) => {
    expect(decideLanguage(facts).language).toBe(language);
  });

  it('explains an ASCII console that keeps English, and warns when Japanese is asked for there', () => {
    expect(decideLanguage({ env: { LANG: 'ja_JP.UTF-8' }, ascii: true }).reason).toMatch(/ASCII/);
    const forced = decideLanguage({ flag: 'ja', env: {}, ascii: true });
    expect(forced.language).toBe('ja');
    expect(forced.warning).toMatch(/日本語/);
  });

  it('only decides: the language of the run is left as it was (the CLI sets it, once)', () => {
    expect(decideLanguage({ flag: 'ja', env: { LANG: 'ja_JP.UTF-8' }, ascii: false }).language).toBe('ja');
    expect(languageText().noLocale).toBe('no locale set');
    // the words come in the language decided, whatever the run speaks now
    expect(decideLanguage({ env: {}, ascii: false }).reason).toBe('no locale set');
  });
});
