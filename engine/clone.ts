// A deep copy of a plain JSON tree (objects, arrays, numbers, strings, booleans, null; undefined kept as a value):
// what createGame copies per game. Several times as fast as structuredClone on the game state, which walks every
// value through the serialiser.

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
  for (const k in src) out[k] = cloneTree(src[k]);
  return out as T;
}

