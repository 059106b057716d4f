// Postfix time values ("5d", "3600s", "2w", a bare number in the parameter's default unit) in
// seconds, for maximal_queue_lifetime; null when unreadable.
export function postfixDurationSecs(value: string, defaultUnit = 'd'): number | null {
  const m = /^\s*(\d+)\s*([smhdw]?)\s*$/.exec(value);
  if (!m) return null;
  const unit = m[2] || defaultUnit;
  const k = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[unit as 's'];
  return Number(m[1]) * k;
}
