// qshape's age columns: the first bucket holds messages younger than 5 minutes, each next one
// twice as long, the last one everything older (qshape.pl bucket(): 2 + int(log2(minutes / 5))).

export interface BucketScheme {
  /** Minutes of the first bucket (qshape -t, default 5). */
  tickMinutes: number;
  /** Number of buckets (qshape -b, default 10). */
  count: number;
}

export const QSHAPE_BUCKETS: BucketScheme = { tickMinutes: 5, count: 10 };

// The bucket (0-based) a message of this age falls into, as qshape computes it.
export function bucketOf(ageSeconds: number, s: BucketScheme = QSHAPE_BUCKETS): number {
  const m = ageSeconds / (60 * s.tickMinutes);
  if (m < 1) return 0;
  const b = 1 + Math.floor(Math.log2(m));
  return Math.min(b, s.count - 1);
}

// Column labels as qshape prints them: upper limits in minutes, the last one with '+'.
export function bucketLabels(s: BucketScheme = QSHAPE_BUCKETS): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.count - 1; i++) out.push(String(s.tickMinutes * 2 ** i));
  out.push(`${s.tickMinutes * 2 ** (s.count - 2)}+`);
  return out;
}
