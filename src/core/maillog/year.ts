// Syslog stamps carry no year: the year of a file's first line is inferred from the file's
// mtime (when its last line was written) and from the months its first and last lines name.

// A month and day as a syslog line names them (month 0-11).
export interface MonthDay {
  month: number;
  day: number;
}

const after = (a: MonthDay, b: MonthDay) => a.month > b.month || (a.month === b.month && a.day > b.day);

// Year of the first line. `last` is null when the end is unknown (gzip): then the first line is
// taken to be no later in the year than the mtime.
export function firstLineYear(first: MonthDay, last: MonthDay | null, mtime: Date): number {
  const mt = { month: mtime.getMonth(), day: mtime.getDate() };
  const end = last ?? first;
  // a last line later in the year than the mtime was written last year (rotated on 1 January)
  const lastYear = after(end, mt) ? mtime.getFullYear() - 1 : mtime.getFullYear();
  if (!last) return lastYear;
  return after(first, last) ? lastYear - 1 : lastYear;
}

// Year of a line within a file that started in `firstYear` at month `firstMonth`: an earlier month
// than the first one means the year turned (a log spans less than a year).
export function yearWithin(month: number, firstYear: number, firstMonth: number): number {
  return month < firstMonth ? firstYear + 1 : firstYear;
}
