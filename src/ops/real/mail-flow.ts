import fs from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { discoverMailLogs } from '../../io/maillog/discover.js';
import { postfixState } from '../../io/postfix/status.js';
import { readPostfixSettings } from '../../io/postfix/settings.js';
import { runCommand } from '../../io/system/run-command.js';
import type { MailFlowDeps } from '../mail-flow.js';

// The last bytes of a file as text, read without following a symlink ('' when it cannot be read).
function tail(file: string, bytes: number): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const size = fs.fstatSync(fd).size;
    const len = Math.min(bytes, size);
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, size - len);
    return buf.toString('latin1');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

// The mail flow check's real outside world: Postfix's own commands, its mail log and the mailbox.
export function realMailFlowDeps(): MailFlowDeps {
  const run = (program: string, args: readonly string[], opts = {}) => runCommand(program, args, opts);
  return {
    readPostfixSettings,
    postfixState: (i) => postfixState(i, { run: (p, a) => run(p, a, { timeoutMs: 10_000 }) }),
    run,
    tail,
    // maillog_file even before Postfix first writes it, else the system's mail log.
    mailLog: async (req) => {
      const settings = await readPostfixSettings(req);
      return settings.maillogFile ?? (await discoverMailLogs(req.paths, req.postfixConfig)).base;
    },
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    now: () => Date.now(),
  };
}
