import fs from 'node:fs';
import path from 'node:path';
import type { CommandResult } from '../system/run-command.js';
import { postfixStateText } from './messages.js';

// Whether the Postfix instance that owns a queue is running: raw deletion in a live queue races
// with its daemons, so a purge must know before it touches anything.
export interface PostfixState {
  running: boolean;
  /** How it was decided, shown in the plan. */
  how: string;
  /** master's pid when known. */
  pid?: number;
}

// The command runner and /proc, injected so tests can stand in a fake master.
export interface StatusDeps {
  run: (program: string, args: readonly string[]) => Promise<CommandResult>;
  /** /proc of the host (tests may point elsewhere). */
  proc?: string;
}

// Which instance to ask about, and whether the host Postfix may be asked at all.
export interface StatusInput {
  configDir: string;
  queueDirectory: string;
  postfixInstalled: boolean;
  /** --root is in use: the host's postfix command would look at the host's instance. */
  rooted: boolean;
}

// Reads $queue_directory/pid/master.pid and checks that the process is Postfix's master (comm) and,
// when /proc allows, that its working directory is this queue (not another instance's master).
/** @internal unit-tested on its own: test/io/postfix-status.test.ts */
export function masterFromPidFile(queueDirectory: string, proc = '/proc'): { pid?: number; alive: boolean; detail: string } {
  const file = path.join(queueDirectory, 'pid', 'master.pid');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { alive: false, detail: postfixStateText().noPidFile };
  }
  const pid = Number(text.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return { alive: false, detail: postfixStateText().noPid };
  let comm = '';
  try {
    comm = fs.readFileSync(path.join(proc, String(pid), 'comm'), 'utf8').trim();
  } catch {
    return { pid, alive: false, detail: postfixStateText().pidNotRunning(pid) };
  }
  if (comm !== 'master') return { pid, alive: false, detail: postfixStateText().pidNotMaster(pid, comm) };
  // A master that has exited but is not reaped yet (a zombie: its parent, often PID 1 after master
  // daemonized, has not waited for it) still has a comm, but holds no lock and runs nothing:
  // `postfix stop` returns as soon as the lock is free, possibly before the zombie is gone.
  if (isZombie(proc, pid)) return { pid, alive: false, detail: postfixStateText().pidZombie(pid) };
  try {
    const cwd = fs.readlinkSync(path.join(proc, String(pid), 'cwd'));
    if (path.resolve(cwd) !== fs.realpathSync(queueDirectory)) {
      return { pid, alive: false, detail: postfixStateText().pidOtherInstance(pid, cwd) };
    }
  } catch {
    // cwd not readable: comm alone decides
  }
  return { pid, alive: true, detail: postfixStateText().masterPid(pid) };
}

// Whether /proc/PID/stat shows the process as exited (Z zombie, X dead); unreadable = no.
function isZombie(proc: string, pid: number): boolean {
  let stat: string;
  try {
    stat = fs.readFileSync(path.join(proc, String(pid), 'stat'), 'utf8');
  } catch {
    return false;
  }
  // "PID (COMM) STATE ...": COMM may hold spaces and parentheses, the state follows the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 1).trim()[0];
  return state === 'Z' || state === 'X';
}

// Decides whether the instance runs: `postfix -c CONFIG status` when Postfix is installed and this
// is the live system, and always the pid file + /proc check (it also works under --root).
export async function postfixState(i: StatusInput, deps: StatusDeps): Promise<PostfixState> {
  const master = masterFromPidFile(i.queueDirectory, deps.proc);
  if (i.postfixInstalled && !i.rooted) {
    const r = await deps.run('postfix', ['-c', i.configDir, 'status']);
    if (r.exitCode === 0) return { running: true, how: postfixStateText().statusRunning(i.configDir), pid: master.pid };
    if (master.alive) return { running: true, how: postfixStateText().statusSaidNo(master.detail), pid: master.pid };
    return { running: false, how: postfixStateText().statusNotRunning(i.configDir) };
  }
  return { running: master.alive, how: master.detail, pid: master.alive ? master.pid : undefined };
}
