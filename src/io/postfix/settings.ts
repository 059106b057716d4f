import fs from 'node:fs';
import path from 'node:path';
import type { SystemPaths } from '../../core/system-paths.js';
import { mainCfValue, parseMainCf } from '../../core/postfix/main-cf.js';
import { findCommand } from '../system/find-command.js';
import { postconfValues } from './postconf-values.js';
import { builtInPlaceConfirmed } from './default-places.js';

// The Postfix facts every step needs, with paths already mapped to host paths.
export interface PostfixSettings {
  /** Configuration directory (host path), as given to postfix -c. */
  configDir: string;
  /** True when configDir/main.cf exists. */
  hasMainCf: boolean;
  /** Where the values came from: postconf (installed Postfix), main.cf (parsed) or built-in defaults. */
  source: 'postconf' | 'main.cf' | 'defaults';
  queueDirectory: string;
  mailSpoolDirectory: string;
  dataDirectory: string;
  mailOwner: string;
  setgidGroup: string;
  hashQueueNames: string[];
  hashQueueDepth: number;
  /** maillog_file when set (host path), else undefined (syslog). */
  maillogFile?: string;
  /** postconf is installed on this host. */
  postfixInstalled: boolean;
}

const NAMES = ['queue_directory', 'mail_spool_directory', 'data_directory', 'mail_owner', 'setgid_group', 'hash_queue_names', 'hash_queue_depth', 'maillog_file'] as const;

// The names whose defaults depend on how Postfix was built (DEF_QUEUE_DIR, the C library's mail
// directory): those that place the queues and the spool. Callers that need only places (likely
// culprits, mail-path tags) pass them as postconfUnlessSet.
export const PLACE_NAMES = ['queue_directory', 'mail_spool_directory'] as const;

export interface SettingsOptions {
  paths: SystemPaths;
  /** --postfix-config, as typed. */
  postfixConfig?: string;
  /** Ask postconf when installed (default true; off for --root, whose Postfix is not the host's). */
  usePostconf?: boolean;
  /**
   * For callers that need only these names: when main.cf sets each of them to a literal value,
   * postconf would print that same value, so it is not started (a process per `df` costs more
   * than the rest of the answer). Names left to Postfix's build-time defaults still ask postconf.
   */
  postconfUnlessSet?: readonly (typeof NAMES)[number][];
}

// Finds the Postfix instance a step works on: --postfix-config, else /etc/postfix (under --root
// when given). Uses postconf when Postfix is installed and the config is the host's, else parses
// main.cf, else Postfix defaults; every path comes back mapped under --root.
export async function readPostfixSettings(opts: SettingsOptions): Promise<PostfixSettings> {
  const { paths } = opts;
  const configDir = opts.postfixConfig ? paths.arg(opts.postfixConfig) : paths.sys('/etc/postfix');
  const mainCfPath = path.join(configDir, 'main.cf');
  const hasMainCf = fs.existsSync(mainCfPath);
  const postconf = findCommand('postconf');
  const postfixInstalled = postconf !== undefined;
  const values = new Map<string, string>();
  let source: PostfixSettings['source'] = 'defaults';
  let parsed = hasMainCf && opts.postconfUnlessSet ? readMainCf(mainCfPath) : undefined;
  // A name main.cf sets outright, or leaves to a built-in default the system shows in use, is
  // what postconf would print (checked only when postconf would otherwise be started).
  const answeredWithoutPostconf = (cf: Map<string, string>) => opts.postconfUnlessSet!.every((n) => isLiteral(cf.get(n)) || (!cf.has(n) && builtInPlaceConfirmed(n, paths)));
  const mayAskPostconf = (opts.usePostconf ?? paths.root === undefined) && postfixInstalled && hasMainCf;
  const usePostconf = mayAskPostconf && !(parsed !== undefined && answeredWithoutPostconf(parsed));
  if (usePostconf && postconf) {
    const r = await postconfValues(postconf, configDir, NAMES);
    if (r.ok) {
      NAMES.forEach((n, i) => values.set(n, r.values[i]));
      source = 'postconf';
    }
  }
  if (source === 'defaults' && hasMainCf) {
    parsed ??= parseMainCf(fs.readFileSync(mainCfPath, 'utf8'));
    for (const n of NAMES) values.set(n, mainCfValue(parsed, n));
    source = 'main.cf';
  }
  if (source === 'defaults') {
    const none = new Map<string, string>();
    for (const n of NAMES) values.set(n, mainCfValue(none, n));
  }
  const sysPath = (p: string) => (path.isAbsolute(p) ? paths.sys(p) : path.resolve(configDir, p));
  const maillog = values.get('maillog_file') ?? '';
  return {
    configDir,
    hasMainCf,
    source,
    queueDirectory: sysPath(values.get('queue_directory')!),
    mailSpoolDirectory: sysPath(values.get('mail_spool_directory')!),
    dataDirectory: sysPath(values.get('data_directory')!),
    mailOwner: values.get('mail_owner')!,
    setgidGroup: values.get('setgid_group')!,
    hashQueueNames: values.get('hash_queue_names')!.split(/[\s,]+/).filter(Boolean),
    hashQueueDepth: Number(values.get('hash_queue_depth')) || 1,
    maillogFile: maillog && path.isAbsolute(maillog) && !maillog.startsWith('/dev/') ? paths.sys(maillog) : undefined,
    postfixInstalled,
  };
}

function readMainCf(file: string): Map<string, string> | undefined {
  try {
    return parseMainCf(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// A value main.cf gives outright: postconf -h prints it as it is (no $name to expand).
function isLiteral(value: string | undefined): boolean {
  return value !== undefined && value !== '' && !value.includes('$');
}
