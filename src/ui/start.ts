// The start screen: scenario, country, opponents, length and seed; a briefing for the chosen country; how to play.
import { COUNTRIES, quickestBuild, type CountryId } from '../../engine/lite.ts';
import type { GameConfig, Session } from '../session/protocol.ts';
import { savedLabel, type SavedGame } from './autosaves.ts';
import { COUNTRY_COLOUR, clear, h } from './dom.ts';
import { howToPlay } from './help.ts';
import { modelDocLink } from './doc.ts';
import { scenarioBriefing, scenarioBriefingBox } from './briefings.ts';
import { scenarioDescription, scenarioName } from './content-text.ts';
import { LANGS, catalogue, jaBriefing, lang, num, onLangChange, t } from './i18n.ts';
import { countryName, objectiveName } from './labels.ts';
import { termLink } from './glossary.ts';
import { OBJECTIVE_LABEL } from '../session/score.ts';
import { switchLang } from './texts-failed.ts';

const objectiveKey = (label: string): string => Object.entries(OBJECTIVE_LABEL).find(([, v]) => v === label)?.[0] ?? label;

/** The country an agent can only play ('persona-chn', 'usa-negotiator', 'jpn-hub'), or null for any country's. */
export function agentOwner(name: string): CountryId | null {
  const m = /^(?:persona-)?([a-z]{3})(?:-|$)/.exec(name);
  const c = m?.[1]!.toUpperCase();
  return c && (COUNTRIES as readonly string[]).includes(c) ? (c as CountryId) : null;
}

/** The opponents offered for country `c`: every generic type, and the personas and strategies written for `c`
 * ('persona-xxx' is left out: it is what 'persona' plays). Another country's persona cannot take the seat. */
export function opponentsFor(agents: string[], c: CountryId): string[] {
  return agents.filter((a) => {
    const o = agentOwner(a);
    return o === null || (o === c && a !== `persona-${c.toLowerCase()}`);
  });
}

const variants = () => catalogue().start.agentVariant as unknown as Record<string, readonly [string, string]>;

/** What an opponent type does, from the glossary (personas share one entry) or the start screen's variants. */
export function agentText(name: string): string {
  const terms = catalogue().glossary.terms as unknown as Record<string, readonly string[]>;
  const k = name.startsWith('persona') ? 'persona' : name;
  return terms[k]?.[1] ?? variants()[name]?.[1] ?? '';
}

/** An opponent type's name in the list. */
export function agentLabel(name: string): string {
  const terms = catalogue().glossary.terms as unknown as Record<string, readonly string[]>;
  return terms[name.startsWith('persona') ? 'persona' : name]?.[0]?.replace(/ ?[(（].*$/, '') ?? variants()[name]?.[0] ?? name;
}

const NAMES = new Proxy({} as Record<CountryId, string>, { get: (_, k) => countryName(k as string) });

let drawn = 0; // the latest start screen asked for: an older one still waiting for the session draws nothing

type Away = void | Promise<void>;

/** `onStart`, `onLoad`, `resume` and the older saves' `load` resolve once the game is on screen (or has failed to come);
 * `saved`: the autosaved game the Resume button brings back (its country, next turn and length, when readable);
 * `older`: the earlier autosaves kept (src/ui/autosaves.ts), latest first, each with a button of its own. */
export async function startScreen(root: HTMLElement, session: Session, onStart: (cfg: GameConfig) => Away, onLoad: (text: string) => Away, resume?: () => Away, saved?: SavedGame, older: { load: () => Away; saved?: SavedGame }[] = []): Promise<void> {
  const me = ++drawn;
  clear(root);
  const screen = h('main', { class: 'start' });
  // re-render in the new language while this screen is the one shown; once a game (or another start screen) has
  // replaced it, the listener goes: a stale one would throw the player out of a game on a language switch
  // (once Start or Load is clicked, a switch that completes while the game is on its way, which clears the root before
  // it draws, is left to the game: this screen is drawn again only if it is still the one shown when that ends)
  let leaving = 0;
  let missed = false;
  const off = onLangChange(() => {
    if (leaving) return void (missed = true);
    off();
    if (me === drawn && (screen.isConnected || !root.firstChild)) void startScreen(root, session, onStart, onLoad, resume, saved, older);
  });
  const away = (go: Away): void => {
    leaving++;
    void Promise.resolve(go).finally(() => {
      if (--leaving || (screen.isConnected && !missed)) return; // (the start failed: this screen listens on)
      off();
      if (screen.isConnected && me === drawn) void startScreen(root, session, onStart, onLoad, resume, saved, older);
    });
  };
  const [scenarios, agents] = await Promise.all([session.scenarios(), session.agents()]);
  // the shortest build of a project that takes any (a stockpile lot is bought at once), for the game-length line
  const quickest = quickestBuild(await session.projectTypes());
  if (me !== drawn || root.firstChild) return off(); // another screen was asked for while this one waited for the session
  let country: CountryId = 'JPN';
  const seedInput = h('input', { id: 'seed', type: 'number', min: 0, step: 1, value: 1, 'data-testid': 'seed', 'aria-label': t('start.seed') }) as HTMLInputElement;
  const first = scenarios.find((s) => s.id === 'rare-earth-gambit') ?? scenarios[0];
  const turnsInput = h('input', { id: 'turns', type: 'number', min: 1, max: first?.turns ?? 40, value: first?.turns ?? 40, 'data-testid': 'turns' }) as HTMLInputElement;
  // the main scenario first; others (Japan's gambit) are picked from the list
  const scenarioSel = h('select', { id: 'scenario', 'data-testid': 'scenario' }, ...scenarios.map((s) => h('option', { value: s.id, selected: s.id === 'rare-earth-gambit' }, scenarioName(s.id, s.name)))) as HTMLSelectElement;
  const opponentSel: Partial<Record<CountryId, HTMLSelectElement>> = {};
  const opponents = h('div', { class: 'opponents' });
  const briefingBox = h('section', { class: 'briefing', 'data-testid': 'briefing', 'aria-label': t('start.briefingAria') });
  const countryButtons = h('div', { class: 'countries', role: 'radiogroup', 'aria-label': t('start.yourCountry') });

  const prev: Partial<Record<CountryId, string>> = {};
  const renderOpponents = () => {
    clear(opponents);
    for (const c of COUNTRIES) {
      if (c === country) continue;
      const list = opponentsFor(agents, c);
      const sel = h('select', { 'data-testid': `opponent-${c}`, 'aria-label': `${t('start.opponents')}: ${NAMES[c]}` }, ...list.map((a) => h('option', { value: a, selected: a === (prev[c] ?? 'persona') }, agentLabel(a)))) as HTMLSelectElement;
      const what = h('span', { class: 'hint agent-what', 'data-testid': `opponent-what-${c}` }, agentText(sel.value));
      sel.addEventListener('change', () => {
        prev[c] = sel.value;
        what.textContent = agentText(sel.value);
      });
      opponentSel[c] = sel;
      opponents.append(h('label', {}, h('span', { class: 'swatch', style: `background:${COUNTRY_COLOUR[c]}` }), `${NAMES[c]} `, sel), what);
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
      h('h2', {}, sb ? t('start.yourCountryIs', { name: countryName(country) }) : t('start.briefing', { name: countryName(country) })),
      h('p', { class: 'opening', 'data-testid': 'opening' }, t(`opening.${country}`)),
      // the scenario's text without its fixed length, then the length chosen; a scenario briefing already tells the story
      sb ? '' : h('p', {}, scenarioDescription(scenarioSel.value, b.situation[0]!).replace(/\s*(Forty|Forty-four|Twenty|Twelve) quarters\.\s*$|\d+四半期。\s*$/, '')),
      h('p', { 'data-testid': 'game-length' }, lengthText(Number(turnsInput.value), Number(turnsInput.max) || 40, quickest)),
      ...b.situation.slice(1).map((p) => h('p', {}, jaBriefing()?.briefingLineJa(p, country) || p)),
      h('h3', {}, sb ? t('start.objectives') : t('start.scored'), termLink('yardstick')),
      sb ? '' : h('p', {}, t('start.scoreText')),
      h('ul', {}, ...b.objectives.map((o) => h('li', {}, h('b', {}, `${Math.round(o.weight * 100)}% ${lang() === 'ja' ? objectiveName(objectiveKey(o.name)) : o.name}`), lang() === 'ja' ? `：${(catalogue().start.objectiveMeaning as Record<string, string>)[objectiveKey(o.name)] ?? ''}` : ` — ${o.meaning}`))),
      h('p', {}, t('start.docLink'), ' ', modelDocLink(), t('help.modelEnd')),
      sb ? '' : h('h3', {}, t('start.levers')),
      sb ? '' : h('ul', {}, ...b.levers.map((l) => h('li', {}, jaBriefing()?.leverJa(l) || l))),
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
  const error = h('div', { class: 'error', role: 'alert', 'data-testid': 'start-errors' });
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', class: 'hidden', 'data-testid': 'load-file' }) as HTMLInputElement;
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (f) away(f.text().then(onLoad));
    fileInput.value = '';
  });
  turnsInput.addEventListener('input', () => void renderBriefing()); // the briefing's "This game: N quarters" as it is typed
  const langSel = h('select', { class: 'lang', 'aria-label': t('lang.label'), 'data-testid': 'lang', onchange: (e: Event) => switchLang(e.target as HTMLSelectElement) }, ...LANGS.map((l) => h('option', { value: l, selected: l === lang() }, t(`lang.${l}`))));
  const form = h(
    'form',
    {
      class: 'new-game',
      'data-testid': 'new-game',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const seed = Number(seedInput.value);
        const turns = Number(turnsInput.value);
        const max = Number(turnsInput.max) || 40;
        // every problem at once, each field marked
        const problems: [HTMLInputElement, string][] = [];
        if (seedInput.value.trim() === '' || !Number.isInteger(seed) || seed < 0) problems.push([seedInput, t('start.badSeed')]);
        if (turnsInput.value.trim() === '' || !Number.isInteger(turns) || turns < 1 || turns > max) problems.push([turnsInput, t('start.badTurns', { max })]);
        for (const f of [seedInput, turnsInput]) {
          const bad = problems.some(([x]) => x === f);
          f.classList.toggle('field-error', bad);
          f.setAttribute('aria-invalid', String(bad));
        }
        clear(error);
        if (problems.length) {
          error.append(h('p', {}, t('start.errors')), h('ul', {}, ...problems.map(([, m]) => h('li', {}, m))));
          problems[0]![0].focus();
          return;
        }
        const agentsCfg = Object.fromEntries(COUNTRIES.map((c) => [c, opponentSel[c]?.value ?? 'persona'])) as Record<CountryId, string>;
        away(onStart({ scenarioId: scenarioSel.value, country, agents: agentsCfg, turns, seed }));
      },
    },
    h('div', { class: 'row title-row' }, h('h1', {}, 'Rare Earth Gambit'), langSel),
    h('p', { class: 'lede' }, t('start.lede')),
    h('label', {}, `${t('start.scenario')} `, scenarioSel),
    h('fieldset', {}, h('legend', {}, t('start.yourCountry')), countryButtons),
    h('fieldset', {}, h('legend', {}, t('start.opponents'), termLink('persona')), opponents),
    h('div', { class: 'row' }, h('label', {}, `${t('start.turns')} `, turnsInput), h('label', {}, `${t('start.seed')} `, seedInput)),
    error,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'start-game' }, t('start.start')), h('button', { type: 'button', 'data-testid': 'load', onclick: () => fileInput.click() }, t('start.loadFile')), resume ? h('button', { type: 'button', 'data-testid': 'resume', onclick: () => away(resume()) }, saved ? savedLabel(saved, 'resume') : t('start.resume')) : null, fileInput),
    older.length ? h('div', { class: 'row older-saves', 'data-testid': 'older-saves' }, h('span', { class: 'hint' }, t('start.olderSaves')), ...older.map((o, k) => h('button', { type: 'button', 'data-testid': `resume-${k + 1}`, onclick: () => away(o.load()) }, o.saved ? savedLabel(o.saved, 'older') : t('start.olderUnknown')))) : null,
  );
  screen.append(h('div', { class: 'start-left' }, form, howToPlay()), briefingBox);
  root.append(screen);
  await renderBriefing();
}

/** The briefing's game length as it is typed: outside the range, the range (it said "This game: 0 quarters (0
 * years)" and "500 quarters (125 years)", and only Start said otherwise); too short for any project to be finished
 * (`quickest`: the shortest build, quarters), said so (a new player's 10-turn game showed "investments ±0.00"). */
export function lengthText(n: number, max: number, quickest: number | null): string {
  if (!Number.isInteger(n) || n < 1 || n > max) return t('start.badTurns', { max });
  return quickest !== null && n - 1 < quickest ? `${gameLength(n)}${lang() === 'ja' ? '' : ' '}${t('start.noBuild', { q: quickest })}` : gameLength(n);
}

/** "This game: 4 quarters (1 year), from 2025Q4." (it said "(1 years)"): the quarters and the years each in the
 * plural their number takes (1.5 years; in Japanese no plural). */
export function gameLength(n: number): string {
  const years = n / 4;
  return t('start.length', { count: n, years: t('start.years', { count: years, years: num(years, n % 4 ? 1 : 0) }), from: '2025Q4' });
}
