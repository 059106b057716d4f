import path from 'node:path';
import { expandValue, parseMainCf } from '../../core/postfix/main-cf.js';
import { PREVENT_DEFAULTS, PREVENT_SETTINGS } from '../../core/prevent/postfix-defaults.js';
import type { PostfixFacts } from '../../core/prevent/host-config.js';
import { findCommand } from '../system/find-command.js';
import { runCommand } from '../system/run-command.js';
import type { ConfigReader } from './config-reader.js';

// Postfix's settings for the checks: from postconf on the live system (it knows the computed
// values, e.g. mynetworks), else main.cf parsed with Postfix's defaults (--root: the host's
// postconf would answer for the host, not for the rescued system).

// Reads the facts of the instance whose configuration directory is configDir (a host path).
export async function readPostfixFacts(reader: ConfigReader, configDir: string, signal?: AbortSignal): Promise<PostfixFacts> {
  const mainCf = reader.paths.toSystem(path.join(configDir, 'main.cf'));
  const mainCfText = reader.text(mainCf);
  const masterPath = reader.paths.toSystem(path.join(configDir, 'master.cf'));
  const masterText = reader.text(masterPath);
  const masterCf = masterText === null ? null : { path: masterPath, text: masterText };
  const parsed = parseMainCf(mainCfText ?? '');
  const explicit = [...parsed.keys()];
  if (reader.paths.root === undefined && mainCfText !== null && findCommand('postconf')) {
    const r = await runCommand('postconf', ['-c', configDir, '-h', ...PREVENT_SETTINGS], { timeoutMs: 10_000, signal });
    const lines = r.stdout.split('\n');
    if (r.ok && lines.length >= PREVENT_SETTINGS.length) {
      const values = Object.fromEntries(PREVENT_SETTINGS.map((n, i) => [n, lines[i]]));
      return { values, explicit, source: 'postconf', mainCf, mainCfText, masterCf };
    }
  }
  const values = Object.fromEntries(PREVENT_SETTINGS.map((n) => [n, expandValue(parsed.get(n) ?? PREVENT_DEFAULTS[n] ?? '', parsed)]));
  return { values, explicit, source: mainCfText === null ? 'defaults' : 'main.cf', mainCf, mainCfText, masterCf };
}
