import fs from 'node:fs';
import type { PurgePlan } from '../../core/purge/plan.js';
import type { PurgeVerification } from '../../core/purge/result.js';
import { snapshotDifferences, uncomparedAttributes } from '../../core/purge/snapshot.js';
import { differenceWords } from '../../core/purge/attr-words.js';
import { streamDirBuffers } from '../walk/dir-stream.js';
import { applySnapshot, takeSnapshot } from './snapshot.js';
import type { LabelTools } from '../files/xattr.js';

// Checks DIR after a purge against the snapshot taken before it: there, a real directory, same
// owner, group, mode, label, extended attributes and inode flags, and empty. A drifted attribute is put back once and rechecked.

const CAP = 1000;

// Verifies DIR; reads only, except to put back a drifted owner/mode/label.
export async function verifyPurge(plan: PurgePlan, labels: LabelTools): Promise<PurgeVerification> {
  const res: PurgeVerification = { dirPresent: false, differences: [], repaired: [], after: null, notCompared: [], entriesLeft: 0, entriesLeftCapped: false, sampleLeft: [] };
  const st = fs.lstatSync(plan.dir, { throwIfNoEntry: false });
  if (!st || !st.isDirectory()) {
    res.differences.push({ code: st ? 'not-a-directory' : 'missing' });
    return res;
  }
  res.dirPresent = true;
  let after = await takeSnapshot(plan.dir, labels);
  let diff = snapshotDifferences(plan.snapshot, after);
  if (diff.length) {
    await applySnapshot(plan.dir, plan.snapshot, labels);
    after = await takeSnapshot(plan.dir, labels);
    const still = snapshotDifferences(plan.snapshot, after);
    const key = (d: (typeof diff)[number]) => differenceWords(d, 'en');
    const left = new Set(still.map(key));
    res.repaired = diff.filter((d) => !left.has(key(d)));
    diff = still;
  }
  const s0 = plan.snapshot;
  res.after = { ...after, owner: after.uid === s0.uid ? s0.owner : undefined, group: after.gid === s0.gid ? s0.group : undefined };
  res.differences = diff;
  res.notCompared = uncomparedAttributes(s0, after);
  for await (const batch of streamDirBuffers(plan.dir, { batchSize: 256 })) {
    for (const d of batch) {
      if (res.sampleLeft.length < 5) res.sampleLeft.push(d.name);
      res.entriesLeft++;
    }
    if (res.entriesLeft >= CAP) {
      res.entriesLeftCapped = true;
      break;
    }
  }
  return res;
}
