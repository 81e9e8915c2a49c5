// The end screen: score against the same game had you done nothing, charts of the whole game, the decisions that mattered, and a
// replay: any turn's map (the flows, bans, licences and tariffs of that quarter) beside its digest.
import { COUNTRIES, type CountryId, type GameMap } from '../../engine/index.ts';
import type { FinalResult, Session } from '../session/protocol.ts';
import type { MapRenderer } from '../render/map.ts';
import mapJson from '../../content/map.json';
import { COUNTRY_COLOUR, PALETTE, clear, h } from './dom.ts';
import { lineChart } from './chart.ts';
import { digest } from './digest.ts';
import { OBJECTIVE_LABEL } from '../session/score.ts';
import { pts } from './score.ts';
import { strategiesSection } from './strategies.ts';

export function endScreen(root: HTMLElement, session: Session, country: CountryId, f: FinalResult, onNew: () => void): void {
  clear(root);
  let map: Promise<MapRenderer> | null = null; // made on the first replayed turn, once even if Show is clicked again meanwhile
  const leave = () => {
    void map?.then((m) => m.destroy()); // release the WebGL context; the next screen makes its own
    map = null;
    onNew();
  };
  const hist = f.history;
  const base = f.baseline;
  const mine = (k: 'gdp' | 'approval' | 'magnetSupplyRatio' | 'score') => hist.map((t) => t.countries[country][k]);
  const baseOf = (k: 'gdp' | 'approval' | 'magnetSupplyRatio') => base.map((t) => t.countries[country][k]);
  const verdict = f.score > 0.5 ? 'You beat doing nothing.' : f.score < -0.5 ? 'Doing nothing would have served you better.' : 'About as good as doing nothing.';
  const turnSel = h('input', { type: 'number', min: 1, max: hist.length, value: 1, 'aria-label': 'turn to replay', 'data-testid': 'replay-turn' }) as HTMLInputElement;
  const replayBox = h('div', { class: 'replay' });
  const mapBox = h('div', { class: 'replay-map', 'data-testid': 'replay-map' });
  mapBox.hidden = true; // shown with the first replayed turn
  root.append(
    h(
      'main',
      { class: 'end' },
      h('h1', {}, 'Game over'),
      h('p', { class: 'final', 'data-testid': 'final-score' }, `${country}: ${f.score >= 0 ? '+' : ''}${f.score.toFixed(2)} points against the same game had you done nothing. ${verdict}`),
      h('p', { 'data-testid': 'score-by' }, `By objective: ${Object.entries(f.scoreBy).map(([k, v]) => `${OBJECTIVE_LABEL[k as keyof typeof OBJECTIVE_LABEL] ?? k} ${pts(v)}`).join(', ')}.`),
      strategiesSection(session, country), // Japan's gambit: the path beside the experiment's strategies (hidden otherwise)
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, 'country'), h('th', {}, 'points against the game had you done nothing'))), h('tbody', {}, ...[...COUNTRIES].sort((a, b) => f.scores[b] - f.scores[a]).map((c) => h('tr', { class: c === country ? 'me' : '' }, h('th', {}, c), h('td', {}, `${f.scores[c] >= 0 ? '+' : ''}${f.scores[c].toFixed(2)}`))))),
      h(
        'div',
        { class: 'charts' },
        lineChart('Your score (points)', [{ label: country, values: mine('score'), colour: COUNTRY_COLOUR[country] }]),
        lineChart('GDP, USD bn (dashed: had you done nothing)', [{ label: country, values: mine('gdp'), colour: COUNTRY_COLOUR[country] }, { label: 'had you done nothing', values: baseOf('gdp'), colour: PALETTE.grey, dashed: true }]),
        lineChart('Approval', [{ label: country, values: mine('approval'), colour: COUNTRY_COLOUR[country] }, { label: 'had you done nothing', values: baseOf('approval'), colour: PALETTE.grey, dashed: true }]),
        lineChart('Magnet supply, share of need', [{ label: country, values: mine('magnetSupplyRatio'), colour: COUNTRY_COLOUR[country] }, { label: 'had you done nothing', values: baseOf('magnetSupplyRatio'), colour: PALETTE.grey, dashed: true }]),
        lineChart('Dy/Tb oxide, USD/kg', [{ label: 'outside China', values: hist.map((t) => t.prices['oxide.heavy'].world), colour: PALETTE.vermillion }, { label: 'China', values: hist.map((t) => t.prices['oxide.heavy'].CHN), colour: PALETTE.orange }]),
        lineChart('Magnets, USD/kg', [{ label: 'outside China', values: hist.map((t) => t.prices.magnet.world), colour: PALETTE.blue }, { label: 'China', values: hist.map((t) => t.prices.magnet.CHN), colour: PALETTE.sky }]),
      ),
      h('h2', {}, 'The decisions that mattered most'),
      f.decisions.length
        ? h('ol', { class: 'decisions', 'data-testid': 'decisions' }, ...f.decisions.map((d) => h('li', {}, h('b', {}, `Turn ${d.turn} (${d.date}): `), d.summary, ` — worth ${Math.abs(d.worth) < 0.005 ? '±0.00' : `${d.worth > 0 ? '+' : ''}${d.worth.toFixed(2)}`} points (measured by replaying the game without it)`)))
        : h('p', { 'data-testid': 'decisions' }, 'You changed no policy: the game is its own yardstick, so your score is 0 by definition.'),
      h('h2', {}, 'Replay'),
      h('div', { class: 'row' }, h('label', {}, 'Turn ', turnSel), h('button', { type: 'button', 'data-testid': 'replay-show', onclick: () => void showTurn(Number(turnSel.value)) }, 'Show'), h('button', { type: 'button', onclick: () => { turnSel.value = String(Math.min(hist.length, Number(turnSel.value) + 1)); void showTurn(Number(turnSel.value)); } }, 'Next turn')),
      h('div', { class: 'replay-grid' }, mapBox, replayBox),
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', 'data-testid': 'new-game-again', onclick: leave }, 'New game')),
    ),
  );
  async function showTurn(t: number) {
    const r = await session.replayTurn(t);
    clear(replayBox);
    if (!r.ok) return void replayBox.append(h('p', { class: 'error' }, r.error));
    const d = digest(r.value.report, country, () => clear(replayBox), { score: r.value.score, view: r.value.view, turns: hist.length });
    d.classList.add('inline');
    replayBox.append(d);
    if (!map) {
      mapBox.hidden = false;
      const b = mapBox.getBoundingClientRect();
      map = import('../render/map.ts').then(({ createMap }) => createMap(mapBox, mapJson as unknown as GameMap, { width: Math.max(300, b.width), height: Math.max(200, b.height) }));
    }
    (await map).update(r.value.view, { animate: true });
  }
}
