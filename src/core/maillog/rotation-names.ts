// Which names in a log's directory are its rotated siblings: RHEL's maillog-20261226(.gz),
// Debian's mail.log.1 / mail.log.2.gz, Postfix's own `postfix logrotate` suffix
// (postfix.log.20261226-040000.gz). Other mail logs (mail.err, mail.warn) are not.
export function isRotatedSibling(base: string, name: string): boolean {
  if (!name.startsWith(base) || name.length === base.length) return false;
  return /^[.-](\d{1,4}|\d{8}(-\d{6})?)(\.gz)?$/.test(name.slice(base.length));
}

// The system mail logs to look for, in order (paths as the rescued system sees them).
export const SYSTEM_MAIL_LOGS = ['/var/log/maillog', '/var/log/mail.log', '/var/log/mail/mail.log'];
