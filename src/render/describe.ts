// The words and figures shown when a lane, port, country or strait on the map is hovered or clicked (pure, no Pixi).
import { REGIONS, STAGES, type CountryView, type GameMap, type RegionId } from '../../engine/lite.ts';
import { FAMILIES, pairVolume, policiesOf, type Family, type RouteLike } from './geometry.ts';
import { lang, num, t } from '../ui/i18n.ts';
import { countryName, goodName, paren, placeName, shareThrough, stageName, supplyPct } from '../ui/labels.ts';

export interface MapSelection {
  kind: 'lane' | 'port' | 'country' | 'strait';
  id: string;
  title: string;
  lines: string[];
}

/** Country names in the active language. */
export const REGION_NAMES = new Proxy({} as Record<RegionId, string>, { get: (_, k) => countryName(k as string) });

const FAMILY_WORD = (f: Family): string => t(`mapText.family.${f}`).replace(/ ?[(（].*$/, '');
const list = (xs: string[]): string => xs.join(lang() === 'ja' ? '、' : ', ');

/** Tonnes: one decimal under 10 t. */
export function fmtTonnes(x: number): string {
  return x < 10 ? `${num(x, 1)} t` : `${num(x)} t`;
}
export function fmtVehicles(v: number): string {
  return t('mapText.vehicles', { n: num(v) });
}
const fmtVolume = (f: Family, v: number): string => (f === 'cars' ? fmtVehicles(v) : fmtTonnes(v));

type View = Pick<CountryView, 'country' | 'flows' | 'carFlows' | 'self' | 'others' | 'straits' | 'lanes'>;

function portName(map: Pick<GameMap, 'ports'>, id: string): string {
  return placeName('port', id, map.ports.find((p) => p.id === id)?.name ?? id);
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
      .map(([f, v]) => `${FAMILY_WORD(f)} ${fmtVolume(f, v)}`);
    lines.push(t('mapText.moved', { from: countryName(from), to: countryName(to), what: parts.length ? list(parts) : t('mapText.nothingMoved') }));
  }
  const route = routes[laneId];
  const state = view.lanes[laneId];
  if (route?.blocked || state?.blocked) lines.push(t('mapText.blocked'));
  else if (route) lines.push(state && state.baseKm !== route.lengthKm ? t('mapText.kmBase', { km: num(route.lengthKm), base: num(state.baseKm) }) : t('mapText.km', { km: num(route.lengthKm) }));
  if (route && !route.blocked) {
    const names = route.straits.map((s) => placeName('strait', s, map.straits.find((x) => x.id === s)?.name ?? s));
    lines.push(names.length ? t('mapText.through', { names: list(names) }) : t('mapText.throughNone'));
  }
  for (const [from, to] of pairs) {
    const ctl = policiesOf(view, from)?.controls[to] ?? {};
    const banned = STAGES.filter((s) => ctl[s]?.level === 'banned');
    const lic = STAGES.filter((s) => ctl[s]?.level === 'licensed');
    if (banned.length) lines.push(t('mapText.bans', { from: countryName(from), to: countryName(to), what: list(banned.map(stageName)) }));
    if (lic.length) lines.push(t('mapText.licenses', { from: countryName(from), to: countryName(to), what: list(lic.map((s) => `${stageName(s)}${paren(shareThrough(ctl[s]!.share ?? 0))}`)) }));
    const tar = policiesOf(view, to)?.tariffs[from] ?? {};
    const tx = (['ore', 'oxide', 'magnets', 'autos'] as const).filter((g) => (tar[g] ?? 0) > 0).map((g) => `${goodName(g)} ${tar[g]}%`);
    if (tx.length) lines.push(t('mapText.tariffs', { from: countryName(from), to: countryName(to), what: list(tx) }));
  }
  return { kind: 'lane', id: laneId, title: laneTitle(map, laneId), lines };
}

export function describeCountry(view: View, r: RegionId): MapSelection {
  const reg = regionOf(view, r);
  const title = r === view.country ? t('mapText.you', { name: countryName(r) }) : countryName(r);
  if (!reg) return { kind: 'country', id: r, title, lines: [] };
  const lines = [t('mapText.gdp', { n: num(reg.gdp) }), t('mapText.cars', { n: fmtVehicles(reg.last.autoProduction) }), t('mapText.supply', { pct: supplyPct(reg.last.magnetSupplyRatio) })];
  const p = reg.policies;
  const bans = REGIONS.filter((o) => o !== r && STAGES.some((s) => p.controls[o]?.[s]?.level === 'banned'));
  const lic = REGIONS.filter((o) => o !== r && STAGES.some((s) => p.controls[o]?.[s]?.level === 'licensed'));
  if (bans.length) lines.push(t('mapText.bansSome', { who: list(bans.map(countryName)) }));
  if (lic.length) lines.push(t('mapText.licensesSome', { who: list(lic.map(countryName)) }));
  return { kind: 'country', id: r, title, lines };
}

export function describePort(map: GameMap, view: View, portId: string): MapSelection {
  const port = map.ports.find((p) => p.id === portId);
  if (!port) return { kind: 'port', id: portId, title: portId, lines: [] };
  const partners = map.lanes
    .filter((l) => l.from === portId || l.to === portId)
    .map((l) => portName(map, l.from === portId ? l.to : l.from));
  const lines = [t('mapText.portOf', { who: countryName(port.country) })];
  lines.push(partners.length ? t('mapText.lanesTo', { names: list(partners) }) : t('mapText.noLanes'));
  const out = REGIONS.reduce((a, to) => a + (to === port.country ? 0 : view.carFlows[port.country as RegionId]?.[to] ?? 0), 0);
  if (out > 0) lines.push(t('mapText.carExports', { who: countryName(port.country), n: fmtVehicles(out) }));
  return { kind: 'port', id: portId, title: placeName('port', port.id, port.name), lines };
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
  const lines = [closed ? t('mapText.closed') : t('mapText.open')];
  const through = Object.values(closed ? openRoutes : routes)
    .filter((r) => r.straits.includes(straitId))
    .map((r) => laneTitle(map, r.id));
  if (through.length) lines.push(t(closed ? 'mapText.normally' : 'mapText.carries', { names: through.join('; ') }));
  return { kind: 'strait', id: straitId, title: s ? placeName('strait', s.id, s.name) : straitId, lines };
}
