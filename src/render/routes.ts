// The drawn shape of each shipping lane: A* over the sea cells of the real land raster (geo.ts), from the exporter's port
// through the straits the engine's route takes, in the engine's order, to the other port; then pulled straight where the
// sea is open and rounded. The engine's own route (engine/map.ts, on its coarse grid) still gives the length and which
// straits a lane uses; this only decides where the line is drawn, so no drawn lane crosses land. Pure, tested in Node.
import { geoInterpolate } from 'd3-geo';
import type { GameMap } from '../../engine/lite.ts';
import { portPoint, straitPoint, type GeoProj, type Raster } from './geo.ts';
import type { RouteLike } from './geometry.ts';

/** Cells around a closed strait's middle that are blocked for drawing, and around an open one that are kept open. */
const CLOSED_RADIUS = 3;
const OPEN_RADIUS = 1;

/** The straits an engine route passes, in the order it passes them. */
export function straitOrder(map: Pick<GameMap, 'straits'>, route: RouteLike): string[] {
  const at = new Map<string, string>();
  for (const s of map.straits) for (const [x, y] of s.cells) at.set(`${x},${y}`, s.id);
  const out: string[] = [];
  for (const [x, y] of route.path) {
    const s = at.get(`${x},${y}`);
    if (s && !out.includes(s)) out.push(s);
  }
  for (const s of route.straits) if (!out.includes(s)) out.push(s);
  return out;
}

export interface SeaGrid {
  cols: number;
  rows: number;
  cell: number;
  /** 1 where a drawn lane may pass */
  sea: Uint8Array;
  /** cells to the nearest land (capped) */
  coast: Uint8Array;
}

/** The sea cells of the raster, with open straits carved open and closed ones blocked. */
export function seaGrid(r: Raster, proj: GeoProj, map: Pick<GameMap, 'lonWest' | 'latNorth' | 'degPerCellX' | 'degPerCellY' | 'straits'>, closed: readonly string[]): SeaGrid {
  const sea = new Uint8Array(r.cols * r.rows);
  for (let i = 0; i < sea.length; i++) sea[i] = r.owner[i] === 0 ? 1 : 0;
  const disc = (id: string, rad: number, v: number) => {
    const [wx, wy] = straitPoint(proj, map, id);
    const cx = Math.floor(wx / r.cell);
    const cy = Math.floor(wy / r.cell);
    for (let dy = -rad; dy <= rad; dy++)
      for (let dx = -rad; dx <= rad; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && y >= 0 && x < r.cols && y < r.rows && dx * dx + dy * dy <= rad * rad) sea[y * r.cols + x] = v;
      }
  };
  for (const s of map.straits) if (!closed.includes(s.id)) disc(s.id, OPEN_RADIUS, 1);
  for (const id of closed) disc(id, CLOSED_RADIUS, 0);
  // distance to land in cells (chessboard), capped at 4: lanes keep off the coast where they can
  const coast = new Uint8Array(sea.length).fill(255);
  const queue: number[] = [];
  for (let i = 0; i < sea.length; i++) if (!sea[i]) {
    coast[i] = 0;
    queue.push(i);
  }
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    if (coast[i]! >= 4) continue;
    const x = i % r.cols;
    const y = (i / r.cols) | 0;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= r.cols || ny >= r.rows) continue;
        const j = ny * r.cols + nx;
        if (coast[j] === 255) {
          coast[j] = coast[i]! + 1;
          queue.push(j);
        }
      }
  }
  return { cols: r.cols, rows: r.rows, cell: r.cell, sea, coast };
}

/** The nearest sea cell to world point (wx, wy) (breadth-first), or null if the grid has none nearby. */
function snap(g: SeaGrid, wx: number, wy: number): number | null {
  const cx = Math.min(g.cols - 1, Math.max(0, Math.floor(wx / g.cell)));
  const cy = Math.min(g.rows - 1, Math.max(0, Math.floor(wy / g.cell)));
  for (let rad = 0; rad < 40; rad++) {
    let best = -1;
    let bestD = Infinity;
    for (let dy = -rad; dy <= rad; dy++)
      for (let dx = -rad; dx <= rad; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== rad) continue;
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= g.cols || y >= g.rows || !g.sea[y * g.cols + x]) continue;
        const d = dx * dx + dy * dy;
        if (d < bestD) [best, bestD] = [y * g.cols + x, d];
      }
    if (best >= 0) return best;
  }
  return null;
}

/** seaPath's scratch, kept between calls (a map start runs up to 37 searches over the same grid, one per lane segment
 * between straits; allocating and filling three arrays of the grid's size each time was most of their cost): a cell's
 * gScore, prev and heuristic count only when its SEEN stamp is this search's, and it is done when its DONE stamp is. */
let SCRATCH_N = 0;
let G_SCORE = new Float64Array(0);
let PREV = new Int32Array(0);
let H_CELL = new Float64Array(0);
let SEEN = new Uint32Array(0);
let DONE = new Uint32Array(0);
let SEARCH = 0;
const HEAP_K: number[] = [];
const HEAP_F: number[] = [];

function heapPush(k: number, f: number): void {
  let i = HEAP_K.length;
  HEAP_K.push(k);
  HEAP_F.push(f);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (HEAP_F[p]! <= f) break;
    HEAP_K[i] = HEAP_K[p]!;
    HEAP_F[i] = HEAP_F[p]!;
    i = p;
  }
  HEAP_K[i] = k;
  HEAP_F[i] = f;
}

function heapPop(): number {
  const top = HEAP_K[0]!;
  const lk = HEAP_K.pop()!;
  const lf = HEAP_F.pop()!;
  const n = HEAP_K.length;
  if (n) {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && HEAP_F[r]! < HEAP_F[l]! ? r : l;
      if (HEAP_F[c]! >= lf) break;
      HEAP_K[i] = HEAP_K[c]!;
      HEAP_F[i] = HEAP_F[c]!;
      i = c;
    }
    HEAP_K[i] = lk;
    HEAP_F[i] = lf;
  }
  return top;
}

/** A* over sea cells, 8 neighbours, no squeezing between two land cells that touch at a corner; cells near the coast cost more. */
export function seaPath(g: SeaGrid, from: number, to: number): number[] | null {
  const n = g.cols * g.rows;
  if (SCRATCH_N < n) {
    SCRATCH_N = n;
    G_SCORE = new Float64Array(n);
    PREV = new Int32Array(n);
    H_CELL = new Float64Array(n);
    SEEN = new Uint32Array(n);
    DONE = new Uint32Array(n);
    SEARCH = 0;
  }
  if (SEARCH === 0xffffffff) {
    SEEN.fill(0);
    DONE.fill(0);
    SEARCH = 0;
  }
  const cur = ++SEARCH;
  const cols = g.cols;
  const rows = g.rows;
  const sea = g.sea;
  const coast = g.coast;
  const tx = to % cols;
  const ty = (to / cols) | 0;
  HEAP_K.length = 0;
  HEAP_F.length = 0;
  // a cell first reached: no score yet (Infinity before), no predecessor, its heuristic worked out once
  const reach = (k: number): void => {
    SEEN[k] = cur;
    G_SCORE[k] = Infinity;
    PREV[k] = -1;
    H_CELL[k] = Math.hypot((k % cols) - tx, ((k / cols) | 0) - ty);
  };
  reach(from);
  G_SCORE[from] = 0;
  heapPush(from, H_CELL[from]!);
  while (HEAP_K.length) {
    const k = heapPop();
    if (DONE[k] === cur) continue;
    DONE[k] = cur;
    if (k === to) break;
    const x = k % cols;
    const y = (k / cols) | 0;
    const gk = G_SCORE[k]!;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if (!dx && !dy) continue;
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
        const j = ny * cols + nx;
        if (!sea[j] || DONE[j] === cur) continue;
        if (dx && dy && !sea[y * cols + nx] && !sea[ny * cols + x]) continue;
        const c = coast[j]!;
        const cost = (dx && dy ? Math.SQRT2 : 1) * (c <= 1 ? 1.6 : c === 2 ? 1.25 : 1);
        const s = gk + cost;
        if (SEEN[j] !== cur) reach(j);
        if (s < G_SCORE[j]!) {
          G_SCORE[j] = s;
          PREV[j] = k;
          heapPush(j, s + H_CELL[j]!);
        }
      }
  }
  if (DONE[to] !== cur) return null;
  const out: number[] = [];
  for (let k = to; k !== -1; k = PREV[k]!) out.push(k);
  return out.reverse();
}

/** True when the straight segment between two cells crosses only sea cells at least `clear` cells from land. */
function seaLine(g: SeaGrid, a: number, b: number, clear: number): boolean {
  const ax = a % g.cols, ay = (a / g.cols) | 0, bx = b % g.cols, by = (b / g.cols) | 0;
  const steps = Math.max(Math.abs(bx - ax), Math.abs(by - ay)) * 2;
  for (let i = 0; i <= steps; i++) {
    const x = Math.round(ax + ((bx - ax) * i) / Math.max(1, steps));
    const y = Math.round(ay + ((by - ay) * i) / Math.max(1, steps));
    const k = y * g.cols + x;
    if (!g.sea[k]) return false;
    // near the ends (ports and straits) the line may hug the coast; in between it keeps clear of land
    const near = Math.min(i, steps - i) < 6;
    if (!near && g.coast[k]! < clear) return false;
  }
  return true;
}

/** Pull a cell path straight where the sea allows (string pulling), keeping the cells it bends at. */
function pull(g: SeaGrid, cells: number[]): number[] {
  if (cells.length < 3) return cells;
  const out = [cells[0]!];
  let i = 0;
  while (i < cells.length - 1) {
    let j = cells.length - 1;
    while (j > i + 1 && !seaLine(g, cells[i]!, cells[j]!, 2)) j--;
    out.push(cells[j]!);
    i = j;
  }
  return out;
}

/** A port's drawn point: its real position, or the nearest sea cell's centre when the coarse coast puts it on land. */
export function portAtSea(g: SeaGrid, proj: GeoProj, map: GameMap, port: GameMap['ports'][number]): [number, number] {
  const [x, y] = portPoint(proj, map, port);
  const cx = Math.floor(x / g.cell);
  const cy = Math.floor(y / g.cell);
  if (cx >= 0 && cy >= 0 && cx < g.cols && cy < g.rows && g.sea[cy * g.cols + cx]) return [x, y];
  const k = snap(g, x, y);
  return k === null ? [x, y] : [((k % g.cols) + 0.5) * g.cell, (((k / g.cols) | 0) + 0.5) * g.cell];
}

/** Whether a drawn polyline passes over a land cell, away from its two ends. */
function touchesLand(g: SeaGrid, pts: number[]): boolean {
  const n = pts.length >> 1;
  for (let i = 0; i < n; i++) {
    const x = pts[2 * i]!;
    const y = pts[2 * i + 1]!;
    if (Math.hypot(x - pts[0]!, y - pts[1]!) < 10 || Math.hypot(x - pts[2 * n - 2]!, y - pts[2 * n - 1]!) < 10) continue;
    const cx = Math.floor(x / g.cell);
    const cy = Math.floor(y / g.cell);
    if (cx < 0 || cy < 0 || cx >= g.cols || cy >= g.rows || !g.sea[cy * g.cols + cx]) return true;
  }
  return false;
}

/** Points along the great circle from world point 0 to 1 (the first left out), or null if it touches land on the way. */
function greatCircle(g: SeaGrid, proj: GeoProj, x0: number, y0: number, x1: number, y1: number): number[] | null {
  const a = proj.d3.invert?.([x0, y0]);
  const b = proj.d3.invert?.([x1, y1]);
  if (!a || !b) return null;
  const at = geoInterpolate(a, b);
  const n = Math.max(4, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 30));
  const out: number[] = [];
  for (let k = 1; k <= n; k++) {
    const p = proj.d3(at(k / n));
    if (!p) return null;
    const cx = Math.floor(p[0] / g.cell);
    const cy = Math.floor(p[1] / g.cell);
    if (cx < 0 || cy < 0 || cx >= g.cols || cy >= g.rows) return null;
    const i = cy * g.cols + cx;
    if (!g.sea[i] || (k > 2 && k < n - 2 && g.coast[i]! < 2)) return null;
    out.push(p[0], p[1]);
  }
  return out;
}

/** Round a flat polyline by Chaikin corner cutting (ends kept). */
export function chaikin(pts: number[], iterations = 3): number[] {
  let p = pts;
  for (let it = 0; it < iterations && p.length >= 6; it++) {
    const out: number[] = [p[0]!, p[1]!];
    for (let i = 0; i + 3 < p.length; i += 2) {
      const ax = p[i]!, ay = p[i + 1]!, bx = p[i + 2]!, by = p[i + 3]!;
      out.push(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by, 0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by);
    }
    out.push(p[p.length - 2]!, p[p.length - 1]!);
    p = out;
  }
  return p;
}

/**
 * The drawn polyline (flat world px, in the lane's stored direction) of every lane that the engine routes, through the
 * straits of its engine route; blocked lanes are left out. `g` must be the sea grid for the same closed straits.
 */
export function drawnLanes(g: SeaGrid, proj: GeoProj, map: GameMap, routes: Record<string, RouteLike>): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const lane of map.lanes) {
    const route = routes[lane.id];
    if (!route || route.blocked || route.path.length < 2) continue;
    const a = map.ports.find((p) => p.id === lane.from)!;
    const b = map.ports.find((p) => p.id === lane.to)!;
    const pa = portAtSea(g, proj, map, a);
    const pb = portAtSea(g, proj, map, b);
    const stops = [pa, ...straitOrder(map, route).map((s) => straitPoint(proj, map, s)), pb];
    const cells: number[] = [];
    let ok = true;
    for (let i = 0; i + 1 < stops.length && ok; i++) {
      const s = snap(g, stops[i]![0], stops[i]![1]);
      const e = snap(g, stops[i + 1]![0], stops[i + 1]![1]);
      const seg = s !== null && e !== null ? seaPath(g, s, e) : null;
      if (!seg) ok = false;
      else cells.push(...(cells.length ? seg.slice(1) : seg));
    }
    let pts: number[];
    if (ok && cells.length >= 2) {
      // keep the strait cells as fixed points so pulling cannot cut a corner round a strait
      const pinned: number[] = [];
      let start = 0;
      const pins = stops.slice(1, -1).map((p) => snap(g, p[0], p[1]));
      for (const pin of pins) {
        const at = pin === null ? -1 : cells.indexOf(pin, start);
        if (at > start) {
          pinned.push(...pull(g, cells.slice(start, at + 1)).slice(0, -1));
          start = at;
        }
      }
      pinned.push(...pull(g, cells.slice(start)));
      pts = [pa[0], pa[1]];
      for (const k of pinned.slice(1, -1)) pts.push(((k % g.cols) + 0.5) * g.cell, (((k / g.cols) | 0) + 0.5) * g.cell);
      pts.push(pb[0], pb[1]);
      // add midpoints on long legs so that the rounding keeps them straight, then round the bends; if rounding or an
      // arc touches land, fall back to straight legs, then to gentler rounding
      const corners = pts;
      const shape = (arcs: boolean, rounds: number): number[] => {
      const pts = corners;
      const dense: number[] = [pts[0]!, pts[1]!];
      for (let i = 2; i < pts.length; i += 2) {
        const [x0, y0, x1, y1] = [pts[i - 2]!, pts[i - 1]!, pts[i]!, pts[i + 1]!];
        // an ocean crossing follows the great circle, as ships do, where that stays at sea: a gentle arc on the map
        const arc = arcs && Math.hypot(x1 - x0, y1 - y0) > 200 ? greatCircle(g, proj, x0, y0, x1, y1) : null;
        if (arc) dense.push(...arc);
        else {
          const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 60));
          for (let k = 1; k <= n; k++) dense.push(x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n);
        }
      }
      return chaikin(dense, rounds);
      };
      pts = shape(true, 3);
      if (touchesLand(g, pts)) pts = shape(false, 3);
      if (touchesLand(g, pts)) pts = shape(false, 1);
    } else pts = [pa[0], pa[1], pb[0], pb[1]];
    out[lane.id] = Float32Array.from(pts);
  }
  return out;
}

const drawnMemo = new Map<string, Record<string, Float32Array>>();
/** drawnLanes for the world's raster and a set of closed straits, memoised per set (closures are rare and repeat). */
export function drawnLanesFor(w: { proj: GeoProj; raster: Raster }, map: GameMap, routes: Record<string, RouteLike>, closed: readonly string[]): Record<string, Float32Array> {
  const key = `${map.id}|${[...closed].sort().join(',')}`;
  let d = drawnMemo.get(key);
  if (!d) {
    d = drawnLanes(seaGrid(w.raster, w.proj, map, closed), w.proj, map, routes);
    if (drawnMemo.size > 32) drawnMemo.clear();
    drawnMemo.set(key, d);
  }
  return d;
}
