// Where labels go and what is under the pointer: pure functions over the grid and the drawn lanes, tested in Node.
import { REGIONS, type GameMap, type RegionId } from '../../engine/lite.ts';
import { distToPolyline, regionAt } from './geometry.ts';
import { regionAtPoint, type Raster } from './geo.ts';

/**
 * A cell to put each region's label on: the land cell farthest from any other cell (chessboard distance; grid edges count
 * as boundary), ties broken by nearness to the region's centroid, then row-major order. Thin land (islands, a peninsula)
 * gets its label on the sea beside it, away from the cells in `avoid` (y * width + x; the lanes' cells).
 */
export function labelCells(map: Pick<GameMap, 'rows' | 'legend'>, avoid: ReadonlySet<number> = new Set()): Partial<Record<RegionId, [number, number]>> {
  const h = map.rows.length;
  const w = map.rows[0]?.length ?? 0;
  const owner: (RegionId | null)[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) owner.push(regionAt(map, x, y));
  const out: Partial<Record<RegionId, [number, number]>> = {};
  for (const r of REGIONS) {
    const dist = new Int32Array(w * h).fill(-1);
    const queue: number[] = [];
    let sx = 0, sy = 0, n = 0;
    for (let i = 0; i < w * h; i++) {
      const x = i % w, y = (i / w) | 0;
      if (owner[i] !== r) {
        dist[i] = 0;
        queue.push(i);
      } else {
        sx += x;
        sy += y;
        n++;
        if (x === 0 || y === 0 || x === w - 1 || y === h - 1) {
          dist[i] = 1;
          queue.push(i);
        }
      }
    }
    if (n === 0) continue;
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q]!;
      const x = i % w, y = (i / w) | 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const j = ny * w + nx;
        if (dist[j] === -1) {
          dist[j] = dist[i]! + 1;
          queue.push(j);
        }
      }
    }
    const cx = sx / n, cy = sy / n;
    let best = -1, bestD = -1, bestC = Infinity;
    for (let i = 0; i < w * h; i++) {
      if (owner[i] !== r) continue;
      const c = Math.hypot((i % w) - cx, ((i / w) | 0) - cy);
      if (dist[i]! > bestD || (dist[i] === bestD && c < bestC)) {
        best = i;
        bestD = dist[i]!;
        bestC = c;
      }
    }
    const bx = best % w, by = (best / w) | 0;
    out[r] = bestD > THIN ? [bx, by] : besideThinLand(owner, w, h, bx, by, avoid);
  }
  return out;
}

/** Land no wider than this (cells from the edge) is too thin to hold a label: the label goes on the sea beside it. */
const THIN = 2;

/** The best of the cells 3-4 steps from (bx, by) in 8 directions for a label box of 7 x 3 cells: open sea, clear of lanes. */
function besideThinLand(owner: readonly (RegionId | null)[], w: number, h: number, bx: number, by: number, avoid: ReadonlySet<number>): [number, number] {
  let best: [number, number] = [bx, by];
  let bestScore = -Infinity;
  for (const d of [3, 4]) {
    for (const [dx, dy] of [[1, 0], [1, -1], [0, -1], [-1, -1], [-1, 0], [-1, 1], [0, 1], [1, 1]] as const) {
      const x = bx + dx * (d + 1), y = by + dy * (d - 1);
      let score = 0;
      for (let yy = y - 1; yy <= y + 1; yy++) {
        for (let xx = x - 3; xx <= x + 3; xx++) {
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) score -= 3;
          else if (owner[yy * w + xx] !== null) score -= 4;
          else if (avoid.has(yy * w + xx)) score -= 2;
          else score += 1;
        }
      }
      if (score > bestScore) [best, bestScore] = [[x, y], score];
    }
  }
  return best;
}

export type PickKind = 'lane' | 'port' | 'country' | 'strait';
export interface PickScene {
  /** the land raster (geo.ts): which region owns the land under a point */
  raster: Raster;
  /** world px */
  ports: readonly { id: string; x: number; y: number }[];
  straits: readonly { id: string; x: number; y: number }[];
  /** policy markers, world px, each naming its lane */
  markers: readonly { laneId: string; x: number; y: number }[];
  /** drawn lanes: world polyline and screen width */
  lanes: readonly { id: string; pts: Float32Array; widthPx: number }[];
}

/** What is under world point (wx, wy) at view scale `scale`: ports, then markers, lanes, straits, land; null for open sea. */
export function pick(scene: PickScene, wx: number, wy: number, scale: number): { kind: PickKind; id: string } | null {
  const px = 1 / scale; // one screen pixel in world units
  let best: { kind: PickKind; id: string } | null = null;
  let bestD = 9 * px;
  for (const p of scene.ports) {
    const d = Math.hypot(p.x - wx, p.y - wy);
    if (d < bestD) [best, bestD] = [{ kind: 'port', id: p.id }, d];
  }
  if (best) return best;
  bestD = 10 * px;
  for (const m of scene.markers) {
    const d = Math.hypot(m.x - wx, m.y - wy);
    if (d < bestD) [best, bestD] = [{ kind: 'lane', id: m.laneId }, d];
  }
  if (best) return best;
  bestD = 11 * px;
  for (const s of scene.straits) {
    const d = Math.hypot(s.x - wx, s.y - wy);
    if (d < bestD) [best, bestD] = [{ kind: 'strait', id: s.id }, d];
  }
  if (best) return best;
  bestD = Infinity;
  for (const l of scene.lanes) {
    const d = distToPolyline(l.pts, wx, wy);
    if (d <= Math.max(5, l.widthPx / 2 + 3) * px && d < bestD) [best, bestD] = [{ kind: 'lane', id: l.id }, d];
  }
  if (best) return best;
  const r = regionAtPoint(scene.raster, wx, wy);
  return r ? { kind: 'country', id: r } : null;
}

/** Which side of a strait its label goes: the side with more open sea in the 5 cells beside it on each of its rows. */
export function straitLabelSide(map: Pick<GameMap, 'rows' | 'legend'>, cells: readonly (readonly [number, number])[]): 'left' | 'right' {
  const xs = cells.map((c) => c[0]);
  const ys = cells.map((c) => c[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let left = 0;
  let right = 0;
  for (let y = y0; y <= y1; y++) {
    for (let k = 1; k <= 5; k++) {
      if (map.rows[y]?.[x0 - k] !== undefined && regionAt(map, x0 - k, y) === null) left++;
      if (map.rows[y]?.[x1 + k] !== undefined && regionAt(map, x1 + k, y) === null) right++;
    }
  }
  return left > right ? 'left' : 'right';
}
