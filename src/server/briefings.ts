// Printable briefings: one sheet per student with name, world and country, the country's situation, objectives and
// levers, and a glossary (the page prints them with a print stylesheet; the browser's print to PDF does the rest).
import type { Briefing } from '../session/protocol.ts';
import type { ClassRoom } from './classroom.ts';
import { coreFor } from './student.ts';

export const GLOSSARY: [string, string][] = [
  ['Rare earths', 'Seventeen metals; NdPr (neodymium-praseodymium) and Dy/Tb (dysprosium, terbium) go into the strongest permanent magnets.'],
  ['Oxide', 'Separated rare-earth oxide: what a separation plant makes from ore, and what magnet makers buy.'],
  ['NdFeB magnet', 'Neodymium-iron-boron magnet: in electric motors of cars, wind turbines, missiles and hard drives.'],
  ['Export control', 'A ban, or a licence that lets only a share of last quarter\'s volume through, on ore, oxide or magnets to a partner.'],
  ['Tariff', 'A tax on imports from a partner, in percent of their value.'],
  ['Stockpile', 'A national strategic stock of oxide, bought and released by the government.'],
  ['Deal', 'A package of commitments between two countries (tariff caps, open exports, investment, offtakes), binding for its term.'],
  ['Score', 'Points against the status-quo path: the same world in which every country keeps its policies. 0 = no better, no worse.'],
  // the sheets' own words (a teacher found "t REO", "offtakes" and "thrifting" unexplained on them)
  ['t REO', 'Tonnes of rare-earth oxide: the measure of rare-earth content in which mine output and ore are counted.'],
  ['Offtake', "A promise to sell a share of a plant's or a country's output to a partner: a stake in a foreign project earns one."],
  ['Thrifting', 'Using less magnet material, above all less Dy/Tb, in each car or motor, from research: it lowers what a country needs.'],
];

export interface Sheet {
  student: string;
  label: string;
  world: number;
  briefing: Briefing;
}

/** The scenario's own length ("Forty quarters.") is not the class's: the sheet says how long this class plays. */
function classLength(cls: ClassRoom, b: Briefing): Briefing {
  const k = cls.config.quartersPerRound;
  const n = cls.config.turns;
  const len = `This class plays ${n} round${n === 1 ? '' : 's'} of ${k === 1 ? 'a quarter' : k === 2 ? 'half a year' : k === 4 ? 'a year' : `${k} quarters`}.`;
  const [first = '', ...rest] = b.situation;
  return { ...b, situation: [`${first.replace(/\s*\w+ quarters\.$/, '')} ${len}`.trim(), ...rest] };
}

/** The sheets, with what a page in another language words itself: the scenario and the class's length (the English
 * sheets say it in their first line of situation), beside the English glossary. */
export function briefingsFor(cls: ClassRoom): { className: string; code: string; scenarioId: string; rounds: number; quartersPerRound: number; sheets: Sheet[]; glossary: [string, string][] } {
  const core = coreFor(cls.config.scenarioId);
  const cache = new Map<string, Briefing>();
  const sheets = [...cls.students.values()]
    .filter((st) => !st.away)
    .sort((a, b) => a.world - b.world || a.country.localeCompare(b.country) || a.label.localeCompare(b.label))
    .map((st) => {
      if (!cache.has(st.country)) cache.set(st.country, classLength(cls, core.briefing(st.country)));
      return { student: st.id, label: st.label, world: st.world, briefing: cache.get(st.country)! };
    });
  return { className: cls.config.name, code: cls.code, scenarioId: cls.config.scenarioId, rounds: cls.config.turns, quartersPerRound: cls.config.quartersPerRound, sheets, glossary: GLOSSARY };
}
