import { catalogue } from '../i18n/speak.js';

// What the purge plan says before anything is done: one labelled row per fact the operator reviews.
export const purgePlanText = catalogue({
  en: {
    head: (dir: string) => `Purge plan for ${dir}`,
    /** Columns the row labels take, the colon included. */
    labelWidth: 12,
    label: {
      what: 'what', missing: 'missing', snapshot: 'snapshot', attributes: 'attributes', contents: 'contents', skipped: 'skipped',
      filesystem: 'filesystem', postfix: 'Postfix', strategy: 'strategy', command: 'command', leftover: 'leftover', labels: 'labels', warning: 'warning',
    },
    what: (description: string, allowedBy: string) => `${description} (allowed: ${allowedBy})`,
    missing: (from: string) => `DIR is missing after an interrupted run; it is recreated from ${from}`,
    snapshot: (owner: string, mode: string, label: string) => `owner ${owner}, mode ${mode}, SELinux label ${label}`,
    attributes: (xattrs: string, flags: string) => `xattrs ${xattrs}; inode flags ${flags}`,
    /** bytes: the allocated size, or null when not known. */
    contents: (entries: string, bytes: string | null) => `${entries} entries${bytes !== null ? `, ${bytes}` : ''}`,
    notCounted: 'not counted before acting (--yes); counted right before deleting',
    filesystem: (mount: string, fstype: string, inodes: string, bytes: string) => `${mount} (${fstype}), ${inodes} inodes free, ${bytes} free`,
    postfix: (running: boolean | null, how: string, configDir: string, queue: string) =>
      `${running === null ? 'state unknown' : running ? 'RUNNING' : 'not running'} (${how}); config ${configDir}, queue ${queue}`,
    aside: 'set aside by an interrupted purge; deleted too',
    fresh: 'unfinished new directory; used or removed',
    incidentSameFs: (mount: string) => `the incident file is on the filesystem being purged (${mount}); it may not have room`,
    labelUnreadable: (why: string) => `DIR's SELinux label could not be read: ${why}`,
    dirMissing: 'DIR is missing: an earlier purge was interrupted between its two renames',
  },
  ja: {
    head: (dir: string) => `${dir} の削除 (purge) 手順`,
    labelWidth: 18,
    label: {
      what: '対象', missing: '欠落', snapshot: 'スナップショット', attributes: '属性', contents: '中身', skipped: '除外',
      filesystem: 'ファイルシステム', postfix: 'Postfix', strategy: '方式', command: 'コマンド', leftover: '残り', labels: 'ラベル', warning: '警告',
    },
    what: (description: string, allowedBy: string) => `${description}（許可: ${allowedBy}）`,
    missing: (from: string) => `中断した実行のあと DIR がありません。${from} から作り直します`,
    snapshot: (owner: string, mode: string, label: string) => `所有者 ${owner}、モード ${mode}、SELinux ラベル ${label}`,
    attributes: (xattrs: string, flags: string) => `xattrs ${xattrs}、inode フラグ ${flags}`,
    contents: (entries: string, bytes: string | null) => `${entries} 個のエントリ${bytes !== null ? `、${bytes}` : ''}`,
    notCounted: '実行前には数えません (--yes)。削除の直前に数えます',
    filesystem: (mount: string, fstype: string, inodes: string, bytes: string) => `${mount} (${fstype})、空き inode ${inodes}、空き容量 ${bytes}`,
    postfix: (running: boolean | null, how: string, configDir: string, queue: string) =>
      `${running === null ? '状態不明' : running ? '稼働中' : '停止中'} (${how})。設定 ${configDir}、キュー ${queue}`,
    aside: '中断した削除 (purge) が退避したもの。これも削除します',
    fresh: '作りかけの新しいディレクトリ。使うか削除します',
    incidentSameFs: (mount: string) => `証跡ファイルが削除 (purge) するファイルシステム (${mount}) 上にあります。空き容量が足りないかもしれません`,
    labelUnreadable: (why: string) => `DIR の SELinux ラベルを読めませんでした: ${why}`,
    dirMissing: 'DIR がありません: 以前の削除 (purge) が 2 回の名前変更の間で中断されました',
  },
});
