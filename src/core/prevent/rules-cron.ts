import { mailsRoot, parseCrontab } from './crontab-file.js';
import type { Finding } from './finding.js';
import type { HostConfig } from './host-config.js';
import { rootAlias } from './root-alias.js';
import { crondMailOff, shellVar } from './shell-vars.js';

// The cron checks (seed 000): jobs whose output is mailed to root, and cronie's own mail switch.

// cron-mailto-root: per crontab, the jobs that mail root and print something (no redirection).
export function cronMailtoRoot(c: HostConfig): Finding[] {
  const forwarded = rootAlias(c.aliases)?.forwarded === true;
  const hits = c.crontabs.flatMap((f) => {
    const parse = parseCrontab(f.text, f.kind, f.owner);
    const loud = parse.jobs.filter((j) => mailsRoot(j) && !j.silent);
    if (!loud.length) return [];
    const mailtoLine = parse.assignments.filter((a) => a.name === 'MAILTO' && a.line < loud[0].line).at(-1);
    return [{ f, loud, mailtoLine }];
  });
  return hits.map(({ f, loud, mailtoLine }) => ({
    code: 'cron-mailto-root' as const,
    id: hits.length > 1 ? `cron-mailto-root@${f.path}` : 'cron-mailto-root',
    severity: forwarded ? ('low' as const) : ('high' as const),
    where: { file: f.path, line: mailtoLine?.line ?? loud[0].line },
    fixable: true,
    facts: { file: f.path, jobs: loud.map((j) => ({ line: j.line, user: j.user, command: j.command })), mailto: mailtoLine ? `MAILTO=${mailtoLine.value || '""'}` : null, forwarded },
  }));
}

// crond-mail-on: cronie's CRONDARGS without -m off. Medium where the operator silenced cron
// elsewhere (MAILTO="" in some crontab, so -m off is the intent), information otherwise.
export function crondMailOn(c: HostConfig): Finding[] {
  const f = c.crondSysconfig;
  if (!f) return [];
  const v = shellVar(f.text, 'CRONDARGS');
  if (v && crondMailOff(v.value)) return [];
  const silenced = c.crontabs.some((t) => parseCrontab(t.text, t.kind, t.owner).assignments.some((a) => a.name === 'MAILTO' && a.value === ''));
  return [{
    code: 'crond-mail-on', id: 'crond-mail-on', severity: silenced ? 'medium' : 'info', where: { file: f.path, line: v?.line },
    fixable: true,
    facts: { file: f.path, crondArgs: v ? v.value : null, silenced },
  }];
}
