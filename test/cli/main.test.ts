import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CommandSpec } from '../../src/cli/command.js';
import { loadCommands } from '../../src/commands/index.js';
import { RefusedError } from '../../src/core/cli-error.js';
import { memoryIo } from '../helpers/memory-io.js';

const COMMANDS = await loadCommands();

const run = async (argv: string[], opts: Parameters<typeof memoryIo>[0] = {}, commands?: CommandSpec[]) => {
  const m = memoryIo(opts);
  const code = await runCli(argv, { io: m.io, commands });
  return { code, out: m.stdout(), err: m.stderr() };
};

describe('CLI frame', () => {
  it('lists every subcommand of the contract in --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['df', 'hotspots', 'ls', 'capture', 'truncate', 'purge']) expect(r.out).toMatch(new RegExp(`^  ${name} `, 'm'));
    for (const flag of ['--root DIR', '--postfix-config DIR', '--json', '--serial', '--ascii', '--no-color', '--version']) expect(r.out).toContain(flag);
    expect(r.out).toContain('3 refused for safety');
  });

  it.each(COMMANDS.map((c) => c.name))('has help for %s with its usage line', async (name) => {
    const r = await run([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage:\n  spoolrescue ${name}`);
  });

  it('prints the version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^spoolrescue \d+\.\d+\.\d+/);
  });

  it('rejects an unknown command with exit 2 and one line', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe("spoolrescue: unknown command 'frobnicate'");
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('rejects an unknown option with exit 2, naming the command and pointing to its help', async () => {
    const r = await run(['ls', '/tmp', '--sort']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("spoolrescue ls: unknown option '--sort'\nTry 'spoolrescue ls --help'.\n");
  });

  it('rejects a missing argument with exit 2', async () => {
    const r = await run(['purge']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('spoolrescue purge: missing argument DIR');
  });

  it('with --json, puts the error on stdout as JSON too', async () => {
    const r = await run(['ls', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ schemaVersion: 1, error: { message: 'spoolrescue ls: missing argument DIR', exitCode: 2, hint: "Try 'spoolrescue ls --help'." } });
  });

  it('refuses the guided walk without a terminal and points to the subcommands (exit 2)', async () => {
    const r = await run([], { tty: false });
    expect(r.code).toBe(2);
    expect(r.err).toContain('needs an interactive terminal');
    expect(r.err).toContain('spoolrescue df');
    const dumb = await run([], { tty: true, env: { TERM: 'dumb' } });
    expect(dumb.code).toBe(2);
  });

  it('turns a refusal into exit 3 and an unexpected error into exit 1 without a stack', async () => {
    const spec = (name: string, run: CommandSpec['run']): CommandSpec => ({ name, summary: '', positionals: [], flags: [], run });
    const cmds = [
      spec('refuse', async () => {
        throw new RefusedError('spoolrescue refuse: DIR is /');
      }),
      spec('crash', async () => {
        throw new TypeError('boom');
      }),
    ];
    const a = await run(['refuse'], {}, cmds);
    expect(a.code).toBe(3);
    expect(a.err).toBe('spoolrescue refuse: DIR is /\n');
    const b = await run(['crash'], {}, cmds);
    expect(b.code).toBe(1);
    expect(b.err).toContain('spoolrescue: unexpected error: boom');
    expect(b.err).not.toContain('TypeError');
  });

  it('passes global flags given before or after the subcommand to it', async () => {
    let seen: unknown;
    const cmd: CommandSpec = {
      name: 'peek',
      summary: '',
      positionals: [],
      flags: [],
      run: async (ctx) => {
        seen = { g: ctx.global, root: ctx.paths.root, t: ctx.terminal };
        return 0;
      },
    };
    const r = await run(['--root', '/srv/rescue', 'peek', '--json', '--serial'], { tty: true, env: {} }, [cmd]);
    expect(r.code).toBe(0);
    expect(seen).toMatchObject({ g: { root: '/srv/rescue', json: true, serial: true }, root: '/srv/rescue', t: { serial: true, ascii: true, color: false } });
  });
});
