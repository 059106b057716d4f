// Reads Postfix's main.cf without Postfix installed (rescue disks, fixtures): key = value lines,
// continuation lines that start with whitespace, comments, and $name / ${name} expansion.

// Postfix defaults for the settings the rescue needs (postconf -d on 3.7; distro main.cf overrides).
export const POSTFIX_DEFAULTS: Readonly<Record<string, string>> = {
  queue_directory: '/var/spool/postfix',
  data_directory: '/var/lib/postfix',
  command_directory: '/usr/sbin',
  daemon_directory: '/usr/libexec/postfix',
  mail_spool_directory: '/var/mail',
  mail_owner: 'postfix',
  setgid_group: 'postdrop',
  hash_queue_names: 'deferred, defer', // i18n-ignore (Postfix's own default value)
  hash_queue_depth: '1',
  maillog_file: '',
  message_size_limit: '10240000',
  queue_minfree: '0',
};

// Parses main.cf text into raw (unexpanded) key/value pairs; later lines win, as in Postfix.
export function parseMainCf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let key: string | undefined;
  let value = '';
  const flush = () => {
    if (key !== undefined) out.set(key, value.trim());
    key = undefined;
    value = '';
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (/^\s/.test(line)) {
      if (key !== undefined) value += ' ' + line.trim();
      continue;
    }
    flush();
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (m) {
      key = m[1];
      value = m[2];
    }
  }
  flush();
  return out;
}

// Expands $name and ${name} (one level at a time, up to a depth) against the file and the defaults.
export function expandValue(value: string, settings: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 20) return value;
  return value.replace(/\$(?:\{([A-Za-z0-9_]+)\}|\(([A-Za-z0-9_]+)\)|([A-Za-z0-9_]+))/g, (_m, a, b, c) => {
    const name = (a ?? b ?? c) as string;
    const raw = settings.get(name) ?? POSTFIX_DEFAULTS[name] ?? '';
    return expandValue(raw, settings, depth + 1);
  });
}

// One setting's effective value: the file's (expanded) or Postfix's default.
export function mainCfValue(settings: ReadonlyMap<string, string>, name: string): string {
  const raw = settings.get(name) ?? POSTFIX_DEFAULTS[name] ?? '';
  return expandValue(raw, settings);
}
