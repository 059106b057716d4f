// Puts generated blocks into a hand-written Markdown file between marker comments, leaving
// everything around them (the hand-written JSON and behaviour notes) as it is.

const BLOCK = /<!-- BEGIN generated: ([^>]+?) -->\n[\s\S]*?<!-- END generated: \1 -->/g;

// The marker pair around one generated block, with the block's text between them.
function markedBlock(name: string, body: string): string {
  return `<!-- BEGIN generated: ${name} -->\n${body}\n<!-- END generated: ${name} -->`;
}

export interface Spliced {
  text: string;
  /** Blocks rendered but with no markers in the file (a command without a section). */
  missing: string[];
  /** Markers in the file for which nothing is rendered any more (a command that went). */
  stale: string[];
}

// Replaces each marked block with its freshly rendered text; reports what has no place or no source.
export function spliceBlocks(doc: string, blocks: ReadonlyMap<string, string>): Spliced {
  const seen = new Set<string>();
  const stale: string[] = [];
  const text = doc.replace(BLOCK, (whole, name: string) => {
    const body = blocks.get(name);
    if (body === undefined) {
      stale.push(name);
      return whole;
    }
    seen.add(name);
    return markedBlock(name, body);
  });
  const missing = [...blocks.keys()].filter((name) => !seen.has(name));
  return { text, missing, stale };
}

// A new section for each command the file does not describe yet, for the writer to append.
export function newSections(missing: readonly string[], blocks: ReadonlyMap<string, string>): string {
  return missing
    .map((name) => `\n## ${name.replace(/^command /, '')}\n\n${markedBlock(name, blocks.get(name) ?? '')}\n`)
    .join('');
}
