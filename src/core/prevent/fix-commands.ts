import type { Language } from '../i18n/speak.js';
import type { FollowUp } from './fix-plan.js';
import { fixText } from './fix-messages.js';

// The commands a follow-up runs, with the host paths filled in, and when they may run: a daemon
// reload only on the live system (never for a tree under --root, whose daemons are not running
// here), postfix reload only when that instance runs.

// One command of a follow-up.
export interface FollowUpCommand {
  argv: string[];
  /** What it is for: the follow-up it serves and which of its commands (worded by `commandWhy`). */
  purpose: { followUp: FollowUp; step: 'run' | 'check' };
  /** 'always': run it; 'live-only': only without --root; 'if-running': only when the Postfix instance runs. */
  when: 'always' | 'live-only' | 'if-running';
}

// Host paths and the Postfix instance the commands use.
export interface CommandContext {
  /** Host path of a system path (--root mapping). */
  hostPath(systemPath: string): string;
  /** Host path of the Postfix configuration directory (postfix -c). */
  postfixConfigDir: string;
  /** That directory has a main.cf (postalias -c needs one; without it postalias uses its built-in defaults). */
  hasMainCf: boolean;
}

// The commands of one follow-up.
function followUpCommands(f: FollowUp, ctx: CommandContext): FollowUpCommand[] {
  const purpose = { followUp: f, step: 'run' as const };
  switch (f.kind) {
    case 'newaliases':
      return [{ argv: ['postalias', ...(ctx.hasMainCf ? ['-c', ctx.postfixConfigDir] : []), `${f.mapType}:${ctx.hostPath(f.path)}`], purpose, when: 'always' }];
    case 'postfix-reload':
      return [
        { argv: ['postfix', '-c', ctx.postfixConfigDir, 'check'], purpose: { followUp: f, step: 'check' }, when: 'always' },
        { argv: ['postfix', '-c', ctx.postfixConfigDir, 'reload'], purpose, when: 'if-running' },
      ];
    case 'crond-reload':
      return [{ argv: ['systemctl', 'reload-or-restart', f.service], purpose, when: 'live-only' }];
    case 'crond-restart':
      return [{ argv: ['systemctl', 'restart', f.service], purpose, when: 'live-only' }];
  }
}

// What a command is for, in the run's language, or in the words given (JSON's English ones).
export function commandWhy(c: FollowUpCommand, language?: Language): string {
  const t = fixText(language);
  const f = c.purpose.followUp;
  switch (f.kind) {
    case 'newaliases':
      return t.newaliases(f.path);
    case 'postfix-reload':
      return c.purpose.step === 'check' ? t.postfixCheck : t.postfixReload;
    case 'crond-reload':
      return t.crondReload(f.service);
    case 'crond-restart':
      return t.crondRestart(f.service);
  }
}

// A command as --json shows it (language-free: its purpose in English words).
export function commandJson(c: FollowUpCommand): { argv: string[]; why: string; when: FollowUpCommand['when'] } {
  return { argv: c.argv, why: commandWhy(c, 'en'), when: c.when };
}

// Distinct commands of several follow-ups, in order (two aliases fixes run newaliases once).
export function allCommands(followUps: readonly FollowUp[], ctx: CommandContext): FollowUpCommand[] {
  const seen = new Set<string>();
  const out: FollowUpCommand[] = [];
  for (const f of followUps) {
    for (const c of followUpCommands(f, ctx)) {
      const key = c.argv.join('\0');
      if (!seen.has(key)) out.push(c);
      seen.add(key);
    }
  }
  const rank = (c: FollowUpCommand) => (c.argv[0] === 'postalias' ? 0 : c.argv[2] === ctx.postfixConfigDir && c.argv[3] === 'check' ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b));
}
