// Defer, bounce and trace logs (bounce_append_service.c): attribute lines name=value, one block
// per recipient, blocks separated by an empty line. Triage needs recipient -> reason.

// recipient -> reason from a log's text; the last block for a recipient wins (the latest attempt).
export function parseDeferLog(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let rcpt: string | undefined;
  let reason: string | undefined;
  const flush = () => {
    if (rcpt !== undefined && reason !== undefined) out.set(rcpt, reason);
    rcpt = reason = undefined;
  };
  for (const line of text.split('\n')) {
    if (line === '') flush();
    else if (line.startsWith('recipient=')) rcpt = line.slice(10);
    else if (line.startsWith('reason=')) reason = line.slice(7);
  }
  flush();
  return out;
}
