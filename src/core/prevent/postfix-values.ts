import type { PostfixFacts } from './host-config.js';

// Helpers over Postfix's settings: time values (5d, 3600s), sizes, and "where a setting comes from".

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

// Seconds in a Postfix time value; `defaultUnit` is the unit of a bare number (d for the queue lifetimes).
export function postfixSeconds(value: string, defaultUnit = 'd'): number | null {
  const m = /^\s*(\d+)\s*([smhdw]?)\s*$/.exec(value);
  if (!m) return null;
  return Number(m[1]) * UNIT[m[2] || defaultUnit];
}

// A setting's value, '' when unknown.
export function pv(p: PostfixFacts, name: string): string {
  return p.values[name] ?? '';
}

// "main.cf" or "default" for a setting, for the finding's where.
export function settingWhere(p: PostfixFacts, name: string): { file?: string; setting: string; postfixDefault?: boolean } {
  return p.explicit.includes(name) ? { file: p.mainCf, setting: name } : { setting: name, postfixDefault: true };
}

// The list items of a restriction or table setting (comma/space separated).
export function listItems(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}
