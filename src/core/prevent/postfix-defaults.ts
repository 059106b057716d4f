import { POSTFIX_DEFAULTS } from '../postfix/main-cf.js';

// Postfix 3.x defaults (compatibility_level 2 and later) of the settings the prevention checks
// read, used when main.cf is parsed without Postfix (--root, rescue disks). mynetworks stands for
// mynetworks_style = host: the loopback networks.
export const PREVENT_DEFAULTS: Readonly<Record<string, string>> = {
  ...POSTFIX_DEFAULTS,
  mailbox_size_limit: '51200000',
  maximal_queue_lifetime: '5d',
  bounce_queue_lifetime: '5d',
  alias_database: 'hash:/etc/aliases',
  alias_maps: 'hash:/etc/aliases, nis:mail.aliases', // i18n-ignore: a Postfix value
  local_recipient_maps: 'proxy:unix:passwd.byname $alias_maps',
  smtpd_reject_unlisted_recipient: 'yes',
  luser_relay: '',
  // i18n-ignore: a Postfix value
  smtpd_relay_restrictions: 'permit_mynetworks, permit_sasl_authenticated, defer_unauth_destination',
  smtpd_recipient_restrictions: '',
  mynetworks: '127.0.0.0/8 [::1]/128',
  inet_interfaces: 'all',
};

// The settings the checks read (postconf -h takes them in this order).
export const PREVENT_SETTINGS: readonly string[] = Object.keys(PREVENT_DEFAULTS);
