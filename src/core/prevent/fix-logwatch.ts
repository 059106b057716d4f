import { confValue, readLogwatchCronScript } from './logwatch-conf.js';
import { edit, plan, refuse, type FixPlanner } from './fix-plan.js';
import { dailyReportTarget } from './rules-logwatch.js';
import { appendLines, applyLineChanges } from './text-edit.js';
import { fixText } from './fix-messages.js';
import { findingWords } from './finding-words.js';

// logwatch-daily-report: DailyReport = No in the file the cron script reads (its first
// DailyReport line replaced, as the script takes the first; else appended; the file created when
// it is the override and does not exist yet). No reload: the script reads it every night.
export const fixLogwatch: FixPlanner = (f, c) => {
  const lw = c.logwatch;
  if (!lw.cronScript || !readLogwatchCronScript(lw.cronScript.text).readsDailyReport) {
    return refuse('advice-only', fixText().logwatchNoSwitch, findingWords(f).fix);
  }
  const target = dailyReportTarget(readLogwatchCronScript(lw.cronScript.text).confFiles);
  const file = [lw.overrideConf, lw.defaultConf].find((x) => x?.path === target) ?? null;
  const text = file?.text ?? null;
  const v = text === null ? undefined : confValue(text, 'DailyReport', 'first');
  const after = text === null ? 'DailyReport = No\n' : v ? applyLineChanges(text, [{ line: v.line, endLine: v.line, lines: ['DailyReport = No'] }]) : appendLines(text, ['DailyReport = No']);
  return plan(f, [edit(target, text, after)], []);
};
