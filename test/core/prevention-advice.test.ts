import { describe, expect, it } from 'vitest';
import { aliasTarget, crontabMailto, preventionAdvice, type PreventionFiles } from '../../src/core/prevention-advice.js';

const files = (over: Partial<PreventionFiles> = {}): PreventionFiles => ({ aliases: '', crontab: '', crond: null, logwatchConf: null, logwatchInstalled: false, ...over });
const status = (f: PreventionFiles) => Object.fromEntries(preventionAdvice(f).map((i) => [i.title, i.status]));

describe('prevention advice', () => {
  it.each([
    ['root: admin@example.org\n', 'admin@example.org'],
    ['# root: nobody\nROOT:  ops@example.org, other\n', 'ops@example.org, other'],
    ['postmaster: root\nroot:\n  ops@example.org\n', 'ops@example.org'],
    ['postmaster: root\n', undefined],
  ])('reads the root alias of %j', (text, target) => {
    expect(aliasTarget(text, 'root')).toBe(target);
  });

  it.each([
    ['MAILTO=""\n', ''],
    ["SHELL=/bin/sh\nMAILTO='ops@example.org'\n", 'ops@example.org'],
    ['# MAILTO=root\n17 * * * * root cd /\n', undefined],
    ['MAILTO=a\nMAILTO=root\n', 'root'],
  ])('reads MAILTO of %j', (text, value) => {
    expect(crontabMailto(text)).toBe(value);
  });

  it('asks to forward root mail and to keep the decode trap when they are missing', () => {
    expect(status(files({ aliases: 'postmaster: root\n' }))).toMatchObject({ "Forward root's mail": 'todo', 'Keep the decode trap': 'todo' });
    expect(status(files({ aliases: 'root: root\ndecode: root\n' }))).toMatchObject({ "Forward root's mail": 'todo', 'Keep the decode trap': 'ok' });
    expect(status(files({ aliases: 'root: ops@example.org\ndecode: root\n' }))).toMatchObject({ "Forward root's mail": 'ok', 'Keep the decode trap': 'ok' });
    expect(status(files({ aliases: null }))).toMatchObject({ "Forward root's mail": 'unknown' });
  });

  it('checks cron, cronie and logwatch only where they exist', () => {
    expect(status(files({ crontab: 'MAILTO=""\n' }))['Stop cron mailing root']).toBe('ok');
    expect(status(files({ crontab: 'MAILTO=root\n' }))['Stop cron mailing root']).toBe('todo');
    expect(status(files({ crontab: null }))['Stop cron mailing root']).toBe('unknown');
    expect(status(files())).not.toHaveProperty("cronie's own mail");
    expect(status(files({ crond: 'CRONDARGS="-m off"\n' }))["cronie's own mail"]).toBe('ok');
    expect(status(files({ crond: 'CRONDARGS=\n' }))["cronie's own mail"]).toBe('todo');
    expect(status(files())).not.toHaveProperty("logwatch's daily report");
    expect(status(files({ logwatchInstalled: true, logwatchConf: 'DailyReport = No\n' }))["logwatch's daily report"]).toBe('ok');
    expect(status(files({ logwatchInstalled: true, logwatchConf: null }))["logwatch's daily report"]).toBe('todo');
  });
});
