// Turns a CountryView into what the map draws: lanes with widths, particle streams and placed policy markers (pure, no Pixi).
import { REGIONS, type CountryView, type GameMap, type RegionId } from '../../engine/index.ts';
import {
  FAMILIES,
  PARTICLE_CAP,
  capCounts,
  isReversed,
  measure,
  pairVolume,
  pointAt,
  policyMarkers,
  smoothPath,
  volumeToParticles,
  volumeToSpeed,
  volumeToWidth,
  type Family,
  type PairMarker,
  type PolicyViewLike,
  type Projection,
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

const geometryCache = new WeakMap<object, { pts: Float32Array; cum: Float32Array }>();

function laneGeometry(proj: Projection, route: RouteLike): { pts: Float32Array; cum: Float32Array } {
  let g = geometryCache.get(route);
  if (!g) {
    const pts = smoothPath(proj, route.path);
    g = { pts, cum: measure(pts) };
    geometryCache.set(route, g);
  }
  return g;
}

/** Lanes, particle streams (capped at `cap` particles in all) and markers for one turn. */
export function buildScene(
  map: Pick<GameMap, 'ports' | 'lanes' | 'pairLanes'>,
  proj: Projection,
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
    if (!route || route.blocked || route.path.length < 2) return undefined;
    const g = laneGeometry(proj, route);
    lanes.push({ id, pts: g.pts, cum: g.cum, length: g.cum[g.cum.length - 1]!, widthPx: 0, carries: false, route });
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
        });
      }
    }
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
