import type { Language } from '../i18n/speak.js';
import type { Verdict, VerdictFacts } from './verdicts.js';
import { queueVerdictText } from './verdict-messages.js';

const pct = (n: number, d: number) => `${Math.round((100 * n) / Math.max(1, d))}%`;

// A queue verdict's title and evidence, made from its counts when shown: in the run's language
// unless other words are given (the English ones are what --json and the incident record keep).
export function queueVerdictWords(v: VerdictFacts, language?: Language): { title: string; evidence: string } {
  const t = queueVerdictText(language);
  switch (v.code) {
    case 'backscatter':
      return { title: t.backscatterTitle, evidence: t.backscatter(v.nullSender, v.messages, pct(v.nullSender, v.messages), v.bounceDomains) };
    case 'compromised-login':
      return { title: t.loginTitle(v.login), evidence: t.login(v.login, v.sent, v.messages, pct(v.sent, v.messages), pct(v.sent, v.withSasl), v.withSasl) };
    case 'relay-client':
      return { title: t.clientTitle(v.client), evidence: t.client(v.client, v.sent, v.messages, pct(v.sent, v.messages), pct(v.sent, v.network), v.network) };
    case 'local-storm':
      return { title: t.stormTitle(v.uid), evidence: t.storm(v.local, v.messages, pct(v.local, v.messages), v.byUid, pct(v.byUid, v.local), v.uid, v.maildrop) };
  }
}

// A verdict as --json has always written it: code, English title and evidence, match, share.
export function queueVerdictJson(v: Verdict): { code: Verdict['code']; title: string; evidence: string; match: string; share: number } {
  const { title, evidence } = queueVerdictWords(v, 'en');
  return { code: v.code, title, evidence, match: v.match, share: v.share };
}
