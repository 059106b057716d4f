import { planLines } from '../../core/prevent/report-text.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { appendClosingSection } from '../../io/prevent/closing-section.js';
import { planPrevent, runPrevent, type PreventPlan, type PreventRequest } from '../../ops/prevent.js';
import { VERSION } from '../../version.js';
import type { FixApplied, FixReview, SummaryPort } from '../ports/summary.js';

// The Summary step's prevention on the prevent op: findings of the rescued system (under --root
// when given), one fix planned for review and applied exactly as reviewed, the closing section.

// Builds the port; plans are kept by handle so "apply" writes what the operator saw.
export function preventionPort(paths: SystemPaths, postfixConfig: string | undefined): SummaryPort {
  const plans = new Map<number, { plan: PreventPlan; req: PreventRequest }>();
  let next = 1;
  const request = (apply: string[], forwardRootTo?: string): PreventRequest => ({ paths, postfixConfig, apply, forwardRootTo });
  return {
    async prevention() {
      const p = await planPrevent(request([]));
      if ('refused' in p) throw new Error(p.refused.reason);
      return { findings: p.findings, unreadable: p.unreadable };
    },
    async planFix(id, forwardRootTo) {
      const req = request([id], forwardRootTo);
      const p = await planPrevent(req);
      if ('refused' in p) return { id, handle: 0, lines: [], refusal: `${p.refused.reason}${p.refused.hint ? ` (${p.refused.hint})` : ''}` };
      if (!p.edits.length && !p.commands.length) return { id, handle: 0, lines: [], refusal: `${id}: nothing to change (already fixed)` };
      const handle = next++;
      plans.set(handle, { plan: p, req });
      return { id, handle, lines: planLines(p.edits, p.commands, p.fixes.flatMap((f) => f.notes), p.backupDir), refusal: null };
    },
    async applyFix(review: FixReview, incidentFile?: string): Promise<FixApplied> {
      const kept = plans.get(review.handle);
      if (!kept) throw new Error('this review is no longer current: review the fix again');
      plans.delete(review.handle);
      const run = await runPrevent(kept.plan, kept.req);
      const lines = [
        ...run.edits.map((e) => (e.ok ? `edited ${e.path}${e.backup ? ` (backup ${e.backup})` : ' (created)'}` : `FAILED: ${e.error}`)),
        ...run.commands.map((c) => `${c.ran ? (c.ok ? 'ran' : 'FAILED') : 'skipped'}: ${c.command}${c.note ? ` - ${c.note}` : ''}`),
      ];
      const fixed = run.verified.every((v) => v.fixed);
      lines.push(fixed ? `${review.id}: gone when the configuration was read again` : `${review.id}: STILL PRESENT after the change`);
      if (incidentFile) {
        const w = await appendClosingSection({ incidentFile, paths, open: run.findingsAfter, fixedNow: fixed ? [review.id] : [], changes: lines.map((l) => `- ${l}`), version: VERSION });
        lines.push(w.result.ok ? `recorded in ${incidentFile}` : `recording failed: ${w.result.message}`);
      }
      return { id: review.id, ok: run.ok, fixed, lines };
    },
    async closing(incidentFile, fixed) {
      const p = await planPrevent(request([]));
      if ('refused' in p) return { ok: false, incidentFile, message: p.refused.reason };
      const w = await appendClosingSection({ incidentFile, paths, open: p.findings, fixedNow: fixed, changes: [], version: VERSION });
      return w.result.ok ? { ok: true, incidentFile, section: { title: 'closing: timeline and prevention', sha256: w.sha256, bytes: w.result.bytesWritten } } : { ok: false, incidentFile, message: w.result.message };
    },
  };
}
