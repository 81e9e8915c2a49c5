// The printable briefings: one sheet per student (name, world, country; the country's situation, objectives and levers;
// a glossary), in the teacher's language (?lang=, which the dashboard's link carries): in Japanese the game's own
// Japanese briefing (the start screen's), the class's length and the game's glossary; the browser prints them. A link
// gives the same sheets in the other language, for students who read it.
import type { CountryId } from '../../engine/index.ts';
import { clear, h } from '../ui/dom.ts';
import { catalogue, jaBriefing, lang, laterReady } from '../ui/i18n.ts';
import { objectiveName } from '../ui/labels.ts';
import { scenarioDescription } from '../ui/content-text.ts';
import { OBJECTIVE_LABEL } from '../session/score.ts';
import { classSocket } from './socket-session.ts';
import { recall } from './common.ts';
import { noToken } from './debrief.ts';
import { c, classLang, countryName, num } from './words.ts';
import { whenTextsFailed } from '../ui/texts-failed.ts';

interface Sheets {
  className: string;
  code: string;
  scenarioId?: string;
  rounds?: number;
  quartersPerRound?: number;
  sheets: { label: string; world: number; briefing: { country: CountryId; name: string; situation: string[]; objectives: { name: string; weight: number; meaning: string }[]; levers: string[] } }[];
  glossary: [string, string][];
}

/** The terms of the game's glossary a sheet explains in Japanese (the server's English glossary says the same). */
const TERMS = ['REO', 'NdPr', 'DyTb', 'NdFeB', 'separation', 'licence', 'ban', 'tariff', 'stockpile', 'deal', 'offtake', 'thrift', 'yardstick'] as const;
const objectiveKey = (label: string): string => Object.entries(OBJECTIVE_LABEL).find(([, v]) => v === label)?.[0] ?? label;

/** How long this class plays, as a sheet says it in Japanese (the English sheet has the server's sentence). */
function lengthJa(d: Sheets): string {
  const k = d.quartersPerRound ?? 1;
  const span = k === 1 ? c('print.quarter') : k === 2 ? c('print.half') : k === 4 ? c('print.year') : c('print.quarters', { n: num(k) });
  return c('print.length', { n: num(d.rounds ?? 0), span });
}

export async function printScreen(root: HTMLElement, classId: string): Promise<void> {
  await classLang();
  try {
    await laterReady(); // the glossary's entries
  } catch (e) {
    return whenTextsFailed(e);
  }
  clear(root);
  const token = recall(`teacher:${classId}`);
  if (!token) return noToken(root);
  const d = await classSocket(token).call<Sheets>('briefings');
  const ja = lang() === 'ja' && d.rounds !== undefined;
  const other = lang() === 'ja' ? 'en' : 'ja';
  const n = d.sheets.length;
  const glossary: [string, string][] = ja ? TERMS.map((k) => catalogue().glossary.terms[k] as [string, string]) : d.glossary;
  const meaning = catalogue().start.objectiveMeaning as Record<string, string>;
  const page = h('main', { class: 'print', 'data-testid': 'briefings' },
    h('p', { class: 'no-print' }, c(n === 1 ? 'print.sheetsOne' : 'print.sheets', { n: num(n) }), h('button', { type: 'button', onclick: () => print() }, c('print.print')), n ? '' : c('print.none'),
      // students who read the other language (the page has two: English and Japanese): the same sheets in it (the address names it; the teacher's choice stays)
      ' ', h('a', { href: `?print=${encodeURIComponent(classId)}&lang=${other}`, 'data-testid': 'print-other-lang' }, c('print.otherLang'))),
  );
  for (const s of d.sheets) {
    const b = s.briefing;
    // the scenario's own text without its length, then the class's (in English the server wrote both in its first line)
    const [first = '', ...facts] = b.situation;
    const situation = ja ? [`${scenarioDescription(d.scenarioId ?? '', first).replace(/\s*\d+四半期。\s*$/, '')}${lengthJa(d)}`, ...facts.map((p) => jaBriefing()?.briefingLineJa(p, b.country) || p)] : b.situation;
    page.append(h('article', { class: 'sheet', 'data-testid': 'sheet' },
      h('header', {}, h('h1', {}, c('print.title', { label: s.label, country: ja ? countryName(b.country) : b.name })), h('div', {}, c('print.sub', { name: d.className, world: num(s.world + 1), code: d.code }))),
      h('h2', {}, c('print.situation')), ...situation.map((p) => h('p', {}, p)),
      h('h2', {}, c('print.objectives')), h('ul', {}, ...b.objectives.map((o) => ja
        ? h('li', {}, h('b', {}, c('print.objective', { name: objectiveName(objectiveKey(o.name)), weight: `${num(Math.round(o.weight * 100))}%` })), `：${meaning[objectiveKey(o.name)] ?? ''}`)
        : h('li', {}, h('b', {}, c('print.objective', { name: o.name, weight: String(o.weight) })), `: ${o.meaning}`))),
      h('h2', {}, c('print.levers')), h('ul', {}, ...b.levers.map((l) => h('li', {}, (ja && jaBriefing()?.leverJa(l)) || l))),
      h('h2', {}, c('print.glossary')), h('dl', {}, ...glossary.flatMap(([t, m]) => [h('dt', {}, t), h('dd', {}, m)])),
    ));
  }
  root.append(page);
}
