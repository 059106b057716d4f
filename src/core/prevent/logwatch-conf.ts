// Reads logwatch.conf (`Key = Value`, `#` comments, keys case-insensitive as logwatch reads them)
// and the cron script that runs it, to find where the daily report is switched on and off.

// A setting's value and its line.
export interface ConfValue {
  value: string;
  line: number;
}

// The first or last `key = value` in the text (RHEL's 0logwatch takes the first with head -n1;
// logwatch itself lets later lines win).
export function confValue(text: string, key: string, which: 'first' | 'last'): ConfValue | undefined {
  let found: ConfValue | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(lines[i].replace(/\r$/, ''));
    if (!m || m[1].toLowerCase() !== key.toLowerCase()) continue;
    found = { value: m[2].replace(/^(['"])(.*)\1$/, '$2'), line: i + 1 };
    if (which === 'first') return found;
  }
  return found;
}

// What the daily cron script does: whether it checks DailyReport, and which files it reads it from.
export interface LogwatchCronScript {
  readsDailyReport: boolean;
  /** logwatch.conf paths named in the script, in order. */
  confFiles: string[];
}

// Reads the cron script (RHEL's 0logwatch greps DailyReport; Debian's 00logwatch does not).
export function readLogwatchCronScript(text: string): LogwatchCronScript {
  const code = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  const confFiles = [...new Set(code.match(/\/[\w./-]*logwatch\.conf/g) ?? [])];
  return { readsDailyReport: /DailyReport/.test(code), confFiles };
}

// True when a DailyReport value stops the report (the script compares with No and no).
export function dailyReportOff(value: string | undefined): boolean {
  return value === 'No' || value === 'no';
}
