// Start-up time in ONE file: esbuild's code splitting gives the entry (what every run needs) and
// chunks loaded by dynamic import (each command, the walk with Ink and React); V8 parses every
// function of a module before running it, so a single 1.5 MB module made `--version` pay for all
// of it. Here each chunk becomes a CommonJS function body kept as a string and compiled on its
// first require: a string literal costs a fraction of what parsing its code does. The single
// executable keeps the same chunks as its assets, loaded by the same loader (chunkLoader), and the
// npm layout (splitChunks) keeps them in a file beside a small main, read by offset.
import { transform } from 'esbuild';
import { parse, tokenizer } from 'acorn';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import codeCacheFile from '../../bin/code-cache-file.cjs';

const { codeCacheFileBytes, chunkCodeCaches } = codeCacheFile;

// Chunks above this size are stored deflated and base64-encoded: fewer characters for Node to
// decode and V8 to scan at every start, inflated in about a millisecond when first required.
// Not the chunks every start runs (the entry and what it imports): inflating them would load
// node:zlib (and node:stream under it) on every start, which costs more than their extra bytes.
const PACK_ABOVE = 8192;

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

// Every node of the module's own top level (function bodies left out), for its awaits.
function* topLevelNodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  if (FUNCTIONS.has(node.type)) return;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) yield* topLevelNodes(v);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* topLevelNodes(value);
  }
}

function* allNodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) yield* allNodes(v);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* allNodes(value);
  }
}

// esbuild's __toESM (the namespace an ES module sees of a CommonJS one, each of Node's modules
// included) copies every property into a new object with a getter each, once per importing
// module: 70 modules import node:fs, ~100 properties each, ~0.3 ms a copy at start. The same
// module seen the same way gets the same namespace (as import does), so it is made once; and the
// namespace of one of Node's own modules (NODE_MODULES, filled by the build's stand-ins for them)
// is an object over the module itself, its default the module: no copy, one lookup at each use.
export const NODE_MODULES = 'Symbol.for("spoolrescue.nodeModules")';
const TO_ESM = 'var __toESM=(mod,isNodeMode,target)=>(';
const TO_ESM_ONCE =
  'var __toESMSeen=[new WeakMap,new WeakMap],__toESM=(mod,isNodeMode,target)=>{if(target!==void 0||mod==null||typeof mod!=="object"&&typeof mod!=="function")return __toESMFresh(mod,isNodeMode,target);' +
  `const seen=__toESMSeen[isNodeMode?1:0];let ns=seen.get(mod);if(ns===void 0){ns=isNodeMode&&globalThis[${NODE_MODULES}]?.has(mod)?Object.create(mod,{default:{value:mod,enumerable:true}}):__toESMFresh(mod,isNodeMode);seen.set(mod,ns)}return ns},__toESMFresh=(mod,isNodeMode,target)=>(`;

function toEsmOnce(code, name) {
  const at = code.indexOf(TO_ESM);
  if (at === -1) {
    if (/\b__toESM\s*=/.test(code)) throw new Error(`one-file: esbuild's __toESM in ${name} has a shape this build does not know`);
    return code;
  }
  return code.slice(0, at) + TO_ESM_ONCE + code.slice(at + TO_ESM.length);
}

// ESM chunk → what CommonJS can hold: `import("./chunk")` calls the loader (which waits for a chunk
// with top-level await), and each top-level `await E` becomes `__tla(E)`, turned back into `await`
// inside an async body after the conversion. Returns the text, whether it awaits, its static imports.
function prepare(code, name) {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const edits = [];
  let awaits = 0;
  for (const n of topLevelNodes(ast)) {
    if (n.type === 'ForOfStatement' && n.await) throw new Error(`one-file: top-level for await in ${name}`);
    if (n.type === 'AwaitExpression') {
      awaits += 1;
      edits.push({ start: n.start, end: n.argument.start, text: '__tla(' }, { start: n.argument.end, end: n.argument.end, text: ')' });
    }
  }
  for (const n of allNodes(ast)) {
    if (n.type === 'ImportExpression') edits.push({ start: n.start, end: n.start + 'import'.length, text: '__chunkImport' });
  }
  const imports = ast.body.filter((s) => s.type === 'ImportDeclaration').map((s) => s.source.value);
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if ((out.match(/__tla\(/g) ?? []).length !== awaits) throw new Error(`one-file: __tla( already in ${name}`);
  return { code: out, awaits: awaits > 0, imports };
}

// esbuild's __toCommonJS (a chunk's exports, as CommonJS sees them) copies every export of the
// chunk, each a getter already, into a new object with a getter each: ~0.1 ms a chunk at start
// (30 at df's), then two getters at each use. The object with the getters is used as it is.
// (esbuild numbers the helpers' names where a chunk has its own of the same name: __toCommonJS2)
const TO_CJS = /__toCommonJS(\d*)=mod=>__copyProps\d*\(__defProp(\d*)\(\{\},"__esModule",\{value:(?:true|!0)\}\),mod\)/g;

function toCommonJsInPlace(code, name) {
  let kept = 0;
  const out = code.replace(TO_CJS, (_m, n, d) => {
    kept += 1;
    return `__toCommonJS${n}=mod=>__defProp${d}(mod,"__esModule",{value:true})`;
  });
  if ((out.match(/__toCommonJS\d*=/g) ?? []).length !== kept) throw new Error(`one-file: esbuild's __toCommonJS in ${name} has a shape this build does not know`);
  return out;
}

// esbuild writes every string and name in ASCII (\u escapes) but regular expressions as they
// are; one non-ASCII character left in a chunk made its whole text two bytes a character for
// Node to decode and V8 to hold (~0.1-0.2 ms of every start). Written as \u escapes, a regular
// expression matches the same, with or without the u or v flag.
function asciiRegExps(code, name) {
  const edits = [];
  for (const t of tokenizer(code, { ecmaVersion: 'latest', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true })) {
    if (t.type.label !== 'regexp') continue;
    const raw = code.slice(t.start, t.end);
    if (/[^\x00-\x7f]/.test(raw)) edits.push({ start: t.start, end: t.end, text: raw.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) });
  }
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const left = /[^\x00-\x7f]/.exec(out);
  if (left) throw new Error(`one-file: ${name} has a non-ASCII character outside a regular expression (${JSON.stringify(out.slice(Math.max(0, left.index - 40), left.index + 10))})`);
  return out;
}

async function toFunctionBody(code, name, isAsync) {
  const r = await transform(code, { format: 'cjs', loader: 'js', target: 'node16', minifyWhitespace: true, sourcefile: name, logLevel: 'error' });
  const body = asciiRegExps(toCommonJsInPlace(r.code, name), name);
  if (!isAsync) return `"use strict";${body}`;
  return `"use strict";return(async()=>{${body.replace(/__tla\(/g, 'await(')}})();`;
}

// The text V8 compiles for a chunk: its body inside a function of the loader's four names. The one
// file and the executable store each chunk as this text, so the loader hands V8 the stored string
// itself (joining head, body and tail at run time made V8 copy every chunk it compiled: ~0.4 ms of
// `df --json`); the build makes each chunk's code cache from this same text, as V8 requires.
const WRAP_HEAD = '(function(exports,require,module,__chunkImport){';
const WRAP_TAIL = '\n})';

// A chunk's body as the loader compiles it, and as the one file and the executable store it.
export function wrappedChunk(body) {
  return WRAP_HEAD + body + WRAP_TAIL;
}

// The loader: chunk name → its wrapped text through __chunkSource (undefined for Node's own modules),
// each compiled once, on first require, with its V8 code cache when __chunkCodeCache has one (made
// at build time: compiling the chunks df runs was ~5 ms CPU of its ~25 above a bare Node start).
// A chunk with top-level await returns a promise, which import() waits for. The one file and the
// single executable's main share it (chunkLoader).
const LOADER = `
const __chunkCache = new Map();
const __groupTables = new Map();
const __vm = require("node:vm");
let __codeCacheUsable = true;
function __compileChunk(name, source) {
  const cachedData = __codeCacheUsable ? __chunkCodeCache(name) : undefined;
  const script = new __vm.Script(source, { filename: "spoolrescue:" + name, cachedData });
  // V8 refuses a cache made by another Node or with other V8 flags and compiles the source instead;
  // the caches of the other chunks are then not read either
  if (cachedData !== undefined && script.cachedDataRejected) __codeCacheUsable = false;
  return script.runInThisContext();
}
// A grouped chunk's function: its group compiled (once) and asked for it
function __groupMember(name) {
  if (!Object.prototype.hasOwnProperty.call(__groupOf, name)) return undefined;
  const group = __groupOf[name];
  let table = __groupTables.get(group);
  if (table === undefined) {
    const source = __chunkSource(group);
    if (source === undefined) throw new Error("spoolrescue: the chunk group " + group + " is missing; install spoolrescue again");
    table = __compileChunk(group, source)();
    __groupTables.set(group, table);
  }
  return table[name];
}
function __chunkLoad(id) {
  const name = id.startsWith("./") ? id.slice(2) : id;
  let mod = __chunkCache.get(name);
  if (mod) return mod;
  let fn = __groupMember(name);
  if (fn === undefined) {
    const source = __chunkSource(name);
    if (source === undefined) return { exports: require(id), ready: undefined };
    fn = __compileChunk(name, source);
  }
  mod = { exports: {}, ready: undefined };
  __chunkCache.set(name, mod);
  mod.ready = fn.call(mod.exports, mod.exports, __chunkRequire, mod, __chunkImport);
  return mod;
}
function __chunkRequire(id) {
  return __chunkLoad(id).exports;
}
// (promises, not an async function: an old Node must parse the main to reach its version check)
function __chunkImport(id) {
  try {
    const mod = __chunkLoad(id);
    return Promise.resolve(mod.ready).then(() => mod.exports);
  } catch (e) {
    return Promise.reject(e);
  }
}
`;

// The chunk loader's code, for a main that defines __chunkSource(name) and starts "./__entry.js";
// BODIES: the chunks it loads, for the members of their groups.
export function chunkLoader(bodies) {
  return `\nconst __groupOf = ${JSON.stringify(groupsOf(bodies))};${LOADER}`;
}

// Opens PATH for reading when it is as much the running file's as the file itself (a regular file,
// same owner, writable by no one else) and begins with HEADER (naming the build); else null. What
// is read through it is compiled and run as whoever runs the tool: a file another user planted
// beside a copy in /tmp is never used, a symlink is not followed and a FIFO never blocks.
const OWN_FILE = `
function __openOwn(path, header) {
  const fs = require("node:fs");
  let fd;
  try {
    const c = fs.constants;
    fd = fs.openSync(path, c.O_RDONLY | c.O_NOFOLLOW | c.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    const head = Buffer.alloc(header.length);
    if (st.isFile() && st.uid === fs.statSync(__filename).uid && (st.mode & 0o022) === 0 && fs.readSync(fd, head, 0, head.length, 0) === head.length && head.toString("latin1") === header) {
      const own = fd;
      fd = undefined;
      return own;
    }
  } catch (_) {
    // missing (the file was copied alone) or unreadable: not used
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return null;
}
`;

// A chunk's V8 code cache from __codeCachePath (opened once, through __openOwn; its index line read
// once: bin/code-cache-file.cjs), undefined when there is none to give or the file is not one.
const CODE_CACHE = `
let __codeCacheFd;
let __codeCacheIndex;
let __codeCacheBase = 0;
function __readCodeCacheIndex(fd) {
  const fs = require("node:fs");
  for (let size = 4096; size <= 1048576; size *= 4) {
    const data = Buffer.allocUnsafe(size);
    const got = fs.readSync(fd, data, 0, size, __codeCacheHeader.length);
    const end = data.indexOf(10);
    if (end !== -1 && end < got) {
      __codeCacheBase = __codeCacheHeader.length + end + 1;
      const index = JSON.parse(data.toString("latin1", 0, end));
      return index !== null && typeof index === "object" ? index : null;
    }
    if (got < size) return null;
  }
  return null;
}
function __chunkCodeCache(name) {
  try {
    if (__codeCacheFd === undefined) {
      __codeCacheFd = __openOwn(__codeCachePath, __codeCacheHeader);
      __codeCacheIndex = __codeCacheFd === null ? null : __readCodeCacheIndex(__codeCacheFd);
    }
    if (__codeCacheIndex === null || !Object.prototype.hasOwnProperty.call(__codeCacheIndex, name)) return undefined;
    const at = __codeCacheIndex[name];
    if (!Array.isArray(at) || !Number.isSafeInteger(at[0]) || !Number.isSafeInteger(at[1]) || at[0] < 0 || at[1] <= 0) return undefined;
    const data = Buffer.allocUnsafe(at[1]);
    return require("node:fs").readSync(__codeCacheFd, data, 0, at[1], __codeCacheBase + at[0]) === at[1] ? data : undefined;
  } catch (_) {
    // a cache file cut short or garbled: the chunks compile from their source
    __codeCacheIndex = null;
    return undefined;
  }
}
`;

// The one file's source table: the chunks every start or df runs as string literals, the others
// (the walk with Ink and React, the other commands: 0.65 MB) deflated in base64 in one trailing
// comment after a marker naming the build, read back from the file itself when first required.
// Node still decodes the whole file and V8 still scans it, but skipping a comment costs about a
// quarter of scanning the same bytes as a string literal (the packed chunks cost ~34 ms CPU of
// `--version` as literals, ~9 ms as a comment, machine loaded). Reading the chunks every start
// needs from the comment instead measured slower than keeping them as literals.
const PACKED_SOURCE = `
let __packedData;
function __chunkSource(name) {
  const has = (table) => Object.prototype.hasOwnProperty.call(table, name);
  if (has(__chunks)) return __chunks[name];
  if (!has(__packedAt)) return undefined;
  if (__packedData === undefined) {
    const self = require("node:fs").readFileSync(__filename);
    const at = self.lastIndexOf(__packedMarker);
    if (at === -1) throw new Error("spoolrescue: " + __filename + " changed on disk while it ran (another build?); run it again");
    __packedData = self.subarray(at + __packedMarker.length);
  }
  const [offset, length] = __packedAt[name];
  return require("node:zlib").inflateRawSync(Buffer.from(__packedData.toString("latin1", offset, offset + length), "base64")).toString("utf8");
}
`;

// The npm layout's source table: every chunk in a file beside the main (__chunkFilePath, opened
// once through __openOwn, kept open: a reinstall while the tool runs replaces the name, not what
// this process reads), each read by offset when first required. Node reads and V8 scans only the
// small main: the one file's 0.96 MB cost ~2-3 ms at every start (reading a megabyte, then
// scanning it), which a server whose Node runs it must pay to keep the tool in one file.
const SPLIT_SOURCE = `
let __chunkFileFd;
function __chunkSource(name) {
  if (!Object.prototype.hasOwnProperty.call(__chunkAt, name)) return undefined;
  if (__chunkFileFd === undefined) __chunkFileFd = __openOwn(__chunkFilePath, __chunkFileHeader);
  if (__chunkFileFd === null) throw new Error("spoolrescue: " + __chunkFilePath + " is missing, unreadable, of another build, or not safe to run (another owner, or writable by others); install spoolrescue again");
  const [offset, length] = __chunkAt[name];
  const data = Buffer.allocUnsafe(length);
  if (require("node:fs").readSync(__chunkFileFd, data, 0, length, offset) !== length) throw new Error("spoolrescue: " + __chunkFilePath + " is cut short; install spoolrescue again");
  return data.toString("utf8");
}
`;

// esbuild's split output in OUTDIR (entry ENTRY, renamed __entry.js) as CommonJS function bodies
// the loader compiles (bodies: chunk name → body), and the names of those every start runs (atStart:
// the entry and what it imports statically, transitively; keptPlain: those, df's and the words of
// every command).
export async function chunkBodies({ outdir, entry }) {
  const prepared = new Map();
  for (const file of readdirSync(outdir).filter((f) => f.endsWith('.js')).sort()) {
    prepared.set(file === entry ? '__entry.js' : file, prepare(toEsmOnce(readFileSync(path.join(outdir, file), 'utf8'), file), file));
  }
  if (!prepared.has('__entry.js')) throw new Error(`one-file: ${entry} is not in ${outdir}`);
  // require() cannot wait: a chunk that awaits at top level may only be reached by import()
  for (const [name, p] of prepared) {
    for (const spec of p.imports) {
      const target = prepared.get(spec.replace(/^\.\//, ''));
      if (target?.awaits) throw new Error(`one-file: ${name} imports ${spec} statically, which awaits at top level`);
    }
  }
  const bodies = new Map();
  for (const [name, p] of prepared) bodies.set(name, await toFunctionBody(p.code, name, p.awaits));
  const atStart = new Set();
  const visit = (name) => {
    if (atStart.has(name) || !prepared.has(name)) return;
    atStart.add(name);
    for (const spec of prepared.get(name).imports) visit(spec.replace(/^\.\//, ''));
  };
  visit('__entry.js');
  // df's chunks, found through the entry's command table (`{ name: "df", load: async () => (await
  // __chunkImport("./chunk-X.js")).command, ... }`), are kept plain too: inflating them loaded node:zlib
  // (~12 ms CPU) on the command an operator runs first and most, for ~36 KB more to read at start.
  const dfChunk = /name:\s*"df",\s*load:\s*async\s*\(\)\s*=>\s*\(await __chunkImport\("\.\/(chunk-[\w-]+\.js)"\)\)/.exec(prepared.get('__entry.js').code)?.[1];
  if (!dfChunk) throw new Error('one-file: the df command is not in the entry\'s command table');
  const keptPlain = new Set(atStart);
  const visitPlain = (name) => {
    if (keptPlain.has(name) || !prepared.has(name)) return;
    keptPlain.add(name);
    for (const spec of prepared.get(name).imports) visitPlain(spec.replace(/^\.\//, ''));
  };
  visitPlain(dfChunk);
  const dfChunks = new Set([...keptPlain].filter((n) => !atStart.has(n)));
  // and what df imports when it prints text (its --json output does not load it)
  for (const name of dfChunks) {
    for (const m of prepared.get(name).code.matchAll(/__chunkImport\("\.\/(chunk-[\w-]+\.js)"\)/g)) visitPlain(m[1]);
  }
  const dfTextChunks = new Set([...keptPlain].filter((n) => !atStart.has(n) && !dfChunks.has(n)));
  // and each command's words (`words: async () => (await __chunkImport("./chunk-X.js")).xText`), which
  // the general help reads its summaries from: packed, --help inflated five of them (node:zlib
  // loaded and the file read again, ~10 ms) for ~50 KB more to read at start
  for (const m of prepared.get('__entry.js').code.matchAll(/words:\s*async\s*\(\)\s*=>\s*\(await __chunkImport\("\.\/(chunk-[\w-]+\.js)"\)\)/g)) visitPlain(m[1]);
  return { bodies, atStart, keptPlain, dfChunks, dfTextChunks };
}

// Chunks always loaded together, stored and compiled as one: each V8 compile, code cache and read
// has a fixed cost (~50 us a chunk with the loader's own work), and every start loaded 15 chunks, df
// 14 more. GROUPS: [group name, member names]; a member of no group stays alone. A group's body
// names its members on its first line (groupsOf reads it back for the loader) and returns their
// functions by name; the loader runs each member when first required, as it ran the chunk. The
// start set (atStart) and the plain set (keptPlain) then name the groups that hold their chunks.
export function groupChunks({ bodies, atStart, keptPlain = atStart, groups }) {
  const grouped = new Map();
  const out = new Map();
  for (const [group, members] of groups) {
    const names = [...members].filter((n) => bodies.has(n) && !grouped.has(n));
    if (names.length < 2) continue;
    for (const n of names) grouped.set(n, group);
    const table = names.map((n) => `${JSON.stringify(n)}:${wrappedChunk(bodies.get(n))}`).join(',\n');
    out.set(group, `${GROUP_HEAD}${JSON.stringify(names)}\nreturn{${table}};`);
  }
  for (const [name, body] of bodies) if (!grouped.has(name)) out.set(name, body);
  const rename = (set) => new Set([...set].map((n) => grouped.get(n) ?? n));
  return { bodies: out, atStart: rename(atStart), keptPlain: rename(keptPlain) };
}

const GROUP_HEAD = '//spoolrescue-group ';

// Member name → group name, for the chunks grouped by groupChunks in BODIES.
export function groupsOf(bodies) {
  const of = {};
  for (const [name, body] of bodies) {
    if (!body.startsWith(GROUP_HEAD)) continue;
    for (const member of JSON.parse(body.slice(GROUP_HEAD.length, body.indexOf('\n')))) of[member] = name;
  }
  return of;
}

// A string literal of text in ASCII only (\\uXXXX for the rest). One non-ASCII byte anywhere in the
// file makes Node decode and V8 hold the whole 0.8 MB source as two-byte text at every start
// (~20-40 ms CPU here); the same characters escaped cost nothing.
function asciiLiteral(text) {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Joins the chunk bodies and start set (chunkBodies) into the text of one CommonJS module after
// BANNER: the loader, the plain chunks, then the packed ones in a comment after a marker naming the
// build (base64 has no "*/" and is ASCII). CommonJS, not an ES module: Node's ES module loader
// (with node:fs/promises, readline and a TextDecoder over the whole file) cost ~5-11 ms CPU more
// at every start; a rejected start is reported by Node as an unhandled rejection, exit status 1.
// PRELUDE (plain CommonJS: the Node version check) runs before anything else.
export function joinChunks({ bodies, atStart, keptPlain = atStart, banner, prelude = '' }) {
  const marker = `\n/*spoolrescue-chunks ${buildId(bodies)}\n`;
  const plain = [];
  const packedAt = {};
  let packed = '';
  for (const [name, body] of bodies) {
    if (body.length <= PACK_ABOVE || keptPlain.has(name)) {
      plain.push(`${JSON.stringify(name)}:${asciiLiteral(wrappedChunk(body))}`);
      continue;
    }
    const text = deflateRawSync(wrappedChunk(body), { level: 9 }).toString('base64');
    packedAt[name] = [packed.length, text.length];
    packed += text;
  }
  const tables = `const __chunks = {\n${plain.join(',\n')}\n};\nconst __packedMarker = ${JSON.stringify(marker)};\nconst __packedAt = ${JSON.stringify(packedAt)};\n${codeCacheTables(bodies, '__filename + ".code-cache"')}`;
  return `${banner}\n${prelude}${tables}${OWN_FILE}${CODE_CACHE}${PACKED_SOURCE}${chunkLoader(bodies)}__chunkImport("./__entry.js");\n${marker.slice(1)}${packed}\n*/\n`;
}

// Where the code caches are for a main (PATH: a JavaScript expression), and the build they are of.
function codeCacheTables(bodies, path) {
  return `const __codeCachePath = ${path};\nconst __codeCacheHeader = ${JSON.stringify(codeCacheHeader(bodies))};`;
}

// The npm layout (what `npm install -g`, npx and npm start run): a small main (after BANNER) and
// every chunk as it is, one after the other, in a file beside it named CHUNKFILE, after a header
// naming the build; the code caches are the one file's (CODECACHEFILE beside it: the same chunk
// text). Returns { main, chunks } (text, Buffer).
// PRELUDE (plain CommonJS, run first: the Node version check) is run before the rest is compiled.
export function splitChunks({ bodies, banner, prelude = '', chunkFile, codeCacheFile }) {
  const header = `spoolrescue-chunks ${buildId(bodies)}\n`;
  const { bytes, at } = indexedConcat(header, [...bodies].map(([name, body]) => [name, Buffer.from(wrappedChunk(body), 'utf8')]));
  const here = (file) => `__dirname + ${JSON.stringify(`/${file}`)}`;
  const tables = `const __chunkFilePath = ${here(chunkFile)};\nconst __chunkFileHeader = ${JSON.stringify(header)};\nconst __chunkAt = ${JSON.stringify(at)};\n${codeCacheTables(bodies, here(codeCacheFile))}`;
  // a chunk file that cannot be used stops the start with its one line, as the executable's main does
  const start = `__chunkImport("./__entry.js").catch((e) => {\n  process.stderr.write((e && e.message) + "\\n");\n  process.exit(1);\n});\n`;
  return { main: `${banner}\n${prelude}${tables}${OWN_FILE}${CODE_CACHE}${SPLIT_SOURCE}${chunkLoader(bodies)}${start}`, chunks: bytes };
}

// Names one build's chunks (their names and bodies): the packed comment's marker and the code
// cache file's header carry it, so that neither is used with the chunks of another build.
function buildId(bodies) {
  const id = createHash('sha256');
  for (const [name, body] of bodies) id.update(`${name}\0${body}\0`);
  return id.digest('hex').slice(0, 24);
}

// The first line of the code cache file: names the build its caches belong to.
export function codeCacheHeader(bodies) {
  return `spoolrescue-code-cache ${buildId(bodies)}\n`;
}

// V8's code cache of each chunk, made by this Node (the one the bundle is built with, and the one
// inside the executable): trained (name → cache made after a run, bin/code-cache-training.cjs) where
// there is one, else made here from the top level. bytes: the code cache file (the header naming the
// build, the index, the caches: bin/code-cache-file.cjs); each: name → cache. V8 checks a cache's
// Node and flags, not which text it was made from beyond its length: the header ties them to these chunks.
export function codeCaches(bodies, trained = new Map()) {
  const each = chunkCodeCaches(new Map([...bodies].map(([name, body]) => [name, wrappedChunk(body)])), trained);
  return { ...codeCacheFileBytes(codeCacheHeader(bodies), each), each };
}

// HEADER (naming the build) then each part one after the other, as the code cache file and the
// npm layout's chunk file hold them: bytes, and at: name → [offset, length] in bytes.
function indexedConcat(header, parts) {
  const buffers = [Buffer.from(header, 'latin1')];
  let offset = buffers[0].length;
  const at = {};
  for (const [name, data] of parts) {
    at[name] = [offset, data.length];
    buffers.push(data);
    offset += data.length;
  }
  return { bytes: Buffer.concat(buffers), at };
}
