// Postfix's queue directory table (upstream conf/postfix-files, stable 2.10-3.11). Used only to
// recognise queue directories and to warn; what gets restored is always a snapshot of the real one.

type QueueOwner = 'root' | 'mail_owner';

export interface QueueDirInfo {
  name: string;
  owner: QueueOwner;
  /** true when the group is $setgid_group (postdrop); otherwise the group is left as is. */
  setgidGroup: boolean;
  /** Upstream mode; Debian makes maildrop 01730 and public 02710. */
  mode: number;
  /** Holds queue files that `postsuper -d ALL <queue>` can delete. */
  postsuperQueue: boolean;
  /** Never mass-delete here (sockets, pid files, the chroot's copies). */
  protected: boolean;
}

const q = (name: string, owner: QueueOwner, setgidGroup: boolean, mode: number, postsuperQueue: boolean, prot = false): QueueDirInfo => ({
  name,
  owner,
  setgidGroup,
  mode,
  postsuperQueue,
  protected: prot,
});

// Every directory Postfix keeps under $queue_directory, with its upstream owner and mode.
export const QUEUE_DIRS: readonly QueueDirInfo[] = [
  q('active', 'mail_owner', false, 0o700, true),
  q('bounce', 'mail_owner', false, 0o700, true),
  q('corrupt', 'mail_owner', false, 0o700, false),
  q('defer', 'mail_owner', false, 0o700, true),
  q('deferred', 'mail_owner', false, 0o700, true),
  q('flush', 'mail_owner', false, 0o700, true),
  q('hold', 'mail_owner', false, 0o700, true),
  q('incoming', 'mail_owner', false, 0o700, true),
  q('saved', 'mail_owner', false, 0o700, false),
  q('trace', 'mail_owner', false, 0o700, true),
  q('maildrop', 'mail_owner', true, 0o730, true),
  q('private', 'mail_owner', false, 0o700, false, true),
  q('public', 'mail_owner', true, 0o710, false, true),
  q('pid', 'root', false, 0o755, false, true),
];

// Directories of a chroot'ed Postfix under $queue_directory that must never be emptied.
export const CHROOT_DIRS: readonly string[] = ['etc', 'lib', 'usr', 'dev'];

// Queue names `postsuper -d ALL <queue>` accepts.
export const POSTSUPER_QUEUES: readonly string[] = ['maildrop', 'incoming', 'active', 'deferred', 'hold', 'trace', 'defer', 'bounce', 'flush'];

// Looks a queue subdirectory up by name (undefined when Postfix does not know it).
export function queueDirInfo(name: string): QueueDirInfo | undefined {
  return QUEUE_DIRS.find((d) => d.name === name);
}
