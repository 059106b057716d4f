// Postfix queue file records (src/global/record.c, rec_type.h): a type byte, the length as 7-bit
// groups low-order first with 0x80 on all but the last, then the data. Decoded natively only as a
// fallback when postcat is not installed (a rescue disk mounted on another machine).
import { recordAt } from '../queue/record-cursor.js';
import { queueRecordText } from './messages.js';
import { envelopeProblemWords } from '../queue/envelope-problems.js';

export interface QueueRecord {
  type: string;
  data: Buffer;
}

// Envelope facts the report needs from a queue file.
export interface QueueEnvelope {
  /** Arrival time (T record) as ISO, or null. */
  arrival: string | null;
  sender: string | null;
  recipients: string[];
  /** Selected message headers (Subject, From, Date, Message-Id) from the first lines. */
  headers: string[];
}

// Record types Postfix writes (rec_type.h); anything else means "not a queue file".
const KNOWN = new Set('CTcFILSDRO/WAK>fdMLNwXreEPpV<ion m'.replace(/ /g, '').split(''));
const WANTED_HEADERS = /^(subject|from|to|date|message-id):/i;

// Splits a buffer into records; stops at the first record that does not fit (the capture is a
// prefix of the file) and throws when the bytes are not records at all.
export function decodeRecords(buf: Buffer, maxRecords = 10_000): QueueRecord[] {
  const out: QueueRecord[] = [];
  // cleanup(8) starts every queue file with its size record (C), postdrop(1) with the time (T)
  if (buf.length && buf[0] !== 0x43 && buf[0] !== 0x54) throw new Error(queueRecordText().badStart(buf[0].toString(16)));
  const windows = [{ offset: 0, buf }];
  let i = 0;
  while (i < buf.length && out.length < maxRecords) {
    if (!KNOWN.has(String.fromCharCode(buf[i]))) throw new Error(queueRecordText().badType(i, buf[i].toString(16)));
    const step = recordAt(windows, i, buf.length);
    if ('bad' in step) {
      if (step.bad.code === 'length-implausible' || step.bad.code === 'length-no-end') throw new Error(envelopeProblemWords(step.bad));
      return out; // a record cut by the end of the capture: the capture is a prefix of the file
    }
    if ('need' in step) return out;
    const type = String.fromCharCode(step.record.type);
    out.push({ type, data: step.record.data });
    i = step.record.next;
    if (type === 'E') break;
  }
  return out;
}

// The envelope of a queue file from its records: arrival, sender, recipients and a few headers.
export function envelopeOf(records: readonly QueueRecord[]): QueueEnvelope {
  const env: QueueEnvelope = { arrival: null, sender: null, recipients: [], headers: [] };
  let inMessage = false;
  let inHeaders = true;
  for (const r of records) {
    const text = r.data.toString('utf8');
    if (r.type === 'M') inMessage = true;
    else if (r.type === 'X') inMessage = false;
    if (!inMessage) {
      if (r.type === 'T') {
        const sec = Number(text.split(' ')[0]);
        if (Number.isFinite(sec) && sec > 0) env.arrival = new Date(sec * 1000).toISOString();
      } else if (r.type === 'S') env.sender = text;
      else if (r.type === 'R') env.recipients.push(text);
    } else if ((r.type === 'N' || r.type === 'L') && inHeaders) {
      if (text === '') inHeaders = false;
      else if (WANTED_HEADERS.test(text)) env.headers.push(text);
    }
  }
  return env;
}

// Parses `postcat -e -h` output into the same envelope shape, so either source reads alike.
export function envelopeFromPostcat(out: string): QueueEnvelope {
  const env: QueueEnvelope = { arrival: null, sender: null, recipients: [], headers: [] };
  let section = '';
  for (const line of out.split('\n')) {
    const marker = /^\*\*\* ([A-Z]+(?: [A-Z]+)*) .*\*\*\*$/.exec(line);
    if (marker) {
      section = marker[1];
      continue;
    }
    // postcat's section markers, as it prints them (i18n-ignore)
    if (section === 'ENVELOPE RECORDS' || section === 'HEADER EXTRACTED') {
      const m = /^([a-z_]+): ?(.*)$/.exec(line);
      if (!m) continue;
      if (m[1] === 'message_arrival_time') env.arrival = m[2];
      else if (m[1] === 'sender') env.sender = m[2];
      else if (m[1] === 'recipient') env.recipients.push(m[2]);
      // i18n-ignore (postcat's marker, below)
    } else if (section === 'MESSAGE CONTENTS' && WANTED_HEADERS.test(line)) env.headers.push(line);
  }
  return env;
}
