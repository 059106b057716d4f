import { decoderWords, queueFileProblemWords, rawReasonWords } from './capture-facts.js';
import { escapeName, nameForJson } from '../text/escape-name.js';
import { showBytes } from './capture-text.js';
import { fileFactsJson, modeText, ownerText, type FileFacts } from './file-facts.js';
import type { LogEvidence } from './log.js';
import { mboxNotes, mboxWindow, type MboxEvidence } from './mbox.js';
import type { QueueEvidence, QueueFileEvidence } from './queue.js';
import type { RawEvidence } from './raw.js';
import type { CapturedMessage } from '../mbox/capture.js';
import type { LogStamp } from '../maillog/time.js';
import { isoTime, renameKeys } from '../json-vocabulary.js';
import { captureText, mboxNotesInEnglish } from './capture-messages.js';
import { sectionText } from './section-messages.js';
import { summaryText } from './summary-messages.js';

// What a capture found, by kind: the data behind the Markdown section and the --json document.
type Evidence =
  | { kind: 'mbox'; data: MboxEvidence }
  | { kind: 'queue'; data: QueueEvidence }
  | { kind: 'log'; data: LogEvidence }
  | { kind: 'raw'; data: RawEvidence };

// A finished capture: the facts, the Markdown section to append, and the hash of what was kept.
export type CaptureOutcome = Evidence & { file: FileFacts; markdown: string; sha256: string; host: string; time: Date };

const text = (b: Buffer) => showBytes(b);

// A time written without a zone (an mbox From_ line, a syslog stamp, postcat's arrival) as the
// vocabulary's ISO time: read in this machine's time zone, as the rescued system wrote it.
const zonelessIso = (t: string | null | undefined): string | null => (t ? isoTime(new Date(t)) : null);
const stampJson = (s: LogStamp | null) => s && { text: s.text, time: zonelessIso(s.iso), yearAssumed: s.yearAssumed };

function messageJson(m: CapturedMessage) {
  return {
    offset: m.offset,
    length: m.length,
    keptBytes: m.bytes.length,
    cutAt: m.cutAt,
    incomplete: m.incomplete,
    fromLine: m.from.line,
    sender: m.from.sender,
    date: zonelessIso(m.from.isoLocal),
    text: text(m.bytes),
  };
}

function queueFileJson(f: QueueFileEvidence) {
  return {
    ...(f.nameBytes ? nameForJson(f.nameBytes) : { name: f.name }),
    sizeBytes: f.size,
    mtime: new Date(f.mtimeMs).toISOString(),
    uid: f.uid,
    gid: f.gid,
    mode: modeText(f.mode),
    envelope: f.envelope && { ...f.envelope, arrival: zonelessIso(f.envelope.arrival) },
    decodedBy: f.decodedBy,
    error: f.error ? queueFileProblemWords(f.error, 'en') : null,
    head: f.envelope ? null : text(f.head.subarray(0, 512)),
  };
}

// The times of the first and last From_ lines of what was captured.
function mboxWindowJson(c: MboxEvidence['capture']): { first: string | null; last: string | null } {
  const all = [...c.first, ...c.last];
  return { first: zonelessIso(all[0]?.from.isoLocal), last: zonelessIso(all[all.length - 1]?.from.isoLocal) };
}

// The kind-specific part of the --json document.
function detailJson(o: Evidence): Record<string, unknown> {
  switch (o.kind) {
    case 'mbox': {
      const c = o.data.capture;
      return {
        mbox: {
          sizeBytes: c.size,
          window: mboxWindowJson(c),
          count: o.data.count,
          complete: c.complete,
          crlf: c.crlf,
          leadingBytes: c.leadingBytes,
          grewBy: o.data.grewBy,
          notes: mboxNotes(o.data, mboxNotesInEnglish()),
          first: c.first.map(messageJson),
          last: c.last.map(messageJson),
        },
      };
    }
    case 'queue': {
      const q = o.data;
      return { queue: { queueName: q.queueName, count: q.count, subdirs: q.subdirs, decoder: decoderWords(q.decoder, 'en'), oldest: q.oldest.map(queueFileJson), newest: q.newest.map(queueFileJson) } };
    }
    case 'log': {
      const c = o.data.capture;
      const lines = (l: Buffer[]) => l.map(text);
      return { log: { sizeBytes: c.size, span: { first: stampJson(o.data.span.first), last: stampJson(o.data.span.last) }, complete: c.complete, noFinalNewline: c.noFinalNewline, cutLines: c.cutLines, grewBy: o.data.grewBy, first: lines(c.first), lastOffset: c.lastOffset, last: lines(c.last) } };
    }
    case 'raw': {
      const r = o.data;
      return { raw: { sizeBytes: r.size, reason: rawReasonWords(r.reason, 'en'), grewBy: r.grewBy, head: text(r.head), tailOffset: r.tailOffset, tail: text(r.tail) } };
    }
  }
}

// The --json document of a capture (without the incident part, which the caller adds).
export function evidenceJson(o: CaptureOutcome): Record<string, unknown> {
  return { kind: o.kind, path: o.file.systemPath, hostPath: o.file.hostPath, host: o.host, time: o.time.toISOString(), stat: renameKeys(fileFactsJson(o.file), { size: 'sizeBytes', systemPath: 'path' }), sha256: o.sha256, ...detailJson(o) };
}

// What one summary line tells, so a screen chooses lines by what they say, not by their words:
// the head (kind, path, size, owner), dates and names ('when'), counts, notes, the raw reason,
// the envelope decoder, the hash.
type SummaryLineKind = 'head' | 'when' | 'count' | 'note' | 'reason' | 'decoder' | 'hash';

// One summary line, worded in the run's language, with what it tells.
export interface SummaryLine {
  kind: SummaryLineKind;
  text: string;
}

// A few lines for the terminal: what was captured and the dates that matter for the report.
export function evidenceSummary(o: CaptureOutcome): string[] {
  return evidenceSummaryLines(o).map((l) => l.text);
}

// The summary lines with their kinds (the Plan screen keeps the head, the dates and the reason).
export function evidenceSummaryLines(o: CaptureOutcome): SummaryLine[] {
  const t = summaryText();
  const f = o.file;
  const lines: SummaryLine[] = [];
  const say = (kind: SummaryLineKind, ...texts: string[]) => lines.push(...texts.map((text) => ({ kind, text })));
  say('head', t.head(captureText().title(o.kind, f.systemPath), f.type === 'dir' ? t.directory : sectionText().bytes(f.size), f.ino, ownerText(f), modeText(f.mode)));
  if (o.kind === 'mbox') {
    const c = o.data.capture;
    const w = mboxWindow(c);
    const n = c.first.length + c.last.length;
    say('when', t.firstSeparator(String(w.first)), t.lastSeparator(String(w.last)));
    say('count', c.complete ? t.allMessages(n) : t.someMessages(c.first.length, c.last.length));
    say('count', t.messages(String(o.data.count ?? (c.complete ? n : t.notCounted))));
    for (const note of mboxNotes(o.data, captureText().notes)) say('note', t.note(note));
  } else if (o.kind === 'queue') {
    const q = o.data;
    say('count', t.files(q.count, q.subdirs));
    const shown = (f: QueueFileEvidence) => `${new Date(f.mtimeMs).toISOString()} ${escapeName(f.nameBytes ?? f.name)}`;
    if (q.oldest[0]) say('when', t.oldest(shown(q.oldest[0])), t.newest(shown(q.newest[0])));
    say('decoder', t.envelopes(decoderWords(q.decoder)));
  } else if (o.kind === 'log') {
    const s = o.data.span;
    say('when', t.firstLine(s.first?.iso ?? s.first?.text ?? t.noStamp), t.lastLine(s.last?.iso ?? s.last?.text ?? t.noStamp));
    say('count', t.someLines(o.data.capture.first.length, o.data.capture.last.length));
  } else {
    say('reason', t.reason(rawReasonWords(o.data.reason)));
    say('count', t.someBytes(o.data.head.length, o.data.tail.length));
  }
  say('hash', t.sha(o.sha256));
  return lines;
}
