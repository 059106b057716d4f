import type { PlannedEdit } from './fix-plan.js';
import type { ConfigFile, HostConfig } from './host-config.js';

// The configuration as it will be once planned edits are written: several fixes in one run are
// planned one after the other on it (two edits of /etc/aliases then add up instead of clashing),
// and the result is checked again on it before anything is written.

function swap<T extends ConfigFile | null>(f: T, texts: Map<string, string>): T {
  return f && texts.has(f.path) ? { ...f, text: texts.get(f.path)! } : f;
}

// The config with every edited file's text replaced (mtimes of edited aliases files moved past
// their databases: newaliases will be run after).
export function withEdits(c: HostConfig, edits: readonly PlannedEdit[]): HostConfig {
  const texts = new Map(edits.map((e) => [e.path, e.after]));
  const created = (path: string) => (texts.has(path) ? { path, text: texts.get(path)! } : null);
  const lw = c.logwatch;
  return {
    ...c,
    aliases: c.aliases.map((a) => (texts.has(a.path) ? { ...a, text: texts.get(a.path)! } : a)),
    crontabs: c.crontabs.map((t) => swap(t, texts)),
    crondSysconfig: swap(c.crondSysconfig, texts),
    logwatch: {
      ...lw,
      defaultConf: swap(lw.defaultConf, texts) ?? (lw.defaultConf === null && lw.installed ? created('/usr/share/logwatch/default.conf/logwatch.conf') : null),
      overrideConf: swap(lw.overrideConf, texts) ?? created('/etc/logwatch/conf/logwatch.conf'),
    },
    postfix: {
      ...c.postfix,
      mainCfText: texts.get(c.postfix.mainCf) ?? c.postfix.mainCfText,
      masterCf: swap(c.postfix.masterCf, texts),
    },
  };
}
