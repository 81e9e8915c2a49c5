// The modelling standard: every assumed number is marked as an assumption with the range we believe. A sourced number
// ({"v", "src"}) whose source says it is an assumption gives its range, as a "range": [lo, hi] field (which the Sobol
// sweep varies) or in the source's words, "assumption (range LO-HI): ..." (docs/MODEL.md, Conventions), and the range
// holds the value.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CONTENT = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'content');
const FILES = [...readdirSync(CONTENT).filter((f) => f.endsWith('.json')), ...readdirSync(join(CONTENT, 'scenarios')).map((f) => `scenarios/${f}`)];

interface Sourced {
  file: string;
  path: string;
  v: number;
  src: string;
  range?: [number, number];
}

function sourced(file: string): Sourced[] {
  const out: Sourced[] = [];
  const walk = (x: unknown, path: string): void => {
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.v === 'number' && typeof o.src === 'string') {
      out.push({ file, path, v: o.v, src: o.src, ...(Array.isArray(o.range) ? { range: o.range as [number, number] } : {}) });
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, Array.isArray(x) ? `${path}[${k}]` : `${path}.${k}`);
  };
  walk(JSON.parse(readFileSync(join(CONTENT, file), 'utf8')), '$');
  return out;
}

// a number: thousands separated by commas only in threes ("20,000"; "1,5" is not a number here), a decimal point
const NUM = String.raw`(-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)(?:e-?\d+)?)`;
const RANGE = new RegExp(String.raw`(?<![\w-])range\s*(?:of\s*)?${NUM}\s*(%?)\s*(?:-|–|to)\s*${NUM}\s*(%?)`, 'gi');
/** The range the source gives its own number, or null: the first range after the word that marks it an assumption
 * ("assumption (range 0.05-0.25)", "range -0.1 to -0.01", "range 1-5 points"), else the first anywhere (a source
 * whose "range" names something else before its assumption reads the assumption's). A range written in per cent
 * ("range 5-20%") is read as the fractions when the value is a fraction; a unit (t or kt) is not checked. */
export function rangeInText(src: string, v: number): [number, number] | null {
  const at = src.search(/assum/i);
  const all = [...src.matchAll(RANGE)];
  const m = all.find((x) => at >= 0 && x.index! > at) ?? all[0];
  if (!m) return null;
  const n = (s: string) => Number(s.replace(/,/g, ''));
  let lo = n(m[1]!);
  let hi = n(m[3]!);
  if ((m[2] || m[4]) && !(lo <= v && v <= hi)) {
    lo /= 100;
    hi /= 100;
  }
  return [Math.min(lo, hi), Math.max(lo, hi)];
}

const ALL = FILES.flatMap(sourced);
const ASSUMED = ALL.filter((s) => /assum/i.test(s.src));

describe('every assumed number gives the range we believe', () => {
  it('reads ranges as written', () => {
    expect(rangeInText('assumption (range 0.05-0.25): chance per quarter', 0.1)).toEqual([0.05, 0.25]);
    expect(rangeInText('assumption (range -0.1 to -0.01)', -0.03)).toEqual([-0.1, -0.01]);
    expect(rangeInText('assumption (range 20,000-60,000 t REO/yr)', 40000)).toEqual([20000, 60000]);
    expect(rangeInText('assumption (range 5-20%)', 0.12)).toEqual([0.05, 0.2]);
    expect(rangeInText('assumption: plants are often late', 0.1)).toBeNull();
    // the assumption's range, not an earlier one that names something else; no "long-range"; "1,5" is no number
    expect(rangeInText('the rise (range 1-5) counts; chance an assumption (range 0.05-0.25)', 0.12)).toEqual([0.05, 0.25]);
    expect(rangeInText('a long-range 5-10 plan', 7)).toBeNull();
    expect(rangeInText('assumption (range 1,5-2,5)', 2)).not.toEqual([15, 25]);
  });

  it('the content files have assumed numbers to check', () => {
    expect(ASSUMED.length).toBeGreaterThan(300);
  });

  it('each names a range, as a field or in its source', () => {
    const missing = ASSUMED.filter((s) => !s.range && !rangeInText(s.src, s.v)).map((s) => `${s.file} ${s.path} = ${s.v}: "${s.src.slice(0, 80)}"`);
    expect(missing, `${missing.length} assumed numbers name no range:\n${missing.join('\n')}`).toEqual([]);
  });

  it('and the range holds the value', () => {
    const outside = ASSUMED.flatMap((s) => {
      const r = s.range ?? rangeInText(s.src, s.v);
      return r && !(r[0] <= s.v && s.v <= r[1]) ? [`${s.file} ${s.path} = ${s.v} outside [${r[0]}, ${r[1]}]: "${s.src.slice(0, 80)}"`] : [];
    });
    expect(outside, outside.join('\n')).toEqual([]);
  });
});
