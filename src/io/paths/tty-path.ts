import fs from 'node:fs';

// Device behind a file descriptor (e.g. /dev/ttyS0), so a serial console is recognised without flags.
export function ttyPathOf(fd: number): string | undefined {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}
