import type { TargetPaths } from '../../src/core/purge/target.js';

// The Debian layout the purge's target tests classify directories against (English and Japanese).
export const debianTargetPaths: Omit<TargetPaths, 'dir'> = {
  systemRoot: '/',
  queueDirectory: '/var/spool/postfix',
  mailSpoolDirectory: '/var/spool/mail',
  postfixConfigDir: '/etc/postfix',
  dataDirectory: '/var/lib/postfix',
  parentLooksLikeOtherQueue: false,
};
