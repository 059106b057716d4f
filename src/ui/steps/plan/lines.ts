import { flagWords } from '../../../core/disks/flag-words.js';
import { captureText } from '../../../core/incident/capture-messages.js';
import type { PlanStep, RescuePlan } from '../../../core/plan/rescue-plan.js';
import { nameWords } from '../../../core/suspects/words.js';
import { fmtBytes, fmtCount } from '../../../core/text/units.js';
import type { CaptureAllResult, MailFlowLine, SummaryLine } from '../../ports/index.js';
import { planText } from './plan-messages.js';

// The words of the Plan screen, built from data alone so they are tested without a terminal.

// One line of the screen and how it is shown.
export interface PlanLine {
  text: string;
  tone?: 'accent' | 'warn' | 'error' | 'ok' | 'dim';
  bold?: boolean;
}

// The culprit in a few words: "maildrop queue, ~2,048 entries".
function culpritText(plan: RescuePlan): string {
  const s = plan.culprit.suspect;
  const label = nameWords(s.name);
  return s.estimatedEntries === null ? planText().culpritBytes(label, fmtBytes(s.bytes)) : planText().culpritEntries(label, fmtCount(s.estimatedEntries));
}

// What one plan step will do, in one short line.
export function stepText(step: PlanStep, show: (p: string) => string): string {
  const t = planText();
  if (step.kind === 'capture') return t.captureStep(step.sources.map((x) => x.label).join(t.listJoin));
  if (step.kind === 'empty') {
    const name = show(step.target.path).split('/').filter(Boolean).at(-1) ?? step.target.path;
    return t.emptyStep(step.target.kind === 'dir', show(step.target.path), name);
  }
  if (step.kind === 'mailflow') return t.mailFlowStep;
  return t.summaryStep;
}

// The head of the screen: the flagged filesystem, the culprit, where the evidence goes (until it went).
export function headLines(plan: RescuePlan, show: (p: string) => string, captured: boolean): PlanLine[] {
  const f = plan.culprit.fs;
  const why = f.flags.filter((x) => x.code === 'bytes-full' || x.code === 'inodes-full').map((x) => flagWords(x).split(/[,:、：]/)[0]).join(', ');
  const t = planText();
  const out: PlanLine[] = [
    { text: t.planFor(show(f.mount), why), bold: true },
    { text: t.culprit(culpritText(plan)), tone: 'warn' },
  ];
  if (!plan.destination) out.push({ text: t.noDestination, tone: 'warn' });
  else if (!captured) out.push({ text: t.destination(plan.destination.file) });
  return out;
}

// The summary lines the screen keeps: what was captured and its dates and names.
const SHOWN = new Set<SummaryLine['kind']>(['when', 'reason']);

// What the capture of every source wrote: per source its kind and path, its dates and names, and
// what was written only in part (counts and hashes are in the incident file). Lines are chosen by
// their kind, never by their words, so this holds in every language.
export function captureLines(r: CaptureAllResult): PlanLine[] {
  const t = planText();
  const out: PlanLine[] = [{ text: t.evidenceIn(r.incidentFile, r.aborted), tone: r.aborted ? 'warn' : 'ok' }];
  for (const item of r.items) {
    if (!item.ok) {
      out.push({ text: t.notCaptured(item.source, item.error ?? ''), tone: 'error' });
      continue;
    }
    // "mbox PATH" (owner, mode and inode are in the incident file).
    out.push({ text: item.kind ? captureText().title(item.kind, item.source) : item.source });
    for (const l of item.lines) if (SHOWN.has(l.kind)) out.push({ text: l.text });
    if (item.warning) out.push({ text: t.warning(item.warning), tone: 'warn' });
  }
  const look = r.firstLook;
  if (look && !look.ok) out.push({ text: t.firstLookFailed(look.lines[0] ?? ''), tone: 'error' });
  // The first look's head and one line per log (the bytes-per-day graph, after the first empty
  // line, is in the incident file).
  else if (look) {
    const graph = look.lines.indexOf('');
    for (const l of graph < 0 ? look.lines : look.lines.slice(0, graph)) out.push({ text: l });
    if (look.warning) out.push({ text: t.warning(look.warning), tone: 'warn' });
  }
  return out;
}

// One line of the mail flow check, coloured by its kind: delivered is good news, a refusal of
// sendmail, a failed start and a bounce are not.
export function flowLine(l: MailFlowLine): PlanLine {
  const tone = l.kind === 'delivered' ? 'ok' : l.kind === 'not-delivered' || l.kind === 'not-accepted' || l.kind === 'start-failed' ? 'error' : undefined;
  return { text: l.text, tone };
}
