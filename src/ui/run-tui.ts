import { createElement } from 'react';
import { render, type Instance } from 'ink';
import type { CommandContext } from '../cli/command.js';
import { ExitCode } from '../core/exit-codes.js';
import { WalkApp } from './app.js';
import { CrashBoundary } from './components/CrashBoundary.js';
import type { Runner } from './effects/runner.js';
import type { Ports } from './ports/index.js';
import { createRealPorts } from './ports/real.js';
import { openTerminal } from './terminal/session.js';
import { themeFor } from './theme.js';
import { terminalLine } from '../core/text/terminal-text.js';
import { walkText } from './messages.js';

// Opens the guided walk; loaded lazily so subcommands never pay for React and Ink. The terminal
// is put back on every way out (quit, Ctrl-C, SIGTERM/SIGHUP, a crash), and a crash says what
// happened and where the incident file is.

// How long the exit waits for stopped tasks that change things to put them back (a purge
// restores DIR first); tasks that only read are stopped and not waited for.
const SETTLE_MS = 30_000;

function whereOf(e: unknown): string {
  const frame = e instanceof Error ? /\n\s+at (?:async )?([^\s(]+)/.exec(e.stack ?? '')?.[1] : undefined;
  return frame ? walkText().inFrame(frame) : walkText().outsideScreens;
}

async function settle(runner: Runner | undefined, stderr: CommandContext['io']['stderr']): Promise<void> {
  if (!runner || runner.active('changes') === 0) return;
  stderr.write(walkText().settling);
  await Promise.race([runner.settled('changes'), new Promise((r) => setTimeout(r, SETTLE_MS).unref())]);
}

async function noteCrash(ports: Ports, file: string | null, message: string): Promise<string> {
  if (!file) return walkText().noIncidentFile;
  try {
    const r = await ports.evidence.record(file, walkText().crashTitle, `${message}\n`);
    return r.ok ? walkText().crashRecorded(file) : walkText().crashRecordFailed(file, String(r.message));
  } catch {
    return walkText().incidentFileIs(file);
  }
}

// Runs the walk until the operator quits; the exit code follows the CLI contract.
export async function runTui(ctx: CommandContext, ports: Ports = createRealPorts(ctx)): Promise<number> {
  const theme = themeFor(ctx.terminal);
  const term = openTerminal(ctx.io, ctx.terminal);
  const stop = new AbortController();
  let incidentFile: string | null = null;
  let runner: Runner | undefined;
  let crash: { error: unknown; where: string } | null = null;
  let instance: Instance | undefined;

  const onCrash = (error: unknown, where: string) => {
    crash ??= { error, where };
    instance?.unmount(error instanceof Error ? error : new Error(String(error)));
  };
  const onUncaught = (e: unknown) => onCrash(e, whereOf(e));
  const onStop = () => stop.abort();
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  process.on('SIGHUP', onStop);
  ctx.signal.addEventListener('abort', onStop);

  const element = () =>
    createElement(
      CrashBoundary,
      { onCrash },
      createElement(WalkApp, {
        ports,
        theme,
        columns: term.columns,
        rows: term.rows,
        signal: stop.signal,
        onState: (s) => (incidentFile = s.incidentFile),
        onRunner: (r) => (runner = r),
      }),
    );
  try {
    instance = render(element(), {
      stdout: term.sink as unknown as NodeJS.WriteStream,
      stderr: term.sink as unknown as NodeJS.WriteStream,
      stdin: ctx.io.stdin as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    term.onResize(() => instance?.rerender(element()));
    await instance.waitUntilExit();
  } catch (e) {
    crash ??= { error: e, where: whereOf(e) };
  } finally {
    term.close();
    process.off('SIGHUP', onStop);
    ctx.signal.removeEventListener('abort', onStop);
  }
  await settle(runner, ctx.io.stderr);
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  if (crash) {
    const { error, where } = crash as { error: unknown; where: string };
    const message = error instanceof Error ? error.message : String(error);
    ctx.io.stderr.write(`${terminalLine(walkText().crashed(where, message))}\n`);
    ctx.io.stderr.write(`${terminalLine(await noteCrash(ports, incidentFile, `${message} (${where})`))}\n`);
    ctx.io.stderr.write(walkText().restored);
    if (ctx.io.env.SPOOLRESCUE_DEBUG && error instanceof Error && error.stack) ctx.io.stderr.write(`${error.stack}\n`);
    return ExitCode.failed;
  }
  if (incidentFile) ctx.io.stdout.write(`${terminalLine(walkText().incidentAtEnd(incidentFile))}\n`);
  return ExitCode.done;
}
