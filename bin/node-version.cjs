'use strict';
// Stops at once, with one line, on a Node too old for the tool (Debian 12 and Ubuntu 24.04 ship
// Node 18, RHEL 9's default is 16): what is needed and the executable that needs no Node at all.
// Plain CommonJS with no imports, so it runs alone and before anything else loads
// (`node bin/node-version.cjs` checks this Node; the one file and the npm main run it first,
// before any chunk is compiled).

const NEEDED_MAJOR = 20;

// The line to print when these versions cannot run the tool, else undefined.
function nodeVersionProblem(versions) {
  const version = String((versions && versions.node) || '0');
  const major = Number.parseInt(version.split('.')[0], 10);
  if (major >= NEEDED_MAJOR) return undefined;
  return `spoolrescue: needs Node.js ${NEEDED_MAJOR} or later, this is Node ${version}; without a new Node, use the executable spoolrescue-linux-x64 (no Node needed, see README "Install").`;
}

const problem = nodeVersionProblem(process.versions);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

module.exports = { nodeVersionProblem };
