import fs from 'node:fs';
import path from 'node:path';

// Fixture trees of a RHEL-family and a Debian mail server's configuration, as shipped (every
// finding that a default install has is present), for `--root`. Tests change single files to
// make one finding appear or disappear.

export type Layout = 'rhel' | 'debian';

const RHEL_0LOGWATCH = `#!/bin/bash

DailyReport=\`grep -e "^[[:space:]]*DailyReport[[:space:]]*=[[:space:]]*" /usr/share/logwatch/default.conf/logwatch.conf | head -n1 | sed -e "s|^\\s*DailyReport\\s*=\\s*||"\`

if [ "$DailyReport" != "No" ] && [ "$DailyReport" != "no" ]
then
    logwatch
fi
`;

const DEBIAN_00LOGWATCH = `#!/bin/bash

#Check if removed-but-not-purged
test -x /usr/share/logwatch/scripts/logwatch.pl || exit 0

#execute
/usr/sbin/logwatch --output mail
`;

const MASTER_CF = `# Postfix master process configuration file.
# service type  private unpriv  chroot  wakeup  maxproc command + args
smtp      inet  n       -       n       -       -       smtpd
#submission inet n       -       n       -       -       smtpd
#  -o syslog_name=postfix/submission
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
local     unix  -       n       n       -       -       local
`;

// The files of each layout (system path → text), as a default install has them.
export const LAYOUTS: Record<Layout, Record<string, string>> = {
  rhel: {
    '/etc/aliases': `#
#  Aliases in this file will NOT be expanded in the header from
#
mailer-daemon:  postmaster
postmaster:     root

# General redirections for pseudo accounts.
bin:            root
daemon:         root

# trap decode to catch security attacks
decode:         root

# Person who should get root's mail
#root:          marc
`,
    '/etc/postfix/main.cf': `compatibility_level = 2
queue_directory = /var/spool/postfix
command_directory = /usr/sbin
mail_owner = postfix
inet_interfaces = localhost
inet_protocols = all
mydestination = $myhostname, localhost.$mydomain, localhost
alias_maps = hash:/etc/aliases
alias_database = hash:/etc/aliases
mail_spool_directory = /var/spool/mail
`,
    '/etc/postfix/master.cf': MASTER_CF,
    '/etc/crontab': `SHELL=/bin/bash
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root

# For details see man 4 crontabs
# *  *  *  *  * user-name  command to be executed
`,
    '/etc/cron.d/0hourly': `# Run the hourly jobs
SHELL=/bin/bash
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root
01 * * * * root run-parts /etc/cron.hourly
`,
    '/etc/anacrontab': `SHELL=/bin/sh
PATH=/sbin:/bin:/usr/sbin:/usr/bin
MAILTO=root
RANDOM_DELAY=45
START_HOURS_RANGE=3-22

#period in days   delay in minutes   job-identifier   command
1	5	cron.daily		nice run-parts /etc/cron.daily
7	25	cron.weekly		nice run-parts /etc/cron.weekly
`,
    '/var/spool/cron/root': `MAILTO="root"
#* * * * * /etc/pound/poundchk.sh 1>/dev/null 2>&1
* * * * * /etc/rc.d/secure_cleaning.pl
*/3 * * * * /etc/rc.d/dns_listen_flush.sh
`,
    '/etc/sysconfig/crond': `# Settings for the CRON daemon.
# CRONDARGS= :  any extra command-line startup arguments for crond
CRONDARGS=
`,
    '/usr/share/logwatch/default.conf/logwatch.conf': `LogDir = /var/log
TmpDir = /var/cache/logwatch
MailTo = root
MailFrom = Logwatch
Range = yesterday
Detail = Low
Service = All
`,
    '/etc/logwatch/conf/logwatch.conf': '# Local configuration options go here (defaults are in /usr/share/logwatch/default.conf/logwatch.conf)\n',
    '/etc/cron.daily/0logwatch': RHEL_0LOGWATCH,
    '/etc/logrotate.conf': 'weekly\nrotate 4\ncreate\ndateext\ninclude /etc/logrotate.d\n',
    '/etc/logrotate.d/syslog': `/var/log/cron
/var/log/maillog
/var/log/messages
/var/log/secure
/var/log/spooler
{
    missingok
    sharedscripts
    postrotate
        /usr/bin/systemctl kill -s HUP rsyslog.service >/dev/null 2>&1 || true
    endscript
}
`,
    '/var/log/maillog': 'Dec  1 04:00:01 mx postfix/pickup[1]: 1A2B3C: uid=0 from=<root>\n',
  },
  debian: {
    '/etc/aliases': '# See man 5 aliases for format\npostmaster:    root\n',
    '/etc/postfix/main.cf': `smtpd_banner = $myhostname ESMTP $mail_name (Debian/GNU)
biff = no
append_dot_mydomain = no
readme_directory = no
compatibility_level = 3.6
smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination
myhostname = mx.example.test
alias_maps = hash:/etc/aliases
alias_database = hash:/etc/aliases
myorigin = /etc/mailname
mydestination = $myhostname, mx.example.test, localhost
relayhost =
mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128
mailbox_size_limit = 0
recipient_delimiter = +
inet_interfaces = all
inet_protocols = all
`,
    '/etc/postfix/master.cf': MASTER_CF,
    '/etc/crontab': `SHELL=/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin

# Example of job definition:
# m h dom mon dow user  command
17 *	* * *	root	cd / && run-parts --report /etc/cron.hourly
25 6	* * *	root	test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }
`,
    '/etc/cron.d/e2scrub_all': `30 3 * * 0 root test -e /run/systemd/system || SERVICE_MODE=1 /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron
10 3 * * * root test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all -A -r
`,
    '/var/spool/cron/crontabs/alice': '# m h  dom mon dow   command\n0 * * * * /home/alice/bin/sync.sh\n',
    '/etc/default/cron': '# Extra options for cron\nEXTRA_OPTS=""\n',
    '/usr/share/logwatch/default.conf/logwatch.conf': 'LogDir = /var/log\nMailTo = root\nRange = yesterday\nDetail = Low\nService = All\n',
    '/etc/cron.daily/00logwatch': DEBIAN_00LOGWATCH,
    '/etc/logrotate.conf': 'weekly\nrotate 4\ncreate\ninclude /etc/logrotate.d\n',
    '/etc/logrotate.d/rsyslog': `/var/log/syslog
/var/log/mail.info
/var/log/mail.warn
/var/log/mail.err
/var/log/mail.log
/var/log/daemon.log
{
	rotate 4
	weekly
	postrotate
		/usr/lib/rsyslog/rsyslog-rotate
	endscript
}
`,
    '/var/log/mail.log': 'Dec 01 04:00:01 mx postfix/pickup[1]: 1A2B3C: uid=0 from=<root>\n',
  },
};

// Writes a layout under root with overrides (null deletes a file); the aliases database is made
// newer than the aliases file unless staleDb (then it is missing).
export function buildTree(root: string, layout: Layout, over: Record<string, string | null> = {}, opts: { staleDb?: boolean } = {}): void {
  const files = { ...LAYOUTS[layout], ...over };
  for (const [p, text] of Object.entries(files)) {
    const host = path.join(root, p);
    if (text === null) {
      fs.rmSync(host, { force: true });
      continue;
    }
    fs.mkdirSync(path.dirname(host), { recursive: true });
    fs.writeFileSync(host, text);
  }
  for (const d of ['/var/spool/postfix', layout === 'rhel' ? '/var/spool/mail' : '/var/mail']) fs.mkdirSync(path.join(root, d), { recursive: true });
  const aliases = path.join(root, 'etc/aliases');
  if (fs.existsSync(aliases)) {
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(aliases, past, past);
    if (!opts.staleDb) fs.writeFileSync(aliases + '.db', 'db');
  }
}
