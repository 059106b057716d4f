// Which language the human text speaks.
export type Language = 'en' | 'ja';

// The language of this run, set once by the front-end (CLI or walk) before any text is made.
let current: Language = 'en';

// Sets the language every catalogue answers in; called once per run, with what `decideLanguage` chose.
export function speak(language: Language): void {
  current = language;
}

/** One area's messages in every language: the Japanese ones must have exactly the English keys. */
export interface Catalogue<T> {
  en: T;
  ja: NoInfer<T>;
}

/**
 * An area's messages in the language of the run, or in the one named (`'en'` for --json, which
 * keeps English whatever the run speaks); `.messages` holds every language (for the test).
 */
export type MessagesOf<T> = ((language?: Language) => T) & { readonly messages: Catalogue<T> };

// Wraps an area's messages so that code asks for them at the moment it makes text: the language
// may be set after the module is loaded (the CLI decides it from flags), so no text is made early.
export function catalogue<T extends object>(messages: Catalogue<T>): MessagesOf<T> {
  return Object.assign((language?: Language) => messages[language ?? current], { messages });
}
