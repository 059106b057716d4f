import { edit, plan, refuse, type FixPlanner, type PlannedEdit } from './fix-plan.js';
import type { HostConfig } from './host-config.js';
import { removeMainCf, removeMasterOverride, setMainCf } from './main-cf-edit.js';
import { parseMasterCf, smtpdListeners } from './master-cf.js';
import { pv } from './postfix-values.js';
import { recommendedMinfree } from './rules-disk.js';
import { MAILBOX_LIMIT_DEFAULT } from './rules-postfix.js';
import { fixText } from './fix-messages.js';

// Fixes in main.cf (and master.cf overrides), written like postconf -e/-X would, then checked
// with postfix check and picked up with postfix reload.

const reload = [{ kind: 'postfix-reload' as const }];

function mainCfEdit(c: HostConfig, change: (text: string) => string): PlannedEdit | null | 'missing' {
  if (c.postfix.mainCfText === null) return 'missing';
  return edit(c.postfix.mainCf, c.postfix.mainCfText, change(c.postfix.mainCfText));
}

// A planner that sets main.cf settings to values computed from the host.
function setting(values: (c: HostConfig) => Record<string, string>): FixPlanner {
  return (f, c) => {
    const vals = values(c);
    const e = mainCfEdit(c, (t) => Object.entries(vals).reduce((acc, [k, v]) => setMainCf(acc, k, v), t));
    if (e === 'missing') return refuse('no-main-cf', fixText().noMainCf(c.postfix.mainCf), fixText().noMainCfHint);
    return plan(f, [e], reload);
  };
}

// mailbox-size-unlimited: Postfix's default limit, or message_size_limit when that is larger.
export const fixMailboxLimit = setting((c) => ({ mailbox_size_limit: String(Math.max(MAILBOX_LIMIT_DEFAULT, Number(pv(c.postfix, 'message_size_limit')) || 0)) }));

// queue-lifetime-long: one day for both lifetimes (seed 001).
export const fixQueueLifetime = setting(() => ({ maximal_queue_lifetime: '1d', bounce_queue_lifetime: '1d' }));

// spool-on-root-fs: a queue_minfree reserve sized from the root filesystem.
export const fixQueueMinfree = setting((c) => ({ queue_minfree: String(recommendedMinfree(c.places.root.sizeBytes ?? 0, Number(pv(c.postfix, 'message_size_limit')) || 10240000)) }));

// unknown-recipients-accepted: main.cf back to the defaults (local_recipient_maps removed,
// smtpd_reject_unlisted_recipient = yes) and the master.cf overrides that undo them removed.
export const fixUnknownRecipients: FixPlanner = (f, c) => {
  const p = c.postfix;
  const main = mainCfEdit(c, (t) => {
    let out = t;
    if (p.explicit.includes('local_recipient_maps') && pv(p, 'local_recipient_maps').trim() === '') out = removeMainCf(out, 'local_recipient_maps');
    if (/^no$/i.test(pv(p, 'smtpd_reject_unlisted_recipient').trim())) out = setMainCf(out, 'smtpd_reject_unlisted_recipient', 'yes');
    return out;
  });
  if (main === 'missing') return refuse('no-main-cf', fixText().noMainCf(p.mainCf));
  let master: PlannedEdit | null = null;
  if (p.masterCf) {
    const bad = smtpdListeners(parseMasterCf(p.masterCf.text)).flatMap((s) =>
      s.overrides.filter((o) => (o.name === 'local_recipient_maps' && o.value.trim() === '') || (o.name === 'smtpd_reject_unlisted_recipient' && /^no$/i.test(o.value.trim()))),
    );
    let text: string | null = p.masterCf.text;
    for (const o of [...bad].sort((a, b) => b.line - a.line)) {
      text = text === null ? null : removeMasterOverride(text, o.line);
      if (text === null) return refuse('shared-line', fixText().sharedLine(`${p.masterCf.path}:${o.line}`, o.name), fixText().sharedLineHint);
    }
    master = edit(p.masterCf.path, p.masterCf.text, text!);
  }
  return plan(f, [main, master], reload);
};
