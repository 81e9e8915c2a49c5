// The turn report: events, news, and for every headline indicator its change split into causes (the why ledger).
import { COUNTRIES, HEADLINES, REGIONS, type CountryId, type Headline, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { Deal, GameState, HeadlineChange, LedgerEntry, MaterialBalance, Overridden, RegionState, Shock, TurnReport } from './state.ts';
import type { GameEvent } from './schema.ts';
import { derive } from './derived.ts';
import { approvalTerms } from './macro.ts';
import { securityLedger } from './security-ledger.ts';

/** Locale-independent string order: the same in every runtime (localeCompare is not). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReportInput {
  markets: TurnReport['markets'];
  priceWhy?: TurnReport['priceWhy'];
  ledger: boolean;
  content: Content;
  state: GameState;
  R: Record<RegionId, RegionState>;
  /** the tension this turn's security was computed with (before leaks found this turn raised it) */
  tension: GameState['tension'];
  trust: GameState['trust'];
  /** this turn's one-off event effects and broken deals (causes of tension changes) */
  instant: Shock[];
  breaches: { breaker: CountryId; victim: CountryId }[];
  turn: number;
  date: string;
  fired: GameEvent[];
  news: string[];
  deals: Deal[];
  objective: Record<CountryId, number>;
  objectiveBy: TurnReport['objectiveBy'];
  balance: { light: MaterialBalance; heavy: MaterialBalance };
  instantApproval: Record<CountryId, number>;
  /** the orders this turn that a deal in force overrode */
  overridden: Overridden[];
}

const CAUSE_LABEL: Record<string, string> = {
  autos: 'car output',
  trade: 'exports of other goods',
  gainsFromTrade: 'gains from trade (imports)',
  magnets: 'magnet shortage in industry',
  rareEarths: 'rare-earth industry',
  investment: 'investment',
  defense: 'defense spending',
  defenseTaxes: 'taxes for defense',
  tariffs: 'tariff costs',
  shocks: 'shocks (events)',
  growth: 'economic growth',
  jobs: 'car jobs',
  prices: 'car prices',
  environment: 'pollution',
  seabed: 'seabed damage',
  security: 'security',
};

function entry(cause: string, amount: number): LedgerEntry {
  return { cause, amount };
}

/** Keep the named causes, merge tiny ones into "other", largest first. */
function tidy(causes: LedgerEntry[], change: number): LedgerEntry[] {
  const scale = Math.max(Math.abs(change), ...causes.map((c) => Math.abs(c.amount)), 1e-12);
  const keep: LedgerEntry[] = [];
  let rest = 0;
  for (const c of causes) {
    if (Math.abs(c.amount) >= 0.02 * scale) keep.push(c);
    else rest += c.amount;
  }
  if (Math.abs(rest) > 1e-12 * scale) keep.push(entry('other', rest));
  return keep.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || cmp(a.cause, b.cause));
}

/** A change and its causes; what the causes leave of the change (above 1e-9 of it) is added under `rest`. */
function hc(value: number, prev: number, causes: LedgerEntry[], rest = 'rounding and limits'): HeadlineChange {
  const change = value - prev;
  let sum = 0;
  for (const c of causes) sum += c.amount;
  const resid = change - sum;
  if (Math.abs(resid) > 1e-9 * Math.max(1, Math.abs(change))) causes.push(entry(rest, resid));
  return { value, prev, change, causes: tidy(causes, change) };
}

function carLedger(state: GameState, R: Record<RegionId, RegionState>, c: CountryId, exportsOnly: boolean): LedgerEntry[] {
  const prev = state.regions[c].last;
  const now = R[c].last;
  const out: LedgerEntry[] = [];
  let size = 0;
  let plan0 = 0;
  for (const d of REGIONS) {
    if (exportsOnly && d === c) continue;
    const s0 = state.regions[d].carShares[c];
    const s1 = R[d].carShares[c];
    const Q0 = state.regions[d].last.carMarket;
    const Q1 = R[d].last.carMarket;
    size += (Q1 - Q0) * s0 * now.carMagnetFactor;
    const share = Q1 * (s1 - s0) * now.carMagnetFactor;
    if (share !== 0) out.push(entry(d === c ? 'home market share (prices)' : `share of ${d} market (tariffs, prices)`, share));
    plan0 += prev.carPlan[d];
  }
  out.push(entry('market size', size));
  out.push(entry('magnet supply', (now.carMagnetFactor - prev.carMagnetFactor) * plan0));
  return out;
}

/** A magnet supply ratio in the parts its ledger names, each a share of the turn's need: ratio = (magnets received,
 * by origin) + inventories - sold + cap, to rounding (clearMagnets: what the uses got is what arrived plus the stock
 * drawn, less the surplus stock sold off, and the ratio is capped at 1).
 * - sold: surplus stock (beyond twice the target, market/problem.ts setStorage) sold off. It leaves the country's
 *   inventories and is counted among the magnets its sellers shipped (to itself, too), but supplies none of its own
 *   users twice: what its sellers shipped, read from the buyers' records, less what its plants made.
 * - cap: supply beyond need, which the ratio does not count (0 unless the ratio is at 1).
 * - the starting record (`start`) shows no inventory draw, though the calibration run its ratio comes from drew on
 *   stocks: below the cap the draw is what makes the record add up; at the cap it cannot be told from supply beyond
 *   need, and is counted with the cap. */
export function magnetParts(regions: Record<RegionId, RegionState>, c: RegionId, start: boolean): { received: number; inventories: number; sold: number; cap: number } {
  const L = regions[c].last;
  const need = L.magnetNeed;
  let received = 0;
  let shipped = 0;
  for (const s of REGIONS) {
    received += L.magnetSources[s];
    shipped += regions[s].last.magnetNeed * regions[s].last.magnetSources[c];
  }
  // below a billionth of the need it is the solver's tolerance on a plant's capacity, not stock: 0
  const s0 = need > 0 ? (shipped - L.magnetsMade) / need : 0;
  const sold = Math.abs(s0) < 1e-9 ? 0 : s0;
  const ratio = L.magnetSupplyRatio;
  const inventories = start && ratio < 1 ? ratio - received + sold : L.magnetInvDraw;
  const cap = ratio >= 1 ? ratio - (received + inventories - sold) : 0;
  return { received, inventories, sold, cap };
}

/** The magnet supply ratio's change by cause: magnets by origin, inventories, surplus stock sold off, the 100% cap. */
function magnetLedger(was: Record<RegionId, RegionState>, now: Record<RegionId, RegionState>, c: CountryId, start: boolean): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const s of REGIONS) {
    const d = now[c].last.magnetSources[s] - was[c].last.magnetSources[s];
    if (d !== 0) out.push(entry(s === c ? 'own magnet plants' : `magnets from ${s}`, d));
  }
  const a = magnetParts(was, c, start);
  const b = magnetParts(now, c, false);
  out.push(entry('inventories', b.inventories - a.inventories));
  if (b.sold !== a.sold) out.push(entry('surplus stock sold off', a.sold - b.sold));
  if (b.cap !== a.cap) out.push(entry('capped at 100%', b.cap - a.cap));
  return out;
}

export function buildReport(x: ReportInput): TurnReport {
  const { content, state, R } = x;
  const dv = derive(content);
  const headlines = {} as TurnReport['headlines'];
  for (const c of COUNTRIES) {
    const p = state.regions[c];
    const n = R[c];
    if (!x.ledger) {
      headlines[c] = bareHeadlines(n, p, c);
      continue;
    }
    const h = {} as Record<Headline, HeadlineChange>;
    const gdpCauses = [entry('trend growth', (n.potential - p.potential) * (1 + sumGap(p)))];
    const keys = new Set([...Object.keys(p.gap), ...Object.keys(n.gap)]);
    for (const k of [...keys].sort()) gdpCauses.push(entry(CAUSE_LABEL[k] ?? k, n.potential * ((n.gap[k] ?? 0) - (p.gap[k] ?? 0))));
    h.gdp = hc(n.gdp, p.gdp, gdpCauses);
    h.autoProduction = hc(n.last.autoProduction, p.last.autoProduction, carLedger(state, R, c, false));
    h.autoExports = hc(sumExports(n, c), sumExports(p, c), carLedger(state, R, c, true));
    h.magnetSupplyRatio = hc(n.last.magnetSupplyRatio, p.last.magnetSupplyRatio, magnetLedger(state.regions, R, c, state.turn === 0), 'rounding');
    const k = content.rules.politics.adjustSpeed * state.quartersPerTurn;
    const terms = approvalTerms(content, n, p);
    const aCauses = [entry('drift back to normal', k * (n.ref.approval - p.approval))];
    for (const t of Object.keys(terms).sort()) aCauses.push(entry(CAUSE_LABEL[t] ?? t, k * terms[t]));
    if (x.instantApproval[c]) aCauses.push(entry('events', x.instantApproval[c]));
    h.approval = hc(n.approval, p.approval, aCauses);
    h.security = hc(n.security, p.security, securityLedger({ content, dv, state, R, tension: x.tension, trust: x.trust, deals: x.deals, instant: x.instant, breaches: x.breaches }, c), 'rounding');
    headlines[c] = h;
  }
  const events = x.fired.map((e) => ({ id: e.id, title: e.title, text: e.text }));
  const biggest = biggestChanges(headlines);
  const deals = x.deals.filter((d) => d.proposedTurn === x.turn || d.startTurn === x.turn || d.endTurn === x.turn).map((d) => ({ id: d.id, status: d.status, from: d.from, to: d.to }));
  // two literals rather than one with `...(priceWhy ? { priceWhy } : {})`: the same keys in the same order, without
  // V8's slow path for a spread inside a literal
  const report = reportOf(x, events, headlines, biggest, deals);
  if (x.overridden.length) report.overridden = x.overridden;
  return report;
}

function reportOf(x: ReportInput, events: TurnReport['events'], headlines: TurnReport['headlines'], biggest: TurnReport['biggest'], deals: TurnReport['deals']): TurnReport {
  if (x.priceWhy)
    return { turn: x.turn, date: x.date, events, news: x.news, headlines, biggest, markets: x.markets, priceWhy: x.priceWhy, objective: x.objective, objectiveBy: x.objectiveBy, deals, balance: x.balance };
  return { turn: x.turn, date: x.date, events, news: x.news, headlines, biggest, markets: x.markets, objective: x.objective, objectiveBy: x.objectiveBy, deals, balance: x.balance };
}

/** The order of the biggest changes: larger |relative| first, then country, then headline. */
function biggerFirst(p: TurnReport['biggest'][number], q: TurnReport['biggest'][number]): number {
  return Math.abs(q.relative) - Math.abs(p.relative) || cmp(p.country, q.country) || cmp(p.headline, q.headline);
}

const TOP = 3;
/** Countries and headlines in name order: the order ties are broken in. */
const BY_COUNTRY: readonly CountryId[] = [...COUNTRIES].sort(cmp);
const BY_HEADLINE: readonly Headline[] = [...HEADLINES].sort(cmp);
const topAbs = new Float64Array(TOP);
const topAt = new Int32Array(TOP);

/**
 * The three biggest headline changes (relative to their scale). With no |relative| NaN the order above is strict and
 * total (two infinities compare by name, as a tie does), so keeping the best three in one pass over countries and
 * headlines in name order, a tie keeping the earlier, gives exactly the first three of the sorted list of all of them.
 * With a NaN somewhere the whole list is sorted as before.
 */
export function biggestChanges(headlines: TurnReport['headlines']): TurnReport['biggest'] {
  const nh = BY_HEADLINE.length;
  const rel = (c: CountryId, hd: Headline): number => {
    const v = headlines[c][hd];
    const scale = hd === 'approval' || hd === 'security' ? 100 : hd === 'magnetSupplyRatio' ? 1 : Math.abs(v.prev);
    return scale > 0 ? v.change / scale : 0;
  };
  let n = 0;
  for (let ci = 0; ci < BY_COUNTRY.length; ci++) {
    for (let hi = 0; hi < nh; hi++) {
      const a = Math.abs(rel(BY_COUNTRY[ci], BY_HEADLINE[hi]));
      if (a !== a) return sortedChanges(headlines, rel);
      // insert after the kept entries with a larger or equal |relative| (equal ones came first in index order)
      let j = n < TOP ? n : TOP;
      while (j > 0 && topAbs[j - 1] < a) j--;
      if (j >= TOP) continue;
      for (let k = (n < TOP ? n : TOP - 1); k > j; k--) {
        topAbs[k] = topAbs[k - 1];
        topAt[k] = topAt[k - 1];
      }
      topAbs[j] = a;
      topAt[j] = ci * nh + hi;
      if (n < TOP) n++;
    }
  }
  const out: TurnReport['biggest'] = [];
  for (let k = 0; k < n; k++) {
    const c = BY_COUNTRY[(topAt[k] / nh) | 0];
    const hd = BY_HEADLINE[topAt[k] % nh];
    out.push({ country: c, headline: hd, change: headlines[c][hd].change, relative: rel(c, hd) });
  }
  return out;
}

function sortedChanges(headlines: TurnReport['headlines'], rel: (c: CountryId, hd: Headline) => number): TurnReport['biggest'] {
  const all: TurnReport['biggest'] = [];
  for (const c of COUNTRIES) for (const hd of HEADLINES) all.push({ country: c, headline: hd, change: headlines[c][hd].change, relative: rel(c, hd) });
  return all.sort(biggerFirst).slice(0, TOP);
}

/** A change without its causes (no ledger). */
function bare(v: number, w: number): HeadlineChange {
  return { value: v, prev: w, change: v - w, causes: [] };
}

/** The headlines' changes without causes: a function of its own, no closure per country (batch games). */
function bareHeadlines(n: RegionState, p: RegionState, c: CountryId): Record<Headline, HeadlineChange> {
  return {
    gdp: bare(n.gdp, p.gdp),
    autoProduction: bare(n.last.autoProduction, p.last.autoProduction),
    autoExports: bare(sumExports(n, c), sumExports(p, c)),
    magnetSupplyRatio: bare(n.last.magnetSupplyRatio, p.last.magnetSupplyRatio),
    approval: bare(n.approval, p.approval),
    security: bare(n.security, p.security),
  };
}

function sumGap(r: RegionState): number {
  let g = 0;
  for (const k in r.gap) g += r.gap[k];
  return g;
}

export function sumExports(r: RegionState, c: RegionId): number {
  let s = 0;
  for (const d of REGIONS) if (d !== c) s += r.last.autoExports[d];
  return s;
}
