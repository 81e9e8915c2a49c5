// The sea-lane search: rot-js A* with kilometre costs over the map's grid, its open list in shared typed arrays
// (routeLanes in map.ts routes every lane with it and memoises the results).
// Deep import on purpose: the package root (rot-js/lib/index.js) also loads rot-js's global RNG (seeded from Date.now())
// and the DOM display code; the A* module only depends on the pure Path base class and the direction table.
import AStar from 'rot-js/lib/path/astar.js';
import { EARTH_RADIUS_KM, KM_PER_DEG } from './earth.ts';
import type { GameMap } from './map-schema.ts';
import { asin, cos, sin } from './detmath.ts';

/** Kilometre costs on the equirectangular grid. */
export type KmMetric = {
  /** Step lengths between neighbouring cells, by the sum s of their rows: east-west xKmMid[s], north-south yKm,
   * diagonal diagKm[s] (what `step` gives for them). */
  xKmMid: readonly number[];
  diagKm: readonly number[];
  yKm: number;
  /** Length of one step between neighbouring cells: x scaled by cos(mean latitude of the two cells). */
  step(ax: number, ay: number, bx: number, by: number): number;
  /** Consistent lower bound of the grid distance between two cells (scaled great-circle distance). */
  lowerBound(ax: number, ay: number, bx: number, by: number): number;
  /** lowerBound(ax, ay, bx, by) for a fixed cell (bx, by), the same number: its sines worked out once per row and
   * column of (ax, ay) instead of per call. */
  lowerBoundTo(bx: number, by: number): (ax: number, ay: number) => number;
};

export function kmMetric(map: GameMap): KmMetric {
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
  const width = map.rows[0]?.length ?? 0;
  const lowerBoundTo = (bx: number, by: number): ((ax: number, ay: number) => number) => {
    // greatCircleKm's terms, each the same expression on the same operands
    const sinDLat = new Float64Array(height);
    const cosCos = new Float64Array(height);
    for (let ay = 0; ay < height; ay++) {
      sinDLat[ay] = sin(((latOf(by) - latOf(ay)) * toRad) / 2);
      cosCos[ay] = cosLat[ay]! * cosLat[by]!;
    }
    const sinDLon = new Float64Array(width);
    for (let ax = 0; ax < width; ax++) sinDLon[ax] = sin(((lonOf(bx) - lonOf(ax)) * toRad) / 2);
    return (ax, ay) => {
      const sLat = sinDLat[ay]!;
      const sLon = sinDLon[ax]!;
      const hav = sLat * sLat + cosCos[ay]! * sLon * sLon;
      return scale * (2 * EARTH_RADIUS_KM * asin(Math.min(1, Math.sqrt(hav))));
    };
  };
  return { xKmMid, diagKm, yKm, step, lowerBound: (ax, ay, bx, by) => scale * greatCircleKm(ax, ay, bx, by), lowerBoundTo };
}

/**
 * The search's working arrays, shared by every search and rewritten before they are read (bestG, done and the h memo
 * reset per search over the grid's cells; entries and heap slots written before use): nothing passes from one search
 * to the next. Entries are the open list's items, numbered in the order they are queued (rot-js's insertion order).
 */
let cap = 0;
let bestG = new Float64Array(0);
let hMemo = new Float64Array(0);
let done = new Int32Array(0);
let entG = new Float64Array(0);
let entH = new Float64Array(0);
let entF = new Float64Array(0);
let entCell = new Int32Array(0);
let entPrev = new Int32Array(0);
let heap = new Int32Array(0);

function ensureScratch(cells: number): void {
  if (cells <= cap) return;
  cap = cells;
  bestG = new Float64Array(cells);
  hMemo = new Float64Array(cells);
  done = new Int32Array(cells);
  // a cell is queued again only when a neighbour's expansion improves it: at most 8 times, plus the start
  const entries = 8 * cells + 1;
  entG = new Float64Array(entries);
  entH = new Float64Array(entries);
  entF = new Float64Array(entries);
  entCell = new Int32Array(entries);
  entPrev = new Int32Array(entries);
  heap = new Int32Array(entries);
}

/** Strict total order of open-list entries: f, then h (as rot-js), then insertion order (rot-js puts ties last). */
function before(a: number, b: number): boolean {
  const fa = entF[a]!;
  const fb = entF[b]!;
  if (fa !== fb) return fa < fb;
  const ha = entH[a]!;
  const hb = entH[b]!;
  if (ha !== hb) return ha < hb;
  return a < b;
}

function heapPush(size: number, e: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(e, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = e;
}

/** Takes the top of a heap of `size` entries (size > 0); the heap then holds size - 1. */
function heapPop(size: number): number {
  const top = heap[0]!;
  const n = size - 1;
  if (n === 0) return top;
  const last = heap[n]!;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
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
 *   keys: an ocean crossing expands a few thousand cells and rot-js's list made that ~30 ms per lane. Its entries
 *   live in shared typed arrays (no object per queued cell) and each cell's heuristic is worked out once per search
 *   from per-row and per-column sines (all 21 lanes of the game's map: ~8.4 -> ~4.6 ms warm; the same paths);
 * - a diagonal step may not squeeze between two blocked cells (land or a closed strait) that touch at a corner;
 *   without this rule an island chain drawn diagonally, or a strait drawn one cell wide, would leak.
 */
export class SeaAStar extends AStar {
  private readonly metric: KmMetric;
  private readonly width: number;
  private readonly height: number;
  /** 1 where passable; `passable` reads it (and is false outside the grid) */
  private readonly grid: Uint8Array;
  /** per cell, bit i set if the cell belongs to strait i */
  private readonly straitBits: Int32Array;
  /** after compute: the straits (bits as in straitBits) of every cell whose passability the search asked about */
  touched = 0;

  constructor(toX: number, toY: number, passable: (x: number, y: number) => boolean, grid: Uint8Array, straitBits: Int32Array, metric: KmMetric, width: number, height: number) {
    super(toX, toY, passable, { topology: 8 });
    this.metric = metric;
    this.width = width;
    this.height = height;
    this.grid = grid;
    this.straitBits = straitBits;
  }

  override compute(fromX: number, fromY: number, callback: (x: number, y: number) => unknown): void {
    this._fromX = fromX;
    this._fromY = fromY;
    const { width, height, grid, metric } = this;
    const { xKmMid, diagKm, yKm } = metric;
    const cells = width * height;
    ensureScratch(cells);
    bestG.fill(Infinity, 0, cells);
    hMemo.fill(NaN, 0, cells);
    done.fill(-1, 0, cells);
    const dirs = this._dirs;
    const nd = dirs.length;
    const lowerBound = metric.lowerBoundTo(fromX, fromY);
    let count = 0;
    let size = 0;
    // queue (x, y) at g, reached from entry prev (-1: the start); h is the same lowerBound, worked out once per cell
    const add = (x: number, y: number, k: number, g: number, prev: number): void => {
      if (bestG[k]! <= g) return; // an entry at least as good is queued; it pops first, so this one never matters
      bestG[k] = g;
      let h = hMemo[k]!;
      if (h !== h) hMemo[k] = h = lowerBound(x, y);
      const e = count++;
      entG[e] = g;
      entH[e] = h;
      entF[e] = g + h;
      entCell[e] = k;
      entPrev[e] = prev;
      heapPush(size++, e);
    };
    // every cell whose passability the search asks about adds its straits to `touched`: a search that asked about no
    // cell of a strait runs, step for step, the same with that strait open or closed
    const straitBits = this.straitBits;
    let touched = 0;
    const pass = (x: number, y: number): boolean => {
      if (x < 0 || y < 0 || x >= width || y >= height) return false;
      const k = y * width + x;
      touched |= straitBits[k]!;
      return grid[k] === 1;
    };

    add(this._toX, this._toY, this._toY * width + this._toX, 0, -1);
    const fromK = fromY * width + fromX;
    while (size > 0) {
      const e = heapPop(size--);
      const k = entCell[e]!;
      if (done[k]! >= 0) continue;
      done[k] = e;
      if (k === fromK) break;
      const cy = (k / width) | 0;
      const cx = k - cy * width;
      const g0 = entG[e]!;
      // the neighbours in rot-js's direction order; a diagonal may not squeeze between two blocked cells
      for (let i = 0; i < nd; i++) {
        const dx = dirs[i]![0]!;
        const dy = dirs[i]![1]!;
        const x = cx + dx;
        const y = cy + dy;
        if (!pass(x, y)) continue;
        if (dx !== 0 && dy !== 0 && !pass(cx + dx, cy) && !pass(cx, cy + dy)) continue;
        const nk = y * width + x;
        if (done[nk]! >= 0) continue;
        // metric.step for a neighbour: the same table entries (1 * xKmMid[s] is xKmMid[s])
        const s = cy + y;
        add(x, y, nk, g0 + (dy === 0 ? xKmMid[s]! : dx === 0 ? yKm : diagKm[s]!), e);
      }
    }

    this.touched = touched;
    for (let e = done[fromK]!; e >= 0; e = entPrev[e]!) {
      const k = entCell[e]!;
      const y = (k / width) | 0;
      callback(k - y * width, y);
    }
  }
}
