// Routes shipping lanes over the map's sea cells with rot-js A* (sea-astar.ts), so strait closures change lane lengths.
// No schema values here (the browser's page routes lanes for the map without loading zod); map.ts adds the schema.
import type { GameMap, LaneRoute } from './map-schema.ts';
import { hashValue } from './hash.ts';
import { SeaAStar, kmMetric } from './sea-astar.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Memo of routeLanes results keyed by the map's content hash (not its id: an edited copy of a map under the same id
 * must be routed anew) and the sorted closed straits. Entries are deep-frozen: treat them as read-only.
 */
const routeCache = new Map<string, Record<string, LaneRoute>>();
const mapHashes = new WeakMap<GameMap, string>();
/**
 * Per map hash, the closed sets routed so far (as strait bits) with, per lane in id order, the straits of every cell its
 * search asked about. A lane whose search never asked about a strait whose state differs is routed, step for step, as
 * before: its route is reused (the same frozen object). Emptied with the memo, so it holds at most as many entries.
 */
const families = new Map<string, { closedBits: number; touched: Int32Array; result: Record<string, LaneRoute> }[]>();
/** The kilometre metric per map hash (it depends on the map alone); emptied with the memo. */
const metrics = new Map<string, ReturnType<typeof kmMetric>>();
/** Entries kept before the memo starts afresh (content checks of many edited maps would otherwise grow it for ever). */
const ROUTE_CACHE_MAX = 256;

/**
 * Routes every lane of the map by A* over sea cells, treating the cells of `closedStraits` as land.
 * Keys are lane ids in sorted order. Results are memoised per (map content, closed straits) and frozen.
 * Throws if a closed strait id is not on the map (a typo would otherwise silently leave the strait open).
 */
export function routeLanes(map: GameMap, closedStraits: readonly string[]): Record<string, LaneRoute> {
  const closed = [...new Set(closedStraits)].sort();
  const straitsById = new Map(map.straits.map((s) => [s.id, s] as const));
  for (const id of closed) {
    if (!straitsById.has(id)) throw new Error(`routeLanes: map '${map.id}' has no strait '${id}'`);
  }
  let mapHash = mapHashes.get(map);
  if (mapHash === undefined) mapHashes.set(map, (mapHash = hashValue(map)));
  const key = `${mapHash}|${closed.join(',')}`;
  const cached = routeCache.get(key);
  if (cached !== undefined) return cached;

  const height = map.rows.length;
  const width = map.rows[0]?.length ?? 0;
  const idx = (x: number, y: number): number => y * width + x;

  const sea = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = map.rows[y]!;
    for (let x = 0; x < width; x++) if (map.legend[row[x]!] === 'sea') sea[idx(x, y)] = 1;
  }
  const inGrid = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height;
  for (const p of map.ports) if (inGrid(p.x, p.y)) sea[idx(p.x, p.y)] = 1;

  const straitAt = new Map<number, string[]>();
  // strait i of the sorted straits is bit i (reuse across closed sets only with at most 31 straits)
  const bitsOn = map.straits.length <= 31;
  const straitBits = new Int32Array(width * height);
  let closedBits = 0;
  const sortedStraits = [...map.straits].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sortedStraits.length; i++) {
    const s = sortedStraits[i]!;
    if (bitsOn && closed.includes(s.id)) closedBits |= 1 << i;
    for (const [x, y] of s.cells) {
      if (!inGrid(x, y)) continue;
      if (bitsOn) straitBits[idx(x, y)] |= 1 << i;
      const list = straitAt.get(idx(x, y));
      if (list === undefined) straitAt.set(idx(x, y), [s.id]);
      else if (!list.includes(s.id)) list.push(s.id);
    }
  }
  const passableGrid = sea.slice();
  for (const id of closed) for (const [x, y] of straitsById.get(id)!.cells) if (inGrid(x, y)) passableGrid[idx(x, y)] = 0;
  const passable = (x: number, y: number): boolean => inGrid(x, y) && passableGrid[idx(x, y)] === 1;

  let metric = metrics.get(mapHash);
  if (metric === undefined) metrics.set(mapHash, (metric = kmMetric(map)));
  const portsById = new Map(map.ports.map((p) => [p.id, p] as const));
  const lanes = [...map.lanes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result: Record<string, LaneRoute> = {};
  const family = bitsOn ? (families.get(mapHash) ?? []) : [];
  const touched = new Int32Array(lanes.length);
  lanes: for (let li = 0; li < lanes.length; li++) {
    const lane = lanes[li]!;
    const from = portsById.get(lane.from);
    const to = portsById.get(lane.to);
    if (from === undefined || to === undefined) {
      throw new Error(`routeLanes: lane '${lane.id}' references an unknown port (validate the map with MapFileSchema)`);
    }
    for (const f of family) {
      if (((f.closedBits ^ closedBits) & f.touched[li]!) !== 0) continue;
      result[lane.id] = f.result[lane.id]!;
      touched[li] = f.touched[li]!;
      continue lanes;
    }
    // the ports' own cells count as asked about
    touched[li] = (inGrid(from.x, from.y) ? straitBits[idx(from.x, from.y)]! : 0) | (inGrid(to.x, to.y) ? straitBits[idx(to.x, to.y)]! : 0);
    const path: [number, number][] = [];
    if (passable(from.x, from.y) && passable(to.x, to.y)) {
      // rot-js-style A* expands from the constructor's cell and reports the path from compute()'s cell back
      // to it. Expand from `from`, collect to->from, and reverse.
      const search = new SeaAStar(from.x, from.y, passable, passableGrid, straitBits, metric, width, height);
      search.compute(to.x, to.y, (x, y) => {
        path.push([x, y]);
      });
      touched[li] |= search.touched;
      path.reverse();
    }
    if (path.length === 0) {
      result[lane.id] = { id: lane.id, from: lane.from, to: lane.to, path: [], lengthKm: 0, straits: [], blocked: true };
      continue;
    }
    let km = 0;
    const via = new Set<string>();
    for (let i = 0; i < path.length; i++) {
      const [x, y] = path[i]!;
      for (const s of straitAt.get(idx(x, y)) ?? []) via.add(s);
      if (i > 0) {
        const [px, py] = path[i - 1]!;
        km += metric.step(px, py, x, y);
      }
    }
    result[lane.id] = {
      id: lane.id,
      from: lane.from,
      to: lane.to,
      path,
      lengthKm: Math.round(km),
      straits: [...via].sort(),
      blocked: false,
    };
  }
  deepFreeze(result);
  if (routeCache.size >= ROUTE_CACHE_MAX) {
    routeCache.clear();
    families.clear();
    metrics.clear();
  }
  routeCache.set(key, result);
  if (bitsOn) families.set(mapHash, [...(families.get(mapHash) ?? []), { closedBits, touched, result }]);
  return result;
}
