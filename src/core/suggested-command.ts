// Commands printed in hints ("Capture it first: spoolrescue capture ..."), built in one place so
// that a pasted hint acts on the same system as the command that printed it, never on the host.

// The global flags that choose which system a command acts on.
export interface InvocationFlags {
  readonly root?: string;
  readonly postfixConfig?: string;
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

// One word as a POSIX shell reads it back: bare when safe, else in single quotes.
/** @internal unit-tested on its own: test/core/suggested-command.test.ts */
export function shellWord(word: string): string {
  return SAFE_WORD.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// A `spoolrescue ARGS...` line to paste, repeating --root and --postfix-config when in effect:
// under --root a system path such as /var/spool/mail/root then means the rescued tree's again.
export function spoolrescueCommand(args: readonly string[], flags: InvocationFlags): string {
  const words = ['spoolrescue', ...args];
  if (flags.root !== undefined) words.push('--root', flags.root);
  if (flags.postfixConfig !== undefined) words.push('--postfix-config', flags.postfixConfig);
  return words.map(shellWord).join(' ');
}
