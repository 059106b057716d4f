import type { UnreadConfig } from '../core/prevent/apply-facts.js';
import { allCommands, type FollowUpCommand } from '../core/prevent/fix-commands.js';
import { backupDirProblem, DEFAULT_BACKUP_DIR } from '../core/prevent/backup-place.js';
import { edit, isRefusal, type FixPlan, type PlannedEdit } from '../core/prevent/fix-plan.js';
import type { Refused } from '../core/refusal.js';
import { planFix } from '../core/prevent/fix-planners.js';
import { isFindingCode, type Finding } from '../core/prevent/finding.js';
import type { HostConfig, RetryStormInput } from '../core/prevent/host-config.js';
import { withEdits } from '../core/prevent/overlay.js';
import { findings } from '../core/prevent/rules.js';
import type { SystemPaths } from '../core/system-paths.js';
import { gatherConfig } from '../io/prevent/gather.js';
import { runFollowUps, type FollowUpResult } from '../io/prevent/run-follow-ups.js';
import { writeEdit, type EditResult } from '../io/prevent/write-edit.js';
import { preventOpText } from './messages/prevent.js';
import { createLabelTools } from '../io/files/xattr.js';

// The prevent use case, shared by `spoolrescue prevent` and the walk's Summary step: read the
// host's configuration, report the findings, plan the fixes the operator named (diffs and
// commands first), write them with backups, run the reloads, and check the findings are gone.

// What the operator asked for.
export interface PreventRequest {
  paths: SystemPaths;
  /** --postfix-config as typed; default /etc/postfix (under --root). */
  postfixConfig?: string;
  /** Finding codes or ids to fix (empty: report only). */
  apply: readonly string[];
  forwardRootTo?: string;
  /** Backup directory as typed (a system path, mapped under --root); default /var/backups/spoolrescue. */
  backupDir?: string;
  /** The maillog step's answer, when it ran. */
  retryStorm?: RetryStormInput | null;
  signal?: AbortSignal;
}

// The report and, when fixes were named, the plan to review.
export interface PreventPlan {
  findings: Finding[];
  unreadable: UnreadConfig[];
  /** The named findings' plans, in the order given. */
  fixes: FixPlan[];
  /** Named codes with no finding on this host: nothing to do (already fixed). */
  alreadyFine: string[];
  /** Every file's edit (several fixes of one file merged), as diffs to show. */
  edits: PlannedEdit[];
  commands: FollowUpCommand[];
  /** System path of the backup directory. */
  backupDir: string;
  /** Host path of the Postfix configuration directory. */
  postfixConfigDir: string;
  config: HostConfig;
}

// What applying did: every file written (with its backup), every command, and the check after.
export interface PreventRun {
  edits: EditResult[];
  commands: FollowUpResult[];
  /** Each fixed finding id and whether it is gone when the configuration is read again. */
  verified: { id: string; fixed: boolean }[];
  findingsAfter: Finding[];
  ok: boolean;
}

function select(found: readonly Finding[], apply: readonly string[]): { chosen: Finding[]; alreadyFine: string[] } | Refused {
  const chosen: Finding[] = [];
  const alreadyFine: string[] = [];
  for (const token of apply) {
    const code = token.split('@')[0];
    if (!isFindingCode(code)) return { refused: { code: 'unknown-code', reason: preventOpText().notACode(token), hint: preventOpText().listsCodes } };
    const hits = found.filter((f) => f.id === token || (!token.includes('@') && f.code === token));
    if (!hits.length) alreadyFine.push(token);
    for (const h of hits) if (!chosen.includes(h)) chosen.push(h);
  }
  return { chosen, alreadyFine };
}

// Merges edits of the same file planned one after another: the first before, the last after.
function mergeEdits(list: readonly PlannedEdit[]): PlannedEdit[] {
  const byPath = new Map<string, { before: string | null; after: string }>();
  for (const e of list) {
    const prev = byPath.get(e.path);
    byPath.set(e.path, { before: prev ? prev.before : e.before, after: e.after });
  }
  return [...byPath].map(([p, x]) => edit(p, x.before, x.after)).filter((e): e is PlannedEdit => e !== null);
}

// Reads the configuration, reports the findings and plans the named fixes (nothing is written).
export async function planPrevent(req: PreventRequest): Promise<PreventPlan | Refused> {
  const { paths } = req;
  const postfixConfigDir = req.postfixConfig ? paths.arg(req.postfixConfig) : paths.sys('/etc/postfix');
  const backupHost = paths.arg(req.backupDir ?? DEFAULT_BACKUP_DIR);
  const backupDir = paths.toSystem(backupHost);
  const problem = backupDirProblem(backupDir);
  if (problem) return { refused: { code: 'backup-dir-unsafe', reason: problem, hint: preventOpText().otherBackupDir(DEFAULT_BACKUP_DIR) } };
  const { config, unreadable } = await gatherConfig({ paths, postfixConfigDir, retryStorm: req.retryStorm, signal: req.signal });
  const found = findings(config);
  const sel = select(found, req.apply);
  if ('refused' in sel) return sel;
  const { chosen, alreadyFine } = sel;
  const fixes: FixPlan[] = [];
  let view = config;
  for (const f of chosen) {
    const p = planFix(f, view, { forwardRootTo: req.forwardRootTo });
    if (isRefusal(p)) return { refused: { ...p.refused, reason: `${f.id}: ${p.refused.reason}` } };
    fixes.push(p);
    view = withEdits(view, p.edits);
  }
  const edits = mergeEdits(fixes.flatMap((f) => f.edits));
  const commands = allCommands(
    fixes.flatMap((f) => f.followUps),
    { hostPath: (p) => paths.arg(p), postfixConfigDir, hasMainCf: config.postfix.mainCfText !== null },
  );
  return { findings: found, unreadable, fixes, alreadyFine, edits, commands, backupDir, postfixConfigDir, config };
}

// Writes the planned edits (stopping at the first that fails), runs the reloads, then reads the
// configuration again to check each fixed finding is gone.
export async function runPrevent(plan: PreventPlan, req: PreventRequest, at: Date = new Date()): Promise<PreventRun> {
  const { paths } = req;
  const labels = createLabelTools();
  const edits: EditResult[] = [];
  for (const e of plan.edits) {
    const r = await writeEdit(e, paths, paths.arg(plan.backupDir), at, labels);
    edits.push(r);
    if (!r.ok) break;
  }
  const written = edits.every((e) => e.ok);
  const commands = written ? await runFollowUps(plan.commands, paths, plan.postfixConfigDir, req.signal) : [];
  const again = await gatherConfig({ paths, postfixConfigDir: plan.postfixConfigDir, retryStorm: req.retryStorm, signal: req.signal });
  const after = findings(again.config);
  const verified = plan.fixes.map((f) => ({ id: f.id, fixed: !after.some((a) => a.id === f.id) }));
  const ok = written && commands.every((c) => c.ok || !c.ran) && verified.every((v) => v.fixed);
  return { edits, commands, verified, findingsAfter: after, ok };
}

