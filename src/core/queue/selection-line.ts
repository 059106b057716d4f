import { MATCH_FIELDS, parseDuration, parseMatch, type Selection } from './selection.js';

// The selection typed on one line in the Queue step, in the CLI's words without the dashes:
// `domain=*.example sender=<> older-than=4d` (FIELD=GLOB as --match, with the same parser and
// glob rules; older-than= / newer-than= as the flags). A word that does not start a FIELD= goes on
// the glob before it, so a reason with spaces can be typed as is: `reason=*timed out*`.

export interface SelectionLine {
  selection: Selection;
  /** The line as understood, one rule per word (shown in the review and the confirmation). */
  canonical: string;
}

const AGES = ['older-than', 'newer-than'] as const;

function startsRule(word: string): boolean {
  const eq = word.indexOf('=');
  const name = eq > 0 ? word.slice(0, eq) : '';
  return (MATCH_FIELDS as readonly string[]).includes(name) || (AGES as readonly string[]).includes(name);
}

// Parses the line; throws the --match / duration parsers' messages (naming what is accepted).
export function parseSelectionLine(text: string): SelectionLine {
  const words: string[] = [];
  for (const w of text.trim().split(/\s+/).filter(Boolean)) {
    if (startsRule(w) || !words.length) words.push(w);
    else words[words.length - 1] += ` ${w}`;
  }
  const selection: Selection = { matches: [] };
  for (const w of words) {
    const eq = w.indexOf('=');
    const name = w.slice(0, eq);
    if (name === 'older-than') selection.olderThanSec = parseDuration(w.slice(eq + 1));
    else if (name === 'newer-than') selection.newerThanSec = parseDuration(w.slice(eq + 1));
    else selection.matches.push(parseMatch(w));
  }
  return { selection, canonical: words.join(' ') };
}
