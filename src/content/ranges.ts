// The assumptions that content files give a plausible range for ({"v", "src", "range": [lo, hi]}), by the dotted path
// that sweeps use to override them: the compiled Content keeps only bare numbers, so the ranges are read from the files.
import type { Content, RawBundle } from '../../engine/content.ts';

export interface RangedParam {
  /** dotted path into the compiled content, e.g. rules.macro.tradeElasticity (what `readParam` reads) */
  path: string;
  /** the value in the content */
  base: number;
  lo: number;
  hi: number;
  src: string;
  /** the file it is in, for messages */
  file: string;
}

const PARTS = ['countries', 'goods', 'rules', 'projects', 'events', 'map', 'personas', 'scenario'] as const;

/** The value at a dotted path, walking keys that contain dots themselves (oxide.heavy) greedily, as readParam does. */
function valueAt(root: unknown, path: string): unknown {
  const parts = path.split('.');
  let v = root;
  for (let i = 0; i < parts.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    let key = parts[i];
    while (!Object.prototype.hasOwnProperty.call(v, key) && i + 1 < parts.length) key += '.' + parts[++i];
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * Every sourced number with a range in the bundle's files, in file order. `content` is the bundle compiled (so the
 * schema has already checked each range: finite, lo < hi, lo <= v <= hi); each path is checked to read the same number
 * back from it, so a sweep can override exactly what the file says.
 */
export function rangedParams(raw: RawBundle, content: Content): RangedParam[] {
  const out: RangedParam[] = [];
  const walk = (part: string, file: string, node: unknown, path: string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.v === 'number' && typeof o.src === 'string') {
      if (!Array.isArray(o.range)) return;
      const [lo, hi] = o.range as number[];
      const p = [part, ...path].join('.');
      const compiled = valueAt(content, p);
      if (compiled !== o.v) throw new Error(`${file}: the range at ${path.join('.')} does not compile to ${p} (found ${String(compiled)})`);
      out.push({ path: p, base: o.v, lo, hi, src: o.src, file });
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(part, file, v, [...path, k]);
  };
  for (const part of PARTS) walk(part, raw[part].file, raw[part].json, []);
  return out;
}

/**
 * The source text of a number that the engine does not read, or null. Such a number ("derived, for the order screen:
 * ...", e.g. the deep-sea programme's success chance shown when it is ordered) is worked out from others for the
 * player to read; a sweep that varies it would change nothing and report that it matters to nothing.
 */
export function displayOnly(raw: RawBundle, path: string): string | null {
  const [part, ...rest] = path.split('.');
  if (!(PARTS as readonly string[]).includes(part) || !rest.length) return null;
  const node = valueAt(raw[part as (typeof PARTS)[number]].json, rest.join('.'));
  if (node === null || typeof node !== 'object') return null;
  const src = (node as Record<string, unknown>).src;
  return typeof src === 'string' && /^derived, for the order screen/.test(src) ? src : null;
}
