import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { MapFileSchema, REGIONS, cellAt, laneForPair, regionAtCell, routeLanes, type GameMap } from '../engine/map.ts';

const raw: unknown = JSON.parse(readFileSync(new URL('../content/map.json', import.meta.url), 'utf8'));
const map: GameMap = MapFileSchema.parse(raw);

const STRAITS = ['lombok', 'luzon', 'malacca', 'sunda', 'taiwan', 'tsushima'];

/** Cell containing a lon/lat point (lon in degrees east, 0-360). */
function cellOf(lon: number, lat: number): [number, number] {
  return [Math.floor((lon - map.lonWest) / map.degPerCellX), Math.floor((map.latNorth - lat) / map.degPerCellY)];
}

function isSea(x: number, y: number): boolean {
  const ch = cellAt(map, x, y);
  return ch !== null && map.legend[ch] === 'sea';
}

/** A deep copy of the map file with a change applied, for the schema failure tests. */
function broken(change: (m: GameMap) => void): unknown {
  const copy = structuredClone(map);
  change(copy);
  return copy;
}

function messages(input: unknown): string[] {
  const r = MapFileSchema.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('content/map.json', () => {
  it('passes MapFileSchema', () => {
    const r = MapFileSchema.safeParse(raw);
    if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    expect(r.success).toBe(true);
  });

  it('has a grid of the documented size and coverage', () => {
    const width = map.rows[0]!.length;
    expect(map.rows.every((r) => r.length === width)).toBe(true);
    expect(width).toBeGreaterThanOrEqual(100);
    expect(width).toBeLessThanOrEqual(130);
    expect(map.rows.length).toBeGreaterThanOrEqual(45);
    expect(map.rows.length).toBeLessThanOrEqual(60);
    expect(map.lonWest).toBeLessThanOrEqual(60);
    expect(map.lonWest + width * map.degPerCellX).toBeGreaterThanOrEqual(235);
    expect(map.latNorth).toBeGreaterThanOrEqual(55);
    expect(map.latNorth - map.rows.length * map.degPerCellY).toBeLessThanOrEqual(-45);
  });

  it('puts known places on the right land', () => {
    const at = (lon: number, lat: number) => regionAtCell(map, ...cellOf(lon, lat));
    expect(at(139.7, 35.9)).toBe('JPN'); // Kanto
    expect(at(153.98, 24.28)).toBe('JPN'); // Minamitorishima
    expect(at(116.4, 39.9)).toBe('CHN'); // Beijing
    expect(at(113.3, 23.1)).toBe('CHN'); // Guangzhou
    expect(at(121.0, 24.0)).toBe('ROW'); // Taiwan
    expect(at(127.5, 36.5)).toBe('ROW'); // Korea
    expect(at(78.0, 20.0)).toBe('ROW'); // India
    expect(at(102.0, 3.5)).toBe('MYS'); // Malay peninsula
    expect(at(113.0, 3.0)).toBe('MYS'); // Sarawak
    expect(at(134.0, -25.0)).toBe('AUS'); // Australia
    expect(at(146.5, -42.0)).toBe('AUS'); // Tasmania
    expect(at(240.0, 40.0)).toBe('USA'); // California
    expect(at(140.0, 30.0)).toBeNull(); // Philippine Sea
    expect(at(88.0, 12.0)).toBeNull(); // Bay of Bengal
  });

  it('puts every port on a passable sea cell next to its own country', () => {
    const closedCells = new Set(map.straits.flatMap((s) => s.cells.map(([x, y]) => `${x},${y}`)));
    for (const p of map.ports) {
      expect(isSea(p.x, p.y), `${p.id} on sea`).toBe(true);
      expect(closedCells.has(`${p.x},${p.y}`), `${p.id} not in a strait`).toBe(false);
      const neighbours: (string | null)[] = [];
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) neighbours.push(regionAtCell(map, p.x + dx, p.y + dy));
      expect(neighbours, `${p.id} next to ${p.country}`).toContain(p.country);
    }
  });

  it('has the required ports and straits', () => {
    const ports = new Set(map.ports.map((p) => p.id));
    for (const id of ['yokohama', 'nagoya', 'minamitorishima', 'los-angeles', 'shanghai', 'guangzhou', 'fremantle', 'kuantan', 'port-klang', 'singapore', 'busan', 'haiphong', 'yangon', 'chennai', 'mumbai']) {
      expect(ports.has(id), id).toBe(true);
    }
    expect(map.straits.map((s) => s.id).sort()).toEqual(STRAITS);
  });

  it('maps all 30 ordered region pairs to a known lane', () => {
    const lanes = new Set(map.lanes.map((l) => l.id));
    const expected: string[] = [];
    for (const a of REGIONS) for (const b of REGIONS) if (a !== b) expected.push(`${a}>${b}`);
    expect(Object.keys(map.pairLanes).sort()).toEqual(expected.sort());
    for (const key of expected) {
      const [a, b] = key.split('>') as [string, string];
      const lane = laneForPair(map, a, b);
      expect(lanes.has(lane), `${key} -> ${lane}`).toBe(true);
      // A lane serves a pair only if it touches a port of each region.
      const l = map.lanes.find((x) => x.id === lane)!;
      const countries = [l.from, l.to].map((id) => map.ports.find((p) => p.id === id)!.country);
      expect(countries.sort(), key).toEqual([a, b].sort());
    }
    expect(laneForPair(map, 'MYS', 'JPN')).toBe('kuantan-yokohama');
    expect(laneForPair(map, 'AUS', 'MYS')).toBe('fremantle-kuantan');
    expect(() => laneForPair(map, 'JPN', 'JPN')).toThrow(/JPN>JPN/);
    expect(() => laneForPair(map, 'XXX', 'USA')).toThrow(/XXX>USA/);
  });
});

describe('routeLanes', () => {
  const open = routeLanes(map, []);

  it('routes every lane with all straits open, along passable neighbouring cells', () => {
    expect(Object.keys(open)).toEqual(map.lanes.map((l) => l.id).sort());
    const ports = new Map(map.ports.map((p) => [p.id, p]));
    for (const lane of map.lanes) {
      const r = open[lane.id]!;
      expect(r.blocked, lane.id).toBe(false);
      expect(r.lengthKm).toBeGreaterThan(0);
      expect(r.from).toBe(lane.from);
      expect(r.to).toBe(lane.to);
      const a = ports.get(lane.from)!;
      const b = ports.get(lane.to)!;
      expect(r.path[0]).toEqual([a.x, a.y]);
      expect(r.path[r.path.length - 1]).toEqual([b.x, b.y]);
      for (let i = 0; i < r.path.length; i++) {
        const [x, y] = r.path[i]!;
        expect(isSea(x, y), `${lane.id} cell ${x},${y}`).toBe(true);
        if (i > 0) {
          const [px, py] = r.path[i - 1]!;
          expect(Math.max(Math.abs(x - px), Math.abs(y - py))).toBe(1);
        }
      }
    }
  });

  it('gives plausible sea distances', () => {
    expect(open['shanghai-yokohama']!.lengthKm).toBeGreaterThan(1500);
    expect(open['shanghai-yokohama']!.lengthKm).toBeLessThan(3000);
    expect(open['nagoya-los-angeles']!.lengthKm).toBeGreaterThan(8000);
    expect(open['nagoya-los-angeles']!.lengthKm).toBeLessThan(11000);
    expect(open['chennai-kuantan']!.lengthKm).toBeGreaterThan(2500);
    expect(open['chennai-kuantan']!.lengthKm).toBeLessThan(4500);
  });

  it('sends Kuantan-Chennai through Sunda or Lombok, and further, when Malacca is closed', () => {
    const before = open['chennai-kuantan']!;
    expect(before.straits).toContain('malacca');
    const after = routeLanes(map, ['malacca'])['chennai-kuantan']!;
    expect(after.blocked).toBe(false);
    expect(after.straits).not.toContain('malacca');
    expect(after.straits.some((s) => s === 'sunda' || s === 'lombok')).toBe(true);
    expect(after.lengthKm).toBeGreaterThan(before.lengthKm * 1.15);
    // Port Klang is on the Indian Ocean side of the cut: its route west is unaffected.
    expect(routeLanes(map, ['malacca'])['mumbai-port-klang']).toEqual(open['mumbai-port-klang']);
  });

  it('sends Shanghai-Singapore east of Taiwan, and further, when the Taiwan Strait is closed', () => {
    const before = open['shanghai-singapore']!;
    expect(before.straits).toContain('taiwan');
    const after = routeLanes(map, ['taiwan'])['shanghai-singapore']!;
    expect(after.blocked).toBe(false);
    expect(after.straits).not.toContain('taiwan');
    expect(after.straits).toContain('luzon');
    expect(after.lengthKm).toBeGreaterThan(before.lengthKm);
    // East of Taiwan: the rerouted path passes a sea cell east of the island's columns at Taiwan's latitude.
    const [, taiwanY] = cellOf(121, 24);
    const [taiwanEastX] = cellOf(122.2, 24);
    expect(after.path.some(([x, y]) => y === taiwanY && x > taiwanEastX)).toBe(true);
    // With Luzon closed too, the route goes all the way round through Indonesia.
    const both = routeLanes(map, ['taiwan', 'luzon'])['shanghai-singapore']!;
    expect(both.blocked).toBe(false);
    expect(both.lengthKm).toBeGreaterThan(after.lengthKm * 1.3);
  });

  it('sends Busan-Yokohama round through Tsugaru when the Korea Strait is closed', () => {
    expect(open['busan-yokohama']!.straits).toEqual(['tsushima']);
    const after = routeLanes(map, ['tsushima'])['busan-yokohama']!;
    expect(after.blocked).toBe(false);
    expect(after.straits).toEqual([]);
    expect(after.lengthKm).toBeGreaterThan(open['busan-yokohama']!.lengthKm);
  });

  it('never shortens a lane by closing straits, and never blocks one on this map', () => {
    const all = routeLanes(map, STRAITS);
    for (const id of STRAITS) {
      const closed = routeLanes(map, [id]);
      for (const lane of Object.keys(open)) {
        expect(closed[lane]!.lengthKm, `${lane} with ${id} closed`).toBeGreaterThanOrEqual(open[lane]!.lengthKm);
        expect(closed[lane]!.straits, `${lane} with ${id} closed`).not.toContain(id);
        expect(all[lane]!.lengthKm).toBeGreaterThanOrEqual(closed[lane]!.lengthKm);
      }
    }
    for (const r of Object.values(all)) {
      expect(r.blocked, r.id).toBe(false);
      expect(r.straits).toEqual([]);
    }
  });

  it('is deterministic, memoised and JSON-serialisable', () => {
    const a = routeLanes(map, ['taiwan', 'malacca']);
    const b = routeLanes(map, ['malacca', 'taiwan', 'malacca']);
    expect(b).toBe(a); // same cache entry regardless of order and duplicates
    // A fresh computation (different map id, so no cache hit) gives the same answer.
    const fresh = routeLanes({ ...structuredClone(map), id: 'indo-pacific-copy' }, ['malacca', 'taiwan']);
    expect(fresh).not.toBe(a);
    expect(fresh).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(JSON.stringify(a)).toBe(JSON.stringify(fresh));
    expect(Object.keys(a)).toEqual([...Object.keys(a)].sort());
    for (const r of Object.values(a)) expect(Number.isFinite(r.lengthKm)).toBe(true);
  });

  it('returns frozen results', () => {
    const r = routeLanes(map, [])['kuantan-yokohama']!;
    expect(Object.isFrozen(r)).toBe(true);
    expect(() => r.path.push([0, 0])).toThrow(TypeError);
  });

  it('reports an unreachable lane as blocked with an empty path and zero length', () => {
    // A one-row strip: port a | sea | strait | sea | port b. Closing the strait cuts the only passage.
    const tiny = MapFileSchema.parse({
      id: 'tiny',
      name: 'Tiny',
      source: 'test',
      lonWest: 0,
      latNorth: 1,
      degPerCellX: 1,
      degPerCellY: 1,
      legend: { '~': 'sea', J: 'JPN', U: 'USA' },
      rows: ['JJJJJJJ', 'J~~~~~U', 'UUUUUUU'],
      ports: [
        { id: 'a', name: 'A', country: 'JPN', x: 1, y: 1 },
        { id: 'b', name: 'B', country: 'USA', x: 5, y: 1 },
      ],
      straits: [{ id: 'gap', name: 'Gap', cells: [[3, 1]] }],
      lanes: [{ id: 'a-b', from: 'a', to: 'b' }],
      pairLanes: { 'JPN>USA': 'a-b' },
    });
    expect(routeLanes(tiny, [])['a-b']).toMatchObject({ blocked: false, straits: ['gap'] });
    expect(routeLanes(tiny, ['gap'])['a-b']).toEqual({ id: 'a-b', from: 'a', to: 'b', path: [], lengthKm: 0, straits: [], blocked: true });
  });

  it('does not let paths squeeze diagonally between land cells touching at a corner', () => {
    const corner = MapFileSchema.parse({
      id: 'corner',
      name: 'Corner',
      source: 'test',
      lonWest: 0,
      latNorth: 1,
      degPerCellX: 1,
      degPerCellY: 1,
      legend: { '~': 'sea', '#': 'ROW' },
      rows: ['~#', '#~'],
      ports: [
        { id: 'a', name: 'A', country: 'ROW', x: 0, y: 0 },
        { id: 'b', name: 'B', country: 'ROW', x: 1, y: 1 },
      ],
      straits: [],
      lanes: [{ id: 'a-b', from: 'a', to: 'b' }],
      pairLanes: {},
    });
    expect(routeLanes(corner, [])['a-b']!.blocked).toBe(true);
  });

  it('rejects unknown strait ids', () => {
    expect(() => routeLanes(map, ['hormuz'])).toThrow(/hormuz/);
  });
});

describe('cellAt / regionAtCell', () => {
  it('reads cells and regions, with null off the grid and for sea', () => {
    const [kx, ky] = [map.ports.find((p) => p.id === 'kuantan')!.x, map.ports.find((p) => p.id === 'kuantan')!.y];
    expect(cellAt(map, kx, ky)).toBe('~');
    expect(regionAtCell(map, kx, ky)).toBeNull();
    expect(regionAtCell(map, kx - 1, ky)).toBe('MYS');
    expect(cellAt(map, -1, 0)).toBeNull();
    expect(cellAt(map, 0, map.rows.length)).toBeNull();
    expect(cellAt(map, map.rows[0]!.length, 0)).toBeNull();
    expect(regionAtCell(map, 10_000, 10_000)).toBeNull();
  });
});

describe('MapFileSchema rejects malformed maps', () => {
  it('ragged rows', () => {
    const msgs = messages(broken((m) => { m.rows[3] = m.rows[3]!.slice(1); }));
    expect(msgs.some((s) => /same length/.test(s) && /row 3/.test(s))).toBe(true);
  });

  it('a port referencing a missing country', () => {
    const msgs = messages(broken((m) => { (m.ports[0] as { country: string }).country = 'KOR'; }));
    expect(msgs.some((s) => /KOR/.test(s))).toBe(true);
  });

  it('a port of a country with no land on the map', () => {
    const msgs = messages(broken((m) => { delete (m.legend as Record<string, string>)['U']; m.rows = m.rows.map((r) => r.replaceAll('U', '#')); }));
    expect(msgs.some((s) => /los-angeles/.test(s) && /USA/.test(s))).toBe(true);
  });

  it('a lane with an unknown port', () => {
    const msgs = messages(broken((m) => { m.lanes[0]!.to = 'atlantis'; }));
    expect(msgs.some((s) => /atlantis/.test(s) && /unknown port/.test(s))).toBe(true);
  });

  it('a port on land or away from its country', () => {
    const onLand = messages(broken((m) => { const p = m.ports.find((x) => x.id === 'kuantan')!; p.x -= 1; }));
    expect(onLand.some((s) => /kuantan/.test(s) && /not on a sea cell/.test(s))).toBe(true);
    const offshore = messages(broken((m) => { const p = m.ports.find((x) => x.id === 'minamitorishima')!; p.x -= 3; }));
    expect(offshore.some((s) => /minamitorishima/.test(s) && /not next to JPN/.test(s))).toBe(true);
  });

  it('a strait cell on land, an unknown pair lane and a bad pair key', () => {
    const msgs = messages(broken((m) => {
      m.straits[0]!.cells.push([0, 0]);
      m.pairLanes['JPN>USA'] = 'nowhere';
      m.pairLanes['JPN>KOR'] = 'kuantan-yokohama';
    }));
    expect(msgs.some((s) => /strait/.test(s) && /not a sea cell/.test(s))).toBe(true);
    expect(msgs.some((s) => /JPN>USA/.test(s) && /nowhere/.test(s))).toBe(true);
    expect(msgs.some((s) => /JPN>KOR/.test(s))).toBe(true);
  });

  it('unknown characters and extra keys', () => {
    const msgs = messages(broken((m) => { m.rows[0] = 'Z' + m.rows[0]!.slice(1); }));
    expect(msgs.some((s) => /'Z'/.test(s) && /legend/.test(s))).toBe(true);
    expect(MapFileSchema.safeParse({ ...map, extra: 1 }).success).toBe(false);
  });
});
