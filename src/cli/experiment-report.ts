// The report of a named experiment: one self-contained HTML page (tables and SVG charts) and a plain-text summary.
// Each strategy is compared with the status-quo strategy seed by seed (paired differences, 95% t-intervals); a
// verdict is "yes" only when the interval is beyond a small margin in the question's direction, "no" only when it
// falls wholly short of it (both said with the margin), and otherwise says the model cannot tell.
import type { Cell, Experiment, GameMetrics } from './experiment.ts';
import { interval } from './experiment.ts';
import { csvColumn } from './experiment-play.ts';
import { CSS, dotIntervals, esc, htmlTable, resetIds } from './report-svg.ts';
import { plural } from './table.ts';

type Key = keyof Omit<GameMetrics, 'scoreBy' | 'gdpBy'>;
const LABEL: Record<Key, string> = {
  score: "Japan's score (points against standing still)",
  usCarTariff: 'US tariff on Japanese cars, mean %',
  carExportsUS: 'car exports to the US, vehicles a quarter',
  minMagnet: 'lowest magnet supply, share of need',
  meanMagnet: 'mean magnet supply over the game, share of need',
  worstCarLossPct: 'worst quarter of car output against standing still (%)',
  programmeUsdBn: 'programme spending as paid, USD bn over the game (projects when ordered, deep-sea stages as they start)',
  extraDefenseUsdBn: "defence spending above standing still, USD bn over the game (a persona raises it in answer to China's build-up, the arms reaction, beside any target of its own)",
  gdpVsYardstickPct: 'GDP at the end against standing still (%)',
  supplyToUS: 'separated oxide and magnets sent to the US, t a quarter',
  usSupplyRisk: 'US supply risk (EU method; lower is safer), mean',
  usMinMagnet: "US lowest magnet supply, share of need",
  usChinaTension: 'US-China tension, mean',
  usGain: "US objective against Japan standing still, points",
  chinaGain: "China's objective against Japan standing still, points",
  usHand: "US hand with China on the leverage track (-1..1; higher: the US has less to lose), mean",
  truceConcession: 'tariff points the US would cut for a truce (Nash terms), mean',
  escalationTurns: 'turns of US-China escalation',
};
const COLOURS = ['#000000', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
/** A level in a table cell: hundredths under 1,000, whole units with thousands marked above ("324,429" vehicles a
 * quarter, not "324428.74": the hundredths of a count that large are noise in the model's figures). */
const level = (x: number) => (Math.abs(Math.round(x * 100) / 100) < 1000 ? x.toFixed(2) : Math.round(x).toLocaleString('en-US'));
/** A signed figure; one that rounds to zero is "0.00" (it read "-0.00" and "+0.00" side by side). */
const f = (x: number, d = 2) => (Math.abs(x) < 0.5 * 10 ** -d ? (0).toFixed(d) : (x > 0 ? '+' : '') + x.toFixed(d));
const ci = (v: { mean: number; lo: number; hi: number }, d = 2) => `${f(v.mean, d)} [${f(v.lo, d)}, ${f(v.hi, d)}]`;
/** A mean and its 95% interval as the report's text writes them (the command's line per cell too). */
export const ciText = ci;
/** Decimals of a metric's difference where two do not suit it: shares of need move by thousandths, cars come whole. */
const DEC: Partial<Record<Key, number>> = { minMagnet: 3, meanMagnet: 3, usMinMagnet: 3, carExportsUS: 0 };

/** Paired difference of a metric between a strategy and the status quo, over the same seeds. */
function paired(cells: Cell[], strategy: string, opponents: string, key: Key) {
  const a = cells.find((c) => c.strategy === strategy && c.opponents === opponents);
  const b = cells.find((c) => c.strategy === 'status-quo' && c.opponents === opponents);
  if (!a || !b) return null;
  return interval(a.games.map((g, k) => g[key] - b.games[k][key]));
}

/** The causes of a GDP difference (the output gap's parts, engine/macro.ts S5), in words. */
const GDP_CAUSE: Record<string, string> = {
  autos: 'car output',
  trade: 'exports',
  gainsFromTrade: 'gains from trade',
  magnets: 'magnet shortage',
  rareEarths: 'rare-earth industry',
  investment: 'public investment',
  defense: "defence spending's demand",
  defenseTaxes: 'the taxes and debt paying for defence',
  tariffs: 'tariff deadweight',
  shocks: 'shocks',
  potential: 'potential output',
};

/** Where a strategy's GDP difference from standing still comes from: each cause's part (they sum to it), the larger
 * first, those under 0.005 points left out; '' for games recorded without the split. */
function gdpSources(cells: Cell[], strategy: string, opponents: string): string {
  const c = cells.find((x) => x.strategy === strategy && x.opponents === opponents);
  if (!c || c.games.some((g) => !g.gdpBy || Object.keys(g.gdpBy).length === 0)) return '';
  const keys = [...new Set(c.games.flatMap((g) => Object.keys(g.gdpBy)))].sort();
  const parts = keys.map((k) => ({ k, v: interval(c.games.map((g) => g.gdpBy[k] ?? 0)) })).filter((p) => Math.abs(p.v.mean) >= 0.005);
  parts.sort((a, b) => Math.abs(b.v.mean) - Math.abs(a.v.mean) || a.k.localeCompare(b.k));
  return parts.length ? `from ${parts.map((p) => `${GDP_CAUSE[p.k] ?? p.k} ${ci(p.v, 2)}`).join('; ')}` : 'no cause moved it by 0.005 points or more';
}

/** The heading of the score's split, with a point put in GDP terms when the content is at hand (gdpPercentPoints). */
const scoreFromWords = (seat: string, scale: SeatScale | undefined) => `${scale?.name ?? seat}'s score against standing still, points${scale ? ` (1% more GDP in every quarter is ${scale.gdpPoints.toFixed(2)})` : ''}`;
/** The seat's name and the points 1% of its GDP is worth, from the content (absent where a report has no content). */
export interface SeatScale {
  name: string;
  gdpPoints: number;
}
/** The objectives in words, for the split of Japan's score. */
export const OBJECTIVE_WORDS: Record<string, string> = { gdp: 'GDP', security: 'security', approval: 'approval', autoProduction: 'car output', supplySecurity: 'magnet supply', independence: 'supply independence', environment: 'environment' };

/** Where a strategy's score against standing still comes from: each objective's part, seed by seed against the status
 * quo's game (the score's yardstick), the larger first, those under 0.005 points left out (an analyst read the hub's
 * +1.48 as a gain in GDP or magnets: most of it is the supply-independence index); '' without a status-quo cell. */
function scoreSources(cells: Cell[], strategy: string, opponents: string): string {
  const a = cells.find((x) => x.strategy === strategy && x.opponents === opponents);
  const b = cells.find((x) => x.strategy === 'status-quo' && x.opponents === opponents);
  if (!a || !b || a.games.length !== b.games.length) return '';
  const keys = [...new Set(a.games.flatMap((g) => Object.keys(g.scoreBy)))].sort();
  const parts = keys.map((k) => ({ k, v: interval(a.games.map((g, i) => (g.scoreBy[k] ?? 0) - (b.games[i].scoreBy[k] ?? 0))) })).filter((p) => Math.abs(p.v.mean) >= 0.005);
  parts.sort((x, y) => Math.abs(y.v.mean) - Math.abs(x.v.mean) || x.k.localeCompare(y.k));
  return parts.length ? `from ${parts.map((p) => `${OBJECTIVE_WORDS[p.k] ?? p.k} ${ci(p.v, 2)}`).join('; ')}` : 'no objective moved it by 0.005 points or more';
}

/** "yes" / "no" / "cannot tell" from an interval and the direction that means yes; "no: the opposite" when the whole
 * interval lies beyond the margin the other way (an analyst read a plain "no" for a clear reverse effect as none). */
function verdict(v: { lo: number; hi: number } | null, good: 'up' | 'down', eps: number): 'yes' | 'no' | 'no: the opposite' | 'cannot tell' {
  if (!v) return 'cannot tell';
  const yes = good === 'up' ? v.lo > eps : v.hi < -eps;
  const no = good === 'up' ? v.hi < eps : v.lo > -eps;
  const opposite = good === 'up' ? v.hi < -eps : v.lo > eps;
  return yes ? 'yes' : opposite ? 'no: the opposite' : no ? 'no' : 'cannot tell';
}

interface Question {
  q: string;
  key: Key;
  good: 'up' | 'down';
  eps: number;
  strategies: string[];
  opponents?: string;
  /** the opponents the question is about (its pressure or its squeeze): unanswered when the run did not play them */
  needs?: string;
  also: Key[];
  /** also compare these two strategies directly (is the effect the first one's own?) */
  versus?: [string, string];
}

export function experimentReport(ex: Experiment, cells: Cell[], nSeeds: number, scale?: SeatScale): { html: string; summary: string } {
  const SCORE_FROM = scoreFromWords(ex.seat, scale);
  resetIds(); // the charts' ids count from 1 on each page, whatever was drawn before in this process
  const ops = [...new Set(cells.map((c) => c.opponents))];
  // the cost and US-hand questions are asked against the experiment's first opponents played, in its own order (its
  // recorded behaviour first; the rows come in that order, so this is ops[0]), and say when that set is not its
  // first: '--opponents china-coercion,us-pressure' answered them against US tariff pressure unflagged (an analyst's
  // review)
  const first = ex.opponents.map((o) => o.id).find((id) => ops.includes(id)) ?? ops[0];
  const instead = first !== ex.opponents[0]?.id ? `; ${ex.opponents[0]?.id}, the experiment's first opponents, not played in this run` : '';
  const label = (id: string) => ex.strategies.find((s) => s.id === id)?.label ?? id;
  const opLabel = (id: string) => ex.opponents.find((o) => o.id === id)?.label ?? id;
  const Q: Question[] = [
    { q: 'Does becoming a hub buy Japan tariff relief?', key: 'usCarTariff', good: 'down', eps: 0.25, strategies: ['hub', 'mud', 'defence', 'all'], versus: ['hub', 'defence'], opponents: 'us-pressure', needs: 'us-pressure', also: ['carExportsUS'] },
    { q: 'Does it protect its car industry from a magnet squeeze?', key: 'meanMagnet', good: 'up', eps: 0.001, strategies: ['hub', 'mud', 'defence', 'all'], opponents: 'china-coercion', needs: 'china-coercion', also: ['minMagnet', 'worstCarLossPct'] },
    { q: 'What does it cost? (the verdict: does GDP end lower than standing still?)', key: 'gdpVsYardstickPct', good: 'down', eps: 0.01, strategies: ['hub', 'mud', 'defence', 'all'], opponents: first, also: ['programmeUsdBn', 'extraDefenseUsdBn', 'score'] },
    { q: 'Does it strengthen the US hand with China?', key: 'usHand', good: 'up', eps: 0.005, strategies: ['hub', 'mud', 'defence', 'all'], opponents: first, also: ['truceConcession', 'escalationTurns', 'usSupplyRisk', 'usGain', 'chinaGain'] },
  ];
  const lines: string[] = [`${ex.title}`, `${plural(nSeeds, 'seed')} per cell, ${plural(ex.turns, 'turn')}; differences are strategy minus the status quo on the same seeds, with 95% intervals.`];
  let answers = '';
  for (const q of Q) {
    const op = q.opponents!;
    // a question about a pressure the run did not play is not answered from other opponents (tariff relief with no US
    // tariff pressure in the run read "no")
    if (q.needs && !ops.includes(q.needs)) {
      const why = `not answered: it is about the opponents "${opLabel(q.needs)}", not played in this run (add ${q.needs} to --opponents)`;
      lines.push('', `${q.q}`, `  ${why}.`);
      answers += `<h3>${esc(q.q)}</h3><p class="sub">${esc(why[0].toUpperCase() + why.slice(1))}.</p>`;
      continue;
    }
    const items = q.strategies.filter((s) => cells.some((c) => c.strategy === s && c.opponents === op)).map((s) => {
      const d = paired(cells, s, op, q.key);
      const v = verdict(d, q.good, q.eps);
      const extra = q.also.map((k) => { const e = paired(cells, s, op, k); return e ? `${LABEL[k]} ${ci(e, DEC[k] ?? 2)}` : ''; }).filter(Boolean).join('; ');
      // the cost question says where the GDP difference comes from: a gain from answering US offers hid the taxes
      const cost = q.key === 'gdpVsYardstickPct';
      return { s, d, v, extra, from: cost ? gdpSources(cells, s, op) : '', scoreFrom: cost && s !== 'status-quo' ? scoreSources(cells, s, op) : '' };
    });
    let vs = '';
    if (q.versus) {
      const [a, b] = q.versus;
      const da = cells.find((c) => c.strategy === a && c.opponents === op);
      const db = cells.find((c) => c.strategy === b && c.opponents === op);
      if (da && db) {
        const d = interval(da.games.map((g, k) => g[q.key] - db.games[k][q.key]));
        vs = `${label(a)} against ${label(b)}: ${verdict(d, q.good, q.eps)} (${LABEL[q.key]} ${ci(d, DEC[q.key] ?? 3)}): ${verdict(d, q.good, q.eps) === 'yes' ? 'the hub itself makes the difference' : 'whatever the strategies get, the hub adds nothing here that answering the same offers does not'}.`;
      }
    }
    // the hub's own effect first: every strategy's "yes" to tariff relief came from answering the same US offers, and
    // read as the hub's doing when the comparison that says so came last
    // the margin a "yes" must clear and a "no" must stay short of, said with the question (a "no" read as a proven
    // absence of any effect; it says the effect, if any, is smaller than this)
    const margin = `margin ${q.eps} on ${LABEL[q.key]}`;
    const sub = q.needs ? '' : instead; // (the two asked of the first opponents say when those are not the experiment's own)
    lines.push('', `${q.q} (against: ${opLabel(op)}${sub}; ${margin})`);
    if (vs) lines.push(`  The hub's own effect: ${vs}`, '  Each strategy against the status quo:');
    for (const it of items) lines.push(`  ${label(it.s)}: ${it.v}. ${LABEL[q.key]} ${it.d ? ci(it.d, DEC[q.key] ?? 3) : 'n/a'}; ${it.extra}`, ...(it.from ? [`    GDP against standing still, points of %, ${it.from}`] : []), ...(it.scoreFrom ? [`    ${SCORE_FROM}, ${it.scoreFrom}`] : []));
    answers += `<h3>${esc(q.q)}</h3><p class="sub">Against: ${esc(opLabel(op))}${esc(sub)}. Strategy minus the status quo, seed by seed; ${esc(margin)}.</p>${vs ? `<p class="note"><b>The hub's own effect:</b> ${esc(vs)}</p>` : ''}<ul class="plain">${items.map((it) => `<li><b>${esc(label(it.s))}: ${it.v}.</b> ${esc(LABEL[q.key])} ${esc(it.d ? ci(it.d, DEC[q.key] ?? 3) : 'n/a')}; ${esc(it.extra)}${it.from ? `<br><span class="sub">GDP against standing still, points of %, ${esc(it.from)}</span>` : ''}${it.scoreFrom ? `<br><span class="sub">${esc(SCORE_FROM)}, ${esc(it.scoreFrom)}</span>` : ''}</li>`).join('')}</ul>`;
  }
  let tables = '';
  const keys: Key[] = ['score', 'usCarTariff', 'carExportsUS', 'minMagnet', 'gdpVsYardstickPct', 'programmeUsdBn', 'usSupplyRisk', 'usHand', 'usGain'];
  const DIFF = new Set<Key>(['score', 'gdpVsYardstickPct', 'usGain']);
  for (const op of ops) {
    const rows = ex.strategies.filter((s) => cells.some((c) => c.strategy === s.id && c.opponents === op)).map((s) => {
      const c = cells.find((x) => x.strategy === s.id && x.opponents === op)!;
      // levels are unsigned; a '+' is kept for the figures measured against standing still
      return [esc(s.label), ...keys.map((k) => {
        const v = interval(c.games.map((g) => g[k]));
        const g = DIFF.has(k) ? f : level;
        return `${g(v.mean)}<br><span class="ci">[${g(v.lo)}, ${g(v.hi)}]</span>`;
      })];
    });
    const chart = dotIntervals({
      title: `Japan's score by strategy: ${opLabel(op)}`,
      desc: 'Mean score over seeds with its 95% interval and the range of runs',
      xLabel: 'points against standing still',
      rows: ex.strategies.map((s, i) => {
        const c = cells.find((x) => x.strategy === s.id && x.opponents === op);
        const xs = c ? c.games.map((g) => g.score) : [0];
        const v = interval(xs);
        return { label: s.id, mean: v.mean, lo: v.lo, hi: v.hi, min: Math.min(...xs), max: Math.max(...xs), colour: COLOURS[i % COLOURS.length] };
      }),
    });
    tables += `<h3>${esc(opLabel(op))}</h3>${htmlTable(['strategy', ...keys.map((k) => esc(k === 'programmeUsdBn' ? 'programme spending, USD bn over the game (as paid)' : LABEL[k]))], rows, { num: [false, ...keys.map(() => true)], cls: 'wrap-head', caption: 'Each cell: the mean over the seeds, and under it the 95% interval of that mean. Levels, except the score, GDP and the US objective, which are against the same game with Japan standing still.' })}<figure class="chart">${chart}</figure>`;
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="generator" content="gambit experiment"><title>${esc(ex.title)}</title><style>${CSS}</style></head><body><main>
<h1>${esc(ex.title)}</h1><p class="sub">gambit experiment ${esc(ex.id)}: ${plural(nSeeds, 'seed')} per cell, ${plural(ex.turns, 'turn')}, the ${esc(ex.seat)} seat; each game against the same game with ${esc(ex.seat)} standing still and the other seats played by the same agents.</p>
<p>${esc(ex.question)}</p>
<h2>The answers</h2><p>"yes" when the whole 95% interval of the difference lies beyond a small margin in the question's direction; "no" when the whole interval falls short of that margin (any effect in that direction is smaller than the margin), and "no: the opposite" when it lies wholly beyond the margin the other way; otherwise "cannot tell". Each question gives its margin. Where the model says the article is wrong, it says so here.</p>${answers}
<h2>All strategies, by opponents</h2>${tables}
<h2>What the figures are</h2><p>Each figure with its column in ${esc(ex.id)}.csv, then its name in ${esc(ex.id)}.json.</p><ul class="plain">${(Object.keys(LABEL) as Key[]).map((k) => `<li><b>${esc(LABEL[k])}</b> (<code>${csvColumn(k)}</code>; <code>${k}</code>)</li>`).join('')}</ul>
</main></body></html>\n`;
  return { html, summary: lines.join('\n') };
}
