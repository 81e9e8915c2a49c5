// Turns a CountryView into what the map draws: lanes with widths, particle streams and placed policy markers (pure, no Pixi).
import { REGIONS, type CountryView, type GameMap, type RegionId } from '../../engine/lite.ts';
import {
  FAMILIES,
  PARTICLE_CAP,
  capCounts,
  isReversed,
  measure,
  pairVolume,
  pointAt,
  policyMarkers,
  volumeToParticles,
  volumeToSpeed,
  volumeToWidth,
  type Family,
  type PairMarker,
  type PolicyViewLike,
  type RouteLike,
} from './geometry.ts';

export interface LaneModel {
  id: string;
  /** smoothed world polyline in the lane's stored direction (from port -> to port) */
  pts: Float32Array;
  cum: Float32Array;
  length: number;
  /** screen px; thin for a lane drawn only because of a policy marker */
  widthPx: number;
  /** carries trade this turn */
  carries: boolean;
  /** one coloured band per good it carries (both ways): screen width and offset from the centre line, right of the stored direction */
  bands: { family: Family; widthPx: number; offsetPx: number }[];
  route: RouteLike;
}

export interface StreamModel {
  lane: number;
  from: RegionId;
  to: RegionId;
  family: Family;
  volume: number;
  /** travels against the lane's stored direction */
  reversed: boolean;
  count: number;
  /** world px per second */
  speed: number;
  /** screen px from the lane's centre line, right of the stored direction: the stream rides on its good's band */
  offsetPx: number;
}

export interface MarkerModel extends PairMarker {
  lane: number;
  /** world point at the middle of the lane, and the unit normal to the right of travel (markers sit on that side) */
  x: number;
  y: number;
  nx: number;
  ny: number;
}

export interface FlowScene {
  lanes: LaneModel[];
  streams: StreamModel[];
  markers: MarkerModel[];
  particles: number;
}

export type FlowView = Pick<CountryView, 'flows' | 'carFlows'> & PolicyViewLike;

const geometryCache = new WeakMap<Float32Array, Float32Array>();

function laneGeometry(pts: Float32Array): { pts: Float32Array; cum: Float32Array } {
  let cum = geometryCache.get(pts);
  if (!cum) {
    cum = measure(pts);
    geometryCache.set(pts, cum);
  }
  return { pts, cum };
}

/** Gap between two goods' bands on a lane, screen px. */
const BAND_GAP = 1;

/**
 * Lanes, particle streams (capped at `cap` particles in all) and markers for one turn. `drawn` is each lane's drawn
 * polyline (routes.ts); `routes` the engine's routes, which say whether a lane is blocked.
 */
export function buildScene(
  map: Pick<GameMap, 'ports' | 'lanes' | 'pairLanes'>,
  drawn: Record<string, Float32Array>,
  routes: Record<string, RouteLike>,
  view: FlowView,
  cap = PARTICLE_CAP,
): FlowScene {
  const lanes: LaneModel[] = [];
  const laneIndex = new Map<string, number>();
  const laneFor = (id: string): number | undefined => {
    const have = laneIndex.get(id);
    if (have !== undefined) return have;
    const route = routes[id];
    const line = drawn[id];
    if (!route || route.blocked || !line || line.length < 4) return undefined;
    const g = laneGeometry(line);
    lanes.push({ id, pts: g.pts, cum: g.cum, length: g.cum[g.cum.length - 1]!, widthPx: 0, carries: false, bands: [], route });
    laneIndex.set(id, lanes.length - 1);
    return lanes.length - 1;
  };

  const streams: StreamModel[] = [];
  for (const from of REGIONS) {
    for (const to of REGIONS) {
      if (from === to) continue;
      const id = map.pairLanes[`${from}>${to}`];
      if (id === undefined) continue;
      for (const family of FAMILIES) {
        const volume = pairVolume(view, from, to, family);
        if (!(volume > 0)) continue;
        const li = laneFor(id);
        if (li === undefined) continue;
        const lane = lanes[li]!;
        lane.carries = true;
        lane.widthPx = Math.max(lane.widthPx, volumeToWidth(volume, family));
        streams.push({
          lane: li,
          from,
          to,
          family,
          volume,
          reversed: isReversed(map, id, from, to),
          count: volumeToParticles(volume, family, lane.length),
          speed: volumeToSpeed(volume, family),
          offsetPx: 0,
        });
      }
    }
  }
  // bands: each good's width from its larger direction, side by side across the lane, centred on it
  lanes.forEach((lane, li) => {
    const fams = FAMILIES.filter((f) => streams.some((s) => s.lane === li && s.family === f));
    const widths = fams.map((f) => Math.max(...streams.filter((s) => s.lane === li && s.family === f).map((s) => volumeToWidth(s.volume, f))));
    const total = widths.reduce((a, w) => a + w, 0) + BAND_GAP * Math.max(0, fams.length - 1);
    let at = -total / 2;
    lane.bands = fams.map((family, k) => {
      const b = { family, widthPx: widths[k]!, offsetPx: at + widths[k]! / 2 };
      at += widths[k]! + BAND_GAP;
      return b;
    });
    if (fams.length) lane.widthPx = total;
  });
  for (const s of streams) {
    const band = lanes[s.lane]!.bands.find((b) => b.family === s.family)!;
    s.offsetPx = s.reversed ? -band.offsetPx : band.offsetPx;
  }
  const capped = capCounts(streams.map((s) => s.count), cap);
  streams.forEach((s, i) => (s.count = capped[i]!));

  const markers: MarkerModel[] = [];
  const tmp = [0, 0, 0, 0];
  for (const m of policyMarkers(map, view)) {
    const li = laneFor(m.laneId);
    if (li === undefined) continue;
    const lane = lanes[li]!;
    if (!lane.carries) lane.widthPx = 1;
    pointAt(lane.pts, lane.cum, lane.length / 2, tmp);
    const sign = isReversed(map, m.laneId, m.from, m.to) ? -1 : 1;
    markers.push({ ...m, lane: li, x: tmp[0]!, y: tmp[1]!, nx: sign * tmp[2]!, ny: sign * tmp[3]! });
  }
  return { lanes, streams, markers, particles: streams.reduce((a, s) => a + s.count, 0) };
}
