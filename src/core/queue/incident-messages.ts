import { catalogue } from '../i18n/speak.js';

// What the queue action's two incident sections say: the selection before anything changed, the outcome.
export const queueIncidentText = catalogue({
  en: {
    none: '(none)',
    criteria: (matches: string, selected: number, read: number, bytes: string) => `Criteria: ${matches}; ${selected} of ${read} messages, ${bytes}.`,
    verdicts: 'Verdicts:',
    sample: (n: number) => `### Sample (${n} messages, envelope and headers)`,
    selectedIds: (n: number) => `### Selected queue IDs (${n})`,
    selectionTitle: (action: string, queueDir: string) => `${action} selection in ${queueDir}`,
    selectionWhat: (action: string, method: string) => `the messages selected to ${action} (${method}), before anything changed`,
    selectedRow: 'selected',
    selectedCell: (n: number, bytes: number) => `${n} messages, ${bytes} bytes`,
    done: (action: string, n: number, freed: string | null, method: string, stopped: boolean) =>
      `- ${action}: ${n} messages${freed !== null ? `, ${freed} freed` : ''} (${method})${stopped ? '; STOPPED before the end, the rest is intact' : ''}`,
    ran: (command: string) => `- ran: \`${command}\``,
    failures: (list: string) => `- failures: ${list}`,
    check: (check: string) => `- postfix check: ${check}`,
    outcomeTitle: (action: string, queueDir: string) => `${action} in ${queueDir}`,
    outcomeWhat: (action: string, n: number, method: string) => `${action} of ${n} selected messages (${method})`,
  },
  ja: {
    none: '(なし)',
    criteria: (matches: string, selected: number, read: number, bytes: string) => `条件: ${matches}。メール ${read} 通のうち ${selected} 通、${bytes}。`,
    verdicts: '判定:',
    sample: (n: number) => `### サンプル（メール ${n} 通、エンベロープとヘッダ）`,
    selectedIds: (n: number) => `### 選択したキュー ID (${n})`,
    selectionTitle: (action: string, queueDir: string) => `${queueDir} で ${action} の対象に選んだメール`,
    selectionWhat: (action: string, method: string) => `${action} の対象に選んだメール（${method}）。何も変更する前の記録`,
    selectedRow: '選択',
    selectedCell: (n: number, bytes: number) => `メール ${n} 通、${bytes} バイト`,
    done: (action: string, n: number, freed: string | null, method: string, stopped: boolean) =>
      `- ${action}: メール ${n} 通${freed !== null ? `、${freed} を解放` : ''}（${method}）${stopped ? '。途中で中断しました。残りはそのままです' : ''}`,
    ran: (command: string) => `- 実行: \`${command}\``,
    failures: (list: string) => `- 失敗: ${list}`,
    check: (check: string) => `- postfix check: ${check}`,
    outcomeTitle: (action: string, queueDir: string) => `${queueDir} での ${action}`,
    outcomeWhat: (action: string, n: number, method: string) => `選択したメール ${n} 通の ${action}（${method}）`,
  },
});
