// Pure geometry and scaling behind the map renderer (projection, lane paths, volume scales, policy markers, hit-testing); no Pixi, so Node tests can check it.
import { REGIONS, type CountryView, type GameMap, type RegionId, type StageKey, type TariffGood } from '../../engine/lite.ts';

/** Route of one lane in grid cells, as returned by routeLanes (only the fields the renderer reads). */
export interface RouteLike {
  id: string;
  from: string;
  to: string;
  path: readonly (readonly [number, number])[];
  lengthKm: number;
  straits: readonly string[];
  blocked: boolean;
}

// ---- projection ------------------------------------------------------------------------------------------

/** World pixels per degree; cells keep the map's degree aspect (1.5 x 1.75 deg per cell is 15 x 17.5 px). */
export const PX_PER_DEG = 10;

export interface Projection {
  cellW: number;
  cellH: number;
  cols: number;
  rows: number;
  /** world size in px */
  width: number;
  height: number;
}

export function projection(map: Pick<GameMap, 'rows' | 'degPerCellX' | 'degPerCellY'>): Projection {
  const cellW = map.degPerCellX * PX_PER_DEG;
  const cellH = map.degPerCellY * PX_PER_DEG;
  const cols = map.rows[0]?.length ?? 0;
  const rows = map.rows.length;
  return { cellW, cellH, cols, rows, width: cols * cellW, height: rows * cellH };
}

/** World px of the centre of cell (x, y). */
export function cellCenter(p: Projection, x: number, y: number): [number, number] {
  return [(x + 0.5) * p.cellW, (y + 0.5) * p.cellH];
}

/** The cell under world point (wx, wy), or null outside the grid. */
export function cellAtPoint(p: Projection, wx: number, wy: number): [number, number] | null {
  const x = Math.floor(wx / p.cellW);
  const y = Math.floor(wy / p.cellH);
  return x >= 0 && y >= 0 && x < p.cols && y < p.rows ? [x, y] : null;
}

/** The region owning the land at cell (x, y); null for sea and outside the grid. */
export function regionAt(map: Pick<GameMap, 'rows' | 'legend'>, x: number, y: number): RegionId | null {
  const ch = map.rows[y]?.[x];
  if (ch === undefined) return null;
  const v = map.legend[ch];
  return v === undefined || v === 'sea' ? null : (v as RegionId);
}

/** The size of the world in px (a grid projection or the geographic one of geo.ts). */
export type Extent = { width: number; height: number };

/** A view transform: screen = world * scale + (tx, ty). Fit, zoom and pan limits. */
export interface ViewXf {
  scale: number;
  tx: number;
  ty: number;
}

/** The transform that fits the whole world into a screen, centred. */
export function fitView(p: Extent, w: number, h: number): ViewXf {
  const scale = Math.min(w / p.width, h / p.height);
  return { scale, tx: (w - p.width * scale) / 2, ty: (h - p.height * scale) / 2 };
}

export const MAX_ZOOM = 8;

/** Clamp zoom to [fit, fit * MAX_ZOOM] and pan so that the map covers the screen (or is centred on an axis where it is smaller). */
export function clampView(p: Extent, w: number, h: number, v: ViewXf): ViewXf {
  const fit = fitView(p, w, h).scale;
  const scale = Math.min(fit * MAX_ZOOM, Math.max(fit, v.scale));
  const cl = (t: number, size: number, world: number): number => {
    const span = world * scale;
    if (span <= size) return (size - span) / 2;
    return Math.min(0, Math.max(size - span, t));
  };
  return { scale, tx: cl(v.tx, w, p.width), ty: cl(v.ty, h, p.height) };
}

/** Zoom by `factor` about screen point (sx, sy), then clamp. */
export function zoomAbout(p: Extent, w: number, h: number, v: ViewXf, factor: number, sx: number, sy: number): ViewXf {
  const wx = (sx - v.tx) / v.scale;
  const wy = (sy - v.ty) / v.scale;
  const scale = v.scale * factor;
  return clampView(p, w, h, { scale, tx: sx - wx * scale, ty: sy - wy * scale });
}

// ---- lane paths ------------------------------------------------------------------------------------------

/** True when trade from region `from` to `to` runs against the stored direction of lane `laneId`. */
export function isReversed(map: Pick<GameMap, 'ports' | 'lanes'>, laneId: string, from: string, to: string): boolean {
  const lane = map.lanes.find((l) => l.id === laneId);
  if (!lane) throw new Error(`no lane '${laneId}' on the map`);
  const a = map.ports.find((p) => p.id === lane.from)?.country;
  const b = map.ports.find((p) => p.id === lane.to)?.country;
  if (a === from && b === to) return false;
  if (a === to && b === from) return true;
  // A lane whose ports do not belong to the pair: trust the start port if it is the exporter's, else reverse.
  return a !== from;
}

/** The path in travel order: a copy, reversed when `reverse`. */
export function orientPath<T>(path: readonly T[], reverse: boolean): T[] {
  const out = path.slice();
  return reverse ? out.reverse() : out;
}

/** The lane and the cell path (exporter port first) carrying trade from `from` to `to`; null when the map has no lane for the pair. */
export function pairRoute(
  map: Pick<GameMap, 'ports' | 'lanes' | 'pairLanes'>,
  routes: Record<string, RouteLike>,
  from: string,
  to: string,
): { laneId: string; reversed: boolean; path: [number, number][]; blocked: boolean } | null {
  const laneId = map.pairLanes[`${from}>${to}`];
  const route = laneId === undefined ? undefined : routes[laneId];
  if (laneId === undefined || route === undefined) return null;
  const reversed = isReversed(map, laneId, from, to);
  return { laneId, reversed, path: orientPath(route.path, reversed).map(([x, y]) => [x, y] as [number, number]), blocked: route.blocked };
}

/** Cell centres of a path as flat world px [x0, y0, x1, y1, ...], rounded by `iterations` of Chaikin corner cutting (ends kept). */
export function smoothPath(p: Projection, path: readonly (readonly [number, number])[], iterations = 2): Float32Array {
  let pts: number[] = [];
  for (const [x, y] of path) pts.push((x + 0.5) * p.cellW, (y + 0.5) * p.cellH);
  for (let it = 0; it < iterations && pts.length >= 6; it++) {
    const out: number[] = [pts[0]!, pts[1]!];
    for (let i = 0; i + 3 < pts.length; i += 2) {
      const ax = pts[i]!, ay = pts[i + 1]!, bx = pts[i + 2]!, by = pts[i + 3]!;
      out.push(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by, 0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by);
    }
    out.push(pts[pts.length - 2]!, pts[pts.length - 1]!);
    pts = out;
  }
  return Float32Array.from(pts);
}

/** Cumulative length at each point of a flat polyline (first 0, last the total). */
export function measure(pts: Float32Array): Float32Array {
  const n = pts.length >> 1;
  const cum = new Float32Array(Math.max(n, 1));
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1]! + Math.hypot(pts[2 * i]! - pts[2 * i - 2]!, pts[2 * i + 1]! - pts[2 * i - 1]!);
  return cum;
}

/**
 * The point at distance d along the polyline and the unit normal to its right (screen y down), written into `out`
 * as [x, y, nx, ny] (no allocation; called per particle per frame).
 */
export function pointAt(pts: Float32Array, cum: Float32Array, d: number, out: Float32Array | number[]): void {
  const n = cum.length;
  if (n < 2) {
    out[0] = pts[0] ?? 0;
    out[1] = pts[1] ?? 0;
    out[2] = 0;
    out[3] = 0;
    return;
  }
  const total = cum[n - 1]!;
  const dd = d <= 0 ? 0 : d >= total ? total : d;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! <= dd) lo = mid;
    else hi = mid;
  }
  const seg = cum[hi]! - cum[lo]!;
  const t = seg > 0 ? (dd - cum[lo]!) / seg : 0;
  const ax = pts[2 * lo]!, ay = pts[2 * lo + 1]!, bx = pts[2 * hi]!, by = pts[2 * hi + 1]!;
  out[0] = ax + (bx - ax) * t;
  out[1] = ay + (by - ay) * t;
  const len = Math.hypot(bx - ax, by - ay) || 1;
  out[2] = -(by - ay) / len;
  out[3] = (bx - ax) / len;
}

/** Distance from (px, py) to a flat polyline. */
export function distToPolyline(pts: Float32Array, px: number, py: number): number {
  let best = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const ax = pts[i]!, ay = pts[i + 1]!, bx = pts[i + 2]!, by = pts[i + 3]!;
    const dx = bx - ax, dy = by - ay;
    const l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2)) : 0;
    best = Math.min(best, Math.hypot(px - (ax + dx * t), py - (ay + dy * t)));
  }
  if (pts.length === 2) best = Math.hypot(px - pts[0]!, py - pts[1]!);
  return best;
}

// ---- volumes ---------------------------------------------------------------------------------------------

export const FAMILIES = ['ore', 'oxide', 'magnets', 'cars'] as const;
export type Family = (typeof FAMILIES)[number];
export const FAMILY_STAGES: Record<Exclude<Family, 'cars'>, StageKey[]> = {
  ore: ['ore.light', 'ore.heavy'],
  oxide: ['oxide.light', 'oxide.heavy'],
  magnets: ['magnet'],
};
export const FAMILY_TARIFF: Record<Family, TariffGood> = { ore: 'ore', oxide: 'oxide', magnets: 'magnets', cars: 'autos' };

/** Log-scale range per family: `lo` is a small flow, `hi` a flow near the largest seen (tonnes per turn; vehicles for cars). */
export const VOLUME_RANGE: Record<Family, { lo: number; hi: number }> = {
  ore: { lo: 1, hi: 20_000 },
  oxide: { lo: 1, hi: 20_000 },
  magnets: { lo: 1, hi: 20_000 },
  cars: { lo: 1_000, hi: 2_000_000 },
};

/** 0 for no flow, rising with the log of the volume, capped at 1. */
export function volumeIntensity(volume: number, family: Family): number {
  if (!(volume > 0)) return 0;
  const { lo, hi } = VOLUME_RANGE[family];
  return Math.min(1, Math.log1p(volume / lo) / Math.log1p(hi / lo));
}

export const MIN_LANE_PX = 1.5;
export const MAX_LANE_PX = 6;
/** Screen width of a lane carrying `volume` (its largest family's volume), log-scaled, capped; 0 for no flow. */
export function volumeToWidth(volume: number, family: Family): number {
  const k = volumeIntensity(volume, family);
  return k === 0 ? 0 : MIN_LANE_PX + (MAX_LANE_PX - MIN_LANE_PX) * k;
}

/** Particles per 100 world px of lane at full intensity, and per stream at most. */
export const PARTICLE_DENSITY = 0.8;
export const MAX_PER_STREAM = 16;
export const PARTICLE_CAP = 1500;

/** Particles for one stream (a good family moving one way along a lane): at least 1 for any flow, capped. */
export function volumeToParticles(volume: number, family: Family, lengthPx: number): number {
  const k = volumeIntensity(volume, family);
  if (k === 0) return 0;
  return Math.max(1, Math.min(MAX_PER_STREAM, Math.round((k * PARTICLE_DENSITY * lengthPx) / 100)));
}

/** World px per second of a stream's particles: faster for bigger flows. */
export function volumeToSpeed(volume: number, family: Family): number {
  return 45 + 75 * volumeIntensity(volume, family);
}

/** Scale counts down so that they add up to at most `cap`, keeping at least 1 for every non-zero count while possible. */
export function capCounts(counts: readonly number[], cap = PARTICLE_CAP): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= cap) return counts.slice();
  const k = cap / total;
  const out = counts.map((c) => (c > 0 ? Math.max(1, Math.floor(c * k)) : 0));
  let over = out.reduce((a, b) => a + b, 0) - cap;
  while (over > 0) {
    // take from the largest count; once all are 1, drop the last non-zero ones
    let j = 0;
    for (let i = 1; i < out.length; i++) if (out[i]! > out[j]!) j = i;
    if (out[j]! <= 1) j = out.lastIndexOf(1);
    out[j]!--;
    over--;
  }
  return out;
}

/** A deterministic number in [0, 1) from a string and an index (FNV-1a, then a 32-bit mix). */
export function hash01(key: string, i: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  h = Math.imul(h ^ (i + 0x9e3779b9), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Volume moved from -> to last turn by family (t; vehicles for cars). */
export function pairVolume(view: Pick<CountryView, 'flows' | 'carFlows'>, from: RegionId, to: RegionId, family: Family): number {
  if (family === 'cars') return view.carFlows[from]?.[to] ?? 0;
  let v = 0;
  for (const s of FAMILY_STAGES[family]) v += view.flows[s]?.[from]?.[to] ?? 0;
  return v;
}

// ---- policy markers --------------------------------------------------------------------------------------

type PoliciesLike = {
  tariffs: Partial<Record<string, Partial<Record<TariffGood, number>>>>;
  controls: Partial<Record<string, Partial<Record<StageKey, { level: 'open' | 'licensed' | 'banned'; share: number }>>>>;
};
/** The parts of a CountryView the markers read. */
export interface PolicyViewLike {
  country: string;
  self: { policies: PoliciesLike };
  others: Partial<Record<string, { policies: PoliciesLike }>>;
}

export function policiesOf(view: PolicyViewLike, r: string): PoliciesLike | undefined {
  return r === view.country ? view.self.policies : view.others[r]?.policies;
}

export const TARIFF_BADGE_PCT = 10;
const MARKED_GOODS: TariffGood[] = ['ore', 'oxide', 'magnets', 'autos'];

export interface PairMarker {
  from: RegionId;
  to: RegionId;
  laneId: string;
  /** the exporter's strictest control on any stage to the importer, or null when all are open */
  control: 'banned' | 'licensed' | null;
  banned: StageKey[];
  licensed: { stage: StageKey; share: number }[];
  /** the importer's tariffs of at least TARIFF_BADGE_PCT on goods drawn on the map */
  tariffs: { good: TariffGood; pct: number }[];
}

/**
 * Policy markers for ordered pairs that involve the player or China (to keep the map readable): a ban or licence on the
 * exporter's side for the importer, and the importer's tariffs of 10% or more on ore, oxide, magnets or cars.
 */
export function policyMarkers(map: Pick<GameMap, 'pairLanes'>, view: PolicyViewLike): PairMarker[] {
  const out: PairMarker[] = [];
  for (const from of REGIONS) {
    for (const to of REGIONS) {
      if (from === to || !(from === view.country || to === view.country || from === 'CHN' || to === 'CHN')) continue;
      const laneId = map.pairLanes[`${from}>${to}`];
      if (laneId === undefined) continue;
      const ctl = policiesOf(view, from)?.controls[to] ?? {};
      const banned: StageKey[] = [];
      const licensed: { stage: StageKey; share: number }[] = [];
      for (const s of Object.keys(ctl).sort() as StageKey[]) {
        const c = ctl[s];
        if (c?.level === 'banned') banned.push(s);
        else if (c?.level === 'licensed') licensed.push({ stage: s, share: c.share });
      }
      const tar = policiesOf(view, to)?.tariffs[from] ?? {};
      const tariffs = MARKED_GOODS.filter((g) => (tar[g] ?? 0) >= TARIFF_BADGE_PCT).map((g) => ({ good: g, pct: tar[g]! }));
      if (!banned.length && !licensed.length && !tariffs.length) continue;
      out.push({ from, to, laneId, control: banned.length ? 'banned' : licensed.length ? 'licensed' : null, banned, licensed, tariffs });
    }
  }
  return out;
}

export { labelCells, pick, straitLabelSide, type PickKind, type PickScene } from './hit.ts';

/** Where the map's legend (w x h) goes, its top-left corner, `pad` px from the edges: the bottom left, or the bottom
 * right on a map at least twice as wide as high (a narrow window puts the map above the panels, and the bottom left is
 * then Australia's name). */
export function legendAt(W: number, H: number, w: number, h: number, pad = 10): [number, number] {
  return [W >= 2 * H ? W - w - pad : pad, H - h - pad];
}

/** A rectangle on screen, px: left, right, top, bottom. */
export interface ScreenBox {
  l: number;
  r: number;
  t: number;
  b: number;
}

/** Which legend the map shows, and its top-left corner: the full one (w x h) while it takes under half the map's height
 * and 40% of its width, else the two-row one, in its corner (legendAt); the first of them that covers no country's
 * plate there, else the first that covers none in the other bottom corner; none when each would cover one. The 40% rule
 * alone put the Japanese full legend, narrower than the English, over Australia's plate at 1280x800. */
export function placeLegend(W: number, H: number, full: { w: number; h: number }, small: { w: number; h: number }, plates: readonly ScreenBox[]): { which: 'full' | 'small'; x: number; y: number } | null {
  const fits: ['full' | 'small', { w: number; h: number }, number][] = [];
  if (full.h < H * 0.5 && full.w < W * 0.4) fits.push(['full', full, 10]);
  if (small.w < W - 20 && H >= 120) fits.push(['small', small, 8]);
  for (const other of [false, true])
    for (const [which, s, pad] of fits) {
      const [x0, y] = legendAt(W, H, s.w, s.h, pad);
      const x = other ? W - s.w - x0 : x0;
      if (!plates.some((p) => p.l < x + s.w && x < p.r && p.t < y + s.h && y < p.b)) return { which, x, y };
    }
  return null;
}

/** How far a country's plate moves to keep out from under the page's controls drawn over the map (`boxes`): left of
 * a box it overlaps, with a 4 px gap, or below the box where going left would take it off the map's left edge. Two
 * passes, so a plate moved off one box is moved off another it then meets. */
export function keepOff(plate: ScreenBox, boxes: readonly ScreenBox[]): { dx: number; dy: number } {
  let dx = 0;
  let dy = 0;
  for (let pass = 0; pass < 2; pass++)
    for (const k of boxes) {
      const [l, r, t, b] = [plate.l + dx, plate.r + dx, plate.t + dy, plate.b + dy];
      if (!(l < k.r && k.l < r && t < k.b && k.t < b)) continue;
      if (l + (k.l - 4 - r) >= 4) dx += k.l - 4 - r;
      else dy += k.b + 4 - t;
    }
  return { dx, dy };
}
