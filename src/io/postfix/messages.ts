import { catalogue } from '../../core/i18n/speak.js';

// What asking Postfix about itself says: whether its master runs (how it was decided: recorded in
// English, it goes into JSON), why `postfix check` was not run, why postconf gave no answer.
export const postfixIoText = catalogue({
  en: {
    noPidFile: 'no pid/master.pid',
    noPid: 'pid/master.pid holds no pid',
    pidNotRunning: (pid: number) => `pid/master.pid names ${pid}, which is not running (stale)`,
    pidNotMaster: (pid: number, comm: string) => `pid/master.pid names ${pid}, which is '${comm}', not master (stale)`,
    pidZombie: (pid: number) => `pid/master.pid names ${pid}, a master that has exited (zombie, not yet reaped)`,
    pidOtherInstance: (pid: number, cwd: string) => `pid ${pid} is a master working in ${cwd}, another instance (stale pid file)`,
    masterPid: (pid: number) => `master pid ${pid} (pid/master.pid)`,
    statusRunning: (config: string) => `postfix -c ${config} status: running`,
    statusSaidNo: (detail: string) => `postfix status said no, but ${detail} is alive`,
    statusNotRunning: (config: string) => `postfix -c ${config} status: not running`,
    tooFewLines: 'too few lines',
  },
  ja: {
    noPidFile: 'pid/master.pid がありません',
    noPid: 'pid/master.pid に pid がありません',
    pidNotRunning: (pid: number) => `pid/master.pid の ${pid} は動いていません（古いファイル）`,
    pidNotMaster: (pid: number, comm: string) => `pid/master.pid の ${pid} は '${comm}' で、master ではありません（古いファイル）`,
    pidZombie: (pid: number) => `pid/master.pid の ${pid} は終了した master です（ゾンビ、未回収）`,
    pidOtherInstance: (pid: number, cwd: string) => `pid ${pid} は ${cwd} で動く別インスタンスの master です（古い pid ファイル）`,
    masterPid: (pid: number) => `master pid ${pid}（pid/master.pid）`,
    statusRunning: (config: string) => `postfix -c ${config} status: 動作中`,
    statusSaidNo: (detail: string) => `postfix status は停止と答えましたが、${detail} は動いています`,
    statusNotRunning: (config: string) => `postfix -c ${config} status: 停止中`,
    tooFewLines: '行が足りません',
  },
});

// How the master's state was decided, in English: it goes into JSON (the queue plan's postfix).
export const postfixStateText = () => postfixIoText('en');
