// Deferral and bounce reasons folded so one cause counts once: addresses, IPs, host names, queue
// IDs and numbers are replaced, SMTP reply codes (450, 4.4.1) are kept because they are the cause.

const ADDRESS = /<[^<>]*>/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const BRACKET_IP = /\[(?:IP|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\]/g;
const HOST_BEFORE_IP = /[A-Za-z0-9_.-]+\[IP\]/g;
const QUEUED_AS = /queued as [0-9A-Za-z]+/g;
const NUMBERISH = /\b\d[\d.]*/g;

// SMTP reply codes stay ("450 4.7.1", "5.1.1"): they are the cause; every other number folds.
function foldNumber(token: string, offset: number, text: string): string {
  const t = token.replace(/\.+$/, '');
  const dots = token.slice(t.length);
  if (/^[245]\.\d{1,3}\.\d{1,3}$/.test(t)) return token;
  if (/^[245]\d\d$/.test(t) && /^[ -][245]\.\d/.test(text.slice(offset + 3, offset + 7))) return token;
  return `N${dots}`;
}
const HEX = /\b[0-9A-F]{8,}\b/g;

// The folded form of a reason ("connect to HOST[IP]:N: Connection refused").
export function normaliseReason(raw: string): string {
  return raw
    .replace(ADDRESS, '<ADDR>')
    .replace(IPV4, 'IP')
    .replace(BRACKET_IP, '[IP]')
    .replace(HOST_BEFORE_IP, 'HOST[IP]')
    .replace(QUEUED_AS, 'queued as QID') // i18n-ignore: Postfix's words, folded
    .replace(HEX, 'HEX')
    .replace(NUMBERISH, foldNumber)
    .slice(0, 300);
}

// The disk-full signals, each with the text that gives it away.
export const DISK_SIGNALS = [
  { code: 'enospc', text: 'No space left on device' }, // i18n-ignore: the log's words
  { code: 'queue-file-write-error', text: 'queue file write error' }, // i18n-ignore: the log's words
  { code: 'insufficient-storage', text: 'Insufficient system storage' }, // i18n-ignore: the log's words
  { code: 'queue-free-space', text: 'not enough free space in mail queue' }, // i18n-ignore: the log's words
] as const;

// Index in DISK_SIGNALS of the signal in one line's text, or -1 (the caller cuts the line out
// first: a search in a whole chunk would run past the line end).
export function diskSignalIn(line: string): number {
  for (let k = 0; k < DISK_SIGNALS.length; k++) if (line.includes(DISK_SIGNALS[k].text)) return k;
  return -1;
}
