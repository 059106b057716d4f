import { fencedBlock } from '../incident/capture-text.js';
import { formatSection } from '../incident/section.js';
import { lookLines, type LookFacts } from '../maillog/first-look-view.js';
import { firstLookText } from './first-look-messages.js';

// The mail log's first look (the maillog step's: sizes, first and last times, bytes per day) as an
// incident-file section, so the evidence in one go keeps it beside the log's first and last lines.

// Where and when, for the section header.
export interface FirstLookMeta {
  host: string;
  time: Date;
  /** Host path to the path the rescued system sees. */
  show: (p: string) => string;
}

// The section: the first look's lines in a fenced block (as on the terminal), with a record.
export function firstLookMarkdown(files: readonly LookFacts[], meta: FirstLookMeta): string {
  const t = firstLookText();
  const shown = files.map((f) => meta.show(f.path));
  return formatSection(
    {
      step: 'first-look',
      title: t.title(files.length),
      host: meta.host,
      time: meta.time,
      what: t.what,
      source: shown.join(', '),
      sha256: null,
      record: { kind: 'maillog-first-look', files: shown },
    },
    fencedBlock(lookLines([...files], meta.show, 78).join('\n')),
  );
}
