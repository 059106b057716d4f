import fs from 'node:fs';
import path from 'node:path';
import { devIdOf } from '../../core/disks/mountinfo.js';
import { LargestK } from '../../core/hotspots/top-k.js';
import { disksDataText } from './messages.js';

// A file that was deleted but is still held open: df counts its blocks, du cannot see it.
export interface DeletedOpenFd {
  pid: number;
  command: string;
  fd: number;
  /** Where the file was, as the holder sees it (the link text without " (deleted)"). */
  path: string;
  /** Mount id from /proc/PID/fdinfo (global across namespaces), when readable. */
  mountId?: number;
  /** Apparent size and allocated bytes (st_blocks * 512); null when not examined. */
  sizeBytes: number | null;
  allocatedBytes: number | null;
  /** "major:minor" of the filesystem holding it, null when not examined. */
  devId: string | null;
  ino: number | null;
  /** Why the size is unknown, when it is. */
  note?: string;
}

// The sized deleted-open files and what they hold per filesystem.
export interface DeletedOpenScan {
  /** The largest `limit` entries (all of them when fewer). */
  files: DeletedOpenFd[];
  /** Every deleted-open regular file seen, also those beyond the limit. */
  total: number;
  /** Allocated bytes per filesystem (devId), each (dev, inode) counted once. */
  bytesByDevId: Map<string, number>;
  /** Processes that vanished or denied access while looking (normal on a busy host). */
  skippedProcesses: number;
}

const DELETED = ' (deleted)';
// Anonymous memory that shows up as "(deleted)" but lives on no disk.
const ANONYMOUS = /^\/(memfd:|SYSV[0-9a-f]{8}|dev\/zero|\[)/;

// The fds whose link ends in " (deleted)": pid, fd, command, path and mount id. Reads only /proc
// (readlink, fdinfo), which never waits for a filesystem, so it is safe before statfs answered.
// One readlink per fd of every process is the whole cost (hundreds to thousands on a server, on
// every `df`): paths are joined by hand (path.join normalised each one: half of the CPU).
export function listDeletedOpenFds(procDir = '/proc'): { fds: DeletedOpenFd[]; skippedProcesses: number } {
  const fds: DeletedOpenFd[] = [];
  let skippedProcesses = 0;
  let pids: string[];
  try {
    pids = fs.readdirSync(procDir).filter((n) => /^\d+$/.test(n));
  } catch {
    return { fds, skippedProcesses };
  }
  const base = procDir.endsWith('/') ? procDir : `${procDir}/`;
  const kernelThreads = kernelThreadPids(base);
  for (const pidText of pids) {
    if (kernelThreads.has(pidText)) continue;
    const fdDir = `${base}${pidText}/fd/`;
    // fd 0's link first: a process this one may not inspect is skipped before its fds are listed
    // (a listing of a few hundred fds cost ~0.4 ms, for links that would all be refused)
    let stdinLink: string | undefined;
    try {
      stdinLink = fs.readlinkSync(`${fdDir}0`);
    } catch (e) {
      if (isRefusal(e)) {
        skippedProcesses++;
        continue;
      }
    }
    let names: string[];
    try {
      names = fs.readdirSync(fdDir);
    } catch {
      skippedProcesses++;
      continue;
    }
    let command: string | undefined;
    let readAny = stdinLink !== undefined;
    for (const fdText of names) {
      let link: string;
      try {
        link = fdText === '0' && stdinLink !== undefined ? stdinLink : fs.readlinkSync(fdDir + fdText);
        readAny = true;
      } catch (e) {
        // Links of a process this one may not inspect (another user namespace, a ptrace policy)
        // are all refused: one refusal skips the process, not one thrown error per fd.
        if (!readAny && isRefusal(e)) {
          skippedProcesses++;
          break;
        }
        continue;
      }
      if (!link.endsWith(DELETED) || !link.startsWith('/') || ANONYMOUS.test(link)) continue;
      command ??= readComm(procDir, pidText);
      fds.push({
        pid: Number(pidText),
        command,
        fd: Number(fdText),
        path: link.slice(0, -DELETED.length),
        mountId: readMountId(procDir, pidText, fdText),
        sizeBytes: null,
        allocatedBytes: null,
        devId: null,
        ino: null,
      });
    }
  }
  return { fds, skippedProcesses };
}

// Kernel threads hold no fds, yet each has a /proc/PID/fd to open and read (empty): a hundred and
// more on a server (per CPU, per device queue), ~15 us each, half of the scan on a quiet host.
// They are kthreadd's children, which the kernel lists in one file; pid 2 is taken for kthreadd
// only when its stat flags say it is a kernel thread (PF_KTHREAD), which no process can claim (a
// process named kthreadd as pid 2 of a container is scanned like any other). Without that file
// (a kernel without CONFIG_PROC_CHILDREN) every process is scanned, as before. BASE: /proc/ with its slash.
const PF_KTHREAD = 0x00200000;
function kernelThreadPids(base: string): Set<string> {
  try {
    // read as UTF-8, which Node reads whole in one call: a /proc file says it has no size, and
    // any other encoding made Node read it in 64 KiB pieces (~0.4 ms a file here)
    const stat = fs.readFileSync(`${base}2/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state ppid pgrp session tty_nr tpgid flags
    if (!/^\d+$/.test(fields[6] ?? '') || (Number(fields[6]) & PF_KTHREAD) === 0) return new Set();
    const children = fs.readFileSync(`${base}2/task/2/children`, 'utf8').split(' ').filter((p) => /^\d+$/.test(p));
    return new Set(['2', ...children]);
  } catch {
    return new Set();
  }
}

function isRefusal(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM';
}

function readComm(procDir: string, pid: string): string {
  try {
    return fs.readFileSync(path.join(procDir, pid, 'comm'), 'utf8').trim();
  } catch {
    return '?';
  }
}

function readMountId(procDir: string, pid: string, fd: string): number | undefined {
  try {
    const m = /^mnt_id:\s*(\d+)/m.exec(fs.readFileSync(path.join(procDir, pid, 'fdinfo', fd), 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

// Where /proc is, what not to stat, how many to keep.
export interface MeasureOptions {
  procDir?: string;
  /** Mount ids whose filesystem did not answer statfs: their files are not stat'ed (it could hang). */
  skipMountIds?: ReadonlySet<number>;
  /** How many entries to keep, largest first (default 1000); sums always cover all. */
  limit?: number;
}

// Sizes the deleted-open fds by stat'ing /proc/PID/fd/N (which follows the magic link to the open
// file), keeps regular files only, and sums allocated bytes per filesystem counting each inode once.
export function measureDeletedOpen(fds: readonly DeletedOpenFd[], o: MeasureOptions = {}): DeletedOpenScan {
  const procDir = o.procDir ?? '/proc';
  const keep = new LargestK<DeletedOpenFd>(o.limit ?? 1000);
  const seen = new Set<string>();
  const bytesByDevId = new Map<string, number>();
  let total = 0;
  let skippedProcesses = 0;
  for (const f of fds) {
    if (f.mountId !== undefined && o.skipMountIds?.has(f.mountId)) {
      total++;
      keep.offer(-1, { ...f, note: disksDataText().notResponding });
      continue;
    }
    let st: fs.BigIntStats | undefined;
    try {
      st = fs.statSync(path.join(procDir, String(f.pid), 'fd', String(f.fd)), { bigint: true });
    } catch {
      skippedProcesses++;
      continue;
    }
    if (!st.isFile()) continue;
    total++;
    const devId = devIdOf(st.dev);
    const allocated = Number(st.blocks) * 512;
    const entry: DeletedOpenFd = { ...f, sizeBytes: Number(st.size), allocatedBytes: allocated, devId, ino: Number(st.ino) };
    keep.offer(allocated, entry);
    const key = `${devId}/${st.ino}`;
    if (!seen.has(key)) {
      seen.add(key);
      bytesByDevId.set(devId, (bytesByDevId.get(devId) ?? 0) + allocated);
    }
  }
  return { files: keep.sorted(), total, bytesByDevId, skippedProcesses };
}
