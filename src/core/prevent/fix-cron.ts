import { mailsRoot, parseCrontab } from './crontab-file.js';
import { edit, plan, refuse, type FixPlanner } from './fix-plan.js';
import { crondMailOff, shellVar } from './shell-vars.js';
import { appendLines, applyLineChanges, type LineChange } from './text-edit.js';
import { fixText } from './fix-messages.js';

// Fixes for cron (seed 000): MAILTO="" above the jobs that mail root, CRONDARGS="-m off"; then
// the reload everyone forgets.

// cron-mailto-root in the finding's file: each MAILTO that sends loud jobs to root loses root
// (MAILTO="" when nothing is left); jobs with no MAILTO above them get MAILTO="" right above the first.
export const fixCronMailto: FixPlanner = (f, c) => {
  const file = c.crontabs.find((t) => t.path === f.where.file);
  if (!file) return refuse('file-gone', fixText().fileGone(f.where.file ?? ''));
  const parse = parseCrontab(file.text, file.kind, file.owner);
  const loud = parse.jobs.filter((j) => mailsRoot(j) && !j.silent);
  const changes = new Map<number, LineChange>();
  let insertBefore: number | undefined;
  for (const job of loud) {
    const gov = parse.assignments.filter((a) => a.name === 'MAILTO' && a.line < job.line).at(-1);
    if (!gov) {
      insertBefore ??= job.line;
      continue;
    }
    const rest = gov.value.split(/[\s,]+/).filter((r) => r && !/^root(@localhost)?$/i.test(r));
    changes.set(gov.line, { line: gov.line, endLine: gov.line, lines: [`MAILTO="${rest.join(',')}"`] });
  }
  if (insertBefore !== undefined) changes.set(-insertBefore, { line: insertBefore, endLine: insertBefore - 1, lines: ['MAILTO=""'] });
  const after = applyLineChanges(file.text, [...changes.values()]);
  const notes = insertBefore !== undefined && parse.jobs.some((j) => j.line > insertBefore! && j.mailto === undefined && !mailsRoot(j)) ? [fixText().mailtoAlsoSilences(insertBefore)] : [];
  return plan(f, [edit(file.path, file.text, after)], c.cronService ? [{ kind: 'crond-reload', service: c.cronService }] : [], notes);
};

// crond-mail-on: -m off added to CRONDARGS (its other arguments kept), or CRONDARGS="-m off" appended.
export const fixCrondArgs: FixPlanner = (f, c) => {
  const file = c.crondSysconfig;
  if (!file) return refuse('file-gone', fixText().noCrondSysconfig);
  const v = shellVar(file.text, 'CRONDARGS');
  if (v && crondMailOff(v.value)) return plan(f, [], []);
  const args = v ? [v.value.replace(/(^|\s)-m\s*\S+/g, ' ').trim(), '-m off'].filter(Boolean).join(' ') : '-m off';
  const after = v ? applyLineChanges(file.text, [{ line: v.line, endLine: v.line, lines: [`CRONDARGS="${args}"`] }]) : appendLines(file.text, [`CRONDARGS="${args}"`]);
  return plan(f, [edit(file.path, file.text, after)], [{ kind: 'crond-restart', service: c.cronService ?? 'crond' }]);
};
