import { catalogue } from '../../../core/i18n/speak.js';

// What the Look inside step says.
export const insideText = catalogue({
  en: {
    label: 'Look inside',
    short: 'Inside',
    countBar: 'count',
    countHelp: 'count every entry (streams the whole directory)',
    oldestBar: 'oldest/newest',
    oldestHelp: 'the oldest and newest entries by mtime',
  },
  ja: {
    label: '中身を見る',
    short: '中身',
    countBar: '件数',
    countHelp: 'すべてのエントリを数える（ディレクトリ全体を読みます）',
    oldestBar: '最古/最新',
    oldestHelp: 'mtime で最も古いエントリと新しいエントリ',
  },
});
