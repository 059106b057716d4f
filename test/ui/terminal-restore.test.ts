import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { BUNDLE } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

// Never leave the terminal broken: after Ctrl-C or a crash the shell gets back a terminal with
// echo and line editing on and a visible cursor.

const fixture = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures/crash-walk.ts');
const top = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');


describeWith(['tmux'], 'the terminal after the walk (tmux)', () => {
  const tmp = makeTempDir('tui-restore');
  const sessions: TmuxSession[] = [];
  afterAll(() => {
    for (const s of sessions) s.kill();
    tmp.cleanup();
  });

  it('Ctrl-C on the first screen quits with exit 0 and the terminal back in cooked mode', async () => {
    const s = startTmux({
      argv: ['sh', '-c', `${process.execPath} ${BUNDLE} --root ${tmp.dir}; echo "exit=$?"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$'`],
      env: { TERM: 'xterm-256color' },
      workDir: path.join(tmp.dir, 'ctrl-c'),
    });
    sessions.push(s);
    await s.waitFor('Which filesystem is full?');
    s.key('C-c');
    const after = await s.waitFor(/exit=\d+[\s\S]*echo/);
    expect(after).toContain('exit=0');
    expect(after).toMatch(/^icanon$/m);
    expect(after).toMatch(/^echo$/m);
    expect(after).not.toContain('Which filesystem is full?');
    const raw = s.raw().toString('latin1');
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
  });

  it('a crash outside the screens restores the terminal and says what happened, with exit 1', async () => {
    const s = startTmux({
      argv: ['sh', '-c', `${process.execPath} --import tsx ${fixture}; echo "exit=$?"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$'`],
      cwd: top,
      env: { TERM: 'xterm-256color' },
      workDir: path.join(tmp.dir, 'crash'),
    });
    sessions.push(s);
    const after = await s.waitFor(/exit=\d+[\s\S]*echo/, 20_000);
    const joined = after.replace(/\n/g, '');
    expect(joined).toContain('spoolrescue: the walk stopped on an unexpected error in ');
    expect(joined).toContain(': simulated failure in a timer');
    expect(joined).toContain('No incident file was written in this walk.');
    expect(joined).toContain('The terminal was restored; nothing more was done.');
    expect(after).toContain('exit=1');
    expect(after).toMatch(/^icanon$/m);
    expect(after).toMatch(/^echo$/m);
  });
});
