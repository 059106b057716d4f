// Facts travel as data ({ code, ...figures }) and are worded only when shown; every kind of fact
// is worded the same way: the catalogue entry named after its code, called with the fact.

/** A fact as the core keeps it: a kebab-case code ("cannot-open") and its figures. */
export interface Fact {
  code: string;
}

/** "cannot-open" → "cannotOpen": the name of the catalogue entry that words a code. */
type EntryName<Code extends string> = Code extends `${infer Head}-${infer Rest}` ? `${Head}${Capitalize<EntryName<Rest>>}` : Code;

/**
 * The entries that word every fact of the union F: one per code, named after it, each a sentence
 * or a function of the fact that bears the code. A catalogue lacking a code's entry does not
 * compile where it is handed to `wordFact`, so a new code cannot go unworded.
 */
export type FactWords<F extends Fact> = { [K in F as EntryName<K['code']>]: string | ((fact: K) => string) };

// The entry's name for a code at run time (the type above says the same at compile time).
function entryName<Code extends string>(code: Code): EntryName<Code> {
  return code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as EntryName<Code>;
}

// A fact in words: pick the catalogue in the language wanted (`xText()` for the run's, `xText('en')`
// for --json) and hand its entries here with the fact.
export function wordFact<F extends Fact>(words: FactWords<F>, fact: F): string {
  const entry = (words as unknown as Record<string, string | ((fact: F) => string)>)[entryName(fact.code)];
  return typeof entry === 'function' ? entry(fact) : entry;
}
