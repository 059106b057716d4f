import { catalogue } from '../i18n/speak.js';

// The plan's line about the attribute tools.
export const labelToolsText = catalogue({
  en: {
    toolsRead: (xattrs: string | undefined, flags: string | undefined, noSetfattr: boolean, selinux: boolean) =>
      `attributes read with ${xattrs ?? 'no getfattr'}, ${flags ?? 'no lsattr'}${noSetfattr ? ' (no setfattr)' : ''}; SELinux ${selinux ? 'enabled' : 'not enabled'}`,
  },
  ja: {
    toolsRead: (xattrs: string | undefined, flags: string | undefined, noSetfattr: boolean, selinux: boolean) =>
      `属性の読み取り: ${xattrs ?? 'getfattr なし'}、${flags ?? 'lsattr なし'}${noSetfattr ? '（setfattr なし）' : ''}。SELinux ${selinux ? '有効' : '無効'}`,
  },
});
