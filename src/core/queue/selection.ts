import { queueArgsText } from './args-messages.js';
import { addressDomain, pendingRecipients, type QueueMessage } from './message.js';

// Which messages an action applies to: --match FIELD=GLOB (same field: any of them; different
// fields: all of them), --older-than / --newer-than on the arrival time, and the queues named.

// The fields --match accepts (and the Queue step's typed selection line).
export const MATCH_FIELDS = ['id', 'queue', 'sender', 'sender-domain', 'recipient', 'domain', 'sasl', 'client', 'helo', 'uid', 'origin', 'reason'] as const;
type MatchField = (typeof MATCH_FIELDS)[number];

export interface MatchRule {
  field: MatchField;
  glob: string;
  re: RegExp;
}

export interface Selection {
  matches: MatchRule[];
  /** Arrived at least this many seconds ago. */
  olderThanSec?: number;
  /** Arrived at most this many seconds ago. */
  newerThanSec?: number;
}

// A shell-style glob as a case-insensitive whole-string regex: * ? [set]; '<>' means the null sender.
/** @internal unit-tested on its own: test/core/queue-triage.test.ts */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += '[' + (body.startsWith('!') ? '^' + body.slice(1) : body) + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

// Parses FIELD=GLOB; throws a message naming the accepted fields.
export function parseMatch(text: string): MatchRule {
  const eq = text.indexOf('=');
  const field = (eq > 0 ? text.slice(0, eq) : '') as MatchField;
  if (!MATCH_FIELDS.includes(field)) throw new Error(queueArgsText().badMatch(text, MATCH_FIELDS.join(', ')));
  const glob = text.slice(eq + 1);
  return { field, glob, re: globRegExp(glob) };
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

// "90s", "30m", "2h", "5d", "1w" (a bare number is minutes, as qshape's -t) to seconds.
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhdw]?)$/.exec(text.trim());
  if (!m) throw new Error(queueArgsText().badDuration(text));
  return Math.round(Number(m[1]) * UNITS[m[2] || 'm']);
}

function values(m: QueueMessage, f: MatchField): string[] {
  switch (f) {
    case 'id':
      return [m.queue_id];
    case 'queue':
      return [m.queue_name];
    case 'sender':
      return m.sender === null ? [] : [m.sender === '' ? '<>' : m.sender];
    case 'sender-domain':
      return m.sender === null ? [] : [addressDomain(m.sender)];
    case 'recipient':
      return pendingRecipients(m).map((r) => r.address);
    case 'domain':
      return pendingRecipients(m).map((r) => addressDomain(r.address));
    case 'sasl':
      return m.sasl_username ? [m.sasl_username] : [];
    case 'client':
      return [m.client_address, m.client_name].filter((v): v is string => !!v);
    case 'helo':
      return m.helo ? [m.helo] : [];
    case 'uid':
      return m.uid === null ? [] : [String(m.uid)];
    case 'origin':
      return [m.origin];
    case 'reason':
      return pendingRecipients(m).flatMap((r) => (r.delay_reason ? [r.delay_reason] : []));
  }
}

const grouped = new WeakMap<readonly MatchRule[], Map<MatchField, MatchRule[]>>();

// Rules by field (computed once per selection, not per message).
function groupByField(rules: readonly MatchRule[]): Map<MatchField, MatchRule[]> {
  let g = grouped.get(rules);
  if (!g) {
    g = new Map();
    for (const r of rules) g.set(r.field, [...(g.get(r.field) ?? []), r]);
    grouped.set(rules, g);
  }
  return g;
}

// True when the message is selected at time nowSec.
export function selects(s: Selection, m: QueueMessage, nowSec: number): boolean {
  const age = nowSec - m.arrival_time;
  if (s.olderThanSec !== undefined && age < s.olderThanSec) return false;
  if (s.newerThanSec !== undefined && age > s.newerThanSec) return false;
  for (const [field, rules] of groupByField(s.matches)) {
    const vals = values(m, field);
    if (!rules.some((r) => vals.some((v) => r.re.test(v)))) return false;
  }
  return true;
}

// True when some selected message may keep recipients the match did not name (a recipient or
// domain match deletes whole messages, with their other recipients).
export function reachesBeyond(s: Selection, m: QueueMessage): boolean {
  const rules = s.matches.filter((r) => r.field === 'domain' || r.field === 'recipient');
  if (!rules.length) return false;
  return pendingRecipients(m).some((rc) => !rules.some((r) => r.re.test(r.field === 'domain' ? addressDomain(rc.address) : rc.address)));
}

// True when no selector is given (an action on everything is refused without one).
export function isEmptySelection(s: Selection): boolean {
  return !s.matches.length && s.olderThanSec === undefined && s.newerThanSec === undefined;
}
