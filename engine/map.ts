// Routes shipping lanes over the map's sea cells with rot-js A*, so strait closures change lane lengths.
// Deep import on purpose: the package root (rot-js/lib/index.js) also loads rot-js's global RNG (seeded from Date.now())
// and the DOM display code; the A* module only depends on the pure Path base class and the direction table.
import AStar from 'rot-js/lib/path/astar.js';
import { EARTH_RADIUS_KM, KM_PER_DEG, type GameMap, type LaneRoute } from './map-schema.ts';
import { hashValue } from './hash.ts';
import { asin, cos, sin } from './detmath.ts';

export * from './map-schema.ts';

type AStarItem = AStar['_todo'][number];

/** Kilometre costs on the equirectangular grid. */
type KmMetric = {
  /** Length of one step between neighbouring cells: x scaled by cos(mean latitude of the two cells). */
  step(ax: number, ay: number, bx: number, by: number): number;
  /** Consistent lower bound of the grid distance between two cells (scaled great-circle distance). */
  lowerBound(ax: number, ay: number, bx: number, by: number): number;
};

function kmMetric(map: GameMap): KmMetric {
  const toRad = Math.PI / 180;
  const latOf = (y: number): number => map.latNorth - (y + 0.5) * map.degPerCellY;
  const lonOf = (x: number): number => map.lonWest + (x + 0.5) * map.degPerCellX;
  const xKmAt = (lat: number): number => map.degPerCellX * KM_PER_DEG * cos(lat * toRad);
  const yKm = map.degPerCellY * KM_PER_DEG;
  const height = map.rows.length;
  // x-km of a step between rows ay and by depends only on ay + by (mean latitude); tabulate it.
  const xKmMid = Array.from({ length: 2 * height - 1 }, (_, s) => xKmAt(latOf(s / 2)));
  const diagKm = xKmMid.map((xk) => Math.sqrt(xk * xk + yKm * yKm));
  const step = (ax: number, ay: number, bx: number, by: number): number => {
    const dx = Math.abs(bx - ax);
    const dy = Math.abs(by - ay);
    const s = ay + by;
    if (dx <= 1 && dy <= 1 && s >= 0 && s < xKmMid.length) return dy === 0 ? dx * xKmMid[s]! : dx === 0 ? yKm : diagKm[s]!;
    const ex = dx * xKmAt((latOf(ay) + latOf(by)) / 2);
    const ey = dy * yKm;
    return Math.sqrt(ex * ex + ey * ey);
  };
  const cosLat = Array.from({ length: height }, (_, y) => cos(latOf(y) * toRad));
  const greatCircleKm = (ax: number, ay: number, bx: number, by: number): number => {
    const sinDLat = sin(((latOf(by) - latOf(ay)) * toRad) / 2);
    const sinDLon = sin(((lonOf(bx) - lonOf(ax)) * toRad) / 2);
    const hav = sinDLat * sinDLat + cosLat[ay]! * cosLat[by]! * sinDLon * sinDLon;
    return 2 * EARTH_RADIUS_KM * asin(Math.min(1, Math.sqrt(hav)));
  };
  // A step's km is a midpoint approximation of its length on the sphere, so it can fall a hair below the
  // great-circle distance. Scale the great circle by the worst ratio over all step kinds so that
  // lowerBound(a, goal) - lowerBound(b, goal) <= lowerBound(a, b) <= step(a, b): consistent, hence exact A*.
  let scale = 1;
  for (let y = 0; y < height; y++) {
    for (const [dx, dy] of [[1, 0], [0, 1], [1, 1], [1, -1]] as const) {
      if (y + dy < 0 || y + dy >= height) continue;
      const gc = greatCircleKm(0, y, dx, y + dy);
      if (gc > 0) scale = Math.min(scale, step(0, y, dx, y + dy) / gc);
    }
  }
  scale *= 1 - 1e-9;
  return { step, lowerBound: (ax, ay, bx, by) => scale * greatCircleKm(ax, ay, bx, by) };
}

type OpenEntry = { item: AStarItem; f: number; seq: number };

/** Strict total order of open-list entries: f, then h (as rot-js), then insertion order (rot-js puts ties last). */
function before(a: OpenEntry, b: OpenEntry): boolean {
  if (a.f !== b.f) return a.f < b.f;
  if (a.item.h !== b.item.h) return a.item.h < b.item.h;
  return a.seq < b.seq;
}

function heapPush(heap: OpenEntry[], e: OpenEntry): void {
  let i = heap.length;
  heap.push(e);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(e, heap[parent]!)) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = e;
}

function heapPop(heap: OpenEntry[]): OpenEntry | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) break;
    const r = l + 1;
    const c = r < heap.length && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}

/**
 * rot-js A* adapted to sea lanes. It keeps rot-js's Path/AStar contract (target given to the constructor,
 * compute(from) calls back with the path from `from` to the target, nothing if unreachable), its direction table,
 * its (f, h) ordering and its heuristic-driven loop, but:
 * - step costs are kilometres (see KmMetric) instead of 1 per step. With unit costs a diagonal costs the same as
 *   an orthogonal step, so many paths tie and their lengths differ by 10-20% depending on tie-breaks, and a
 *   closure could even make a lane shorter. With km costs the path is the shortest sea route on the grid, and
 *   closing a strait can never shorten a lane. The heuristic is a consistent lower bound, so the first time a
 *   cell is taken from the open list its distance is final;
 * - the open list is a binary heap with numeric cell keys instead of rot-js's linearly scanned array and string
 *   keys: an ocean crossing expands a few thousand cells and rot-js's list made that ~30 ms per lane;
 * - a diagonal step may not squeeze between two blocked cells (land or a closed strait) that touch at a corner;
 *   without this rule an island chain drawn diagonally, or a strait drawn one cell wide, would leak.
 */
class SeaAStar extends AStar {
  private readonly metric: KmMetric;
  private readonly width: number;
  private readonly cellCount: number;

  /** `passable` must be false outside the width x height grid. */
  constructor(
    toX: number,
    toY: number,
    passable: (x: number, y: number) => boolean,
    metric: KmMetric,
    width: number,
    height: number,
  ) {
    super(toX, toY, passable, { topology: 8 });
    this.metric = metric;
    this.width = width;
    this.cellCount = width * height;
  }

  override compute(fromX: number, fromY: number, callback: (x: number, y: number) => unknown): void {
    this._fromX = fromX;
    this._fromY = fromY;
    const width = this.width;
    const heap: OpenEntry[] = [];
    const bestG = new Float64Array(this.cellCount).fill(Infinity);
    const done: (AStarItem | undefined)[] = new Array<AStarItem | undefined>(this.cellCount);
    let seq = 0;
    const add = (x: number, y: number, prev: AStarItem | null): void => {
      const g = prev ? prev.g + this.metric.step(prev.x, prev.y, x, y) : 0;
      const k = y * width + x;
      if (bestG[k]! <= g) return; // an entry at least as good is queued; it pops first, so this one never matters
      bestG[k] = g;
      const h = this.metric.lowerBound(x, y, fromX, fromY);
      heapPush(heap, { item: { x, y, prev, g, h }, f: g + h, seq: seq++ });
    };

    add(this._toX, this._toY, null);
    for (let e = heapPop(heap); e !== undefined; e = heapPop(heap)) {
      const item = e.item;
      const k = item.y * width + item.x;
      if (done[k] !== undefined) continue;
      done[k] = item;
      if (item.x === fromX && item.y === fromY) break;
      const neighbours = this._getNeighbors(item.x, item.y);
      for (let i = 0; i < neighbours.length; i++) {
        const x = neighbours[i]![0]!;
        const y = neighbours[i]![1]!;
        if (done[y * width + x] === undefined) add(x, y, item);
      }
    }

    for (let item = done[fromY * width + fromX]; item; item = item.prev ?? undefined) callback(item.x, item.y);
  }

  override _getNeighbors(cx: number, cy: number): number[][] {
    const pass = this._passableCallback;
    const out: number[][] = [];
    for (const [dx, dy] of this._dirs) {
      const x = cx + dx!;
      const y = cy + dy!;
      if (!pass(x, y)) continue;
      if (dx !== 0 && dy !== 0 && !pass(cx + dx!, cy) && !pass(cx, cy + dy!)) continue;
      out.push([x, y]);
    }
    return out;
  }
}

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
  for (const s of [...map.straits].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const [x, y] of s.cells) {
      if (!inGrid(x, y)) continue;
      const list = straitAt.get(idx(x, y));
      if (list === undefined) straitAt.set(idx(x, y), [s.id]);
      else if (!list.includes(s.id)) list.push(s.id);
    }
  }
  const passableGrid = sea.slice();
  for (const id of closed) for (const [x, y] of straitsById.get(id)!.cells) if (inGrid(x, y)) passableGrid[idx(x, y)] = 0;
  const passable = (x: number, y: number): boolean => inGrid(x, y) && passableGrid[idx(x, y)] === 1;

  const metric = kmMetric(map);
  const portsById = new Map(map.ports.map((p) => [p.id, p] as const));
  const lanes = [...map.lanes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result: Record<string, LaneRoute> = {};
  for (const lane of lanes) {
    const from = portsById.get(lane.from);
    const to = portsById.get(lane.to);
    if (from === undefined || to === undefined) {
      throw new Error(`routeLanes: lane '${lane.id}' references an unknown port (validate the map with MapFileSchema)`);
    }
    const path: [number, number][] = [];
    if (passable(from.x, from.y) && passable(to.x, to.y)) {
      // rot-js-style A* expands from the constructor's cell and reports the path from compute()'s cell back
      // to it. Expand from `from`, collect to->from, and reverse.
      new SeaAStar(from.x, from.y, passable, metric, width, height).compute(to.x, to.y, (x, y) => {
        path.push([x, y]);
      });
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
  if (routeCache.size >= ROUTE_CACHE_MAX) routeCache.clear();
  routeCache.set(key, result);
  return result;
}
