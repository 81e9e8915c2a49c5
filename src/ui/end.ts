// The end screen: score against the yardstick (alone: the same game had you done nothing; in a class: the status-quo
// world), charts of the whole game, the decisions that mattered, and a replay: any turn's map (the flows, bans, licences and tariffs of that quarter) beside its digest.
import { COUNTRIES, OBJECTIVES, type CountryId, type GameMap } from '../../engine/lite.ts';
import type { FinalResult, Session } from '../session/protocol.ts';
import type { MapRenderer } from '../render/map.ts';
import mapJson from '../../content/map.json';
import { COUNTRY_COLOUR, PALETTE, clear, h } from './dom.ts';
import { lineChart } from './chart.ts';
import { digest } from './digest.ts';
import { overrideNotes } from './overrides.ts';
import { pts } from './score.ts';
import { lang, t } from './i18n.ts';
import { countryName, objectiveName, paren } from './labels.ts';
import { ordersText } from './orders-text.ts';
import { projectLabel } from './content-text.ts';
import { strategiesSection } from './strategies.ts';

/** `newLabel`: the last button's words when it does something else than start a new game (a class's what-if: go back). */
export function endScreen(root: HTMLElement, session: Session, country: CountryId, f: FinalResult, onNew: () => void, newLabel?: string): void {
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
  // what the score was measured against: alone, the same game with the player's seat keeping its policies (the other
  // seats' agents reacting); in a class, the status-quo world (every country keeping its policies)
  const cls = f.yardstick === 'status-quo-world';
  const k = (key: string) => `endText.${key}${cls ? 'Class' : ''}`;
  const verdict = t(k(verdictKey(f.score)));
  const outsideBase = `${t('ind.outside')}${lang() === 'ja' ? '、' : ', '}${t(k('baseline'))}`;
  // the decisions name project types in words ("NdPr separation plant"): drawn once the session has said them
  const decisionsBox = h('div', { class: 'decisions-box' });
  const drawDecisions = (label: (type: string) => string) => {
    clear(decisionsBox);
    decisionsBox.append(
      f.decisions.length
        ? h('ol', { class: 'decisions', 'data-testid': 'decisions' }, ...f.decisions.map((d) => h('li', {}, h('b', {}, (f.roundTurns ?? 1) > 1 || cls ? t('endText.round', { n: d.turn, date: d.date }) : t('orders.turn', { n: d.turn, date: d.date })), d.orders ? ordersText(d.orders, label) : d.summary, ` — ${t('orders.worth', { n: pts(d.worth) })}`, d.parts?.length ? h('p', { class: 'note', 'data-testid': 'decision-parts' }, t(k('eachAlone'), { parts: d.parts.map((p) => `${t(`endText.kinds.${p.kind}`)} ${pts(p.worth)}`).join(lang() === 'ja' ? '、' : ', ') })) : '', ...[...overrideNotes(d, country), ...overrideNotes(d, country, true)].map((x) => h('p', { class: 'note', 'data-testid': 'decision-override' }, x)))))
        : h('p', { 'data-testid': 'decisions' }, t(k('noDecisions'))),
    );
  };
  if (f.decisions.some((d) => d.orders?.investments?.length))
    void session.projectTypes().then(
      (ps) => drawDecisions((ty) => { const p = ps.find((x) => x.type === ty); return p ? projectLabel(ty, p.label) : ty; }),
      () => drawDecisions((ty) => ty),
    );
  else drawDecisions((ty) => ty);
  // a class's charts by quarter, as its debrief dates them (a student's "turn 4" was the debrief's 2026Q3)
  const xs = hist.map((x, i) => (cls ? x.date : `${t('endText.byTurn')} ${i + 1}`));
  const turnSel = h('input', { type: 'number', min: 1, max: hist.length, value: 1, 'aria-label': t('endText.turn'), 'data-testid': 'replay-turn' }) as HTMLInputElement;
  const replayBox = h('div', { class: 'replay' });
  const mapBox = h('div', { class: 'replay-map', 'data-testid': 'replay-map' });
  mapBox.hidden = true; // shown with the first replayed turn
  root.append(
    h(
      'main',
      { class: 'end' },
      h('h1', {}, t('end.title')),
      h('p', { class: 'final', 'data-testid': 'final-score' }, t(k('final'), { country: countryName(country), score: pts(f.score), verdict })),
      // a sense of scale (a new player: nothing said what 0.36 points is)
      f.gdpPercentPoints ? h('p', { class: 'hint', 'data-testid': 'score-scale' }, t(k('scale'), { n: f.gdpPercentPoints.toFixed(2), country: countryName(country) })) : '',
      scoreSplit(f, country),
      strategiesSection(session, country), // Japan's gambit: the path beside the experiment's strategies (hidden otherwise)
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, t('endText.country')), h('th', {}, t(k('points'))))), h('tbody', {}, ...[...COUNTRIES].sort((a, b) => f.scores[b] - f.scores[a]).map((c) => h('tr', { class: c === country ? 'me' : '' }, h('th', {}, countryName(c)), h('td', {}, pts(f.scores[c])))))),
      h(
        'div',
        { class: 'charts' },
        lineChart(t('endText.yourScore'), [{ label: countryName(country), values: mine('score'), colour: COUNTRY_COLOUR[country] }], 420, 180, '', xs, 0.5, true),
        lineChart(t(k('gdp')), [{ label: countryName(country), values: mine('gdp'), colour: COUNTRY_COLOUR[country] }, { label: t(k('baseline')), values: baseOf('gdp'), colour: PALETTE.grey, dashed: true }], 420, 180, '', xs, Math.abs(mine('gdp')[0] ?? 0) * 0.02),
        lineChart(t(k('approval')), [{ label: countryName(country), values: mine('approval'), colour: COUNTRY_COLOUR[country] }, { label: t(k('baseline')), values: baseOf('approval'), colour: PALETTE.grey, dashed: true }], 420, 180, '', xs, 5),
        lineChart(t(k('supply')), [{ label: countryName(country), values: mine('magnetSupplyRatio').map((v) => v * 100), colour: COUNTRY_COLOUR[country] }, { label: t(k('baseline')), values: baseOf('magnetSupplyRatio').map((v) => v * 100), colour: PALETTE.grey, dashed: true }], 420, 180, '%', xs, 10),
        // China's price dashed: vermillion beside orange (Dy/Tb) read as one colour to a play-tester
        // the price outside China had you done nothing beside it, as the charts above have theirs (a new player could not
        // tell whether a tariff had moved a price)
        lineChart(t('endText.dytb'), [{ label: t('ind.outside'), values: hist.map((x) => x.prices['oxide.heavy'].world), colour: PALETTE.vermillion }, { label: t('ind.china'), values: hist.map((x) => x.prices['oxide.heavy'].CHN), colour: PALETTE.orange, dashed: true }, { label: outsideBase, values: base.map((x) => x.prices['oxide.heavy'].world), colour: PALETTE.grey, dashed: true }], 420, 180, '', xs),
        lineChart(t('endText.magnet'), [{ label: t('ind.outside'), values: hist.map((x) => x.prices.magnet.world), colour: PALETTE.blue }, { label: t('ind.china'), values: hist.map((x) => x.prices.magnet.CHN), colour: PALETTE.sky, dashed: true }, { label: outsideBase, values: base.map((x) => x.prices.magnet.world), colour: PALETTE.grey, dashed: true }], 420, 180, '', xs),
        objectiveChart(f, country, xs),
      ),
      h('h2', {}, t('endText.decisions')),
      cls ? h('p', { class: 'hint', 'data-testid': 'decisions-how' }, t('endText.decisionsClass')) : f.decisions.length ? h('p', { class: 'hint', 'data-testid': 'decisions-how' }, t('endText.decisionsAlone', { score: pts(f.score) })) : '',
      decisionsBox,
      h('h2', {}, t('endText.replay')),
      h('div', { class: 'row' }, h('label', {}, `${t('endText.turn')} `, turnSel), h('button', { type: 'button', 'data-testid': 'replay-show', onclick: () => void showTurn(Number(turnSel.value)) }, t('endText.show')), h('button', { type: 'button', onclick: () => { turnSel.value = String(Math.min(hist.length, Number(turnSel.value) + 1)); void showTurn(Number(turnSel.value)); } }, t('endText.next'))),
      h('div', { class: 'replay-grid' }, mapBox, replayBox),
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', 'data-testid': 'new-game-again', onclick: leave }, newLabel ?? t('endText.newGame'))),
    ),
  );
  async function showTurn(t: number) {
    const r = await session.replayTurn(t);
    clear(replayBox);
    if (!r.ok) return void replayBox.append(h('p', { class: 'error' }, r.error));
    const d = digest(r.value.report, country, () => clear(replayBox), { score: r.value.score, view: r.value.view, turns: hist.length, history: hist.slice(0, t) });
    d.classList.add('inline');
    replayBox.append(d);
    // the replay is drawn below the buttons, often below the fold: brought into view, or Show seemed to do nothing
    mapBox.parentElement?.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    if (!map) {
      mapBox.hidden = false;
      const b = mapBox.getBoundingClientRect();
      map = import('../render/map.ts').then(({ createMap }) => createMap(mapBox, mapJson as unknown as GameMap, { width: Math.max(300, b.width), height: Math.max(200, b.height) }));
    }
    (await map).update(r.value.view, { animate: true });
  }
}

/** The end screen's one-line verdict on a final score (points): about the same within 0.1 either way (it reads ±0.0x),
 * a little better or worse to 0.5, better or worse beyond. -0.29 after 8 turns read "About as good as doing nothing"
 * when the band was 0.5 either way. The bands are the screen's wording, not the model's. */
export function verdictKey(score: number): 'beat' | 'slightlyBeat' | 'same' | 'slightlyWorse' | 'worse' {
  if (score >= 0.5) return 'beat';
  if (score >= 0.1) return 'slightlyBeat';
  if (score > -0.1) return 'same';
  if (score > -0.5) return 'slightlyWorse';
  return 'worse';
}

/** The final score split by objective, largest first, as a line of words (Japanese punctuation in Japanese: it read
 * "目標別のスコア (マレーシア): GDP −0.63, 供給の自立 +0.34."). */
export function scoreSplitText(scoreBy: FinalResult['scoreBy'], country: CountryId): string {
  const parts = Object.entries(scoreBy).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([k, v]) => `${objectiveName(k)} ${pts(v)}`);
  return lang() === 'ja' ? `${t('end.byObjective')}（${countryName(country)}）：${parts.join('、')}。` : `${t('end.byObjective')} (${countryName(country)}): ${parts.join(', ')}.`;
}

function scoreSplit(f: FinalResult, country: CountryId): HTMLElement {
  return h('p', { 'data-testid': 'score-by' }, scoreSplitText(f.scoreBy, country));
}

/** The score split by objective over the game: each objective's running part of the score, turn by turn. */
function objectiveChart(f: FinalResult, country: CountryId, xs: string[]): HTMLElement {
  const by = f.scoreByTurn;
  if (!by?.length) return h('span', { hidden: true }); // no grid cell (and no gap) for it
  const keys = Object.keys(by[by.length - 1]!).filter((k) => by.some((x) => Math.abs(x[k] ?? 0) >= 0.005));
  // a colour per objective, the same in every game (they went by position among the objectives shown)
  const colours = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange, PALETTE.sky, PALETTE.grey];
  const colourOf = (k: string) => colours[Math.max(0, (OBJECTIVES as readonly string[]).indexOf(k)) % colours.length]!;
  // magnet supply (orange) beside security (vermillion), and independence (sky) beside GDP (blue), read as one colour
  // each to a new player: the second of each pair dashed
  const dashed = (k: string) => k === 'supplySecurity' || k === 'independence';
  return lineChart(`${t('end.overTime')}${paren(countryName(country))}`, keys.map((k) => ({ label: objectiveName(k), values: by.map((x) => x[k] ?? 0), colour: colourOf(k), dashed: dashed(k) })), 420, 180, '', xs, 0.5, true);
}
