// The map renderer's pure helpers (src/render/geometry.ts, hit.ts, model.ts, describe.ts) on the real map and a real game.
import { describe, expect, it } from 'vitest';
import { REGIONS, routeLanes, viewFor, type CountryView, type RegionId } from '../engine/index.ts';
import {
  MAX_LANE_PX,
  MAX_PER_STREAM,
  MAX_ZOOM,
  MIN_LANE_PX,
  PARTICLE_CAP,
  capCounts,
  cellAtPoint,
  cellCenter,
  clampView,
  fitView,
  hash01,
  isReversed,
  labelCells,
  measure,
  orientPath,
  pairRoute,
  pick,
  pointAt,
  policyMarkers,
  projection,
  regionAt,
  smoothPath,
  volumeIntensity,
  volumeToParticles,
  volumeToWidth,
  zoomAbout,
  FAMILIES,
  type PolicyViewLike,
} from '../src/render/geometry.ts';
import { buildScene } from '../src/render/model.ts';
import { describeCountry, describeLane, describeStrait } from '../src/render/describe.ts';
import { content, play } from './helpers.ts';

const map = content.map;
const proj = projection(map);
const routes = routeLanes(map, []);
const portById = new Map(map.ports.map((p) => [p.id, p]));

describe('projection', () => {
  it('keeps the degree aspect of the cells and covers the grid', () => {
    expect(proj.cols).toBe(124);
    expect(proj.rows).toBe(58);
    expect(proj.cellW / proj.cellH).toBeCloseTo(map.degPerCellX / map.degPerCellY, 10);
    expect(proj.width).toBeCloseTo(124 * proj.cellW);
    expect(proj.height).toBeCloseTo(58 * proj.cellH);
  });

  it('maps a cell to its centre and back', () => {
    expect(cellCenter(proj, 0, 0)).toEqual([proj.cellW / 2, proj.cellH / 2]);
    for (const [x, y] of [[0, 0], [123, 57], [53, 11], [61, 17]] as const) {
      const [wx, wy] = cellCenter(proj, x, y);
      expect(cellAtPoint(proj, wx, wy)).toEqual([x, y]);
    }
    expect(cellAtPoint(proj, -1, 5)).toBeNull();
    expect(cellAtPoint(proj, proj.width + 1, 5)).toBeNull();
  });

  it('reads land owners from the grid', () => {
    const fremantle = portById.get('fremantle')!;
    expect(regionAt(map, fremantle.x, fremantle.y)).toBeNull(); // ports sit on sea cells
    expect(regionAt(map, 45, 42)).toBe('AUS');
    expect(regionAt(map, -1, 0)).toBeNull();
  });
});

describe('view transform', () => {
  it('fits the map, limits zoom and keeps the point under the cursor still', () => {
    const fit = fitView(proj, 1920, 1080);
    expect(proj.width * fit.scale).toBeLessThanOrEqual(1920 + 1e-6);
    expect(proj.height * fit.scale).toBeLessThanOrEqual(1080 + 1e-6);
    expect(Math.max(proj.width * fit.scale, proj.height * fit.scale * (1920 / 1080))).toBeGreaterThan(1900);
    expect(clampView(proj, 1920, 1080, { ...fit, scale: fit.scale / 10 }).scale).toBeCloseTo(fit.scale);
    expect(clampView(proj, 1920, 1080, { ...fit, scale: fit.scale * 100 }).scale).toBeCloseTo(fit.scale * MAX_ZOOM);
    const z = zoomAbout(proj, 1920, 1080, fit, 2, 960, 540);
    const before = [(960 - fit.tx) / fit.scale, (540 - fit.ty) / fit.scale];
    const after = [(960 - z.tx) / z.scale, (540 - z.ty) / z.scale];
    expect(after[0]).toBeCloseTo(before[0]!, 6);
    expect(after[1]).toBeCloseTo(before[1]!, 6);
  });

  it('does not pan the map off the screen', () => {
    const fit = fitView(proj, 1280, 720);
    const v = clampView(proj, 1280, 720, { scale: fit.scale * 3, tx: 5000, ty: -99999 });
    expect(v.tx).toBe(0);
    expect(v.ty).toBeCloseTo(720 - proj.height * v.scale);
  });
});

describe('lane paths', () => {
  it('every one of the 30 pairLanes resolves to a route of at least 2 cells, exporter port first', () => {
    const pairs = Object.keys(map.pairLanes);
    expect(pairs).toHaveLength(30);
    for (const key of pairs) {
      const [from, to] = key.split('>') as [RegionId, RegionId];
      const r = pairRoute(map, routes, from, to);
      expect(r, key).not.toBeNull();
      expect(r!.blocked, key).toBe(false);
      expect(r!.path.length, key).toBeGreaterThanOrEqual(2);
      const lane = map.lanes.find((l) => l.id === r!.laneId)!;
      const start = portById.get(r!.reversed ? lane.to : lane.from)!;
      const end = portById.get(r!.reversed ? lane.from : lane.to)!;
      expect(r!.path[0], key).toEqual([start.x, start.y]);
      expect(r!.path.at(-1), key).toEqual([end.x, end.y]);
      expect(start.country, key).toBe(from);
      expect(end.country, key).toBe(to);
    }
  });

  it('reverses a path only when trade runs against the lane', () => {
    expect(isReversed(map, 'fremantle-shanghai', 'AUS', 'CHN')).toBe(false);
    expect(isReversed(map, 'fremantle-shanghai', 'CHN', 'AUS')).toBe(true);
    expect(isReversed(map, 'fremantle-singapore', 'ROW', 'AUS')).toBe(true);
    const path = routes['fremantle-shanghai']!.path;
    const rev = orientPath(path, true);
    expect(rev[0]).toEqual(path.at(-1));
    expect(rev.at(-1)).toEqual(path[0]);
    expect(orientPath(path, false)).toEqual(path);
    expect(Object.isFrozen(path)).toBe(true); // the engine's memoised routes are untouched
  });

  it('still routes every pair with straits closed (or marks the lane blocked)', () => {
    const closed = routeLanes(map, ['malacca', 'taiwan', 'luzon']);
    for (const key of Object.keys(map.pairLanes)) {
      const [from, to] = key.split('>') as [RegionId, RegionId];
      const r = pairRoute(map, closed, from, to)!;
      expect(r.blocked || r.path.length >= 2, key).toBe(true);
    }
  });

  it('smooths a path keeping its ends, and measures and samples it', () => {
    const path = routes['fremantle-yokohama']!.path;
    const pts = smoothPath(proj, path);
    expect([pts[0], pts[1]]).toEqual(cellCenter(proj, path[0]![0], path[0]![1]));
    expect([pts.at(-2), pts.at(-1)]).toEqual(cellCenter(proj, path.at(-1)![0], path.at(-1)![1]));
    const cum = measure(pts);
    for (let i = 1; i < cum.length; i++) expect(cum[i]!).toBeGreaterThanOrEqual(cum[i - 1]!);
    const out = [0, 0, 0, 0];
    pointAt(pts, cum, 0, out);
    expect(out[0]).toBeCloseTo(pts[0]!);
    pointAt(pts, cum, cum.at(-1)! * 2, out);
    expect(out[0]).toBeCloseTo(pts.at(-2)!);
    expect(Math.hypot(out[2]!, out[3]!)).toBeCloseTo(1);
  });
});

describe('volume scales', () => {
  const volumes = [0, 0.1, 1, 10, 100, 1_000, 10_000, 100_000, 1e7, 1e12];

  it('are monotonic, zero for no flow and capped', () => {
    for (const f of FAMILIES) {
      let prev = { k: -1, w: -1, n: -1 };
      for (const v of volumes) {
        const k = volumeIntensity(v, f);
        const w = volumeToWidth(v, f);
        const n = volumeToParticles(v, f, 1000);
        expect(k).toBeGreaterThanOrEqual(prev.k);
        expect(w).toBeGreaterThanOrEqual(prev.w);
        expect(n).toBeGreaterThanOrEqual(prev.n);
        expect(k).toBeLessThanOrEqual(1);
        expect(w).toBeLessThanOrEqual(MAX_LANE_PX);
        expect(n).toBeLessThanOrEqual(MAX_PER_STREAM);
        if (v > 0) {
          expect(w).toBeGreaterThanOrEqual(MIN_LANE_PX);
          expect(n).toBeGreaterThanOrEqual(1);
        }
        prev = { k, w, n };
      }
      expect(volumeToWidth(0, f)).toBe(0);
      expect(volumeToParticles(0, f, 1000)).toBe(0);
      expect(volumeToParticles(-5, f, 1000)).toBe(0);
      expect(volumeToWidth(1e12, f)).toBe(MAX_LANE_PX);
    }
  });

  it('cars use their own range: 100,000 vehicles is a mid-sized flow', () => {
    expect(volumeIntensity(100_000, 'cars')).toBeGreaterThan(0.4);
    expect(volumeIntensity(100_000, 'cars')).toBeLessThan(0.8);
  });

  it('scale particle counts down to the cap and keep every flow visible', () => {
    const counts = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? 0 : 5 + (i % 50)));
    const capped = capCounts(counts, PARTICLE_CAP / 4);
    expect(capped.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PARTICLE_CAP / 4);
    capped.forEach((c, i) => expect(c > 0).toBe(counts[i]! > 0));
    expect(capCounts([1, 2, 3], 100)).toEqual([1, 2, 3]);
    expect(capCounts([1, 1, 1, 1], 2).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('hash01 is deterministic and in [0, 1)', () => {
    expect(hash01('lane', 3)).toBe(hash01('lane', 3));
    expect(hash01('lane', 3)).not.toBe(hash01('lane', 4));
    for (let i = 0; i < 200; i++) {
      const h = hash01('fremantle-shanghai', i);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(1);
    }
  });
});

type Pol = PolicyViewLike['self']['policies'];
function policies(): Pol {
  return { tariffs: {}, controls: {} };
}

describe('policy markers', () => {
  const view: PolicyViewLike = {
    country: 'JPN',
    self: { policies: policies() },
    others: { AUS: { policies: policies() }, CHN: { policies: policies() }, MYS: { policies: policies() }, ROW: { policies: policies() }, USA: { policies: policies() } },
  };
  view.others.CHN!.policies.controls.JPN = { magnet: { level: 'banned', share: 0 }, 'oxide.light': { level: 'licensed', share: 0.6 } };
  view.others.CHN!.policies.controls.USA = { 'oxide.heavy': { level: 'licensed', share: 0.5 } };
  view.others.AUS!.policies.controls.MYS = { 'ore.light': { level: 'banned', share: 0 } }; // neither the player nor China
  view.others.USA!.policies.tariffs.JPN = { autos: 25, other: 40 };
  view.others.USA!.policies.tariffs.MYS = { autos: 50 }; // neither the player nor China
  view.self.policies.tariffs.CHN = { magnets: 9.9, ore: 10 };
  view.self.policies.controls.USA = { magnet: { level: 'open', share: 1 } };

  const markers = policyMarkers(map, view);
  const find = (from: string, to: string) => markers.find((m) => m.from === from && m.to === to);

  it('marks bans and licences on the exporter side, red over amber', () => {
    expect(find('CHN', 'JPN')).toMatchObject({ control: 'banned', banned: ['magnet'], licensed: [{ stage: 'oxide.light', share: 0.6 }], laneId: 'shanghai-yokohama' });
    expect(find('CHN', 'USA')).toMatchObject({ control: 'licensed', laneId: 'los-angeles-shanghai' });
  });

  it('badges tariffs of 10% or more on drawn goods, by the importer', () => {
    expect(find('JPN', 'USA')).toMatchObject({ control: null, tariffs: [{ good: 'autos', pct: 25 }] });
    expect(find('CHN', 'JPN')!.tariffs).toEqual([{ good: 'ore', pct: 10 }]);
  });

  it('leaves out pairs without the player or China, and open controls', () => {
    expect(find('AUS', 'MYS')).toBeUndefined();
    expect(find('MYS', 'USA')).toBeUndefined();
    expect(find('USA', 'JPN')).toBeUndefined();
    expect(find('JPN', 'CHN')).toBeUndefined();
    expect(markers).toHaveLength(3);
  });
});

describe('a real turn', () => {
  const { states } = play(1, 2, {
    1: { CHN: { exportControls: { JPN: { magnet: 'banned' } } }, USA: { tariffs: { JPN: { autos: 25 } } } },
  });
  const view: CountryView = viewFor(states[1]!, 'JPN');

  it('builds lanes, capped particle streams and markers, the same every time', () => {
    const scene = buildScene(map, proj, routes, view);
    expect(scene.lanes.length).toBeGreaterThan(5);
    expect(scene.streams.length).toBeGreaterThan(10);
    expect(scene.particles).toBeGreaterThan(0);
    expect(scene.particles).toBeLessThanOrEqual(PARTICLE_CAP);
    for (const s of scene.streams) {
      expect(s.count).toBeGreaterThanOrEqual(1);
      expect(s.speed).toBeGreaterThan(0);
      expect(scene.lanes[s.lane]!.carries).toBe(true);
    }
    for (const l of scene.lanes) expect(l.widthPx).toBeGreaterThan(0);
    const ban = scene.markers.find((m) => m.from === 'CHN' && m.to === 'JPN');
    expect(ban?.control).toBe('banned');
    expect(Number.isFinite(ban!.x) && Number.isFinite(ban!.y)).toBe(true);
    expect(JSON.stringify(buildScene(map, proj, routes, view))).toBe(JSON.stringify(scene));
    expect(buildScene(map, proj, routes, view, 40).particles).toBeLessThanOrEqual(40);
  });

  it('picks ports, lanes, straits and countries under the pointer', () => {
    const scene = buildScene(map, proj, routes, view);
    const pickScene = {
      map,
      proj,
      ports: map.ports.map((p) => ({ id: p.id, x: cellCenter(proj, p.x, p.y)[0], y: cellCenter(proj, p.x, p.y)[1] })),
      markers: [],
      lanes: scene.lanes.map((l) => ({ id: l.id, pts: l.pts, widthPx: l.widthPx })),
    };
    const y = portById.get('yokohama')!;
    expect(pick(pickScene, ...cellCenter(proj, y.x, y.y), 1)).toEqual({ kind: 'port', id: 'yokohama' });
    const lane = scene.lanes.find((l) => l.id === 'nagoya-los-angeles')!;
    const mid = [0, 0, 0, 0];
    pointAt(lane.pts, lane.cum, lane.length / 2, mid);
    expect(pick(pickScene, mid[0]!, mid[1]!, 1)).toEqual({ kind: 'lane', id: 'nagoya-los-angeles' });
    const [sx, sy] = map.straits.find((s) => s.id === 'sunda')!.cells[0]!;
    expect(pick(pickScene, ...cellCenter(proj, sx, sy), 1)).toEqual({ kind: 'strait', id: 'sunda' });
    expect(pick(pickScene, ...cellCenter(proj, 45, 42), 1)).toEqual({ kind: 'country', id: 'AUS' });
    expect(pick(pickScene, ...cellCenter(proj, 100, 50), 1)).toBeNull();
  });

  it('describes what was picked in figures', () => {
    const lane = describeLane(map, routes, view, 'shanghai-yokohama');
    expect(lane.title).toBe('Shanghai – Yokohama');
    expect(lane.lines.some((l) => l.startsWith('CHN → JPN'))).toBe(true);
    expect(lane.lines.some((l) => l.startsWith('JPN → CHN'))).toBe(true);
    expect(lane.lines).toContain(`${routes['shanghai-yokohama']!.lengthKm.toLocaleString('en-US')} km`);
    expect(lane.lines).toContain('CHN bans magnets to JPN');
    expect(describeLane(map, routes, view, 'nagoya-los-angeles').lines).toContain('USA tariffs on JPN: autos 25%');
    const japan = describeCountry(view, 'JPN');
    expect(japan.title).toBe('Japan (you)');
    expect(japan.lines[0]).toMatch(/^GDP USD [\d,]+ bn a year$/);
    expect(describeCountry(view, 'ROW').lines).toHaveLength(3);
    const closedView = { ...view, straits: { ...view.straits, malacca: 'closed' as const } };
    const s = describeStrait(map, routeLanes(map, ['malacca']), routes, closedView, 'malacca');
    expect(s.lines[0]).toMatch(/^Closed/);
    expect(s.lines[1]).toContain('Chennai – Kuantan');
  });
});

describe('labels', () => {
  it('gives every region a label cell on the grid; big countries get one on their own land', () => {
    const cells = labelCells(map);
    for (const r of REGIONS) {
      const c = cells[r]!;
      expect(c, r).toBeDefined();
      expect(c[0] >= 0 && c[0] < proj.cols && c[1] >= 0 && c[1] < proj.rows, r).toBe(true);
    }
    expect(regionAt(map, ...cells.CHN!)).toBe('CHN');
    expect(regionAt(map, ...cells.AUS!)).toBe('AUS');
  });
});
