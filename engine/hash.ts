// A small, fast, platform-independent hash of JSON values (canonical: object keys sorted), for state hashes and content hashes.

/** Canonical JSON: object keys sorted, numbers as JSON prints them. Same string in Node and every browser. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
    return JSON.stringify(v) ?? 'null';
  }
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(v as object).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    if (!first) s += ',';
    first = false;
    s += JSON.stringify(k) + ':' + canonicalJson(x);
  }
  return s + '}';
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

export function hashValue(v: unknown): string {
  return hashString(canonicalJson(v));
}
