// `npx tsx scripts/atlas.ts`: writes src/render/atlas.json, the map's Natural Earth countries (world-atlas
// countries-110m.json, public domain) cropped to the countries that reach into the drawn Indo-Pacific (geo.ts EXTENT,
// with a margin), keeping only the arcs they use. The game bundles this file rather than the whole world (about half the size).
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { geoBounds } from 'd3-geo';
import type { Topology, GeometryCollection, Polygon, MultiPolygon } from 'topojson-specification';
import { EXTENT } from '../src/render/geo.ts';

const src = new URL('../node_modules/world-atlas/countries-110m.json', import.meta.url);
const topo = JSON.parse(readFileSync(src, 'utf8')) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
const margin = 15;
// the drawn longitudes, from -180..180: east of lonWest, or west of lonEast - 360
const west = EXTENT.lonWest - margin;
const east = EXTENT.lonEast + margin - 360;
const keep = topo.objects.countries.geometries.filter((g) => {
  if (String(g.id) === '010') return false; // Antarctica
  const [[w, s], [e, n]] = geoBounds(feature(topo, g as Polygon));
  if (n < EXTENT.latSouth - margin || s > EXTENT.latNorth + margin) return false;
  // a country whose bounds cross the antimeridian (w > e) or reach into the longitudes drawn
  return w > e || e >= west || w <= east;
});
const used = new Map<number, number>();
const arcs: number[][][] = [];
const remap = (i: number): number => {
  const k = i < 0 ? ~i : i;
  if (!used.has(k)) {
    used.set(k, arcs.length);
    arcs.push(topo.arcs[k]!);
  }
  const j = used.get(k)!;
  return i < 0 ? ~j : j;
};
const geometries = keep.map((g) => {
  if (g.type === 'Polygon') return { ...g, arcs: (g as Polygon).arcs.map((ring) => ring.map(remap)) };
  if (g.type === 'MultiPolygon') return { ...g, arcs: (g as MultiPolygon).arcs.map((p) => p.map((ring) => ring.map(remap))) };
  return g;
});
const out = { type: 'Topology', transform: topo.transform, objects: { countries: { type: 'GeometryCollection', geometries } }, arcs, bbox: topo.bbox };
writeFileSync(new URL('../src/render/atlas.json', import.meta.url), JSON.stringify(out));
console.log(`atlas.json: ${geometries.length} of ${topo.objects.countries.geometries.length} countries, ${arcs.length} of ${topo.arcs.length} arcs`);

// Japan at 1:50m (Natural Earth via world-atlas countries-50m.json): its four main islands and the larger others, so
// that Shikoku, the Seto Inland Sea and Tokyo Bay show; coordinates rounded to 0.02 degrees. src/render/japan.json.
const t50 = JSON.parse(readFileSync(new URL('../node_modules/world-atlas/countries-50m.json', import.meta.url), 'utf8')) as Topology<{ countries: GeometryCollection }>;
const jp = t50.objects.countries.geometries.find((g) => String(g.id) === '392')!;
const f = feature(t50, jp as MultiPolygon) as unknown as { geometry: { type: string; coordinates: number[][][][] } };
const r2 = (x: number) => Math.round(x * 50) / 50;
const polys = f.geometry.coordinates
  .map((poly) => poly.map((ring) => ring.map(([x, y]) => [r2(x!), r2(y!)]).filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1])))
  .filter((poly) => poly[0]!.length >= 12);
writeFileSync(new URL('../src/render/japan.json', import.meta.url), JSON.stringify({ type: 'Feature', id: '392', properties: { name: 'Japan', source: 'Natural Earth 1:50m via world-atlas countries-50m.json' }, geometry: { type: 'MultiPolygon', coordinates: polys } }));
console.log(`japan.json: ${polys.length} islands, ${polys.reduce((a, p) => a + p[0]!.length, 0)} points`);
