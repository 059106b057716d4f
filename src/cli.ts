import './io/system/threadpool-size.js';
import fs from 'node:fs';
import { ExitCode } from './core/exit-codes.js';
import { commandNameOf, runCli } from './cli/main.js';
import { cliText } from './cli/messages.js';
import { ttyPathOf } from './io/paths/tty-path.js';
import { directOutput } from './io/system/direct-output.js';
import { survivePipeClose } from './io/system/terminal-sink.js';

// Process entry: wires the real streams and turns Ctrl-C into an AbortSignal (twice = exit now).
export async function main(): Promise<void> {
  // hotspots: its scan process starts now, its node start-up alongside the loading of the command;
  // its launcher is loaded only then (the chunk loader runs it at once), not by every other command
  if (commandNameOf(process.argv.slice(2)) === 'hotspots') (await import('./io/hotspots/scan-process-launch.js')).prestartScanProcess();
  const controller = new AbortController();
  // Node's own streams only for a terminal: they cost ~2-5 ms CPU each to make
  const stdout = directOutput(1, () => process.stdout);
  const stderr = directOutput(2, () => process.stderr);
  // A reader that goes away (`| head`) must not kill a purge half-way: EPIPE is noted, not fatal.
  survivePipeClose(stdout);
  survivePipeClose(stderr);
  // Output that could not be written (`> file` on a full disk or over quota, EIO) is a failure the
  // operator must see, though the step itself goes on; only a reader that went away is not.
  let lost: NodeJS.ErrnoException | undefined;
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') lost ??= e;
  });
  process.on('exit', () => {
    if (!lost) return;
    try {
      fs.writeSync(2, `${cliText().outputLost(lost.code ?? lost.message)}\n`);
    } catch {
      // stderr is gone too: the exit code still tells
    }
    if (!process.exitCode) process.exitCode = ExitCode.failed;
  });
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    stderr.write(`\n${cliText().interrupted}\n`);
    // the reason is quoted in --json documents' `incomplete`, which never change with the language: i18n-ignore
    controller.abort(new Error('interrupted by Ctrl-C'));
  });
  process.on('SIGTERM', () => controller.abort(new Error('terminated')));
  const code = await runCli(process.argv.slice(2), {
    io: {
      stdout,
      stderr,
      // made on first use: opening stdin costs ~4 ms CPU that df, --version and the reports never need
      get stdin() {
        return process.stdin;
      },
      env: process.env,
      cwd: process.cwd(),
    },
    signal: controller.signal,
    ttyPath: ttyPathOf(0),
  });
  process.exitCode = code;
}

await main();
