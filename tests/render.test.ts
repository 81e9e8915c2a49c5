// The map renderer's pure helpers (src/render/geometry.ts, hit.ts, model.ts, describe.ts) on the real map and a real game.
import { describe, expect, it } from 'vitest';
import { routeLanes, viewFor, type CountryView, type RegionId } from '../engine/index.ts';
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
import { portPoint, regionAtPoint, straitPoint, world } from '../src/render/geo.ts';
import { drawnLanesFor, portAtSea, seaGrid } from '../src/render/routes.ts';
import { describeCountry, describeLane, describeStrait } from '../src/render/describe.ts';
import { content, play } from './helpers.ts';

const map = content.map;
const proj = projection(map);
const routes = routeLanes(map, []);
const geo = world();
const drawn = drawnLanesFor(geo, map, routes, []);
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
    const scene = buildScene(map, drawn, routes, view);
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
    expect(JSON.stringify(buildScene(map, drawn, routes, view))).toBe(JSON.stringify(scene));
    expect(buildScene(map, drawn, routes, view, 40).particles).toBeLessThanOrEqual(40);
  });

  it('picks ports, lanes, straits and countries under the pointer', () => {
    const scene = buildScene(map, drawn, routes, view);
    const sea = seaGrid(geo.raster, geo.proj, map, []);
    const straits = map.straits.map((st) => ({ id: st.id, x: straitPoint(geo.proj, map, st.id)[0], y: straitPoint(geo.proj, map, st.id)[1] }));
    const pickScene = {
      raster: geo.raster,
      straits,
      ports: map.ports.map((p) => ({ id: p.id, x: portAtSea(sea, geo.proj, map, p)[0], y: portAtSea(sea, geo.proj, map, p)[1] })),
      markers: [],
      lanes: scene.lanes.map((l) => ({ id: l.id, pts: l.pts, widthPx: l.widthPx })),
    };
    const y = portById.get('yokohama')!;
    expect(pick(pickScene, ...portAtSea(sea, geo.proj, map, y), 1)).toEqual({ kind: 'port', id: 'yokohama' });
    const lane = scene.lanes.find((l) => l.id === 'nagoya-los-angeles')!;
    const mid = [0, 0, 0, 0];
    pointAt(lane.pts, lane.cum, lane.length / 2, mid);
    expect(pick(pickScene, mid[0]!, mid[1]!, 1)).toEqual({ kind: 'lane', id: 'nagoya-los-angeles' });
    expect(pick(pickScene, ...straitPoint(geo.proj, map, 'sunda'), 1)).toEqual({ kind: 'strait', id: 'sunda' });
    expect(pick(pickScene, ...geo.proj.project(134, -25), 1)).toEqual({ kind: 'country', id: 'AUS' });
    expect(pick(pickScene, ...geo.proj.project(200, -30), 1)).toBeNull(); // the South Pacific
  });

  it('describes what was picked in figures', () => {
    const lane = describeLane(map, routes, view, 'shanghai-yokohama');
    expect(lane.title).toBe('Shanghai – Yokohama');
    expect(lane.lines.some((l) => l.startsWith('China → Japan'))).toBe(true);
    expect(lane.lines.some((l) => l.startsWith('Japan → China'))).toBe(true);
    expect(lane.lines).toContain(`${routes['shanghai-yokohama']!.lengthKm.toLocaleString('en-US')} km`);
    expect(lane.lines).toContain('China bans NdFeB magnets to Japan');
    // a licence says what it lets through, as the news and the orders say it ("(90%)" alone read as a 90% cut)
    expect(lane.lines.find((l) => l.startsWith('China licenses'))).toMatch(/^China licenses .*\(\d+% let through\).* to Japan$/);
    expect(describeLane(map, routes, view, 'nagoya-los-angeles').lines).toContain('United States tariffs on Japan: cars 25%');
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

describe('the real map (Natural Earth, d3-geo)', () => {
  it('puts the countries where they are and every port on the water beside its own country', () => {
    const at = (lon: number, lat: number) => regionAtPoint(geo.raster, ...geo.proj.project(lon, lat));
    expect([at(138, 36), at(104, 34), at(134, -25), at(102, 4.5), at(240, 40), at(78, 22)]).toEqual(['JPN', 'CHN', 'AUS', 'MYS', 'USA', 'ROW']);
    expect(at(160, 10)).toBeNull(); // the open Pacific
    for (const p of map.ports) {
      const [x, y] = portPoint(geo.proj, map, p);
      expect(x > 0 && x < geo.proj.width && y > 0 && y < geo.proj.height, p.id).toBe(true);
    }
  });

  it('draws every lane at sea: no point of a drawn lane is on land, except at its ports and inside the straits', () => {
    for (const closed of [[], ['malacca'], ['taiwan', 'luzon']]) {
      const r = routeLanes(map, closed);
      const d = drawnLanesFor(geo, map, r, closed);
      expect(Object.keys(d).length, String(closed)).toBe(map.lanes.filter((l) => !r[l.id]!.blocked).length);
      const straitPts = map.straits.map((s) => straitPoint(geo.proj, map, s.id));
      for (const [id, pts] of Object.entries(d)) {
        const n = pts.length / 2;
        for (let i = 0; i < n; i++) {
          const [x, y] = [pts[2 * i]!, pts[2 * i + 1]!];
          const nearEnd = Math.hypot(x - pts[0]!, y - pts[1]!) < 16 || Math.hypot(x - pts[pts.length - 2]!, y - pts[pts.length - 1]!) < 16;
          const inStrait = straitPts.some(([sx, sy]) => Math.hypot(x - sx, y - sy) < 16);
          if (!nearEnd && !inStrait) expect(regionAtPoint(geo.raster, x, y), `${id} point ${i} (closed: ${closed})`).toBeNull();
        }
      }
      // a closed strait is not drawn through
      for (const c of closed) {
        const [sx, sy] = straitPoint(geo.proj, map, c);
        for (const pts of Object.values(d)) for (let i = 0; i < pts.length; i += 2) expect(Math.hypot(pts[i]! - sx, pts[i + 1]! - sy)).toBeGreaterThan(4);
      }
    }
  });
});

describe('the map legend’s corner', () => {
  it('bottom left on a map as tall as the game’s, bottom right on a wide, short map (the map above the panels)', async () => {
    const { legendAt } = await import('../src/render/geometry.ts');
    expect(legendAt(805, 752, 350, 50, 8)).toEqual([8, 694]);
    expect(legendAt(1260, 1032, 200, 300)).toEqual([10, 722]);
    // 800 x 308: an 800-px window's map above the panels; the bottom left is Australia's name
    expect(legendAt(800, 308, 350, 50, 8)).toEqual([442, 250]);
  });
});
