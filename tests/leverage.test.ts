// The US-China leverage track (engine/leverage.ts, engine/agents/truce.ts): each side's cost of escalation from its
// dependence and alternatives, the Nash terms of a truce, an escalation settled by a truce as in October 2025, and
// Japan's hub changing the balance.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, collectOrders, createGame, hashValue, makeAgent, resolveTurn, viewFor, type Agent, type CountryId, type GameState } from '../engine/index.ts';
import { chinaStake, readTrack, type TrackWorld } from '../engine/leverage.ts';
import { makeRng } from '../engine/prng.ts';
import { content } from './helpers.ts';

const personas = () => Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Record<CountryId, Agent>;
/** The US persona, but with an 80% tariff on China's other goods ordered on turn 3 (an escalation). */
function escalatingSeats(): Record<CountryId, Agent> {
  const seats = personas();
  const us = seats.USA;
  seats.USA = { ...us, decide: (ctx) => { const o = us.decide(ctx); return ctx.view.turn === 2 ? { ...o, tariffs: { ...(o.tariffs ?? {}), CHN: { other: 80 } } } : o; } };
  return seats;
}
/** Japan as a hub: 10,000 t a year more separation, Australian ore for it, half its oxide and magnets to the US. */
function withHub(s: GameState): GameState {
  s.regions.JPN.refining.light += 10000;
  s.regions.JPN.refining.heavy += 10000 / 12;
  s.regions.AUS.miningReo += 12000;
  s.deals.push({ id: 'H1', from: 'JPN', to: 'USA', give: [{ type: 'offtake', stage: 'oxide.light', share: 0.5 }, { type: 'offtake', stage: 'oxide.heavy', share: 0.5 }, { type: 'offtake', stage: 'magnet', share: 0.5 }], get: [], termTurns: 40, status: 'active', proposedTurn: 0, startTurn: 0, endTurn: 40 });
  return s;
}
function run(seed: number, hub: boolean, turns: number) {
  const seats = escalatingSeats();
  let s = createGame(content, seed);
  if (hub) s = withHub(s);
  const states: GameState[] = [];
  const news: string[][] = [];
  for (let t = 0; t < turns; t++) {
    const r = resolveTurn(content, s, collectOrders(content, s, seats), { ledger: false });
    s = r.state;
    states.push(s);
    news.push(r.report.news);
  }
  return { states, news };
}

describe('the leverage reading', () => {
  it('the Nash concession is worth to China half the difference of the two sides\' costs of escalation', () => {
    const s = createGame(content, 1);
    const w: TrackWorld = { flows: s.flows, transship: s.market.transship, gdp: (c) => s.regions[c].gdp, policies: (c) => s.regions[c].policies, deals: s.deals, tariffWeights: s.tariffWeights };
    for (const china of [0.2, 0.5, 0.8]) {
      const r = readTrack(content, w, { china, japan: 0.1 });
      const L = content.rules.leverage;
      expect(r.usCost).toBeCloseTo(s.regions.USA.gdp * L.magnetStake * L.squeezeLoss * L.squeezeCut * china, 6);
      const tau = s.regions.USA.policies.tariffs.CHN.other;
      const gain = chinaStake(content, tau - r.concession) - chinaStake(content, tau);
      if (r.usCost > r.chinaCost) {
        expect(r.concession).toBeGreaterThan(0);
        // the concession is rounded to half a point
        expect(Math.abs(gain - (r.usCost - r.chinaCost) / 2)).toBeLessThan(chinaStake(content, tau - r.concession - 0.5) - chinaStake(content, tau - r.concession) + 1e-9);
      } else expect(r.concession).toBe(0);
      expect(r.usHand).toBeCloseTo((r.chinaCost - r.usCost) / (r.chinaCost + r.usCost), 12);
    }
  });

  it('a magnet made in Japan from Chinese oxide counts as Chinese: more non-Chinese supply from Japan lowers the US\'s dependence', () => {
    const a = run(1, false, 2).states[1].track!;
    const b = run(1, true, 2).states[1].track!;
    expect(b.usFromJapan).toBeGreaterThan(a.usFromJapan + 0.03);
    expect(b.usFromChina).toBeLessThan(a.usFromChina - 0.03);
    expect(b.usHand).toBeGreaterThan(a.usHand);
  }, 60_000);
});

describe('the track in play', () => {
  it('a US escalation draws a Chinese squeeze, then a truce at the Nash terms within three turns, with the reasons in the news', () => {
    const { states, news } = run(1, false, 8);
    const phases = states.map((s) => s.track!.phase);
    const esc = phases.indexOf('escalation');
    expect(esc).toBe(2);
    expect(phases.slice(esc, esc + 4)).toContain('truce');
    const truceAt = phases.indexOf('truce');
    expect(truceAt - esc).toBeLessThanOrEqual(3);
    // China squeezed the US in between, and the truce opened its exports and capped the US tariff below 80%
    expect(states[esc + 1].regions.CHN.policies.controls.USA.magnet.level).toBe('licensed');
    expect(states[truceAt].regions.CHN.policies.controls.USA.magnet.level).toBe('open');
    const cap = states[truceAt].regions.USA.policies.tariffs.CHN.other;
    expect(cap).toBeLessThan(80);
    const all = news.flat().join('\n');
    expect(all).toMatch(/US-China track: escalation \(was calm\): a year of escalation would cost the US USD \d+ bn \(\d+% of its rare earths from China, \d+% from Japan\) and China USD \d+ bn/);
    expect(all).toMatch(/CHN accepts D\d+: USA offers CHN a tariff of at most [\d.]+% on other goods for open exports of Dy\/Tb oxide, open exports of magnets, for 4 turns \(near the Nash terms/);
    expect(all).toMatch(/US-China track: truce \(was escalation\)/);
    // deterministic
    expect(hashValue(run(1, false, 8).states[7])).toBe(hashValue(states[7]));
  }, 120_000);

  it('Japan\'s hub strengthens the US hand: the same escalation ends in a truce that costs the US fewer tariff points', () => {
    for (const seed of [1, 2]) {
      const plain = run(seed, false, 6).states;
      const hub = run(seed, true, 6).states;
      const capPlain = plain[5].regions.USA.policies.tariffs.CHN.other;
      const capHub = hub[5].regions.USA.policies.tariffs.CHN.other;
      expect(plain[5].track!.phase).toBe('truce');
      expect(hub[5].track!.phase).toBe('truce');
      expect(capHub).toBeGreaterThan(capPlain + 2);
      expect(hub[2].track!.usHand).toBeGreaterThan(plain[2].track!.usHand);
    }
  }, 120_000);

  it('China does not squeeze the US when the US has less to lose', () => {
    let s = createGame(content, 3);
    s = resolveTurn(content, s, { USA: { tariffs: { CHN: { other: 80 } } } }).state;
    const china = makeAgent(content, 'persona', 'CHN');
    const squeezes = (hand: number) => {
      const st = { ...s, track: { ...s.track!, usHand: hand } };
      let n = 0;
      for (let k = 0; k < 20; k++) if (china.decide({ content, view: viewFor(st, 'CHN'), rng: makeRng(`q${k}`) }).exportControls?.USA) n++;
      return n;
    };
    expect(squeezes(-0.3)).toBeGreaterThan(5);
    expect(squeezes(0.3)).toBe(0);
  }, 60_000);
});
