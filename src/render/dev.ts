// Dev harness for the map renderer: plays a few turns of a real game in the browser and draws them (open /src/render/dev.html under vite).
// Query: ?player=JPN&turns=3&closed=taiwan,malacca&animate=1&orders=0&scale=100 (stress: flows x100)
import { compileContent, createGame, isCountry, resolveTurn, viewFor, type Orders, type RawBundle } from '../../engine/index.ts';
import { createMap } from './map.ts';

const files = import.meta.glob('/content/**/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

/** The scenario and the files it names, like src/content/load.ts does from disk. */
function bundle(scenarioId: string): RawBundle {
  const sp = `/content/scenarios/${scenarioId}.json`;
  const sj = files[sp] as { files: Record<string, string> };
  const parts: Record<string, { file: string; json: unknown }> = { scenario: { file: sp, json: sj } };
  for (const [kind, rel] of Object.entries(sj.files)) {
    const segs = sp.split('/').slice(0, -1);
    for (const s of rel.split('/')) {
      if (s === '..') segs.pop();
      else if (s !== '.') segs.push(s);
    }
    const path = segs.join('/');
    parts[kind] = { file: path, json: files[path] };
  }
  return parts as unknown as RawBundle;
}

/** Orders that put every kind of marker on the map: a ban, licences, tariffs. */
const DEMO_ORDERS: Orders = {
  CHN: { exportControls: { JPN: { 'oxide.heavy': 'banned', magnet: 'banned' }, USA: { 'oxide.light': { licensed: 0.6 }, magnet: { licensed: 0.7 } } } },
  USA: { tariffs: { CHN: { magnets: 25, autos: 50 }, JPN: { autos: 25 } } },
  JPN: { tariffs: { CHN: { autos: 20 } } },
};

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const player = q.get('player') ?? 'JPN';
  const turns = Number(q.get('turns') ?? 3);
  const content = compileContent(bundle(q.get('scenario') ?? 'rare-earth-gambit'));
  let state = createGame(content, q.get('seed') ?? 1);
  for (let t = 0; t < turns; t++) state = resolveTurn(content, state, t === 0 && q.get('orders') !== '0' ? DEMO_ORDERS : {}).state;
  if (!isCountry(player)) throw new Error(`player must be a country, got ${player}`);
  let view = viewFor(state, player);
  const k = Number(q.get('scale') ?? 1); // stress test: every flow times k, and some flow on every pair
  if (k !== 1) {
    const bump = (rec: Record<string, Record<string, number>>, floor: number) =>
      Object.fromEntries(Object.entries(rec).map(([a, row]) => [a, Object.fromEntries(Object.entries(row).map(([b, v]) => [b, a === b ? v : Math.max(v, floor) * k]))]));
    view = {
      ...view,
      flows: Object.fromEntries(Object.entries(view.flows).map(([s, rec]) => [s, bump(rec, 5)])) as typeof view.flows,
      carFlows: bump(view.carFlows, 5000) as typeof view.carFlows,
    };
  }
  const closed = (q.get('closed') ?? '').split(',').filter(Boolean);
  if (closed.length) view = { ...view, straits: { ...view.straits, ...Object.fromEntries(closed.map((s) => [s, 'closed' as const])) } };

  const parent = document.getElementById('map')!;
  const map = await createMap(parent, content.map); // content/map.json, loaded by the glob above and validated
  const info = document.getElementById('info')!;
  map.onSelect((sel) => (info.textContent = sel ? [sel.title, ...sel.lines].join('\n') : ''));
  addEventListener('keydown', (e) => {
    if (e.key === '+' || e.key === '=') map.zoomBy(1.25);
    else if (e.key === '-') map.zoomBy(0.8);
    else if (e.key === '0') map.resetView();
  });
  map.update(view, { animate: q.get('animate') === '1' });
  Object.assign(globalThis, { __map: map, __view: view });
  await map.settled();
  document.body.dataset.ready = '1';
}

main().catch((e: unknown) => {
  document.body.dataset.error = String(e instanceof Error ? e.stack ?? e.message : e);
  throw e;
});
