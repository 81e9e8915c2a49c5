// The US-China leverage track: what a year of escalation would cost each side, given its dependence and its
// alternatives; the Nash bargaining terms of a truce; and the track's phase (calm, escalation, truce, deal), read from
// the two sides' policies and deals. China's lever is the chokepoint it holds in rare-earth supply (Farrell and Newman
// 2019, "Weaponized interdependence"); the US's is its market. Each side's cost of escalation is its disagreement
// point; the truce splits the gain from avoiding it equally (Nash 1950; with outside options, Binmore, Rubinstein and
// Wolinsky 1986), so the side with more to lose pays: in tariff points the US cuts on Chinese goods. Japan's hub enters
// as the US's alternative: every tonne of non-Chinese oxide or magnet the US gets lowers the US's share from China and
// its cost of a squeeze. Pure: the same figures from a state (turn.ts, for the news) or from a view (the personas).
import { REGIONS, STAGES, type CountryId, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { Deal, GameState, Policies, TrackState } from './state.ts';
import type { Commitment } from './schema.ts';
import { pow } from './detmath.ts';
import { meanTariff, startMeanTariff, startTariff } from './economy.ts';

export type Phase = TrackState['phase'];
export type Reading = Omit<TrackState, 'since' | 'reported'>;

/** What the track reads: public figures only, so a view gives the same reading as the state. */
export interface TrackWorld {
  flows: GameState['flows'];
  transship: GameState['market']['transship'];
  gdp: (c: CountryId) => number;
  policies: (c: CountryId) => Policies;
  deals: readonly Deal[];
  /** the tariff lines' weights at the start (state.tariffWeights) */
  tariffWeights: GameState['tariffWeights'];
}

const R = REGIONS.length;
const CHN_I = REGIONS.indexOf('CHN');
const JPN_I = REGIONS.indexOf('JPN');
const USA_I = REGIONS.indexOf('USA');
const REGION_I: Record<string, number> = Object.fromEntries(REGIONS.map((r, i) => [r, i]));
if (REGIONS.join() !== 'AUS,CHN,JPN,MYS,ROW,USA') throw new Error('leverage.ts: addPurchases reads the regions AUS, CHN, JPN, MYS, ROW, USA in this order');

/** Adds what each region bought of one stage, by origin, valued at 2024 prices (own output used at home included;
 * transshipped goods at their origin, as in risk.ts) to `out`, indexed [buyer * R + origin]. A sum over several stages
 * is these additions one stage after another, in the stages' order (the same bits as one pass over them). */
function addPurchases(content: Content, w: TrackWorld, s: StageKey, out: Float64Array): void {
  const p = content.goods.markets[s].basePrice;
  const f = w.flows[s];
  // each row read by name (one shape, regionRecord's): a keyed read with a varying key is a megamorphic lookup
  for (let o = 0; o < R; o++) {
    const row = f[REGIONS[o]];
    out[o] += row.AUS * p;
    out[R + o] += row.CHN * p;
    out[2 * R + o] += row.JPN * p;
    out[3 * R + o] += row.MYS * p;
    out[4 * R + o] += row.ROW * p;
    out[5 * R + o] += row.USA * p;
  }
  const ts = w.transship[s];
  const keys = Object.keys(ts);
  if (keys.length === 0) return;
  keys.sort();
  for (const key of keys) {
    const at = cellOf(key);
    if (at >= 0) out[at] += ts[key] * p;
  }
}

/** A transshipment key's "origin>via>buyer" cell buyer * R + origin of addPurchases' `out`, -1 when either is not a
 * region; memoised (a pure function of the key: at most a few hundred keys exist). */
const CELLS = new Map<string, number>();
function cellOf(key: string): number {
  let at = CELLS.get(key);
  if (at === undefined) {
    const [a, , b] = key.split('>');
    const ai = REGION_I[a];
    const bi = REGION_I[b];
    at = ai !== undefined && bi !== undefined ? bi * R + ai : -1;
    if (CELLS.size < 4096) CELLS.set(key, at);
  }
  return at;
}

/** The Chinese content of each region's output of a stage, 0..1, traced one step back through its inputs: a magnet
 * made in Japan from Chinese oxide is Chinese supply in all but name (ore -> oxide -> magnet). `buy` holds the
 * purchases of the stage's inputs (light, then heavy); `up` the content of those inputs; every entry of `out` is
 * written. */
function contentFrom(up: Float64Array, buy: Float64Array, out: Float64Array): Float64Array {
  for (let r = 0; r < R; r++) {
    if (r === CHN_I) {
      out[r] = 1;
      continue;
    }
    let t = 0;
    let c = 0;
    for (let o = 0; o < R; o++) {
      t += buy[r * R + o];
      c += buy[r * R + o] * up[o];
    }
    out[r] = t > 0 ? c / t : 0;
  }
  return out;
}

const SCRATCH = {
  ore: new Float64Array(R),
  oreBuy: new Float64Array(R * R),
  oxide: new Float64Array(R),
  light: new Float64Array(R * R),
  heavy: new Float64Array(R * R),
  oxideBuy: new Float64Array(R * R),
  magnet: new Float64Array(R),
  magnetBuy: new Float64Array(R * R),
};

/** This quarter's shares of the US's rare-earth supply (oxide and magnets, by value) that are Chinese in content, and
 * that Japan supplies from non-Chinese material. */
export function usShares(content: Content, w: TrackWorld): { china: number; japan: number } {
  // Ore is Chinese in content where it is mined in China; oxide traces back through ore (light and heavy), magnets
  // through oxide (light and heavy) to the light ore's content, as the chain one step back at a time.
  // scratch arrays of the module, zeroed here (allocating a typed array costs more than this whole step's sums)
  const { ore, oreBuy, oxide, light, heavy, oxideBuy, magnet, magnetBuy } = SCRATCH;
  ore.fill(0);
  ore[CHN_I] = 1;
  oreBuy.fill(0);
  addPurchases(content, w, 'ore.light', oreBuy);
  addPurchases(content, w, 'ore.heavy', oreBuy);
  contentFrom(ore, oreBuy, oxide);
  light.fill(0);
  addPurchases(content, w, 'oxide.light', light);
  heavy.fill(0);
  addPurchases(content, w, 'oxide.heavy', heavy);
  oxideBuy.set(light);
  addPurchases(content, w, 'oxide.heavy', oxideBuy);
  contentFrom(oxide, oxideBuy, magnet);
  magnetBuy.fill(0);
  addPurchases(content, w, 'magnet', magnetBuy);
  let total = 0;
  let china = 0;
  let japan = 0;
  // the three purchases in this order: oxide.light and oxide.heavy at the oxide's content, magnets at theirs
  for (let k = 0; k < 3; k++) {
    const cc = k < 2 ? oxide : magnet;
    const buy = k === 0 ? light : k === 1 ? heavy : magnetBuy;
    for (let o = 0; o < R; o++) {
      const b = buy[USA_I * R + o];
      total += b;
      china += b * cc[o];
      if (o === JPN_I) japan += b * (1 - cc[o]);
    }
  }
  return total > 0 ? { china: china / total, japan: japan / total } : { china: 0, japan: 0 };
}

/** The share of the usual volume a country's control at the start let through to a partner (1 open, 0 banned). */
function startShareOf(content: Content, from: CountryId, to: RegionId, s: StageKey): number {
  const c = content.scenario.policies[from]?.exportControls as Record<string, Record<string, unknown> | undefined> | undefined;
  const v = c?.[to]?.[s] ?? c?.['*']?.[s] ?? 'open';
  if (v === 'open') return 1;
  if (v === 'banned') return 0;
  return typeof v === 'object' && v && 'licensed' in v ? Number((v as { licensed: number }).licensed) : 1;
}

/** China's controls on the US tighter than at the start (a squeeze under way). */
export function chinaSqueezes(content: Content, pol: Policies): boolean {
  return STAGES.some((s) => {
    const c = pol.controls.USA[s];
    const share = c.level === 'open' ? 1 : c.level === 'banned' ? 0 : c.share;
    return share < startShareOf(content, 'CHN', 'USA', s) - 1e-9;
  });
}

/** The US's trade-weighted mean tariff on China (economy.ts meanTariff, weights `w`) above its start, points. */
export function usTariffRise(content: Content, pol: Policies, w: GameState['tariffWeights']['USA']['CHN']): number {
  return meanTariff(pol, 'CHN', w) - startMeanTariff(content, 'USA', 'CHN', w);
}

/** A truce between the two: China keeps exports to the US open, the US caps its tariff on China's other goods. */
export function isTruce(d: Deal): boolean {
  const pair = (d.from === 'USA' && d.to === 'CHN') || (d.from === 'CHN' && d.to === 'USA');
  if (!pair) return false;
  const china = d.from === 'CHN' ? d.give : d.get;
  return china.some((k) => k.type === 'openExports');
}

/** China's value of its exports of other goods to the US (USD bn a year, net of what it would sell elsewhere, in value
 * added) at a US tariff of `tau` percent: constant-elasticity demand from the 2024 flow at the starting tariff. */
export function chinaStake(content: Content, tau: number): number {
  // memoised on the content and the exact tariff (the US's tariff on China stands still most turns): a pure
  // function's value, so what the memo holds changes no result
  let memo = stakes.get(content);
  if (!memo) {
    memo = { tau: [NaN, NaN], value: [0, 0], next: 0 };
    stakes.set(content, memo);
  }
  for (let k = 0; k < 2; k++) if (memo.tau[k] === tau && (tau !== 0 || 1 / tau === 1 / memo.tau[k])) return memo.value[k];
  const v = stakeOf(content, tau);
  memo.tau[memo.next] = tau;
  memo.value[memo.next] = v;
  memo.next = 1 - memo.next;
  return v;
}
/** The last two tariffs chinaStake worked out per content, and their values (readTrack asks for two each turn). */
const stakes = new WeakMap<Content, { tau: number[]; value: number[]; next: number }>();

function stakeOf(content: Content, tau: number): number {
  const L = content.rules.leverage;
  const x0 = content.countries.regions.CHN.otherExports.USA ?? 0;
  const t0 = startTariff(content, 'USA', 'CHN', 'other');
  return x0 * pow((1 + tau / 100) / (1 + t0 / 100), -content.rules.trade.otherSigma) * (1 - L.redirect) * L.valueAdded;
}

/** The track's reading from the US's (smoothed) supply shares and this turn's policies and deals. */
export function readTrack(content: Content, w: TrackWorld, shares: { china: number; japan: number }): Reading {
  const L = content.rules.leverage;
  const usFromChina = shares.china;
  const usFromJapan = shares.japan;
  // a year of squeeze: the US loses the part of its magnet-dependent output that Chinese supply carries
  const usCost = w.gdp('USA') * L.magnetStake * L.squeezeLoss * L.squeezeCut * usFromChina;
  // a year of the US's answer: China loses the value added of the exports the higher tariff turns away
  const tau = w.policies('USA').tariffs.CHN.other;
  const stake = chinaStake(content, tau);
  const chinaCost = stake - chinaStake(content, tau + L.escalationPts);
  const usHand = usCost + chinaCost > 0 ? (chinaCost - usCost) / (chinaCost + usCost) : 0;
  // Nash: the US transfers half the difference of the disagreement costs, as a tariff cut worth that much to China
  const transfer = (usCost - chinaCost) / 2;
  let concession = 0;
  if (transfer > 0) {
    const k = stake;
    const cut = k > 0 ? (1 + tau / 100) * (1 - pow(1 + transfer / k, -1 / content.rules.trade.otherSigma)) * 100 : 0;
    concession = Math.max(0, Math.min(tau, Math.round(cut * 2) / 2));
  }
  return { phase: phaseOf(content, w), usFromChina, usFromJapan, usCost, chinaCost, usHand, concession };
}

function phaseOf(content: Content, w: TrackWorld): Phase {
  const truce = w.deals.find((d) => d.status === 'active' && isTruce(d));
  if (truce) return truce.termTurns > content.rules.leverage.truceTurns ? 'deal' : 'truce';
  if (chinaSqueezes(content, w.policies('CHN')) || usTariffRise(content, w.policies('USA'), w.tariffWeights.USA.CHN) > content.rules.leverage.escalationTrigger) return 'escalation';
  return 'calm';
}

/** The truce's terms at the Nash concession: what each side gives. */
export function truceTerms(content: Content, r: Reading, usTariffOther: number): { china: Commitment[]; us: Commitment[]; cap: number } {
  const cap = Math.max(0, usTariffOther - r.concession);
  return { china: [{ type: 'openExports', stage: 'oxide.heavy' }, { type: 'openExports', stage: 'magnet' }], us: [{ type: 'tariffCap', good: 'other', max: cap }], cap };
}

const bn = (x: number) => `USD ${x >= 10 ? Math.round(x) : x.toFixed(1)} bn`;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** Why the balance stands where it does, in one clause. */
export function whyLine(r: Reading): string {
  const who = r.usHand >= 0 ? 'the US has less to lose' : 'China has less to lose';
  return `a year of escalation would cost the US ${bn(r.usCost)} (${pct(r.usFromChina)} of its rare earths from China, ${pct(r.usFromJapan)} from Japan) and China ${bn(r.chinaCost)} of exports to the US; ${who} (US hand ${r.usHand >= 0 ? '+' : ''}${r.usHand.toFixed(2)}), so the Nash terms of a truce ask ${r.concession > 0 ? `the US to cut its tariff on Chinese goods by ${r.concession} points` : 'no tariff cut of the US'}`;
}

const PHASE_WORDS: Record<Phase, string> = { calm: 'calm', escalation: 'escalation', truce: 'truce', deal: 'deal' };

/** The track after this turn, and its news: a change of phase, or a move in the US's hand since it was last reported
 * (`news` null: the same track, the news not written, for a turn without a report). */
export function trackStep(content: Content, prev: TrackState | undefined, turn: number, w: TrackWorld, news: string[] | null): TrackState {
  const raw = usShares(content, w);
  const a = prev ? content.rules.leverage.smoothing : 1;
  const r = readTrack(content, w, { china: (prev?.usFromChina ?? 0) * (1 - a) + raw.china * a, japan: (prev?.usFromJapan ?? 0) * (1 - a) + raw.japan * a });
  const before = prev?.phase ?? 'calm';
  const since = prev && prev.phase === r.phase ? prev.since : turn;
  const now = { usHand: r.usHand, usFromChina: r.usFromChina, usFromJapan: r.usFromJapan, usCost: r.usCost, chinaCost: r.chinaCost };
  let reported = prev?.reported ?? now;
  if (r.phase !== before) {
    news?.push(`US-China track: ${PHASE_WORDS[r.phase]} (was ${PHASE_WORDS[before]}): ${whyLine(r)}.`);
    reported = now;
  } else if (Math.abs(r.usHand - reported.usHand) >= content.rules.leverage.reportStep) {
    const o = reported;
    if (news) {
      const jp = Math.abs(r.usFromJapan - o.usFromJapan) >= 0.005 ? `, from Japan ${pct(o.usFromJapan)} -> ${pct(r.usFromJapan)}` : '';
      news.push(`The US's hand with China ${r.usHand > o.usHand ? 'strengthens' : 'weakens'} (${sign(o.usHand)} -> ${sign(r.usHand)}): US rare earths from China ${pct(o.usFromChina)} -> ${pct(r.usFromChina)}${jp}, so a squeeze would cost the US ${bn(o.usCost)} -> ${bn(r.usCost)} a year; China's exports at stake ${bn(o.chinaCost)} -> ${bn(r.chinaCost)}.`);
    }
    reported = now;
  }
  // one literal with the reading's keys in readTrack's order, then the two new ones: a spread followed by assignments
  // was a third of this step's time
  return { phase: r.phase, usFromChina: r.usFromChina, usFromJapan: r.usFromJapan, usCost: r.usCost, chinaCost: r.chinaCost, usHand: r.usHand, concession: r.concession, since, reported };
}
