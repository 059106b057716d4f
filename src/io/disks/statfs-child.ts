// The program the statfs helper process runs (`node -e`). It is serialised with toString(), so it
// must stay self-contained: no imports, no outside names, only its parameters.
import { callSource } from '../system/eval-source.js';

// One answer line: the numbers of statfs(2) for paths[i], or the error it gave.
export type StatfsLine =
  | { i: number; bsize: number; blocks: number; bfree: number; bavail: number; files: number; ffree: number }
  | { i: number; code: string; message: string };

// Asks statfs for every path at once and prints one JSON line per answer as soon as it comes, so
// a path that never answers (a dead NFS server) holds back nothing but itself.
function statfsChildMain(fs: typeof import('node:fs'), paths: string[], out: { write(s: string): unknown }): void {
  paths.forEach((p, i) => {
    fs.statfs(p, (err, s) => {
      const line = err
        ? { i, code: String(err.code ?? 'EIO'), message: err.message }
        : { i, bsize: s.bsize, blocks: s.blocks, bfree: s.bfree, bavail: s.bavail, files: s.files, ffree: s.ffree };
      out.write(JSON.stringify(line) + '\n');
    });
  });
}

// The `node -e` source that runs statfsChildMain with the paths given as one JSON argument.
export function statfsChildSource(): string {
  return callSource(statfsChildMain, [], "require('node:fs')", 'JSON.parse(process.argv[1])', 'process.stdout');
}
