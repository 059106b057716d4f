// Queue IDs and where Postfix files the logs that belong to them (src/global/mail_queue.c,
// dir_forest.c): short IDs are uppercase hex; long IDs (enable_long_queue_ids) are base-52
// seconds, 4 base-52 microsecond digits, 'z', then the inode in base 51.

const SHORT = /^[0-9A-F]{6,}$/;
const LONG = /^[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}z[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]+$/;
const SAFE = '0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz';

// True for a name Postfix could have given a queue file (temporary files and strays are not).
export function isQueueId(name: string): boolean {
  return SHORT.test(name) || LONG.test(name);
}

// The characters mail_queue_dir() hashes on: the ID itself, or for a long ID its microseconds
// re-encoded as five uppercase hex digits (MQID_LG_GET_HEX_USEC).
function hashSource(id: string): string {
  const z = id.lastIndexOf('z');
  if (z < 10) return id;
  let usec = 0;
  for (const ch of id.slice(z - 4, z)) {
    const v = SAFE.indexOf(ch);
    if (v < 0) return '00000';
    usec = usec * 52 + v;
  }
  return usec.toString(16).toUpperCase().padStart(5, '0');
}

// The hash subdirectories of an ID in a hashed queue ("2/" at depth 1, "2/4/" at depth 2).
/** @internal unit-tested on its own: test/core/queue-envelope.test.ts */
export function hashDirs(id: string, depth: number): string {
  const src = hashSource(id);
  let out = '';
  for (let i = 0; i < depth; i++) out += (src[i] ?? '_') + '/';
  return out;
}

// The path of a queue's file for an ID, relative to the queue directory ("defer/2/24EB9888E").
export function queueFilePath(queue: string, id: string, hashed: readonly string[], depth: number): string {
  return `${queue}/${hashed.includes(queue) ? hashDirs(id, depth) : ''}${id}`;
}
