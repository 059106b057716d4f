// The license notices of every package bundled into dist/spoolrescue.cjs (and so into the
// executable), read from esbuild's metafile: MIT and ISC require them to travel with the code.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([-.][a-z0-9]+)?(\.(md|txt|markdown))?$/i;

// The MIT license text, for packages that declare MIT in package.json but ship no license file
// (their copyright line is taken from their bundled sources).
const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software
and associated documentation files (the "Software"), to deal in the Software without
restriction, including without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

// "MIT License, Copyright ..." from the first copyright line in the package's bundled files.
function mitFromSources(top, inputs, dir) {
  for (const input of inputs) {
    if (packageDirOf(input) !== dir) continue;
    const line = readFileSync(path.join(top, input), 'utf8').match(/Copyright[^\n*]*/);
    if (line) return `MIT License (text from package.json's "license": "MIT")\n\n${line[0].trim()}\n\n${MIT_TEXT}`;
  }
  return undefined;
}

// The package directory (relative to the project) that holds a bundled input, or undefined for our own sources.
export function packageDirOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const scoped = parts[at + 1]?.startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join('/');
}

// One notice per bundled package: name, version, license, and its license file's text.
export function bundledPackages(top, metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir) dirs.add(dir);
  }
  return [...dirs]
    .map((dir) => {
      const abs = path.join(top, dir);
      const pkg = JSON.parse(readFileSync(path.join(abs, 'package.json'), 'utf8'));
      const files = existsSync(abs) ? readdirSync(abs).filter((f) => LICENSE_FILE.test(f)).sort() : [];
      const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'UNKNOWN';
      const texts = files.map((f) => readFileSync(path.join(abs, f), 'utf8').trim());
      if (!texts.length && license === 'MIT') texts.push(...[mitFromSources(top, Object.keys(metafile.inputs), dir)].filter(Boolean));
      return { name: pkg.name, version: pkg.version, license, texts };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

// The THIRD-PARTY-NOTICES text; fails the build when a bundled package ships no license text.
export function noticesText(packages) {
  const missing = packages.filter((p) => p.texts.length === 0);
  if (missing.length) throw new Error(`no license file in: ${missing.map((p) => p.name).join(', ')}`);
  const head = [
    'spoolrescue bundles the following packages into dist/spoolrescue.cjs and the executable',
    'spoolrescue-linux-x64. Their license notices follow. The executable also contains Node.js',
    '(https://github.com/nodejs/node/blob/main/LICENSE).',
    '',
    ...packages.map((p) => `  ${p.name}@${p.version}  (${p.license})`),
    '',
  ];
  const bodies = packages.map((p) => [`${'='.repeat(78)}`, `${p.name}@${p.version}  (${p.license})`, '-'.repeat(78), ...p.texts, ''].join('\n'));
  return [...head, ...bodies].join('\n');
}
