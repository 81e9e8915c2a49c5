// Scenario briefings kept in the UI, keyed by scenario id: the engine's scenario schema (engine/schema.ts) has no
// field for a briefing or a suggested seat, so a scenario that needs more than its description says it here.
import type { CountryId } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';
import { scenarioBriefingText } from './content-text.ts';

export interface ScenarioBriefing {
  /** the seat the scenario is written for (chosen when the scenario is picked) */
  seat: CountryId;
  title: string;
  /** the argument under test, in plain words */
  argument: string[];
  /** what the player can do about each part of it, and where in the game */
  levers: { what: string; how: string }[];
  /** what the score measures, and what the end screen compares */
  score: string[];
}

export const SCENARIO_BRIEFINGS: Record<string, ScenarioBriefing> = {
  'japans-gambit': {
    seat: 'JPN',
    title: "Japan's gambit",
    argument: [
      "Japan's car industry depends on the US market. US tariffs could cut Japanese car exports by as much as 20%, the Japan Automobile Manufacturers Association (JAMA) estimates. The game opens with a 15% US tariff on Japanese cars, agreed after a threat of 25%.",
      'The gambit: turn rare earths into a bargaining chip. Not by mining, but by becoming a processing and refining hub for ore from Australia, Malaysia and the US, tied to the US by a supply agreement and by raising defence spending to 2% of GDP.',
      'That would give Washington a stronger hand in its talks with China, which refines about nine tenths of the world\'s rare earths and has used export restrictions as leverage.',
      'The deep-sea mud near Minamitorishima is the frontier: costly, slow and environmentally risky.',
    ],
    levers: [
      { what: 'The processing hub', how: 'Invest tab: separation plants for NdPr and Dy/Tb, magnet plants, recycling; stakes in Australian, Malaysian and US mines for allied ore (pick the host).' },
      { what: 'The supply agreement', how: 'Deals tab: offer the US a share of your separated oxide, or a defence floor, and ask for a cap on its tariff on your cars. It answers next turn; a deal binds for its term.' },
      { what: 'Defence at 2% of GDP', how: 'Defence tab: spending as a share of GDP; approval limits how far it moves in a turn.' },
      { what: 'Standing up to coercion', how: 'Stockpile tab and Invest tab (stockpile lots) as a buffer against a Chinese squeeze; Tariffs and Controls tabs if you want to answer in kind.' },
      { what: 'The deep-sea frontier', how: 'Invest tab: the Minamitorishima deep-sea mud programme. It takes years, each step can fail, seabed damage costs approval and can get lifting suspended, and its ore needs Dy/Tb separation at home.' },
    ],
    score: [
      "Your score is Japan's objectives (weighted as below), quarter by quarter, against the same game in which Japan keeps the status quo while the other countries play on: 0 means as good as doing nothing.",
      'At the end, your path is set beside the strategies of the thesis experiment: the processing hub, the deep-sea mud, defence alignment alone, all three, and the status quo, each played in your game (same seed, same opponents, same number of turns) and scored the same way, with the US tariff on Japanese cars, car exports to the US, Japan\'s lowest magnet supply and the programme\'s cost.',
    ],
  },
};

/** The scenario's briefing, its text in the active language (content/locales/<lang>.json; English if it has none). */
export function scenarioBriefing(id: string): ScenarioBriefing | null {
  if (!Object.hasOwn(SCENARIO_BRIEFINGS, id)) return null;
  const b = SCENARIO_BRIEFINGS[id];
  const text = scenarioBriefingText(id);
  return text ? { ...b, ...text } : b;
}

/** The scenario's own briefing, above the country briefing; `country` is the seat chosen (a note if it is not the scenario's). */
export function scenarioBriefingBox(b: ScenarioBriefing, country: CountryId, countryName: (c: CountryId) => string): HTMLElement {
  return h(
    'div',
    { class: 'scenario-briefing', 'data-testid': 'scenario-briefing' },
    h('h2', {}, b.title),
    country !== b.seat ? h('p', { class: 'note' }, t('start.briefingOtherSeat', { seat: countryName(b.seat), you: countryName(country) })) : null,
    h('h3', {}, t('start.briefingArgument')),
    h('ol', { class: 'argument' }, ...b.argument.map((p) => h('li', {}, p))),
    h('h3', {}, t('start.briefingLevers')),
    h('dl', { class: 'levers' }, ...b.levers.flatMap((l) => [h('dt', {}, l.what), h('dd', {}, l.how)])),
    h('h3', {}, t('start.briefingScore')),
    ...b.score.map((p) => h('p', {}, p)),
  );
}
