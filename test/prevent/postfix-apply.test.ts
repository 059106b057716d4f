import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/capabilities.js';
import { createPostfixInstance, waitFor, type PostfixInstance } from '../helpers/postfix-instance.js';
import { buildTree } from '../helpers/prevent-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// The Postfix fixes on a real private instance (postfix -c DIR) running inside a --root tree:
// after --apply, postconf reads the new values, `postfix check` is clean, the running instance
// was reloaded, and it still delivers.

const tmp = makeTempDir('prevent-postfix');
let inst: PostfixInstance | undefined;
afterAll(() => {
  inst?.dispose();
  tmp.cleanup();
});

const CODES = ['mailbox-size-unlimited', 'unknown-recipients-accepted', 'queue-lifetime-long', 'spool-on-root-fs'];

describeWith(['root', 'postfix'], 'prevent --apply on a private Postfix instance', () => {
  it('fixes main.cf, passes postfix check, reloads the running instance, and mail is delivered', async () => {
    const root = tmp.dir;
    buildTree(root, 'debian');
    inst = createPostfixInstance(path.join(root, 'pf'));
    inst.start();
    const args = ['prevent', '--root', root, '--postfix-config', inst.configDir];
    const report = runCli([...args, '--json']);
    expect(report.status, report.stderr).toBe(0);
    const before = report.json().findings.map((f: { code: string }) => f.code);
    for (const c of CODES) expect(before).toContain(c);

    const mainBefore = fs.readFileSync(path.join(inst.configDir, 'main.cf'), 'utf8');
    const r = runCli([...args, '--apply', CODES.join(','), '--yes', '--json']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const j = r.json();
    expect(j.applied.verified.map((v: { fixed: boolean }) => v.fixed)).toEqual(CODES.map(() => true));
    const cmds = Object.fromEntries(j.applied.commands.map((c: { command: string; ran: boolean; ok: boolean }) => [c.command.split(' ').slice(-1)[0], c]));
    expect(cmds.check).toMatchObject({ ran: true, ok: true });
    expect(cmds.reload).toMatchObject({ ran: true, ok: true });

    expect(inst.postconf('mailbox_size_limit')).toBe('51200000');
    expect(inst.postconf('maximal_queue_lifetime')).toBe('1d');
    expect(inst.postconf('bounce_queue_lifetime')).toBe('1d');
    expect(Number(inst.postconf('queue_minfree'))).toBeGreaterThanOrEqual(2 * 10240000);
    expect(inst.postconf('local_recipient_maps')).toBe('proxy:unix:passwd.byname $alias_maps');
    expect(inst.check()).toEqual({ status: 0, output: '' });
    const [backup] = fs.readdirSync(path.join(root, 'var/backups/spoolrescue'));
    expect(backup).toMatch(/^pf__etc__main\.cf\.\d{8}T\d{6}Z$/);
    expect(fs.readFileSync(path.join(root, 'var/backups/spoolrescue', backup), 'utf8')).toBe(mainBefore);

    expect(inst.sendmail('root', 'after prevent', 'still delivered').status).toBe(0);
    const box = path.join(inst.mailSpool, 'root');
    expect(await waitFor(() => fs.existsSync(box) && fs.readFileSync(box, 'utf8').includes('Subject: after prevent'))).toBe(true);

    const mainAfter = fs.readFileSync(path.join(inst.configDir, 'main.cf'), 'utf8');
    const again = runCli([...args, '--apply', CODES.join(','), '--yes', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json().plan.alreadyFine).toEqual(CODES);
    expect(fs.readFileSync(path.join(inst.configDir, 'main.cf'), 'utf8')).toBe(mainAfter);
  }, 120_000);
});
