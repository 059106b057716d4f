import fs from 'node:fs';
import path from 'node:path';
import type { ReadControl } from '../../core/bytes/byte-source.js';
import type { QueueFileEvidence } from '../../core/incident/queue.js';
import { decodeRecords, envelopeFromPostcat, envelopeOf } from '../../core/postfix/queue-record.js';
import { LargestK, SmallestK } from '../../core/hotspots/top-k.js';
import { oldestNewest, type ListedEntry } from '../listing/dir-listing.js';
import { findCommand } from '../system/find-command.js';
import { runCommand } from '../system/run-command.js';
import { queueDirectories } from '../queue/walk.js';
import type { EnvelopeDecoder } from '../../core/incident/capture-facts.js';

// How many files from each end, how much of each to read, and how to decode envelopes.
export interface QueueCaptureOptions extends ReadControl {
  files: number;
  /** Bytes read from each listed file (hashed; the envelope is decoded from them natively). */
  headCap: number;
  /** Walk one level of hash subdirectories (deferred/2/...) instead of the directory itself. */
  hashed: boolean;
  /** Postfix configuration directory for postcat -c (only when it has a main.cf). */
  postfixConfig?: string;
  /** Use postcat when installed (default true). */
  usePostcat?: boolean;
}

// The count and the described oldest/newest files, with the decoder that was used.
export interface QueueCaptureResult {
  count: number;
  subdirs: number;
  oldest: QueueFileEvidence[];
  newest: QueueFileEvidence[];
  decoder: EnvelopeDecoder;
}

interface Listed extends ListedEntry {
  rel: string;
  /** Exact bytes of rel: names that are not UTF-8 must still open the real file. */
  relBytes: Buffer;
}

async function describeFile(dir: string, e: Listed, o: QueueCaptureOptions, postcat: string | undefined): Promise<QueueFileEvidence> {
  const full = Buffer.concat([Buffer.from(dir.endsWith('/') ? dir : dir + '/'), e.relBytes]);
  const exact = !e.relBytes.equals(Buffer.from(e.rel));
  const base: QueueFileEvidence = { name: e.rel, ...(exact ? { nameBytes: e.relBytes } : {}), size: e.size ?? 0, mtimeMs: e.mtimeMs ?? 0, uid: 0, gid: 0, mode: 0, head: Buffer.alloc(0), envelope: null, decodedBy: null };
  let fd: number;
  try {
    fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (err) {
    return { ...base, error: { code: 'cannot-open', why: (err as NodeJS.ErrnoException).code ?? (err as Error).message } };
  }
  try {
    const st = fs.fstatSync(fd);
    const head = Buffer.alloc(Math.min(st.size, o.headCap));
    const got = head.length ? fs.readSync(fd, head, 0, head.length, 0) : 0;
    Object.assign(base, { size: st.size, mtimeMs: st.mtimeMs, uid: st.uid, gid: st.gid, mode: st.mode & 0o7777, head: head.subarray(0, got) });
  } finally {
    fs.closeSync(fd);
  }
  // postcat takes the name as an argument, which a non-UTF-8 name cannot be: decoded natively
  if (postcat && !exact) {
    const args = [...(o.postfixConfig ? ['-c', o.postfixConfig] : []), '-e', '-h', full.toString()];
    const r = await runCommand(postcat, args, { timeoutMs: 10_000, signal: o.signal });
    if (r.ok && !/not a valid queue file/.test(r.stderr)) return { ...base, envelope: envelopeFromPostcat(r.stdout), decodedBy: 'postcat' };
    base.error = /not a valid queue file/.test(r.stderr) ? { code: 'not-queue-file' } : { code: 'postcat-failed', why: r.failure };
  }
  try {
    const records = decodeRecords(base.head);
    if (records.length && records.some((r) => r.type === 'S' || r.type === 'R' || r.type === 'T')) return { ...base, envelope: envelopeOf(records), decodedBy: 'native', error: undefined };
  } catch {
    // not records: shown as escaped bytes
  }
  return base;
}

// Counts a queue directory and keeps its oldest and newest files in O(files) memory (streaming
// readdir via dir-listing), then reads each kept file's envelope: postcat when installed, else
// the native record decoder, else its first bytes escaped.
export async function captureQueueDir(dir: string, o: QueueCaptureOptions): Promise<QueueCaptureResult> {
  const oldest = new SmallestK<Listed>(o.files);
  const newest = new LargestK<Listed>(o.files);
  let count = 0;
  let subdirs = 0;
  for (const d of o.hashed ? queueDirectories(dir) : [{ dir, rel: '', subdirs: 0 }]) {
    if (d.rel) subdirs++;
    const r = await oldestNewest(d.dir, o.files, { signal: o.signal, onProgress: (n) => o.onProgress?.(count + n, 0) });
    // in a hashed queue the top level holds the hash directories themselves: count files only
    const files = (l: ListedEntry[]) => l.filter((e) => e.type === 'file' || e.type === 'unknown');
    const listed = (e: ListedEntry): Listed => ({ ...e, rel: d.rel + e.name, relBytes: Buffer.concat([Buffer.from(d.rel), e.nameBytes ? Buffer.from(e.nameBytes) : Buffer.from(e.name)]) });
    for (const e of files(r.oldest)) oldest.offer(e.mtimeMs ?? 0, listed(e));
    for (const e of files(r.newest)) newest.offer(e.mtimeMs ?? 0, listed(e));
    count += r.count - d.subdirs;
  }
  const usePostcat = o.usePostcat ?? true;
  const postcat = usePostcat ? findCommand('postcat') : undefined;
  const describeAll = async (l: Listed[]) => {
    const out: QueueFileEvidence[] = [];
    for (const e of l) {
      o.signal?.throwIfAborted();
      out.push(await describeFile(dir, e, o, postcat));
    }
    return out;
  };
  const decoder: EnvelopeDecoder = postcat ? { code: 'postcat', configDir: o.postfixConfig } : { code: usePostcat ? 'native-no-postcat' : 'native' };
  return { count, subdirs, oldest: await describeAll(oldest.sorted()), newest: await describeAll(newest.sorted()), decoder };
}
