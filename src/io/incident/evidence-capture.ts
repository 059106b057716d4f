import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { incidentIoText } from './messages.js';
import type { RawReason } from '../../core/incident/capture-facts.js';
import { CliError, RefusedError } from '../../core/cli-error.js';
import type { CaptureOutcome } from '../../core/incident/evidence.js';
import type { FileFacts } from '../../core/incident/file-facts.js';
import { logSection, logSha, logSpan, type LogEvidence } from '../../core/incident/log.js';
import { mboxSection, mboxSha, type MboxEvidence } from '../../core/incident/mbox.js';
import { queueSection, queueSha, type QueueEvidence } from '../../core/incident/queue.js';
import { rawSection, rawSha, type RawEvidence } from '../../core/incident/raw.js';
import { captureLines } from '../../core/maillog/capture.js';
import { looksLikeLogLine } from '../../core/maillog/time.js';
import { DEFAULT_MESSAGE_CAP, captureMbox } from '../../core/mbox/capture.js';
import { countMboxMessages } from '../../core/mbox/count.js';
import { queueDirInfo } from '../../core/postfix/layout.js';
import type { SystemPaths } from '../../core/system-paths.js';
import { loadAccountNames } from '../system/account-names.js';
import { fileFactsOf, selinuxLabel } from '../files/file-facts.js';
import { openForCapture, type OpenedFile } from '../files/file-chunk-reader.js';
import { captureQueueDir } from './queue-capture.js';

// Re-exported so the TUI imports the capture and its result from one place.
export type { CaptureOutcome } from '../../core/incident/evidence.js';

// What a capture can be about; chosen from the file itself unless the caller forces it.
export type EvidenceKind = 'mbox' | 'queue' | 'log' | 'raw';

// How far a capture got, for a progress line or bar.
export interface CaptureProgress {
  phase: 'reading' | 'counting' | 'listing';
  done: number;
  /** 0 when unknown (directory listings). */
  total: number;
}

// One capture request, free of CLI concerns: the TUI's Evidence screen calls this in-process.
export interface CaptureRequest {
  /** Host path of the spool, queue directory or log (already mapped by SystemPaths). */
  hostPath: string;
  paths: SystemPaths;
  /** First and last N messages, files or lines (default 5). */
  items?: number;
  /** Bytes kept per message / per queue file / per raw end (default 64 KiB). */
  cap?: number;
  /** Count every message of an mbox (reads the whole spool). */
  count?: boolean;
  kind?: EvidenceKind;
  /** Postfix facts: hash queue names and the config for postcat -c. */
  postfix?: { configDir?: string; hasMainCf?: boolean; hashQueueNames?: string[] };
  signal?: AbortSignal;
  onProgress?: (p: CaptureProgress) => void;
  /** Read chunk size (tests use small ones to put boundaries on chunk edges). */
  chunkSize?: number;
  host?: string;
  now?: () => Date;
}

const FROM = Buffer.from('From ');

function detectFileKind(head: Buffer): EvidenceKind {
  if (head.length === 0 || head.subarray(0, 5).equals(FROM)) return 'mbox';
  const firstLine = head.subarray(0, Math.max(0, head.indexOf(0x0a))).toString('utf8');
  if (looksLikeLogLine(firstLine)) return 'log';
  if (head.includes('\n\nFrom ') || head.includes('\r\n\r\nFrom ')) return 'mbox';
  return 'raw';
}

// Refuses what must not be read as evidence: a missing path, a symlink (never followed), a device.
export function statSubject(hostPath: string, systemPath: string): fs.Stats {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(hostPath);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new CliError(incidentIoText().noSuchPath(systemPath), 1, incidentIoText().checkPath);
    if (err.code === 'EACCES') throw new CliError(incidentIoText().denied(systemPath), 1, incidentIoText().runAsRoot);
    throw new CliError(incidentIoText().cannotStat(systemPath, err.message));
  }
  if (st.isSymbolicLink()) {
    let target = '?';
    try {
      target = fs.readlinkSync(hostPath);
    } catch {
      // keep '?'
    }
    throw new RefusedError(incidentIoText().symlink(systemPath, target), incidentIoText().giveRealFile(path.resolve(path.dirname(systemPath), target)));
  }
  if (!st.isFile() && !st.isDirectory()) throw new RefusedError(incidentIoText().notFileOrDir(systemPath));
  return st;
}

async function captureFile(req: CaptureRequest, opened: OpenedFile, file: FileFacts, base: { host: string; time: Date }): Promise<CaptureOutcome> {
  const src = opened.source;
  const n = req.items ?? 5;
  const cap = req.cap ?? DEFAULT_MESSAGE_CAP;
  const progress = (phase: CaptureProgress['phase']) => (done: number, total: number) => req.onProgress?.({ phase, done, total });
  const ctl = { signal: req.signal, onProgress: progress('reading'), chunkSize: req.chunkSize };
  let kind = req.kind ?? detectFileKind(await src.read(0, 64 * 1024));
  const grewBy = () => Math.max(0, opened.sizeNow() - src.size);
  let rawReason: RawReason = { code: 'not-mbox-nor-log' };
  if (kind === 'mbox') {
    const capture = await captureMbox(src, { ...ctl, messages: n, messageCap: cap });
    if (!capture.noSeparator) {
      const count = req.count ? await countMboxMessages(src, { ...ctl, onProgress: progress('counting') }) : null;
      const data: MboxEvidence = { file, capture, count, grewBy: grewBy(), sha256: mboxSha(capture) };
      return { kind, data, file, markdown: mboxSection(data, base), sha256: data.sha256, ...base };
    }
    rawReason = { code: src.size === 0 ? 'empty-spool' : 'no-separator' };
    kind = 'raw';
  }
  if (kind === 'log') {
    const capture = await captureLines(src, { ...ctl, lines: n, lineCap: Math.min(cap, 8192) });
    const data: LogEvidence = { file, capture, span: logSpan(capture, file.mtimeMs), grewBy: grewBy(), sha256: logSha(capture) };
    return { kind, data, file, markdown: logSection(data, base), sha256: data.sha256, ...base };
  }
  const head = await src.read(0, Math.min(src.size, cap));
  const tailOffset = Math.max(head.length, src.size - cap);
  const tail = await src.read(tailOffset, src.size - tailOffset);
  const data: RawEvidence = { file, size: src.size, head, tailOffset, tail, reason: rawReason, grewBy: grewBy(), sha256: rawSha(head, tail) };
  return { kind: 'raw', data, file, markdown: rawSection(data, base), sha256: data.sha256, ...base };
}

// Captures evidence from a spool, a queue directory or a log: reads only what it keeps (both
// ends), streams directories, reports progress, stops on the signal. Writes nothing.
export async function captureEvidence(req: CaptureRequest): Promise<CaptureOutcome> {
  const systemPath = req.paths.toSystem(req.hostPath);
  const st = statSubject(req.hostPath, systemPath);
  const names = loadAccountNames(req.paths);
  const base = { host: req.host ?? os.hostname(), time: (req.now ?? (() => new Date()))() };
  if (st.isDirectory()) {
    if (req.kind && req.kind !== 'queue') throw new CliError(incidentIoText().directoryNeedsQueue(systemPath), 2);
    const file = { ...fileFactsOf(req.hostPath, st, req.paths, names), label: await selinuxLabel(req.hostPath) };
    const name = path.basename(req.hostPath);
    const queue = queueDirInfo(name);
    const hashed = (req.postfix?.hashQueueNames ?? ['deferred', 'defer']).includes(name);
    let r;
    try {
      r = await captureQueueDir(req.hostPath, {
        files: req.items ?? 5,
        headCap: req.cap ?? DEFAULT_MESSAGE_CAP,
        hashed,
        postfixConfig: req.postfix?.hasMainCf ? req.postfix.configDir : undefined,
        signal: req.signal,
        onProgress: (done) => req.onProgress?.({ phase: 'listing', done, total: 0 }),
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EACCES') throw new CliError(incidentIoText().deniedListing(systemPath), 1, incidentIoText().runAsRoot);
      throw e;
    }
    const data: QueueEvidence = { dir: file, queueName: queue ? name : null, ...r, sha256: queueSha(r.oldest, r.newest) };
    return { kind: 'queue', data, file, markdown: queueSection(data, base), sha256: data.sha256, ...base };
  }
  if (req.kind === 'queue') throw new CliError(incidentIoText().fileNotQueue(systemPath), 2);
  let opened: OpenedFile;
  try {
    opened = openForCapture(req.hostPath);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ELOOP') throw new RefusedError(incidentIoText().becameSymlink(systemPath));
    throw new CliError(incidentIoText().cannotOpen(systemPath, err.code === 'EACCES' ? incidentIoText().deniedRunAsRoot : err.message));
  }
  try {
    const file = { ...fileFactsOf(req.hostPath, opened.stat, req.paths, names), label: await selinuxLabel(req.hostPath) };
    return await captureFile(req, opened, file, base);
  } finally {
    opened.close();
  }
}
