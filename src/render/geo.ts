// The real map behind the renderer: Natural Earth coastlines and borders (world-atlas TopoJSON, 1:110m) read with
// topojson-client, projected with d3-geo (Mercator centred on the western Pacific, keeping India, Australia and the US
// west coast in view), and a land raster of the same shapes for routing the drawn lanes and for picking. Pure: no Pixi,
// no DOM, so Node tests check it. The engine's grid (content/map.json) still decides lane lengths; this is only drawing.
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from './atlas.json'; // world-atlas countries-110m cropped to the drawn area: scripts/atlas.ts
import japan from './japan.json'; // Japan at 1:50m (Shikoku, the Inland Sea, Tokyo Bay): scripts/atlas.ts
import type { GameMap, RegionId } from '../../engine/lite.ts';

/** ISO 3166-1 numeric codes (world-atlas feature ids) of the game's countries; every other country is the rest of the world. */
export const ISO_REGION: Record<string, RegionId> = { '392': 'JPN', '840': 'USA', '156': 'CHN', '036': 'AUS', '458': 'MYS' };

/** The drawn area, degrees east (0-360) and north: the engine map's extent. */
export const EXTENT = { lonWest: 60, lonEast: 246, latNorth: 55, latSouth: -46.5 };
/** World pixels across the drawn area (the view transform scales it to the screen). */
export const WORLD_WIDTH = 1800;

export interface GeoProj {
  width: number;
  height: number;
  /** world px of (lon, lat); lon in degrees east, any range */
  project(lon: number, lat: number): [number, number];
  d3: GeoProjection;
}

export function geoProjection(): GeoProj {
  const centre = (EXTENT.lonWest + EXTENT.lonEast) / 2;
  const p = geoMercator().rotate([-centre, 0]).scale(1).translate([0, 0]);
  const [x0, y0] = p([EXTENT.lonWest, EXTENT.latNorth])!;
  const [x1, y1] = p([EXTENT.lonEast, EXTENT.latSouth])!;
  const k = WORLD_WIDTH / (x1 - x0);
  p.scale(k).translate([-x0 * k, -y0 * k]);
  const height = Math.round((y1 - y0) * k);
  // shapes are cut at a small margin round the drawn area: nothing is drawn (or cached) far off the map
  p.clipExtent([[-24, -24], [WORLD_WIDTH + 24, height + 24]]);
  return {
    width: WORLD_WIDTH,
    height,
    project: (lon, lat) => p([lon > 180 ? lon - 360 : lon, lat]) as [number, number],
    d3: p,
  };
}

/** A region's land as projected rings (flat world px [x0, y0, x1, y1, ...], closed implicitly). */
export interface RegionShapes {
  region: RegionId;
  rings: Float32Array[];
}

/** Collects d3-geo path output (moveTo/lineTo/closePath) as flat rings or lines. */
class RingSink {
  rings: number[][] = [];
  private cur: number[] | null = null;
  moveTo(x: number, y: number): void {
    this.cur = [x, y];
    this.rings.push(this.cur);
  }
  lineTo(x: number, y: number): void {
    this.cur?.push(x, y);
  }
  closePath(): void {
    this.cur = null;
  }
  arc(): void {}
  rect(): void {}
}

type Countries = GeometryCollection<{ name: string }>;
const topo = atlas as unknown as Topology<{ countries: Countries; land: GeometryCollection }>;

function within(proj: GeoProj, r: number[]): boolean {
  // keep rings that reach into the drawn area (a margin of a tenth of it)
  const mx = proj.width * 0.1;
  const my = proj.height * 0.1;
  for (let i = 0; i < r.length; i += 2) if (r[i]! > -mx && r[i]! < proj.width + mx && r[i + 1]! > -my && r[i + 1]! < proj.height + my) return true;
  return false;
}

/** Every region's land, projected; the rest of the world's countries merged into ROW. */
export function regionShapes(proj: GeoProj): RegionShapes[] {
  const fc = feature(topo, topo.objects.countries);
  const by = new Map<RegionId, number[][]>();
  for (const f of fc.features) {
    const r = ISO_REGION[String(f.id)] ?? 'ROW';
    if (String(f.id) === '010') continue; // Antarctica
    const sink = new RingSink();
    geoPath(proj.d3, sink as unknown as CanvasRenderingContext2D)(String(f.id) === '392' ? (japan as unknown as typeof f) : f);
    const list = by.get(r) ?? [];
    for (const ring of sink.rings) if (ring.length >= 6 && within(proj, ring)) list.push(ring);
    by.set(r, list);
  }
  return [...by.entries()].map(([region, rings]) => ({ region, rings: rings.map((x) => Float32Array.from(x)) }));
}

/** Borders between countries as projected polylines (coasts are the rings' outlines). */
export function borderLines(proj: GeoProj): Float32Array[] {
  const sink = new RingSink();
  geoPath(proj.d3, sink as unknown as CanvasRenderingContext2D)(mesh(topo, topo.objects.countries, (a, b) => a !== b));
  return sink.rings.filter((r) => r.length >= 4 && within(proj, r)).map((r) => Float32Array.from(r));
}

/** Land raster: per cell the region owning it (index into REGION_CODES, 0 = sea). */
export const REGION_CODES: (RegionId | null)[] = [null, 'JPN', 'USA', 'CHN', 'AUS', 'MYS', 'ROW'];

export interface Raster {
  cols: number;
  rows: number;
  /** world px per cell */
  cell: number;
  owner: Uint8Array;
}

/** Scanline even-odd fill of the projected rings into a grid of `cell` world px. */
export function rasterize(shapes: RegionShapes[], proj: GeoProj, cell: number): Raster {
  const cols = Math.ceil(proj.width / cell);
  const rows = Math.ceil(proj.height / cell);
  const owner = new Uint8Array(cols * rows);
  const xs: number[] = [];
  for (const s of shapes) {
    const code = REGION_CODES.indexOf(s.region);
    for (const ring of s.rings) {
      const n = ring.length >> 1;
      let ymin = Infinity;
      let ymax = -Infinity;
      for (let i = 0; i < n; i++) {
        ymin = Math.min(ymin, ring[2 * i + 1]!);
        ymax = Math.max(ymax, ring[2 * i + 1]!);
      }
      const r0 = Math.max(0, Math.floor(ymin / cell));
      const r1 = Math.min(rows - 1, Math.ceil(ymax / cell));
      for (let r = r0; r <= r1; r++) {
        const y = (r + 0.5) * cell;
        xs.length = 0;
        for (let i = 0, j = n - 1; i < n; j = i++) {
          const yi = ring[2 * i + 1]!;
          const yj = ring[2 * j + 1]!;
          if (yi > y !== yj > y) xs.push(ring[2 * i]! + ((y - yi) / (yj - yi)) * (ring[2 * j]! - ring[2 * i]!));
        }
        xs.sort((a, b) => a - b);
        for (let k = 0; k + 1 < xs.length; k += 2) {
          const c0 = Math.max(0, Math.ceil(xs[k]! / cell - 0.5));
          const c1 = Math.min(cols - 1, Math.floor(xs[k + 1]! / cell - 0.5));
          for (let c = c0; c <= c1; c++) owner[r * cols + c] = code;
        }
      }
    }
  }
  return { cols, rows, cell, owner };
}

/** The region whose land is at world point (wx, wy), or null for sea and outside the map. */
export function regionAtPoint(r: Raster, wx: number, wy: number): RegionId | null {
  const c = Math.floor(wx / r.cell);
  const row = Math.floor(wy / r.cell);
  if (c < 0 || row < 0 || c >= r.cols || row >= r.rows) return null;
  return REGION_CODES[r.owner[row * r.cols + c]!] ?? null;
}

/** Where the ports really are (degrees east, north): on the water just off each harbour. */
export const PORT_LONLAT: Record<string, [number, number]> = {
  yokohama: [139.75, 35.3],
  nagoya: [136.85, 34.75],
  minamitorishima: [153.98, 24.28],
  'los-angeles': [241.7, 33.65],
  shanghai: [122.2, 30.9],
  guangzhou: [113.75, 22.3],
  fremantle: [115.6, -32.05],
  esperance: [121.9, -33.95],
  kuantan: [103.5, 3.9],
  'port-klang': [101.2, 2.95],
  singapore: [103.9, 1.15],
  busan: [129.1, 34.95],
  haiphong: [106.9, 20.7],
  yangon: [96.3, 16.3],
  chennai: [80.45, 13.1],
  mumbai: [72.7, 18.9],
};

/** A point in the middle of each named strait (degrees east, north). */
export const STRAIT_LONLAT: Record<string, [number, number]> = {
  malacca: [100.2, 3.4],
  sunda: [105.75, -6.05],
  lombok: [115.75, -8.6],
  taiwan: [119.9, 24.0],
  luzon: [121.3, 20.4],
  tsushima: [129.4, 34.2],
};

/** Where each region's name goes (degrees east, north), on the region's land or in the sea beside a thin one. */
export const LABEL_LONLAT: Record<RegionId, [number, number]> = {
  JPN: [157.5, 42],
  USA: [236, 44],
  CHN: [104, 34],
  AUS: [134, -25],
  MYS: [118.5, 5],
  ROW: [80, 23],
};

/** A closed strait's mark on screen: its radius, px (labels.ts MapLabels), and the room a country's plate leaves it. */
export const CLOSED_MARK = { radius: 9, margin: 3 };

/** The room, px, a plate leaves a strait's name beside it ("マラッカ" ended 7 px from Malaysia's plate at 1440x900). */
export const NAME_ROOM = 10;

/** How far to move a country's plate (screen px, along x) so that no closed strait's mark, nor a strait's name where
 * it shows (`names`, boxes on screen), lies under it, 0 when none does: on a small map (1024x768, scale about 0.35)
 * Malaysia's plate sat over the closed Malacca strait's mark, and where the names show (scale 0.5 and up: a 1440 px
 * window, or zoomed in) the Japanese player's wider plate ("マレーシア（あなた）") against "マラッカ". The plate moves away
 * from each, to the east of one left of its middle, else to the west. */
export function plateShift(plate: { l: number; r: number; t: number; b: number }, marks: readonly { x: number; y: number }[], names: readonly { l: number; r: number; t: number; b: number }[] = []): number {
  const k = CLOSED_MARK.radius;
  let dx = 0;
  for (const o of [...marks.map((p) => ({ l: p.x - k, r: p.x + k, t: p.y - k, b: p.y + k, m: CLOSED_MARK.margin })), ...names.map((n) => ({ ...n, m: NAME_ROOM }))]) {
    const l = plate.l + dx;
    const r = plate.r + dx;
    if (o.r + o.m <= l || o.l - o.m >= r || o.b + o.m <= plate.t || o.t - o.m >= plate.b) continue;
    dx += (o.l + o.r) / 2 <= (l + r) / 2 ? o.r + o.m - l : o.l - o.m - r;
  }
  return dx;
}

/** A port's world px: its real position, or the centre of its engine grid cell if it is not in the table. */
export function portPoint(proj: GeoProj, map: Pick<GameMap, 'lonWest' | 'latNorth' | 'degPerCellX' | 'degPerCellY'>, port: { id: string; x: number; y: number }): [number, number] {
  const ll = PORT_LONLAT[port.id] ?? cellLonLat(map, port.x, port.y);
  return proj.project(ll[0], ll[1]);
}

/** The centre of an engine grid cell in degrees. */
export function cellLonLat(map: Pick<GameMap, 'lonWest' | 'latNorth' | 'degPerCellX' | 'degPerCellY'>, x: number, y: number): [number, number] {
  return [map.lonWest + (x + 0.5) * map.degPerCellX, map.latNorth - (y + 0.5) * map.degPerCellY];
}

/** A strait's world px: its real middle, or the mean of its engine cells. */
export function straitPoint(proj: GeoProj, map: Pick<GameMap, 'lonWest' | 'latNorth' | 'degPerCellX' | 'degPerCellY' | 'straits'>, id: string): [number, number] {
  const ll = STRAIT_LONLAT[id];
  if (ll) return proj.project(ll[0], ll[1]);
  const s = map.straits.find((x) => x.id === id);
  const cells = s?.cells ?? [[0, 0]];
  const mx = cells.reduce((a, c) => a + c[0], 0) / cells.length;
  const my = cells.reduce((a, c) => a + c[1], 0) / cells.length;
  const [lon, lat] = cellLonLat(map, mx, my);
  return proj.project(lon, lat);
}

export interface World {
  proj: GeoProj;
  shapes: RegionShapes[];
  borders: Float32Array[];
  raster: Raster;
}
let worldMemo: World | null = null;
/** The projected map, its borders and its land raster (4 world px a cell), built once per page. */
export function world(): World {
  if (!worldMemo) {
    const proj = geoProjection();
    const shapes = regionShapes(proj);
    worldMemo = { proj, shapes, borders: borderLines(proj), raster: rasterize(shapes, proj, 4) };
  }
  return worldMemo;
}
