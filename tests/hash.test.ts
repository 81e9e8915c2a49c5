// State hashes are fed the canonical JSON as it is written (engine/hash.ts, hashValue), not built as one string and
// read again: the hash must stay hashString(canonicalJson(v)) for every value, or every pinned replay and save moves.
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashValue } from '../engine/index.ts';
import { hashString } from '../engine/hash.ts';
import { content, lcg, play } from './helpers.ts';

const viaString = (v: unknown) => hashString(canonicalJson(v));

describe('hashValue', () => {
  it('is the hash of the canonical JSON, for game states, reports and the content', () => {
    const { states, reports } = play(3, 6);
    for (const s of states) expect(hashValue(s)).toBe(viaString(s));
    for (const r of reports) expect(hashValue(r)).toBe(viaString(r));
    const { hash: _h, ...c } = content;
    expect(hashValue(c)).toBe(viaString(c));
    expect(hashValue(c)).toBe(content.hash);
  });

  it('writes strings and keys as JSON.stringify does, escapes, non-Latin text and lone surrogates included', () => {
    const odd = ['', 'plain', 'quote " in', 'back\\slash', 'tab\tnew\nline', '\u0000\u001f', 'é日本🙂', '\ud800', 'x\udfffy', '\u2028'];
    for (const s of odd) {
      expect(hashValue(s)).toBe(viaString(s));
      expect(hashValue({ [s]: s })).toBe(viaString({ [s]: s }));
    }
    const rnd = lcg(7);
    for (let i = 0; i < 200; i++) {
      const s = Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join('');
      expect(hashValue([s, { [s]: 1 }])).toBe(viaString([s, { [s]: 1 }]));
    }
  });

  it('treats undefined, numbers and odd values as canonicalJson does', () => {
    const v = { b: [undefined, -0, 1e21, 5e-324, 0.1 + 0.2], a: { skip: undefined, f: () => 1, t: true, n: null }, typed: new Float64Array([1.5, 2]) };
    expect(hashValue(v)).toBe(viaString(v));
    expect(() => hashValue({ x: NaN })).toThrow(/non-finite/);
  });

  it('gives the hashes it gave before it was fed piece by piece (pinned)', () => {
    // values from the string-building hashValue of 88cb4ce
    expect(hashValue({ b: [1, 2.5, null, 'x'], a: { 'q"k': 'é\n\u0001', z: true } })).toBe('1b0d05eefa108136');
    expect(hashValue('\ud800')).toBe('d4311f660d11c467');
    expect(hashValue([undefined, -0, 1e21, 5e-324])).toBe('1917030064c7ff35');
  });
});
