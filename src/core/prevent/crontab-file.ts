import type { CrontabKind } from './host-config.js';

// Reads crontab(5) text: environment lines (MAILTO applies to the jobs below it), jobs with or
// without the user field, anacrontab's `period delay id command`, comments; keeps line numbers.

// A variable set in the file (MAILTO="" on line 3).
interface CronAssignment {
  name: string;
  /** Value with surrounding quotes removed. */
  value: string;
  line: number;
}

// One job: where it is, who runs it, whom its output is mailed to, and whether it makes output.
export interface CronJob {
  line: number;
  /** The user field of system crontabs; the file's owner for per-user ones; root for anacrontab. */
  user: string;
  command: string;
  /** MAILTO in force on this line; undefined when none was set above it (cron mails the user). */
  mailto: string | undefined;
  /** True when stdout and stderr both go somewhere else than cron (no mail ever). */
  silent: boolean;
}

export interface CrontabParse {
  assignments: CronAssignment[];
  jobs: CronJob[];
}

const ASSIGN = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;
const unquote = (s: string) => s.replace(/^(['"])(.*)\1$/, '$2');

// True when a shell command sends both stdout and stderr away (>/dev/null 2>&1, &>file, ...).
/** @internal unit-tested on its own: test/core/prevent/parsers.test.ts */
export function outputRedirected(command: string): boolean {
  let out = 'cron';
  let err = 'cron';
  const re = /(&>>?|>&|[12]?>>?)(&[12]|\s*[^\s;&|<>]+)?/g;
  for (let m = re.exec(command); m; m = re.exec(command)) {
    const op = m[1];
    const target = (m[2] ?? '').trim();
    if (op.startsWith('&') || op === '>&') {
      out = err = target || 'file';
    } else if (op.startsWith('2')) {
      err = target === '&1' ? out : target || 'file';
    } else {
      out = target === '&2' ? err : target || 'file';
    }
  }
  return out !== 'cron' && err !== 'cron';
}

// Splits a job line into user and command; null when the line is not a job.
function jobParts(line: string, kind: CrontabKind, owner: string | undefined): { user: string; command: string } | null {
  const t = line.trim();
  if (kind === 'anacrontab') {
    const m = /^(@\w+|\d+)\s+\d+\s+\S+\s+(.+)$/.exec(t);
    return m ? { user: 'root', command: m[2] } : null;
  }
  const withUser = kind === 'system';
  const at = /^@\w+\s+(.+)$/.exec(t);
  const five = /^(\S+\s+){5}(.+)$/.exec(t);
  const rest = at ? at[1] : five && /^[\d*@]/.test(t) ? five[2] : null;
  if (rest === null) return null;
  if (!withUser) return { user: owner ?? 'root', command: rest };
  const m = /^(\S+)\s+(.+)$/.exec(rest);
  return m ? { user: m[1], command: m[2] } : null;
}

// Parses one crontab; `owner` names a per-user crontab's user.
export function parseCrontab(text: string, kind: CrontabKind, owner?: string): CrontabParse {
  const assignments: CronAssignment[] = [];
  const jobs: CronJob[] = [];
  let mailto: string | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line)) return;
    const a = ASSIGN.exec(line);
    if (a && !/^[\d*@]/.test(line.trim())) {
      const value = unquote(a[2]);
      assignments.push({ name: a[1], value, line: i + 1 });
      if (a[1] === 'MAILTO') mailto = value;
      return;
    }
    const job = jobParts(line, kind, owner);
    if (job) jobs.push({ line: i + 1, ...job, mailto, silent: outputRedirected(job.command) });
  });
  return { assignments, jobs };
}

// Whom a job's output is mailed to: MAILTO's addresses, the user when MAILTO is unset, nobody for "".
function jobRecipients(job: CronJob): string[] {
  if (job.mailto === undefined) return [job.user];
  return job.mailto.split(/[\s,]+/).filter(Boolean);
}

// True when the job's output (if any) lands in root's mailbox on this host.
export function mailsRoot(job: CronJob): boolean {
  return jobRecipients(job).some((r) => /^root(@localhost)?$/i.test(r));
}
