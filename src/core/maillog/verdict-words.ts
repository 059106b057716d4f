import type { Language } from '../i18n/speak.js';
import type { MaillogVerdict } from './pass-report.js';
import { fmtBytes } from '../text/units.js';
import { maillogVerdictText } from './verdict-messages.js';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

// A mail log verdict's title and evidence, made from its facts when shown: in the run's language
// unless one is named ('en': what --json keeps).
export function maillogVerdictWords(v: MaillogVerdict, language?: Language): { title: string; evidence: string[] } {
  const t = maillogVerdictText(language);
  switch (v.code) {
    case 'disk-full':
      return { title: t.diskFullTitle(v.signals[0].first), evidence: v.signals.map((d) => t.diskSignal(d.count, d.text, d.first, d.last)) };
    case 'retry-storm': {
      const top = v.top;
      return {
        title: t.stormTitle(top.queue_id, top.attempts, top.recipient),
        evidence: [
          t.perDay(top.perDay.map((d) => `${d.day.slice(5)} ${d.attempts}`).join(', '), v.peak.attempts, v.peak.day),
          ...(top.reason ? [t.lastReason(top.reason)] : []),
          t.lifetime(top.livedPastLifetime, (v.lifetimeSecs / 86400).toFixed(1), top.first, top.last, top.status),
          ...v.also.map((a) => t.also(a.queueId, a.attempts)),
        ],
      };
    }
    case 'backscatter':
      return { title: t.backscatterTitle(pct(v.share)), evidence: [t.nullFrom(v.nullSender, v.fromLines), t.bounceNotices(v.bounceNotices), ...(v.afterStorm ? [t.stormIsBounce] : [])] };
    case 'login-abuse':
      return { title: t.loginTitle(pct(v.count / v.accepted), v.key), evidence: [t.accepted(v.count, v.accepted), t.loginHint] };
    case 'relay-abuse':
      return { title: t.clientTitle(pct(v.count / v.accepted), v.key), evidence: [t.accepted(v.count, v.accepted), t.clientHint] };
    case 'deferrals':
      return { title: t.deferralsTitle(pct(v.deferred / v.attempts)), evidence: v.reasons.map((x) => t.reason(x.count, x.reason)) };
    case 'log-growth':
      return {
        title: t.growthTitle(v.from, fmtBytes(v.peakBytes), v.peakDay, fmtBytes(v.medianBytes)),
        evidence: v.movers.map((m) => t.mover(m.process, fmtBytes(m.bytes), v.peakDay, m.factor !== null ? m.factor.toFixed(0) : null)),
      };
  }
}

// A verdict as --json has always written it: code, English title and evidence.
export function maillogVerdictJson(v: MaillogVerdict): { code: MaillogVerdict['code']; title: string; evidence: string[] } {
  return { code: v.code, ...maillogVerdictWords(v, 'en') };
}
