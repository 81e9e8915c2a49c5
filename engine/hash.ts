// A small, fast, platform-independent hash of JSON values (canonical: object keys sorted), for state hashes and content hashes.

/** Canonical JSON: object keys sorted, numbers as JSON prints them. Same string in Node and every browser. */
export function canonicalJson(v: unknown): string {
  const out: string[] = [];
  write(v, out);
  return out.join('');
}

function write(v: unknown, out: string[]): void {
  if (v === null) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
      out.push(String(v));
      return;
    case 'string':
      out.push(JSON.stringify(v));
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      out.push('null');
      return;
  }
  if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(',');
      write(v[i] === undefined ? null : v[i], out);
    }
    out.push(']');
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  out.push('{');
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(k), ':');
    write(x, out);
  }
  out.push('}');
}

/** 64-bit FNV-1a style hash (two 32-bit lanes) of a string, as 16 hex digits. */
export function hashString(s: string): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** hashLane1 in parts: lane1End(lane1Step(lane1Step(LANE1_START, a), b)) === hashLane1(a + b) (FNV-1a reads the
 * characters in turn), so a keyed draw need not build its key. */
export const LANE1_START = 0x811c9dc5 | 0;
/** The first lane of `hashString` (its first 8 hex digits as a number, 0..2^32-1), without building the string. */
export function hashLane1(s: string): number {
  return lane1End(lane1Step(LANE1_START, s));
}
export function lane1Step(h: number, s: string): number {
  let h1 = h;
  for (let i = 0; i < s.length; i++) h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193);
  return h1;
}
export function lane1End(h: number): number {
  let h1 = h;
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return h1 >>> 0;
}

/** hashString(canonicalJson(v)), the canonical JSON fed to the hash as it is written rather than built as one string
 * first (a state of 66 KiB is some 20,000 pieces: they were pushed to an array, joined, then read again). The same
 * characters in the same order, so the same hash (tests/hash.test.ts holds the two together). */
export function hashValue(v: unknown): string {
  H1 = 0x811c9dc5 | 0;
  H2 = 0x01000193 ^ 0x9e3779b9;
  feedValue(v);
  let h1 = H1;
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (H2 >>> 0).toString(16).padStart(8, '0');
}

/** The two lanes of the hash being fed (hashString's h1 and h2). */
let H1 = 0;
let H2 = 0;

function feed(s: string): void {
  let h1 = H1;
  let h2 = H2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  H1 = h1;
  H2 = h2;
}

/** One character (a bracket, comma, colon or quote), as feed would. */
function feedChar(c: number): void {
  H1 = Math.imul(H1 ^ c, 0x01000193);
  const h2 = Math.imul(H2 ^ c, 0x5bd1e995);
  H2 = h2 ^ (h2 >>> 15);
}

/** A string as JSON.stringify writes it: quoted as it is where nothing in it needs escaping (no quote, backslash,
 * control character or surrogate), else JSON.stringify's own text. */
function feedString(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      feed(JSON.stringify(s));
      return;
    }
  }
  feedChar(0x22);
  feed(s);
  feedChar(0x22);
}

/** write(), fed to the hash instead of pushed to an array: the same text, piece by piece. */
function feedValue(v: unknown): void {
  if (v === null) {
    feed('null');
    return;
  }
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
      feed(String(v));
      return;
    case 'string':
      feedString(v);
      return;
    case 'boolean':
      feed(v ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      feed('null');
      return;
  }
  if (Array.isArray(v)) {
    feedChar(0x5b); // [
    for (let i = 0; i < v.length; i++) {
      if (i) feedChar(0x2c); // ,
      feedValue(v[i] === undefined ? null : v[i]);
    }
    feedChar(0x5d); // ]
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  feedChar(0x7b); // {
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    if (!first) feedChar(0x2c);
    first = false;
    feedString(k);
    feedChar(0x3a); // :
    feedValue(x);
  }
  feedChar(0x7d); // }
}
