import { catalogue } from '../../../core/i18n/speak.js';

// What the Why step says.
export const whyText = catalogue({
  en: {
    label: 'Why',
    short: 'Why',
    helpTitle: 'Why (mail log)',
    openBar: 'why',
    openHelp: 'why the disk filled: analyse the mail log (step Why)',
    daysBar: 'days',
    daysHelp: 'list the days (Enter: processes and retries of that day)',
    idsBar: 'queue IDs',
    idsHelp: 'list the most retried queue IDs (Enter: attempts per day)',
    recordBar: 'record',
    recordHelp: 'record the analysis in the incident file (none chosen yet: choose it in Evidence)',
    backBar: 'back',
    backHelp: 'back to the list, then to the step you came from',
  },
  ja: {
    label: '原因',
    short: '原因',
    helpTitle: '原因（メールログ）',
    openBar: '原因',
    openHelp: 'ディスクフルの原因：メールログを分析する（原因ステップ）',
    daysBar: '日別',
    daysHelp: '日ごとの一覧（Enter: その日のプロセスと再送）',
    idsBar: 'キュー ID',
    idsHelp: '再送の多いキュー ID の一覧（Enter: 日ごとの試行回数）',
    recordBar: '記録',
    recordHelp: '分析を証跡ファイルに記録する（未選択なら証跡ステップで選ぶ）',
    backBar: '戻る',
    backHelp: '一覧へ、そこから元のステップへ戻る',
  },
});
