import fs from 'node:fs';
import path from 'node:path';

// One chunk compilation of the bundle's loader: was a code cache given, did V8 refuse it.
export interface ChunkCompile {
  name: string;
  given: boolean;
  rejected?: boolean;
}

// A preload (`node -r FILE`, or NODE_OPTIONS="-r FILE" for the executable) that notes every chunk
// the loader compiles through vm.Script, written to a file in DIR as the process exits; read()
// gives them (and forgets them, for the next run).
export function chunkCompileWatcher(dir: string): { preload: string; read(): ChunkCompile[] } {
  const preload = path.join(dir, 'chunk-compiles.cjs');
  const log = path.join(dir, 'chunk-compiles.json');
  fs.writeFileSync(
    preload,
    `const vm = require('node:vm'); const fs = require('node:fs'); const seen = []; const Script = vm.Script;
     vm.Script = class extends Script { constructor(c, o) { super(c, o); if (o && String(o.filename).startsWith('spoolrescue:')) seen.push({ name: o.filename.slice(12), given: o.cachedData !== undefined, rejected: this.cachedDataRejected }); } };
     process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify(seen)));`,
  );
  return {
    preload,
    read() {
      const seen = JSON.parse(fs.readFileSync(log, 'utf8')) as ChunkCompile[];
      fs.rmSync(log);
      return seen;
    },
  };
}
