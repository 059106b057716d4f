import fs from 'node:fs';
import type { SystemPaths } from '../../core/system-paths.js';
import { QUEUE_DIRS } from '../../core/postfix/layout.js';
import { mainCfValue } from '../../core/postfix/main-cf.js';

// The queue directories Postfix's install step makes (every `postfix check` and start); hold and
// trace come later, when first used, so their absence says nothing.
const MADE_AT_INSTALL = QUEUE_DIRS.filter((d) => ['active', 'deferred', 'incoming', 'maildrop', 'private', 'public'].includes(d.name));

// Whether dir is laid out as Postfix lays out a queue: owned by root, its install-time
// directories real directories with Postfix's permission bits, all owned by one user other than
// root (mail_owner), maildrop and public sharing one group (setgid_group). A directory someone
// made by hand, or another program's, fails it.
/** @internal unit-tested on its own: test/io/postfix-default-places.test.ts */
export function looksLikePostfixQueue(dir: string): boolean {
  try {
    if (fs.statSync(dir).uid !== 0) return false;
    let owner: number | undefined;
    let group: number | undefined;
    for (const d of MADE_AT_INSTALL) {
      const st = fs.lstatSync(`${dir}/${d.name}`);
      if (!st.isDirectory() || (st.mode & 0o777) !== d.mode) return false;
      owner ??= st.uid;
      if (owner === 0 || st.uid !== owner) return false;
      if (!d.setgidGroup) continue;
      group ??= st.gid;
      if (st.gid !== group) return false;
    }
    return true;
  } catch {
    return false;
  }
}

// When main.cf leaves a place to Postfix's built-in default, postconf prints the default it was
// built with: /var/spool/postfix (DEF_QUEUE_DIR) and the C library's mail directory (/var/mail on
// glibc and musl). That default is taken without asking postconf only when the system shows it in
// use (a queue laid out as Postfix makes it, an existing mail directory); else postconf is asked.
export function builtInPlaceConfirmed(name: string, paths: SystemPaths): boolean {
  const place = paths.sys(mainCfValue(new Map(), name));
  if (name === 'queue_directory') return looksLikePostfixQueue(place);
  if (name !== 'mail_spool_directory') return false;
  try {
    return fs.statSync(place).isDirectory();
  } catch {
    return false;
  }
}
