// A deep copy of a plain JSON tree (objects, arrays, numbers, strings, booleans, null; undefined kept as a value):
// what createGame copies per game. Several times as fast as structuredClone on the game state, which walks every
// value through the serialiser.

/** V8's in-object slots of `{}` (4) plus its soft limit on properties a keyed store adds out of object (12). */
const FAST_KEYED = 16;
/** The descriptor of an ordinary property, its value set just before each use (and let go after). */
const DESC: PropertyDescriptor = { value: undefined, writable: true, enumerable: true, configurable: true };

export function cloneTree<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    // grown by push, so the copy is packed (new Array(n) makes it holey, slower to read every turn after); leaves
    // copied without a call
    const n = v.length;
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const x = v[i];
      out.push(x === null || typeof x !== 'object' ? x : cloneTree(x));
    }
    return out as T;
  }
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // the first keys by keyed stores; past FAST_KEYED of them, V8 would turn the object into a dictionary (a shape of
  // its own, per object, never shared with the next game's), so the rest are defined one by one: they follow shared
  // shape transitions, so every game's state (and the spreads each turn makes of it) has the same shapes, and the
  // engine's reads of them stay monomorphic from one game to the next
  let n = 0;
  for (const k in src) {
    const value = cloneTree(src[k]);
    if (++n <= FAST_KEYED) out[k] = value;
    else {
      DESC.value = value;
      Object.defineProperty(out, k, DESC);
    }
  }
  if (n > FAST_KEYED) DESC.value = undefined;
  return out as T;
}


/** A deep copy made by spreads: each object is copied with its source's shape (V8's object-clone fast path, which also
 * keeps the source's key order), so copies of one source share its shapes. createGame copies a template made by
 * cloneTree this way: the shared shapes of cloneTree at about two thirds of its cost. */
export function cloneLike<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const x = v[i];
      out.push(x === null || typeof x !== 'object' ? x : cloneLike(x));
    }
    return out as T;
  }
  const out = { ...(v as Record<string, unknown>) };
  for (const k in out) {
    const x = out[k];
    if (x !== null && typeof x === 'object') out[k] = cloneLike(x);
  }
  return out as T;
}

/** Objects per generated function: a function that builds more is too large for V8 to optimise soon (measured: one
 * function for the whole opening state was still unoptimised after 4,000 calls; pieces of 40 run at 9-25 us a copy
 * after 1,500-2,000, where cloneLike takes 70-130 us: session 19, games between the copies; in a loop of copies alone,
 * session 24, 40-110 us after 3,000 and 5-9 us after 10,000). */
const PIECE = 40;
/** Copiers by their generated source: the source depends only on the template's shape (keys and array lengths, never
 * values), so content variants of one shape share one compiled copier instead of compiling their own (createGame
 * makes one only at a content's COPIER_FROM-th game, engine/init.ts, so a sweep's variants, a few games each, rarely
 * get one). A few shapes at most in a process; the oldest is let go past this. */
const COMPILED = new Map<string, (v: unknown) => unknown>();
const MAX_COMPILED = 8;

/**
 * A copier for trees shaped like `template`: generated code that builds each object and array as a literal, reading
 * the values from its argument. Literals are V8's cheapest objects to make (no keyed stores, no enumeration), so a
 * warm copy of the opening state is several times as fast as cloneLike. It copies only trees of the template's exact
 * shape (same keys in the same order, same array lengths, objects where the template has objects), which is what
 * createGame gives it: its own private template. An object with a key that a literal would treat specially
 * (`__proto__`) and an array with holes are copied by cloneLike instead. No value is written into the code: only keys
 * (as JSON strings) and indices, so any two templates of one shape get the same code, compiled once (COMPILED).
 */
export function copierOf<T>(template: T): (v: T) => T {
  // objects in each subtree, counted once (a piece asks for the sizes of its parts at every level)
  const sizes = new Map<unknown, number>();
  const count = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 0;
    let c = 1;
    for (const k in v as Record<string, unknown>) c += count((v as Record<string, unknown>)[k]);
    sizes.set(v, c);
    return c;
  };
  count(template);
  const size = (v: unknown): number => sizes.get(v)!;
  const pieces: string[] = [];
  // one piece: a function p<k>(t) that builds `root` as one literal, calling other pieces for its large parts
  const make = (root: unknown): string => {
    const k = pieces.length;
    pieces.push('');
    const lines: string[] = [];
    let n = 0;
    const gen = (x: unknown, path: string, top: boolean): string => {
      if (x === null || typeof x !== 'object') return path;
      if (!top && size(x) > PIECE) return `${make(x)}(${path})`;
      const id = `v${n++}`;
      lines.push(`const ${id}=${path};`);
      if (Array.isArray(x)) {
        for (let i = 0; i < x.length; i++) if (!(i in x)) return `L(${id})`;
        return `[${x.map((y, i) => gen(y, `${id}[${i}]`, false)).join(',')}]`;
      }
      const keys = Object.keys(x as object);
      if (keys.includes('__proto__')) return `L(${id})`;
      return `{${keys.map((k) => `${JSON.stringify(k)}:${gen((x as Record<string, unknown>)[k], `${id}[${JSON.stringify(k)}]`, false)}`).join(',')}}`;
    };
    const body = gen(root, 't', true);
    pieces[k] = `function p${k}(t){${lines.join('')}return ${body};}`;
    return `p${k}`;
  };
  make(template);
  const src = `${pieces.join('\n')}\nreturn p0;`;
  let copy = COMPILED.get(src);
  if (!copy) {
    copy = (new Function('L', src) as (l: typeof cloneLike) => (v: unknown) => unknown)(cloneLike);
    if (COMPILED.size >= MAX_COMPILED) COMPILED.delete(COMPILED.keys().next().value!);
    COMPILED.set(src, copy);
  }
  return copy as (v: T) => T;
}
