// The map's controls under the game screen's map: a list of its places to show the figures of (the same as clicking
// one), zoom in and out, and the view reset.
import type { GameMap } from '../../engine/lite.ts';
import mapJson from '../../content/map.json';
import type { MapRenderer, MapSelection } from '../render/map.ts';
import { clear, h } from './dom.ts';
import { t } from './i18n.ts';
import { countryName, placeName } from './labels.ts';

/** The controls drawn anew into `box` (in the active language); `map` is the map once it is drawn. */
export function mapControls(box: HTMLElement, map: () => MapRenderer | null, show: (sel: MapSelection | null) => void): void {
  const m = mapJson as unknown as GameMap;
  const portName = (id: string) => placeName('port', id, m.ports.find((p) => p.id === id)?.name ?? id);
  const opts: [string, string, string][] = [
    ...['AUS', 'CHN', 'JPN', 'MYS', 'USA', 'ROW'].map((c): [string, string, string] => ['country', c, t('map.country', { name: countryName(c) })]),
    ...m.ports.map((p): [string, string, string] => ['port', p.id, t('map.port', { name: placeName('port', p.id, p.name) })]),
    ...m.lanes.map((l): [string, string, string] => ['lane', l.id, t('map.lane', { a: portName(l.from), b: portName(l.to) })]),
    ...m.straits.map((st): [string, string, string] => ['strait', st.id, t('map.strait', { name: placeName('strait', st.id, st.name) })]),
  ];
  const inspect = h(
    'select',
    {
      'aria-label': t('map.inspectLabel'),
      'data-testid': 'map-inspect',
      onchange: (e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        const drawn = map();
        if (!v || !drawn) return show(null);
        const [kind, id] = v.split('|') as [MapSelection['kind'], string];
        show(drawn.inspect(kind, id));
      },
    },
    h('option', { value: '' }, t('map.inspect')),
    ...opts.map(([kind, id, label]) => h('option', { value: `${kind}|${id}` }, label)),
  );
  clear(box);
  box.append(
    inspect,
    h('button', { type: 'button', 'aria-label': t('map.zoomIn'), onclick: () => map()?.zoomBy(1.25) }, '+'),
    h('button', { type: 'button', 'aria-label': t('map.zoomOut'), onclick: () => map()?.zoomBy(0.8) }, '−'),
    h('button', { type: 'button', 'aria-label': t('map.reset'), onclick: () => map()?.resetView() }, '⌂'),
  );
}
