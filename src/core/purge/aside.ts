// Names of the directories a swap leaves next to DIR, chosen so that a rerun (after Ctrl-C, a crash
// or kill -9) recognises them from the name alone and finishes the job.

// A leftover of an earlier swap: "aside" is the old DIR being deleted, "fresh" the new empty
// directory that had not been renamed into place yet.
export interface LeftoverName {
  kind: 'aside' | 'fresh';
  stamp: string;
}

const STAMP = /^\d{8}T\d{6}Z-\d+$/;

// "20261122T071444Z-12345": sortable by time, unique per process.
export function purgeStamp(nowMs: number, pid: number): string {
  const iso = new Date(nowMs).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}Z-${pid}`;
}

// Name of the old directory once renamed aside: ".maildrop.spoolrescue-purge-<stamp>".
export function asideName(base: string, stamp: string): string {
  return `.${base}.spoolrescue-purge-${stamp}`;
}

// Name of the new empty directory before it is renamed into place: ".maildrop.spoolrescue-new-<stamp>".
export function freshName(base: string, stamp: string): string {
  return `.${base}.spoolrescue-new-${stamp}`;
}

// Recognises a leftover of DIR (by its base name) among its parent's entries.
export function parseLeftoverName(name: string, base: string): LeftoverName | undefined {
  const prefix = `.${base}.spoolrescue-`;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  for (const [tag, kind] of [['purge-', 'aside'], ['new-', 'fresh']] as const) {
    if (rest.startsWith(tag) && STAMP.test(rest.slice(tag.length))) return { kind, stamp: rest.slice(tag.length) };
  }
  return undefined;
}
