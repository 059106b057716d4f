import { catalogue } from '../../../core/i18n/speak.js';

// What the Hotspots step says.
export const hotspotsText = catalogue({
  en: {
    label: 'Hotspots',
    short: 'Hot',
    bytesBar: 'bytes',
    bytesHelp: 'hotspots by bytes directly inside',
    entriesBar: 'entries',
    entriesHelp: 'hotspots by entries directly inside (a flooded queue)',
    filesHelp: 'largest single files (a swollen mailbox)',
    mailBar: 'mail paths',
    mailHelp: "known mail paths from Postfix's settings",
    actionsBar: 'actions',
    actionsHelp: 'what to do with the selected path',
  },
  ja: {
    label: '容量の大きい場所',
    short: '大きい場所',
    bytesBar: '容量順',
    bytesHelp: '直下の容量が大きい順',
    entriesBar: '件数順',
    entriesHelp: '直下のエントリ数が多い順（あふれたキュー）',
    filesHelp: '大きいファイル順（膨らんだメールボックス）',
    mailBar: 'メールのパス',
    mailHelp: 'Postfix の設定から分かるメール関係のパス',
    actionsBar: '操作',
    actionsHelp: '選んだパスに対する操作',
  },
});
