import fs from 'node:fs';
import { grow, type HotspotIndex } from '../../../core/hotspots/index.js';
import type { ScanExporter } from '../scan.js';
import { latin1Name, ncduName } from './ncdu-name.js';
import { hotspotsIoText } from '../messages.js';
import { streamModules, zlibModule } from '../../system/node-modules-on-demand.js';

// `hotspots --export FILE`: the scan written in ncdu's JSON export format (ncdu -f FILE browses it
// on any machine). Workers spill each directory's entries, already formatted, to one unlinked
// file each, next to FILE; the index knows the tree, so the export is written depth-first by
// copying those fragments in order: memory stays a few numbers per directory, whatever the size.
// FILE appears only when complete (written as FILE.part-PID, then renamed over FILE).

const CHUNK = 64 * 1024;

// Collects what the scan says and writes the export file afterwards.
export class NcduExport implements ScanExporter {
  private fds: number[] = [];
  private asize = new Float64Array(1024);
  private fragDir = new Int32Array(1024);
  private fragWorker = new Int32Array(1024);
  private fragOffset = new Float64Array(1024);
  private fragLength = new Float64Array(1024);
  private frags = 0;

  // file: where the export goes (FILE.gz: gzip-compressed); its directory holds the spill files.
  constructor(readonly file: string) {}

  // Opens one spill file per worker in FILE's directory and unlinks it at once: nothing is left
  // behind whatever happens, and no other user can open it.
  spillFds(workers: number): number[] {
    for (let i = 0; i < workers; i++) {
      const p = `${this.file}.spill-${process.pid}-${i}`;
      const fd = fs.openSync(p, 'wx+', 0o600);
      fs.unlinkSync(p);
      this.fds.push(fd);
    }
    return this.fds;
  }

  onDir(id: number, size: number): void {
    this.asize = grow(this.asize, id + 1);
    this.asize[id] = size;
  }

  onFragments(worker: number, ids: readonly number[], offsets: readonly number[], lengths: readonly number[]): void {
    const n = this.frags + ids.length;
    this.fragDir = grow(this.fragDir, n);
    this.fragWorker = grow(this.fragWorker, n);
    this.fragOffset = grow(this.fragOffset, n);
    this.fragLength = grow(this.fragLength, n);
    for (let i = 0; i < ids.length; i++) {
      const k = this.frags++;
      this.fragDir[k] = ids[i];
      this.fragWorker[k] = worker;
      this.fragOffset[k] = offsets[i];
      this.fragLength[k] = lengths[i];
    }
  }

  // Writes FILE from the finished scan: root is the start's path as written in the export, dev its
  // st_dev. Returns the bytes written (compressed size for .gz).
  async write(index: HotspotIndex, root: { name: string; dev: number; progver: string }, signal?: AbortSignal): Promise<number> {
    const part = `${this.file}.part-${process.pid}`;
    const out = fs.createWriteStream(part, { flags: 'wx', mode: 0o644 });
    const { stream, promises } = streamModules();
    const pipeline = promises.pipeline;
    const source = stream.Readable.from(this.chunks(index, root));
    try {
      if (this.file.endsWith('.gz')) await pipeline(source, zlibModule().createGzip(), out, { signal });
      else await pipeline(source, out, { signal });
      fs.renameSync(part, this.file);
    } catch (e) {
      fs.rmSync(part, { force: true });
      throw e;
    }
    return fs.statSync(this.file).size;
  }

  // Closes the spill files (they vanish: they were unlinked when opened).
  close(): void {
    for (const fd of this.fds.splice(0)) fs.closeSync(fd);
  }

  // The export as chunks of bytes, depth-first: a directory is "[" + its info, its entries (from
  // the spill files), its subdirectories, "]".
  private *chunks(index: HotspotIndex, root: { name: string; dev: number; progver: string }): Generator<Buffer> {
    const n = index.size;
    // Fragments grouped by directory (counting sort, arrival order kept).
    const start = new Int32Array(n + 1);
    for (let k = 0; k < this.frags; k++) start[this.fragDir[k] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const order = new Int32Array(this.frags);
    const fill = start.slice(0, n);
    for (let k = 0; k < this.frags; k++) order[fill[this.fragDir[k]]++] = k;

    let text = `[1,2,{"progname":"spoolrescue","progver":${ncduName(root.progver)},"timestamp":${Math.floor(Date.now() / 1000)}},\n`;
    const info = (id: number) => {
      const d = index.get(id);
      const name = id === 0 ? ncduName(latin1Name(root.name)) : ncduName(latin1Name(d.name));
      let s = `{"name":${name},"asize":${this.asize[id] ?? 0},"dsize":${d.selfBytes}`;
      if (id === 0) s += `,"dev":${root.dev}`;
      if (d.incomplete) s += ',"read_error":true';
      return s + '}';
    };
    const stack: { id: number; kids: Int32Array; next: number }[] = [];
    const that = this;
    function* open(id: number): Generator<Buffer> {
      text += `${id === 0 ? '' : ',\n'}[${info(id)}`;
      for (let j = start[id]; j < start[id + 1]; j++) {
        const k = order[j];
        if (text.length) {
          yield Buffer.from(text, 'latin1');
          text = '';
        }
        const buf = Buffer.allocUnsafe(that.fragLength[k]);
        for (let got = 0; got < buf.length; ) {
          const r = fs.readSync(that.fds[that.fragWorker[k]], buf, got, buf.length - got, that.fragOffset[k] + got);
          if (r === 0) throw new Error(hotspotsIoText().spillEndedEarly(got, buf.length));
          got += r;
        }
        yield buf;
      }
      stack.push({ id, kids: index.childIds(id), next: 0 });
    }
    yield* open(0);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.kids.length) yield* open(top.kids[top.next++]);
      else {
        text += ']';
        stack.pop();
      }
      if (text.length >= CHUNK) {
        yield Buffer.from(text, 'latin1');
        text = '';
      }
    }
    yield Buffer.from(text + ']\n', 'latin1');
  }
}
