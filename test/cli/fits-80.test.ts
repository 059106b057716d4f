import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateServer } from '../../fixtures/generate.js';
import { loadCommands } from '../../src/commands/index.js';
import { commandHelp, generalHelp } from '../../src/cli/help.js';
import { displayWidth } from '../../src/core/text/text-fit.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Lines wider than 80 display columns in TEXT, with their widths (empty when all fit).
const tooWide = (text: string) => text.split('\n').filter((l) => displayWidth(l) > 80).map((l) => `${displayWidth(l)}: ${l}`);

// Help, and the plans read before a confirmation, fit an 80-column console.
describe('help and plans fit 80 columns', () => {
  it("every command's --help and the general help", async () => {
    const commands = await loadCommands();
    expect(tooWide(generalHelp(commands))).toEqual([]);
    for (const c of commands) expect(tooWide(commandHelp(c)), c.name).toEqual([]);
  });

  it('capture --help shows --incident as required, outside the brackets of the optional ones', async () => {
    const capture = (await loadCommands()).find((c) => c.name === 'capture')!;
    const help = commandHelp(capture);
    expect(help).toMatch(/^ {2}spoolrescue capture SPOOL --incident FILE \[--messages N\]/m);
    expect(help).toMatch(/^ {2}--incident FILE +\(required\) incident file/m);
  });

  const tmp = makeTempDir('fits-80');
  afterAll(tmp.cleanup);
  // a long root makes the lines that name host paths (the lock command, the incident file) long too
  const root = path.join(tmp.dir, 'a-rather-long-directory-name-where-the-rescued-system-is-mounted');
  generateServer(root, { mboxMessages: 10, maildrop: 20, bounce: 3, deferred: 10, maillogLines: 100 });
  const incident = path.join(root, '..', 'an-incident-file-with-a-long-name-kept-next-to-the-rescued-system.md');

  it('the purge plan', () => {
    const r = runCli(['--root', root, 'purge', '/var/spool/postfix/maildrop', '--dry-run']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Purge plan for /var/spool/postfix/maildrop');
    expect(r.stdout).toContain('20 entries');
    expect(tooWide(r.stdout)).toEqual([]);
  });

  it('the queue review', () => {
    const r = runCli(['--root', root, 'queue', 'deferred', '--match', 'sender=*', '--delete', '--dry-run']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Warning: prefer --hold/);
    expect(tooWide(r.stdout + r.stderr)).toEqual([]);
  });

  it('the truncate plan and its result', () => {
    expect(runCli(['--root', root, 'capture', '/var/spool/mail/root', '--incident', incident]).status).toBe(0);
    const r = runCli(['--root', root, 'truncate', '/var/spool/mail/root', '--incident', incident, '--yes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^truncate \/var\/spool\/mail\/root in place:/m);
    expect(fs.statSync(path.join(root, 'var/spool/mail/root')).size).toBe(0);
    expect(tooWide(r.stdout)).toEqual([]);
  });
});

// -h after df means df -h (human-readable sizes, the default); elsewhere -h is help.
describe('-h', () => {
  it('df -h prints the table, not help', () => {
    const r = runCli(['df', '-h']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ {2}Mounted on +Type +Size/);
  });

  it('-h before df, and after another command, is help', () => {
    const before = runCli(['-h', 'df']);
    expect(before.status).toBe(0);
    expect(before.stdout).toMatch(/^spoolrescue df - /);
    const ls = runCli(['ls', '-h']);
    expect(ls.status).toBe(0);
    expect(ls.stdout).toMatch(/^spoolrescue ls - /);
  });
});
