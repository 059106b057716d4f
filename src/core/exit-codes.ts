// Exit codes are part of the CLI contract: scripts and fleets branch on them.
export const ExitCode = {
  done: 0,
  failed: 1,
  usage: 2,
  refused: 3,
} as const;

// A number the CLI may return: done, failed, usage error or refused for safety.
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
