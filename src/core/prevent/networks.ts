// CIDR arithmetic for mynetworks: parse IPv4/IPv6 networks ([::1]/128 as Postfix writes them) and
// tell whether one network lies inside another.

// A network as numbers: family, first address and prefix length.
export interface Cidr {
  v6: boolean;
  base: bigint;
  prefix: number;
}

function v4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

function v6(s: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(s)) return null;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  if (tail === undefined && h.length !== 8) return null;
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

// Parses "10.0.0.0/8", "192.0.2.1", "[2001:db8::]/32"; null for lookup tables and garbage.
export function parseCidr(text: string): Cidr | null {
  const m = /^\[?([0-9a-fA-F:.]+)\]?(?:\/(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const isV6 = m[1].includes(':');
  const base = isV6 ? v6(m[1]) : v4(m[1]);
  if (base === null) return null;
  const bits = isV6 ? 128 : 32;
  const prefix = m[2] === undefined ? bits : Number(m[2]);
  if (prefix > bits) return null;
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  return { v6: isV6, base: base & mask, prefix };
}

// True when inner lies entirely inside outer.
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  if (inner.v6 !== outer.v6 || inner.prefix < outer.prefix) return false;
  const bits = inner.v6 ? 128 : 32;
  const shift = BigInt(bits - outer.prefix);
  return inner.base >> shift === outer.base >> shift;
}

// True for loopback networks (127.0.0.0/8, ::1), which mynetworks may always hold.
export function isLoopback(c: Cidr): boolean {
  return c.v6 ? c.prefix === 128 && c.base === 1n : cidrWithin(c, parseCidr('127.0.0.0/8')!);
}
