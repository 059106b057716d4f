import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { mountForPath } from '../../core/mountinfo.js';
import { fsUsageOf, readMounts } from '../../io/fs-usage.js';
import { appendIncidentSection } from '../../io/incident-sink.js';
import { VERSION } from '../../version.js';
import type { Destination, RecordResult } from '../ports.js';
import { realMounts } from './disks.js';

// Evidence on what this build has: where an incident file may go (the destination rules of
// `spoolrescue capture`) and the walk's own sections, appended through src/io/incident-sink.ts.

// Refuse destinations at or above this use, or with less than this available.
export const MAX_USE_PERCENT = 98;
// Less room than this cannot take a capture with its hashes.
export const MIN_AVAIL_BYTES = 10 * 2 ** 20;

const TMPFS_HOMES = new Set(['/dev/shm', '/run', '/tmp']);

// Directory on a filesystem where an incident file is proposed.
export function proposedDir(mount: string, fstype: string): string {
  if (fstype === 'tmpfs' && TMPFS_HOMES.has(mount)) return mount;
  if (mount === '/') return fs.existsSync('/root') ? '/root' : '/';
  return mount;
}

// Every real filesystem judged as a destination: ok, or the reason it is not.
export async function destinations(troubled: readonly string[], source?: string): Promise<Destination[]> {
  const mounts = readMounts();
  const sourceMount = source ? mountForPath(mounts, fs.existsSync(source) ? fs.realpathSync(source) : source)?.mountPoint : undefined;
  const out: Destination[] = [];
  for (const m of realMounts(mounts)) {
    let u;
    try {
      u = fsUsageOf(m.mountPoint, mounts);
    } catch {
      continue;
    }
    const used = u.sizeBytes - u.freeBytes;
    const usePercent = used + u.availBytes > 0 ? Math.ceil((100 * used) / (used + u.availBytes)) : 100;
    const dir = proposedDir(m.mountPoint, m.fstype);
    let reason: string | undefined;
    if (u.readOnly) reason = 'read-only';
    else if (usePercent >= MAX_USE_PERCENT) reason = `${usePercent}% full`;
    else if (u.availBytes < MIN_AVAIL_BYTES) reason = 'less than 10 MiB free';
    else {
      try {
        fs.accessSync(dir, fs.constants.W_OK);
      } catch {
        reason = `${dir} is not writable`;
      }
    }
    const ok = reason === undefined;
    const isTroubled = troubled.includes(m.mountPoint) || m.mountPoint === sourceMount;
    if (ok && isTroubled) reason = m.mountPoint === sourceMount ? 'holds what is being rescued' : 'flagged on the Disks screen';
    out.push({ mount: m.mountPoint, fstype: m.fstype, availBytes: u.availBytes, usePercent, dir, ok, reason, troubled: isTroubled });
  }
  return out.sort((a, b) => Number(b.ok && !b.troubled) - Number(a.ok && !a.troubled) || b.availBytes - a.availBytes);
}

// Appends one section written by the walk: title, host, time, the body, and the body's SHA-256.
export async function recordSection(file: string, title: string, markdown: string): Promise<RecordResult> {
  const body = markdown.endsWith('\n') ? markdown : markdown + '\n';
  const sha256 = createHash('sha256').update(body).digest('hex');
  const at = new Date().toISOString();
  const text = [`## ${title}`, '', `- host: ${os.hostname()}`, `- time: ${at}`, `- written by: spoolrescue ${VERSION} (guided walk)`, `- sha256 of the body below: ${sha256}`, '', body].join('\n');
  const r = appendIncidentSection(file, text);
  if (!r.ok) return { ok: false, incidentFile: file, message: r.message };
  return { ok: true, incidentFile: file, section: { title, source: 'the walk', kind: 'snapshot', sha256, bytes: Buffer.byteLength(body) } };
}
