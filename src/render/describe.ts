// The words and figures shown when a lane, port, country or strait on the map is hovered or clicked (pure, no Pixi).
import { REGIONS, STAGES, type CountryView, type GameMap, type RegionId, type StageKey } from '../../engine/index.ts';
import { FAMILIES, pairVolume, policiesOf, type Family, type RouteLike } from './geometry.ts';

export interface MapSelection {
  kind: 'lane' | 'port' | 'country' | 'strait';
  id: string;
  title: string;
  lines: string[];
}

export const REGION_NAMES: Record<RegionId, string> = {
  AUS: 'Australia',
  CHN: 'China',
  JPN: 'Japan',
  MYS: 'Malaysia',
  ROW: 'Rest of world',
  USA: 'United States',
};

const FAMILY_WORD: Record<Family, string> = { ore: 'ore', oxide: 'oxide', magnets: 'magnets', cars: 'cars' };
const STAGE_WORD: Record<StageKey, string> = {
  'ore.light': 'light ore',
  'ore.heavy': 'heavy ore',
  'oxide.light': 'light oxide',
  'oxide.heavy': 'heavy oxide',
  magnet: 'magnets',
};

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Tonnes: one decimal under 10 t. */
export function fmtTonnes(t: number): string {
  return t < 10 ? `${t.toFixed(1)} t` : `${int(t)} t`;
}
export function fmtVehicles(v: number): string {
  return v >= 1e6 ? `${(v / 1e6).toFixed(2)} M vehicles` : `${int(v)} vehicles`;
}
const fmtVolume = (f: Family, v: number): string => (f === 'cars' ? fmtVehicles(v) : fmtTonnes(v));

type View = Pick<CountryView, 'country' | 'flows' | 'carFlows' | 'self' | 'others' | 'straits' | 'lanes'>;

function portName(map: Pick<GameMap, 'ports'>, id: string): string {
  return map.ports.find((p) => p.id === id)?.name ?? id;
}

function laneTitle(map: Pick<GameMap, 'ports' | 'lanes'>, laneId: string): string {
  const lane = map.lanes.find((l) => l.id === laneId);
  return lane ? `${portName(map, lane.from)} – ${portName(map, lane.to)}` : laneId;
}

function regionOf(view: View, r: RegionId) {
  return r === view.country ? view.self : view.others[r];
}

export function describeLane(map: GameMap, routes: Record<string, RouteLike>, view: View, laneId: string): MapSelection {
  const lines: string[] = [];
  const pairs = Object.entries(map.pairLanes)
    .filter(([, id]) => id === laneId)
    .map(([k]) => k.split('>') as [RegionId, RegionId]);
  for (const [from, to] of pairs) {
    const parts = FAMILIES.map((f) => [f, pairVolume(view, from, to, f)] as const)
      .filter(([, v]) => v > 0)
      .map(([f, v]) => `${FAMILY_WORD[f]} ${fmtVolume(f, v)}`);
    lines.push(`${from} → ${to}: ${parts.length ? parts.join(', ') : 'nothing moved'}`);
  }
  const route = routes[laneId];
  const state = view.lanes[laneId];
  if (route?.blocked || state?.blocked) lines.push('Blocked: no open sea route');
  else if (route) {
    const base = state && state.baseKm !== route.lengthKm ? ` (${int(state.baseKm)} km with every strait open)` : '';
    lines.push(`${int(route.lengthKm)} km${base}`);
  }
  if (route && !route.blocked) {
    const names = route.straits.map((s) => map.straits.find((x) => x.id === s)?.name ?? s);
    lines.push(names.length ? `Through ${names.join(', ')}` : 'Through no named strait');
  }
  for (const [from, to] of pairs) {
    const ctl = policiesOf(view, from)?.controls[to] ?? {};
    const banned = STAGES.filter((s) => ctl[s]?.level === 'banned');
    const lic = STAGES.filter((s) => ctl[s]?.level === 'licensed');
    if (banned.length) lines.push(`${from} bans ${banned.map((s) => STAGE_WORD[s]).join(', ')} to ${to}`);
    if (lic.length) lines.push(`${from} licenses ${lic.map((s) => `${STAGE_WORD[s]} (${Math.round((ctl[s]!.share ?? 0) * 100)}%)`).join(', ')} to ${to}`);
    const tar = policiesOf(view, to)?.tariffs[from] ?? {};
    const t = (['ore', 'oxide', 'magnets', 'autos'] as const).filter((g) => (tar[g] ?? 0) > 0).map((g) => `${g} ${tar[g]}%`);
    if (t.length) lines.push(`${to} tariffs on ${from}: ${t.join(', ')}`);
  }
  return { kind: 'lane', id: laneId, title: laneTitle(map, laneId), lines };
}

export function describeCountry(view: View, r: RegionId): MapSelection {
  const reg = regionOf(view, r);
  const title = `${REGION_NAMES[r]}${r === view.country ? ' (you)' : ''}`;
  if (!reg) return { kind: 'country', id: r, title, lines: [] };
  const lines = [
    `GDP USD ${int(reg.gdp)} bn a year`,
    `Cars made last turn: ${fmtVehicles(reg.last.autoProduction)}`,
    `Magnet supply: ${Math.round(reg.last.magnetSupplyRatio * 100)}% of need`,
  ];
  const p = reg.policies;
  const bans = REGIONS.filter((o) => o !== r && STAGES.some((s) => p.controls[o]?.[s]?.level === 'banned'));
  const lic = REGIONS.filter((o) => o !== r && STAGES.some((s) => p.controls[o]?.[s]?.level === 'licensed'));
  if (bans.length) lines.push(`Bans some exports to ${bans.join(', ')}`);
  if (lic.length) lines.push(`Licenses some exports to ${lic.join(', ')}`);
  return { kind: 'country', id: r, title, lines };
}

export function describePort(map: GameMap, view: View, portId: string): MapSelection {
  const port = map.ports.find((p) => p.id === portId);
  if (!port) return { kind: 'port', id: portId, title: portId, lines: [] };
  const partners = map.lanes
    .filter((l) => l.from === portId || l.to === portId)
    .map((l) => portName(map, l.from === portId ? l.to : l.from));
  const lines = [`Port of ${REGION_NAMES[port.country as RegionId] ?? port.country}`];
  lines.push(partners.length ? `Lanes to ${partners.join(', ')}` : 'No trade lanes');
  const out = REGIONS.reduce((a, to) => a + (to === port.country ? 0 : view.carFlows[port.country as RegionId]?.[to] ?? 0), 0);
  if (out > 0) lines.push(`${port.country} car exports last turn: ${fmtVehicles(out)}`);
  return { kind: 'port', id: portId, title: port.name, lines };
}

export function describeStrait(
  map: GameMap,
  routes: Record<string, RouteLike>,
  openRoutes: Record<string, RouteLike>,
  view: View,
  straitId: string,
): MapSelection {
  const s = map.straits.find((x) => x.id === straitId);
  const closed = view.straits[straitId] === 'closed';
  const lines = [closed ? 'Closed: lanes through it are rerouted' : 'Open'];
  const through = Object.values(closed ? openRoutes : routes)
    .filter((r) => r.straits.includes(straitId))
    .map((r) => laneTitle(map, r.id));
  if (through.length) lines.push(`${closed ? 'Normally carries' : 'Carries'} ${through.join('; ')}`);
  return { kind: 'strait', id: straitId, title: s?.name ?? straitId, lines };
}
