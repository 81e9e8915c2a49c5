// The human-readable per-turn table and final score card printed by `gambit run`.
import { COUNTRIES, OBJECTIVES, type CountryId, type ObjectiveKey, type TurnReport, type TurnSummary } from '../../engine/index.ts';

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padE = (s: string | number, n: number) => String(s).padEnd(n);

export function tableHeader(title: string): string {
  return [
    title,
    '',
    `${padE('turn', 4)} ${padE('date', 6)} | ${pad('NdPr $/kg', 13)} | ${pad('Dy/Tb $/kg', 13)} | ${pad('magnet $/kg', 13)} | ${pad('JPN magnets', 11)} | ${pad('JPN cars', 8)} | ${pad('cars to US', 10)}`,
    `${padE('', 4)} ${padE('', 6)} | ${pad('world', 6)} ${pad('CHN', 6)} | ${pad('world', 6)} ${pad('CHN', 6)} | ${pad('world', 6)} ${pad('CHN', 6)} | ${pad('% of need', 11)} | ${pad('k/qtr', 8)} | ${pad('k/qtr', 10)}`,
    '-'.repeat(104),
  ].join('\n');
}

export function tableRow(s: TurnSummary): string {
  const j = s.countries.JPN;
  const p = (x: number) => pad(x >= 100 ? Math.round(x) : x.toFixed(1), 6);
  return [
    `${pad(s.turn, 4)} ${padE(s.date, 6)}`,
    `${p(s.prices['oxide.light'].world)} ${p(s.prices['oxide.light'].CHN)}`,
    `${p(s.prices['oxide.heavy'].world)} ${p(s.prices['oxide.heavy'].CHN)}`,
    `${p(s.prices.magnet.world)} ${p(s.prices.magnet.CHN)}`,
    pad(`${(j.magnetSupplyRatio * 100).toFixed(0)}%`, 11),
    pad(Math.round(j.autoProduction / 1000), 8),
    pad(Math.round((j.autoExports.USA ?? 0) / 1000), 10),
  ].join(' | ');
}

/** The turn's events on lines of their own under its row (as a column they ran the row to 200 characters). */
export function eventLines(s: TurnSummary): string[] {
  return s.events.length ? wrapIndented(`${' '.repeat(12)}events: ${s.events.join(', ')}`, 110, 8) : [];
}

export interface FinalCard {
  scores: Record<CountryId, number>;
  agents: Record<CountryId, string>;
  first: TurnSummary;
  last: TurnSummary;
  /** the score split by objective, points */
  by?: Record<CountryId, Record<ObjectiveKey, number>>;
  /** GDP and approval when the game began (the state's ref): GDP change and approval are measured from there, as the
   * batch commands' gdpGrowthPct is, not from the end of turn 1 */
  start?: Record<CountryId, { gdp: number; approval: number }>;
}

/** "1 turn", "2 turns": a count and its noun. */
export const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/** A score in points: +0.07, -0.16, and 0.00 for anything that rounds to zero (not "-0.00"). The game writes that
 * "±0.00"; here a ± is a 95% interval's half-width ("+0.64 ±0.28" in a tournament's table), so a zero is plain. */
export const points = (v: number): string => (Math.abs(v) < 0.005 ? '0.00' : `${v > 0 ? '+' : '-'}${Math.abs(v).toFixed(2)}`);

const OBJ_LABEL: Record<ObjectiveKey, string> = { gdp: 'GDP', security: 'security', approval: 'approval', autoProduction: 'cars', supplySecurity: 'supply', independence: 'independ.', environment: 'environ.' };

export function scoreCard(f: FinalCard): string {
  const w = Math.max(18, ...COUNTRIES.map((c) => f.agents[c].length));
  const lines = [
    '',
    'Final scores (points against the same game with that seat doing nothing while the others play on; 0 = doing nothing)',
    '',
    `${padE('country', 8)} ${padE('agent', w)} ${pad('score', 7)} | ${pad('GDP change', 10)} | ${pad('approval', 9)} | ${pad('cars k/qtr', 10)} | ${pad('magnets', 8)} | ${pad('from CHN', 8)}`,
    '-'.repeat(76 + w),
  ];
  const order = [...COUNTRIES].sort((a, b) => f.scores[b] - f.scores[a] || a.localeCompare(b));
  for (const c of order) {
    const a = f.start?.[c] ?? f.first.countries[c];
    const z = f.last.countries[c];
    const g = ((z.gdp / a.gdp - 1) * 100).toFixed(1);
    const sc = f.scores[c];
    lines.push(
      `${padE(c, 8)} ${padE(f.agents[c], w)} ${pad(points(sc), 7)} | ${pad(`${g}%`, 10)} | ${pad(`${a.approval.toFixed(0)} -> ${z.approval.toFixed(0)}`, 9)} | ${pad(Math.round(z.autoProduction / 1000), 10)} | ${pad(`${(z.magnetSupplyRatio * 100).toFixed(0)}%`, 8)} | ${pad(`${((z.importShareFrom.CHN ?? 0) * 100).toFixed(0)}%`, 8)}`,
    );
  }
  if (f.by) lines.push('', 'The scores split by objective (points; they add up to the score, to rounding)', '', ...splitLines('country', order.map((c) => ({ label: c, by: f.by![c] }))));
  return lines.join('\n');
}

/** Scores split by objective as `run`'s card and the batch summaries print them: a row per label, a column per
 * objective, and the score first when the rows carry one. */
export function splitLines(head: string, rows: readonly { label: string; score?: number; ci?: number; by: Record<ObjectiveKey, number> }[]): string[] {
  const w = Math.max(8, head.length, ...rows.map((r) => r.label.length));
  const withScore = rows.some((r) => r.score !== undefined);
  // the score's 95% interval, half its width, where the rows carry one (a mean over games)
  const withCi = rows.some((r) => r.ci !== undefined);
  const ci = (r: (typeof rows)[number]) => (withCi ? ` ${pad(r.ci === undefined || !Number.isFinite(r.ci) ? '-' : `±${r.ci.toFixed(2)}`, 7)}` : '');
  const score = (r: (typeof rows)[number]) => (withScore ? ` ${pad(r.score === undefined ? '' : points(r.score), 7)}${ci(r)} |` : '');
  return [
    `${padE(head, w)}${withScore ? ` ${pad('score', 7)}${withCi ? ` ${pad('±95%', 7)}` : ''} |` : ''} ${OBJECTIVES.map((ob) => pad(OBJ_LABEL[ob], 9)).join(' ')}`,
    ...rows.map((r) => `${padE(r.label, w)}${score(r)} ${OBJECTIVES.map((ob) => pad(points(r.by[ob]), 9)).join(' ')}`),
  ];
}

const STORY: [('oxide.light' | 'oxide.heavy' | 'magnet'), string][] = [
  ['oxide.light', 'NdPr'],
  ['oxide.heavy', 'Dy/Tb'],
  ['magnet', 'magnets'],
];

/** A line broken into lines of at most `width` characters, each after the first indented as the first is and `hang`
 * further (the price story under a table row ran to 224 columns, an experiment's verdicts to 507: a terminal broke them
 * mid-word at its own edge). It breaks after a comma,
 * semicolon or colon, so a cause keeps its amount ("hoarding +4.7"), and at other spaces only in a phrase longer than
 * the room; a word longer than the room stays whole. */
export function wrapIndented(line: string, width = 110, hang = 0): string[] {
  const indent = /^ */.exec(line)![0];
  const phrases = line.slice(indent.length).split(/(?<=[,;:]) (?![^[]*\])/); // not inside an interval's brackets
  const out: string[] = [];
  let cur = '';
  // the first line at the line's indent, the rest `hang` further in
  const room = () => width - indent.length - (out.length ? hang : 0);
  const put = (piece: string) => {
    if (cur && cur.length + 1 + piece.length > room()) {
      out.push((out.length ? ' '.repeat(hang) : '') + indent + cur);
      cur = '';
    }
    cur = cur ? `${cur} ${piece}` : piece;
  };
  for (const phrase of phrases) {
    if (phrase.length <= width - indent.length - hang) put(phrase);
    else for (const word of phrase.split(/ (?![^[]*\])/)) put(word);
  }
  out.push((out.length ? ' '.repeat(hang) : '') + indent + cur);
  return out;
}

/** Lines under a table row for each price outside China that moved 10% or more since last turn, with the causes of
 * its level from the report's price ledger: "NdPr outside China +38% (USD 56 -> 77); causes of the price now (USD 21
 * above the price with them lifted): export controls by CHN +30, hoarding +6". */
export function priceStory(prev: TurnSummary | undefined, s: TurnSummary, report: TurnReport): string[] {
  if (!prev || !report.priceWhy) return [];
  const out: string[] = [];
  for (const [st, name] of STORY) {
    const a = prev.prices[st].world;
    const b = s.prices[st].world;
    if (!(a > 0) || Math.abs(b / a - 1) < 0.1) continue;
    const w = report.priceWhy[st].world;
    const causes = w.causes.filter((c) => Math.abs(c.amount) >= 0.005 * w.value).slice(0, 4);
    const money = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toString() : x.toFixed(1));
    // what the causes named leave of the gap (the smaller ones, past the fourth), so the line adds up
    const rest = w.value - w.without - causes.reduce((x, c) => x + c.amount, 0);
    // the causes' interaction by its sign, as the browser's digest says it ("interaction of these causes" read as jargon)
    const said = (c: { cause: string; amount: number }) => (c.cause === 'interaction of these causes' ? (c.amount < 0 ? 'overlap between these causes' : 'these causes reinforcing each other') : c.cause);
    const named = causes.map((c) => `${said(c)} ${c.amount >= 0 ? '+' : ''}${money(c.amount)}`);
    if (causes.length && Math.abs(rest) >= 0.005 * w.value) named.push(`other causes ${rest >= 0 ? '+' : ''}${money(rest)}`);
    const list = named.join(', ');
    out.push(
      `${' '.repeat(12)}${name} outside China ${b >= a ? '+' : ''}${((b / a - 1) * 100).toFixed(0)}% (USD ${money(a)} -> ${money(b)})` +
        (list ? `; the price now against USD ${money(w.without)} with its causes lifted: ${list}` : '; no control, output quota, tariff, hoarding, stockpile trade or event behind it: demand, supply and stocks'),
    );
  }
  return out;
}
