'use strict';
// The code cache file beside the one file (dist/spoolrescue.cjs.code-cache, read by the one file
// and by the npm main): a line naming the build, a line indexing the caches (chunk name ->
// [offset, length], offsets counted from the end of that line), then the caches one after the
// other. The index lives in the file, not in the mains, so that an install on a Node whose V8
// refuses the build's caches can make its own (code-cache-install.cjs) without touching the mains.

// The file's bytes: HEADER (the build's line, ending in a newline), then the index and the caches
// of EACH (chunk name -> cache bytes). Also where each cache lands: at (name -> [offset, length]).
function codeCacheFileBytes(header, each) {
  const at = {};
  let offset = 0;
  for (const [name, data] of each) {
    at[name] = [offset, data.length];
    offset += data.length;
  }
  return { bytes: Buffer.concat([Buffer.from(`${header}${JSON.stringify(at)}\n`, 'latin1'), ...each.values()]), at };
}

// Each chunk's cache, by this Node: TRAINED's (name -> cache made after real runs) where it has one,
// else made here from the chunk's top level. TEXTS: name -> the chunk's text as the loader compiles
// it (V8 takes a cache only for the very text, and the file name, it was made from).
function chunkCodeCaches(texts, trained) {
  const vm = require('vm');
  const each = new Map();
  for (const [name, text] of texts) each.set(name, trained.has(name) ? trained.get(name) : new vm.Script(text, { filename: `spoolrescue:${name}` }).createCachedData());
  return each;
}

module.exports = { codeCacheFileBytes, chunkCodeCaches };
