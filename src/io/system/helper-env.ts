// The environment of a node helper this tool starts (the statfs helper, the hotspots scan
// process): the caller's, less what would make the helper slower or run someone else's code.
// - NODE_OPTIONS: a user's --require hooks or flags must not run inside a helper.
// - NODE_EXTRA_CA_CERTS: node reads and parses that certificate file before any code runs, ~40 ms
//   of every start on a host that sets it (measured here: `node -e 0` 70 ms with the system's
//   220 KB bundle named, 29 ms without); a helper never speaks TLS.
export function helperNodeEnv(extra: NodeJS.ProcessEnv = {}, from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...from, ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
