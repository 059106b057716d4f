// Reads master.cf: one service per entry (continuation lines start with whitespace), and the
// `-o name=value` overrides that beat main.cf for that service (postconf -P shows the same).

// One override and its line, e.g. smtpd_recipient_restrictions on line 17.
export interface ServiceOverride {
  name: string;
  value: string;
  line: number;
}

// A master.cf service: name/type (smtp/inet), command, and its -o overrides.
export interface MasterService {
  service: string;
  type: string;
  command: string;
  line: number;
  overrides: ServiceOverride[];
}

// Parses master.cf text (comment lines skipped, `-o { name = value }` accepted as in 3.0+).
export function parseMasterCf(text: string): MasterService[] {
  const out: MasterService[] = [];
  const lines = text.split('\n');
  let cur: { line: number; words: { w: string; line: number }[] } | null = null;
  const flush = () => {
    if (!cur || cur.words.length < 8) {
      cur = null;
      return;
    }
    const ws = cur.words;
    const svc: MasterService = { service: ws[0].w, type: ws[1].w, command: ws[7].w, line: cur.line, overrides: [] };
    for (let i = 8; i < ws.length; i++) {
      if (ws[i].w !== '-o' || i + 1 >= ws.length) continue;
      let spec = ws[++i].w;
      const line = ws[i].line;
      if (spec === '{') {
        const parts: string[] = [];
        while (i + 1 < ws.length && ws[i + 1].w !== '}') parts.push(ws[++i].w);
        i++;
        spec = parts.join(' ');
      }
      const m = /^\s*([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(spec);
      if (m) svc.overrides.push({ name: m[1], value: m[2].trim(), line });
    }
    out.push(svc);
    cur = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*#/.test(line) || /^\s*$/.test(line)) return;
    if (!/^\s/.test(line)) {
      flush();
      cur = { line: i + 1, words: [] };
    }
    if (!cur) return;
    const words = line.match(/\{|\}|[^\s{}]+/g) ?? [];
    for (const w of words) cur.words.push({ w, line: i + 1 });
  });
  flush();
  return out;
}

// The value one setting has for a service: its last -o override, else main.cf's.
export function serviceValue(svc: MasterService, name: string, mainValue: string): { value: string; override?: ServiceOverride } {
  const o = svc.overrides.filter((x) => x.name === name).at(-1);
  return o ? { value: o.value, override: o } : { value: mainValue };
}

// The services that receive mail from the network with smtpd (smtp/inet, submission, smtps).
export function smtpdListeners(services: readonly MasterService[]): MasterService[] {
  return services.filter((s) => s.type === 'inet' && s.command === 'smtpd');
}
