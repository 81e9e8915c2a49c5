// The start screen: scenario, country, opponents, length and seed; a briefing for the chosen country; how to play.
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import type { GameConfig, Session } from '../session/protocol.ts';
import { COUNTRY_COLOUR, clear, h } from './dom.ts';
import { howToPlay } from './help.ts';
import { modelDocLink } from './doc.ts';
import { scenarioBriefing, scenarioBriefingBox } from './briefings.ts';

const NAMES: Record<CountryId, string> = { AUS: 'Australia', CHN: 'China', JPN: 'Japan', MYS: 'Malaysia', USA: 'United States' };

export async function startScreen(root: HTMLElement, session: Session, onStart: (cfg: GameConfig) => void, onLoad: (text: string) => void, resume?: () => void): Promise<void> {
  clear(root);
  const [scenarios, agents] = await Promise.all([session.scenarios(), session.agents()]);
  let country: CountryId = 'JPN';
  const seedInput = h('input', { id: 'seed', type: 'number', min: 0, step: 1, value: 1, 'data-testid': 'seed', 'aria-label': 'seed' }) as HTMLInputElement;
  const first = scenarios.find((s) => s.id === 'rare-earth-gambit') ?? scenarios[0];
  const turnsInput = h('input', { id: 'turns', type: 'number', min: 1, max: first?.turns ?? 40, value: first?.turns ?? 40, 'data-testid': 'turns' }) as HTMLInputElement;
  // the main scenario first; others (Japan's gambit) are picked from the list
  const scenarioSel = h('select', { id: 'scenario', 'data-testid': 'scenario' }, ...scenarios.map((s) => h('option', { value: s.id, selected: s.id === 'rare-earth-gambit' }, s.name))) as HTMLSelectElement;
  const opponentSel: Partial<Record<CountryId, HTMLSelectElement>> = {};
  const opponents = h('div', { class: 'opponents' });
  const briefingBox = h('section', { class: 'briefing', 'data-testid': 'briefing', 'aria-label': 'briefing' });
  const countryButtons = h('div', { class: 'countries', role: 'radiogroup', 'aria-label': 'your country' });

  const renderOpponents = () => {
    clear(opponents);
    for (const c of COUNTRIES) {
      if (c === country) continue;
      const sel = h('select', { 'data-testid': `opponent-${c}`, 'aria-label': `agent for ${NAMES[c]}` }, ...agents.filter((a) => !a.startsWith('persona-') || a === `persona-${c.toLowerCase()}`).map((a) => h('option', { value: a, selected: a === 'persona' }, a))) as HTMLSelectElement;
      opponentSel[c] = sel;
      opponents.append(h('label', {}, h('span', { class: 'swatch', style: `background:${COUNTRY_COLOUR[c]}` }), `${NAMES[c]} `, sel));
    }
  };
  let asked = 0;
  const renderBriefing = async () => {
    const mine = ++asked;
    const sb = scenarioBriefing(scenarioSel.value);
    const b = await session.briefing(country, scenarioSel.value);
    if (mine !== asked) return; // a later choice already asked for its own briefing
    clear(briefingBox);
    briefingBox.append(
      sb ? scenarioBriefingBox(sb, country, (c) => NAMES[c]) : '',
      h('h2', {}, sb ? `Your country: ${b.name}` : `Briefing: ${b.name}`),
      // a scenario briefing already tells the story (the scenario's description) and the levers, tab by tab
      ...b.situation.slice(sb ? 1 : 0).map((p) => h('p', {}, p)),
      h('h3', {}, sb ? 'Your objectives' : 'How you are scored'),
      sb ? '' : h('p', {}, 'Your score is your weighted objectives measured against the same game in which you do nothing (the other countries still play, and react to that): 0 means "as good as doing nothing".'),
      h('ul', {}, ...b.objectives.map((o) => h('li', {}, h('b', {}, `${Math.round(o.weight * 100)}% ${o.name}`), ` — ${o.meaning}`))),
      h('p', {}, 'During the game the score shows split by these objectives. How each is computed, and the sources and assumptions behind every mechanism: ', modelDocLink(), '.'),
      sb ? '' : h('h3', {}, 'Your levers'),
      sb ? '' : h('ul', {}, ...b.levers.map((l) => h('li', {}, l))),
    );
  };
  const choose = (c: CountryId) => {
    country = c;
    for (const x of countryButtons.querySelectorAll('button')) x.setAttribute('aria-checked', x.getAttribute('data-testid') === `country-${c}` ? 'true' : 'false');
    renderOpponents();
    void renderBriefing();
  };
  for (const c of COUNTRIES) {
    const b = h('button', { type: 'button', role: 'radio', 'aria-checked': c === country ? 'true' : 'false', 'data-testid': `country-${c}`, class: 'country-btn', style: `--c:${COUNTRY_COLOUR[c]}`, onclick: () => choose(c) }, NAMES[c]);
    countryButtons.append(b);
  }
  // a scenario sets the game's length, and one written for a seat (Japan's gambit) takes that seat
  scenarioSel.addEventListener('change', () => {
    const sc = scenarios.find((x) => x.id === scenarioSel.value);
    if (sc) {
      turnsInput.max = String(sc.turns);
      turnsInput.value = String(sc.turns);
    }
    choose(scenarioBriefing(scenarioSel.value)?.seat ?? country);
  });
  renderOpponents();
  const error = h('p', { class: 'error', role: 'alert' });
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', class: 'hidden', 'data-testid': 'load-file' }) as HTMLInputElement;
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (f) onLoad(await f.text());
    fileInput.value = '';
  });
  const form = h(
    'form',
    {
      class: 'new-game',
      'data-testid': 'new-game',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const seed = Number(seedInput.value);
        const turns = Number(turnsInput.value);
        if (!Number.isInteger(seed) || seed < 0) return void (error.textContent = 'The seed must be a whole number, 0 or more.');
        if (!Number.isInteger(turns) || turns < 1) return void (error.textContent = 'The game needs at least one turn.');
        const agentsCfg = Object.fromEntries(COUNTRIES.map((c) => [c, opponentSel[c]?.value ?? 'persona'])) as Record<CountryId, string>;
        onStart({ scenarioId: scenarioSel.value, country, agents: agentsCfg, turns, seed });
      },
    },
    h('h1', {}, 'Rare Earth Gambit'),
    h('p', { class: 'lede' }, 'Rare earths, cars and security in the Indo-Pacific, 2025-2035. Pick a country, set its policy each quarter, and beat doing nothing.'),
    h('label', {}, 'Scenario ', scenarioSel),
    h('fieldset', {}, h('legend', {}, 'Your country'), countryButtons),
    h('fieldset', {}, h('legend', {}, 'Opponents'), opponents),
    h('div', { class: 'row' }, h('label', {}, 'Turns (quarters) ', turnsInput), h('label', {}, 'Seed ', seedInput)),
    error,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'start-game' }, 'Start game'), h('button', { type: 'button', 'data-testid': 'load', onclick: () => fileInput.click() }, 'Load a saved game…'), resume ? h('button', { type: 'button', 'data-testid': 'resume', onclick: resume }, 'Resume autosaved game') : null, fileInput),
  );
  root.append(h('main', { class: 'start' }, h('div', { class: 'start-left' }, form, howToPlay()), briefingBox));
  await renderBriefing();
}
