// The one JSON vocabulary every command speaks (docs/json.md): its version, and the small helpers
// that bring a document to it at the edge, so the figures' names are decided in one place.

// Version of the vocabulary; every --json document and every JSON Lines line carries it.
export const SCHEMA_VERSION = 1;

// A time as the vocabulary writes it: ISO 8601 in UTC with Z ("2026-12-01T20:15:03.000Z"); null
// when unknown or not a real date (never a local time without an offset, never a ctime string).
export function isoTime(t: Date | number | null | undefined): string | null {
  if (t === null || t === undefined) return null;
  const d = typeof t === 'number' ? new Date(t) : t;
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

// A duration as the vocabulary writes it: whole milliseconds, never negative.
export function wholeMs(ms: number): number {
  return Math.max(0, Math.round(ms));
}

// VALUE with the keys named in RENAMES renamed at every depth: brings a report whose inner names
// are plain (`bytes`) to the vocabulary (`sizeBytes`) without a second copy of its shape.
export function renameKeys(value: unknown, renames: Readonly<Record<string, string>>): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, renames));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [renames[k] ?? k, renameKeys(v, renames)]));
}
