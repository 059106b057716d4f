import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkJson, checkSkipShown } from '../../src/core/purge/result.js';
import { speak } from '../../src/core/i18n/speak.js';
import { runPostfixCheck } from '../../src/io/postfix/check.js';
import type { PostfixSettings } from '../../src/io/postfix/settings.js';
import { masterFromPidFile, postfixState } from '../../src/io/postfix/status.js';
import type { CommandResult } from '../../src/io/system/run-command.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const said = (exitCode: number): CommandResult => ({ command: 'postfix status', exitCode, stdout: '', stderr: '', ok: exitCode === 0, notFound: false, timedOut: false });

describe('Postfix running state', () => {
  const tmp = makeTempDir('pfstatus');
  afterAll(tmp.cleanup);
  const queue = path.join(tmp.dir, 'spool');
  const proc = path.join(tmp.dir, 'proc');
  fs.mkdirSync(path.join(queue, 'pid'), { recursive: true });
  const fakeProcess = (pid: number, comm: string, cwd: string) => {
    fs.mkdirSync(path.join(proc, String(pid)), { recursive: true });
    fs.writeFileSync(path.join(proc, String(pid), 'comm'), comm + '\n');
    fs.rmSync(path.join(proc, String(pid), 'cwd'), { force: true });
    fs.symlinkSync(cwd, path.join(proc, String(pid), 'cwd'));
  };
  const pidFile = (text: string) => fs.writeFileSync(path.join(queue, 'pid', 'master.pid'), text);

  it('is not running without a pid file', () => {
    expect(masterFromPidFile(path.join(tmp.dir, 'nowhere'), proc)).toMatchObject({ alive: false, detail: 'no pid/master.pid' });
  });

  it('is running when master.pid names a live master working in this queue', () => {
    fakeProcess(4242, 'master', queue);
    pidFile('       4242\n');
    expect(masterFromPidFile(queue, proc)).toEqual({ pid: 4242, alive: true, detail: 'master pid 4242 (pid/master.pid)' });
  });

  it('sees through stale pid files: gone, reused by another program, another instance', () => {
    pidFile('999999\n');
    expect(masterFromPidFile(queue, proc).detail).toMatch(/not running \(stale\)/);
    fakeProcess(4243, 'bash', queue);
    pidFile('4243\n');
    expect(masterFromPidFile(queue, proc).detail).toMatch(/'bash', not master/);
    fakeProcess(4244, 'master', tmp.dir);
    pidFile('4244\n');
    expect(masterFromPidFile(queue, proc).detail).toMatch(/another instance/);
  });

  it('takes an exited master that is not reaped yet (zombie) for not running', async () => {
    fakeProcess(4245, 'master', queue);
    fs.writeFileSync(path.join(proc, '4245', 'stat'), '4245 (master) Z 1 4245 4245 0 -1 4228428 254 0 0 0\n');
    fs.rmSync(path.join(proc, '4245', 'cwd'));
    pidFile('4245\n');
    expect(masterFromPidFile(queue, proc)).toMatchObject({ alive: false, detail: expect.stringMatching(/zombie/) });
    const input = { configDir: '/etc/pf', queueDirectory: queue, postfixInstalled: true, rooted: false };
    expect(await postfixState(input, { proc, run: async () => said(1) })).toMatchObject({ running: false });
    fs.writeFileSync(path.join(proc, '4245', 'stat'), '4245 (master) S 1 4245 4245 0 -1 4228428 254 0 0 0\n');
    expect(masterFromPidFile(queue, proc).alive).toBe(true);
  });

  it('asks postfix status on the live system and trusts either positive answer', async () => {
    pidFile('4242\n');
    const input = { configDir: '/etc/pf', queueDirectory: queue, postfixInstalled: true, rooted: false };
    let asked: readonly string[] = [];
    const yes = await postfixState(input, { proc, run: async (_p, a) => ((asked = a), said(0)) });
    expect(asked).toEqual(['-c', '/etc/pf', 'status']);
    expect(yes).toMatchObject({ running: true, pid: 4242 });
    expect((await postfixState(input, { proc, run: async () => said(1) })).running).toBe(true);
    pidFile('999999\n');
    expect(await postfixState(input, { proc, run: async () => said(1) })).toMatchObject({ running: false, how: 'postfix -c /etc/pf status: not running' });
  });

  it('under --root never asks the host postfix, only the pid file', async () => {
    pidFile('4242\n');
    const r = await postfixState({ configDir: '/r/etc/postfix', queueDirectory: queue, postfixInstalled: true, rooted: true }, { proc, run: async () => { throw new Error('must not run'); } });
    expect(r).toMatchObject({ running: true, how: 'master pid 4242 (pid/master.pid)' });
  });
});

// Under Japanese: why `postfix check` was not run is said in Japanese; how the master's state was
// decided stays English (it goes into JSON, which does not change with the language).
describe('Postfix state and check in Japanese', () => {
  const tmp = makeTempDir('pfstatus-ja');
  afterAll(tmp.cleanup);
  afterEach(() => speak('en'));

  it('says in Japanese that postfix check was not run, and keeps the JSON state words English', async () => {
    speak('ja');
    const settings = { postfixInstalled: false, hasMainCf: false, configDir: path.join(tmp.dir, 'etc') } as unknown as PostfixSettings;
    const run = async (): Promise<CommandResult> => said(0);
    // why it did not run: facts, worded in the run's language when shown, English as --json has it
    const notInstalled = await runPostfixCheck(settings, { run });
    expect(notInstalled).toMatchObject({ ran: false, skip: { code: 'not-installed' } });
    expect(checkJson(notInstalled)).toEqual({ ran: false, skipped: 'Postfix is not installed on this host', output: '', logLines: [] });
    expect(checkSkipShown(notInstalled)).toBe('このホストに Postfix はインストールされていません');
    const noMain = await runPostfixCheck({ ...settings, postfixInstalled: true }, { run });
    expect(checkJson(noMain).skipped).toBe(`${path.join(tmp.dir, 'etc')}/main.cf does not exist`);
    expect(Object.keys(checkJson(noMain))).toEqual(['ran', 'skipped', 'output', 'logLines']);
    expect(checkSkipShown(noMain)).toBe(`${path.join(tmp.dir, 'etc')}/main.cf がありません`);
    expect(masterFromPidFile(path.join(tmp.dir, 'nowhere'))).toMatchObject({ alive: false, detail: 'no pid/master.pid' });
  });
});
