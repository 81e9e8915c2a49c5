// Unit tests for each part of the model: markets, orders, deals, projects, events, lanes, macro, security, politics, views, scores.
import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  InvalidOrdersError,
  beliefState,
  createGame,
  hashValue,
  makeAgent,
  playGame,
  resolveTurn,
  runningScores,
  statusQuoSeats,
  viewFor,
  type Content,
  type CountryId,
} from '../engine/index.ts';
import { readMetric, conditionsHold } from '../engine/events.ts';
import { content, play } from './helpers.ts';
import { collectOrders } from '../engine/game.ts';
import { budgetAvailable } from '../engine/policy.ts';
import { objectiveParts } from '../engine/economy.ts';


describe('orders', () => {
  const s0 = createGame(content, 1);
  it("partner '*' sets every partner, and a named partner overrides it", () => {
    const s = resolveTurn(content, s0, { JPN: { tariffs: { '*': { other: 7 }, USA: { other: 3 } } } }).state;
    expect(s.regions.JPN.policies.tariffs.CHN.other).toBe(7);
    expect(s.regions.JPN.policies.tariffs.ROW.other).toBe(7);
    expect(s.regions.JPN.policies.tariffs.USA.other).toBe(3);
  });
  it("a licence is measured against the partner's volume in the quarter before it", () => {
    // (US ore to China: no contract on the arc; a contracted volume would be exempt, see market.test.ts)
    const s = resolveTurn(content, s0, { USA: { exportControls: { CHN: { 'ore.light': { licensed: 0.5 } } } } }).state;
    const c = s.regions.USA.policies.controls.CHN['ore.light'];
    expect(c.level).toBe('licensed');
    expect(s0.flows['ore.light'].USA.CHN).toBeGreaterThan(100);
    expect(c.baseVolume).toBeCloseTo(s0.flows['ore.light'].USA.CHN, 6);
    expect(s.flows['ore.light'].USA.CHN).toBeLessThan(s0.flows['ore.light'].USA.CHN * 0.6);
  });
  it('missing orders keep last turn\'s policies', () => {
    const s1 = resolveTurn(content, s0, { USA: { tariffs: { CHN: { other: 40 } } } }).state;
    const s2 = resolveTurn(content, s1, {}).state;
    expect(s2.regions.USA.policies.tariffs.CHN.other).toBe(40);
  });
  it('invalid orders: every bad field is listed, and the state is unchanged', () => {
    const before = hashValue(s0);
    let err: InvalidOrdersError | undefined;
    try {
      resolveTurn(content, s0, {
        JPN: { tariffs: { JPN: { autos: 5 }, USA: { autos: -3 } }, defenseSpendingPct: 9, investments: [{ type: 'moonbase' }] },
        XYZ: {},
      });
    } catch (e) {
      err = e as InvalidOrdersError;
    }
    expect(err).toBeInstanceOf(InvalidOrdersError);
    const paths = err!.issues.map((i) => i.path).join(' ');
    expect(paths).toContain('$.JPN.tariffs.USA.autos');
    expect(paths).toContain('XYZ');
    expect(hashValue(s0)).toBe(before);
    // once the shape is right, the semantic checks list all problems together
    try {
      resolveTurn(content, s0, { JPN: { tariffs: { JPN: { autos: 5 } }, defenseSpendingPct: 9, investments: [{ type: 'moonbase' }] } });
    } catch (e) {
      err = e as InvalidOrdersError;
    }
    const p2 = err!.issues.map((i) => i.path);
    expect(p2).toEqual(expect.arrayContaining(['$.JPN.tariffs.JPN', '$.JPN.defenseSpendingPct', '$.JPN.investments[0].type']));
    expect(hashValue(s0)).toBe(before);
  });
  it('approval limits how far defense spending can move in a turn', () => {
    expect(() => resolveTurn(content, s0, { JPN: { defenseSpendingPct: 1.8 + 0.2 } })).not.toThrow();
    expect(() => resolveTurn(content, s0, { JPN: { defenseSpendingPct: 1.8 + 0.6 } })).toThrow(/approval/);
  });
});

describe('deals', () => {
  const give = [{ type: 'openExports' as const, stage: 'magnet' as const }];
  const get = [{ type: 'tariffCap' as const, good: 'other' as const, max: 5 }];
  it('are proposed one turn, answered the next, and bind for their term', () => {
    let s = createGame(content, 3);
    s = resolveTurn(content, s, { CHN: { deals: { propose: [{ to: 'USA', give, get, termTurns: 3 }] } } }).state;
    const d = s.deals.find((x) => x.from === 'CHN' && x.status === 'proposed')!;
    expect(d).toBeTruthy();
    s = resolveTurn(content, s, { USA: { deals: { accept: [d.id] } } }).state;
    expect(s.deals.find((x) => x.id === d.id)!.status).toBe('active');
    expect(s.regions.USA.policies.tariffs.CHN.other).toBeLessThanOrEqual(5);
    expect(s.regions.CHN.policies.controls.USA.magnet.level).toBe('open');
    for (let i = 0; i < 3; i++) s = resolveTurn(content, s, {}).state;
    expect(s.deals.find((x) => x.id === d.id)!.status).toBe('completed');
  });
  it('an unanswered proposal expires', () => {
    let s = createGame(content, 3);
    s = resolveTurn(content, s, { CHN: { deals: { propose: [{ to: 'JPN', give, get, termTurns: 3 }] } } }).state;
    s = resolveTurn(content, s, {}).state;
    expect(s.deals.filter((x) => x.from === 'CHN').every((x) => x.status === 'expired')).toBe(true);
  });
  it('breaking a deal costs trust and raises tension', () => {
    const s0 = createGame(content, 3);
    const id = s0.deals[0].id; // the US-Japan car deal
    const kept = resolveTurn(content, s0, {}).state;
    const broke = resolveTurn(content, s0, { JPN: { deals: { break: [id] } } }).state;
    expect(broke.deals.find((x) => x.id === id)!.status).toBe('broken');
    expect(broke.trust.USA.JPN).toBeLessThan(kept.trust.USA.JPN - 20);
    expect(broke.tension.JPN.USA).toBeGreaterThan(kept.tension.JPN.USA);
  });
});

describe('projects', () => {
  it('a stockpile purchase goes into the national stockpile that turn', () => {
    const s0 = createGame(content, 4);
    const s = resolveTurn(content, s0, { JPN: { investments: [{ type: 'stockpile.light', units: 2 }] } }).state;
    expect(s.regions.JPN.stockpile.light).toBeGreaterThan(s0.regions.JPN.stockpile.light + 1500);
    expect(s.regions.JPN.budget).toBeLessThan(s0.regions.JPN.budget + 4);
  });
  it('a stake in another country brings an offtake of the new output when it completes', () => {
    const { states } = play(4, 16, { 1: { JPN: { investments: [{ type: 'refinery.heavy', host: 'AUS', units: 1 }] } } });
    const p = states[15].projects.find((x) => x.owner === 'JPN' && x.host === 'AUS')!;
    expect(p.status === 'done' || p.status === 'failed' || p.status === 'building').toBe(true);
    if (p.status === 'done') expect(states[15].offtakes.some((o) => o.from === 'AUS' && o.to === 'JPN' && o.stage === 'oxide.heavy')).toBe(true);
    expect(states[0].projects.find((x) => x.id === p.id)!.status).toBe('building');
  });
  it('projects over the per-country limit are refused', () => {
    const s0 = createGame(content, 4);
    const max = content.projects.types.deepSeaMud.maxUnitsPerCountry;
    expect(() => resolveTurn(content, s0, { JPN: { investments: [{ type: 'deepSeaMud', units: max }] } })).toThrow(/limit/);
  });
  it('high prices call forth private capacity, later', () => {
    const ban = { CHN: { exportControls: { '*': { 'oxide.heavy': 'banned' as const } } } };
    const { states } = play(6, 20, { 1: ban });
    const outside = (i: number) => ['AUS', 'JPN', 'MYS', 'ROW', 'USA'].reduce((a, r) => a + states[i].regions[r as 'AUS'].refining.heavy, 0);
    expect(states[1].pipeline.length).toBeGreaterThan(0);
    expect(outside(19)).toBeGreaterThan(outside(1) * 1.2);
  });
});

describe('events and lanes', () => {
  it('reads metrics and tests conditions', () => {
    const s = createGame(content, 1);
    // prices come out of the calibrated equilibrium (near the 2024 prices), and metrics read them as they are
    expect(readMetric(s, 'prices.oxide.heavy.world')).toBe(s.worldPrice['oxide.heavy']);
    expect(readMetric(s, 'prices.magnet.CHN')).toBe(s.prices.magnet.CHN);
    expect(s.prices.magnet.CHN).toBeGreaterThan(50);
    expect(s.prices.magnet.CHN).toBeLessThan(60);
    expect(readMetric(s, 'tension.CHN.USA')).toBe(65);
    expect(readMetric(s, 'controls.CHN.JPN.oxide.heavy')).toBe('licensed');
    expect(readMetric(s, 'straits.malacca')).toBe('open');
    expect(readMetric(s, 'countries.nowhere.gdp')).toBeUndefined();
    const ev = content.events.events[0];
    expect(conditionsHold(s, { ...ev, conditions: [{ metric: 'tension.CHN.USA', op: '>', value: 60 }] })).toBe(true);
    expect(conditionsHold(s, { ...ev, conditions: [{ metric: 'tension.CHN.USA', op: '>', value: 70 }] })).toBe(false);
  });
  it('a strait closure reroutes lanes and raises freight on them', () => {
    const closing: Content = {
      ...content,
      events: { events: [{ id: 'test-close', title: 'Closed', text: 'Malacca is closed.', window: { from: 1, to: 1 }, chance: 1, once: true, durationTurns: 2, conditions: [], effects: [{ kind: 'closeStrait', strait: 'malacca' }], source: 'test' }] },
    };
    const s0 = createGame(closing, 1);
    const r = resolveTurn(closing, s0, {});
    expect(r.report.events.map((e) => e.id)).toEqual(['test-close']);
    expect(r.state.straits.malacca).toBe('closed');
    const longer = Object.keys(r.state.lanes).filter((k) => r.state.lanes[k].lengthKm > s0.lanes[k].lengthKm);
    expect(longer.length).toBeGreaterThan(0);
    const later = resolveTurn(closing, resolveTurn(closing, r.state, {}).state, {}).state;
    expect(later.straits.malacca).toBe('open');
  });
  it('the same seed draws the same events whatever the orders', () => {
    const a = play(9, 6).reports.map((r) => r.events.map((e) => e.id).join());
    const b = play(9, 6, { 1: { USA: { tariffs: { '*': { other: 30 } } } } }).reports.map((r) => r.events.map((e) => e.id).join());
    expect(b.slice(0, 1)).toEqual(a.slice(0, 1));
  });
});

describe('economy, security and politics', () => {
  it('the GDP and approval ledgers add up to the change', () => {
    const { reports } = play(2, 6, { 2: { USA: { tariffs: { CHN: { other: 60 } } } } });
    for (const r of reports)
      for (const c of COUNTRIES)
        for (const h of ['gdp', 'approval', 'autoProduction', 'autoExports', 'magnetSupplyRatio', 'security'] as const) {
          const led = r.headlines[c][h];
          const sum = led.causes.reduce((a, x) => a + x.amount, 0);
          expect(Math.abs(sum - led.change)).toBeLessThan(1e-6 * Math.max(1, Math.abs(led.value)));
        }
  });
  it("a tariff war costs the target's GDP through trade, and raises tension", () => {
    const base = play(2, 6).states[5];
    const war = play(2, 6, { 1: { USA: { tariffs: { CHN: { other: 80 } } } } }).states[5];
    expect(war.regions.CHN.gdp).toBeLessThan(base.regions.CHN.gdp);
    expect(war.otherTrade.CHN.USA).toBeLessThan(base.otherTrade.CHN.USA * 0.8);
    expect(war.tension.CHN.USA).toBeGreaterThan(base.tension.CHN.USA + 5);
  });
  it('defense spending builds capability and security, and rivals feel it', () => {
    const orders: Record<number, { JPN: { defenseSpendingPct: number } }> = {};
    for (let t = 1; t <= 8; t++) orders[t] = { JPN: { defenseSpendingPct: 1.8 + 0.2 * t } };
    const base = play(3, 16).states[15];
    const up = play(3, 16, orders).states[15];
    expect(up.regions.JPN.capability).toBeGreaterThan(base.regions.JPN.capability * 1.05);
    expect(up.regions.JPN.security).toBeGreaterThan(base.regions.JPN.security);
    expect(up.tension.CHN.JPN).toBeGreaterThan(base.tension.CHN.JPN);
  });
  it('refining pollutes, and pollution costs approval', () => {
    // Australia: the one programme budget that pays for a refinery in the first turn
    const { states, reports } = play(3, 16, { 1: { AUS: { investments: [{ type: 'refinery.light', units: 1 }] } } });
    const base = play(3, 16).states;
    expect(states[15].regions.AUS.refining.light).toBeGreaterThan(base[15].regions.AUS.refining.light);
    expect(states[15].regions.AUS.pollution).toBeGreaterThan(base[15].regions.AUS.pollution);
    // over the game, the pollution term of approval is no kinder with the refinery than without it
    const { reports: baseReports } = play(3, 16);
    const polSum = (rs: typeof reports) => rs.reduce((a, r) => a + (r.headlines.AUS.approval.causes.find((c) => c.cause === 'pollution')?.amount ?? 0), 0);
    expect(polSum(reports)).toBeLessThanOrEqual(polSum(baseReports) + 1e-9);
  });
});

describe('views and scores', () => {
  it("a view shows a country its own budget and stockpile, not others'", () => {
    const s = createGame(content, 1);
    const v = viewFor(s, 'JPN');
    expect(v.self.budget).toBe(s.regions.JPN.budget);
    expect((v.others.CHN as Record<string, unknown>).budget).toBeUndefined();
    expect((v.others.CHN as Record<string, unknown>).stockpile).toBeUndefined();
    expect(JSON.stringify(v)).not.toContain('"rng"');
    const b = beliefState(content, v, 'x');
    expect(() => resolveTurn(content, b, {})).not.toThrow();
    // others' trust, unseen, is each pair's usual level from the content (the belief state had 65 written in)
    const edited = { ...content, rules: { ...content.rules, diplomacy: { ...content.rules.diplomacy, allyTrust: 72 } } };
    const be = beliefState(edited, v, 'x');
    expect([be.trust.USA.JPN, be.trust.AUS.USA, be.trust.CHN.JPN, b.trust.USA.JPN]).toEqual([72, 72, 50, content.rules.diplomacy.allyTrust]);
    expect(be.trust.JPN).toEqual(v.trust); // its own, as it sees it
  });
  it('status-quo agents score exactly zero against the status-quo path', () => {
    const r = playGame(content, 5, statusQuoSeats(), { turns: 6, ledger: false });
    const sc = runningScores(r.objectives, r.objectives).at(-1)!;
    for (const c of COUNTRIES) expect(sc[c]).toBe(0);
  });
  it('every built-in agent gives valid orders for every country', () => {
    for (const name of ['persona', 'free-trader', 'protectionist', 'hawk', 'tit-for-tat', 'diversifier', 'random']) {
      const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, name, c)])) as Record<CountryId, ReturnType<typeof makeAgent>>;
      expect(() => playGame(content, 8, seats, { turns: 10, ledger: false }), name).not.toThrow();
    }
  });
  it('the planner gives valid orders and a different game from status quo', () => {
    const seats = { ...statusQuoSeats(), JPN: makeAgent(content, 'planner', 'JPN') };
    const r = playGame(content, 8, seats, { turns: 3, ledger: false });
    expect(r.orders.length).toBe(3);
  });
});

describe('defence is not a free lunch', () => {
  it('a defence ramp gives a passing demand impulse and a lasting cost of its financing: Japan 1.8% -> 5% leaves GDP lower at turn 20', () => {
    const plan: Record<number, { JPN: { defenseSpendingPct: number } }> = {};
    for (let t = 1; t <= 14; t++) plan[t] = { JPN: { defenseSpendingPct: Math.min(5, 1.8 + 0.24 * t) } };
    const base = play(1, 20).states;
    const hit = play(1, 20, plan).states;
    expect(hit[3].regions.JPN.gdp).toBeGreaterThan(base[3].regions.JPN.gdp); // the impulse while spending rises
    expect(hit[19].regions.JPN.gdp).toBeLessThan(base[19].regions.JPN.gdp); // and what remains: the financing
    expect(Math.abs(hit[19].regions.JPN.gap.defense)).toBeLessThan(0.001); // the impulse has faded
  });
});

describe('pledges are capital flows, not spending', () => {
  it('a swap of equal investment pledges between the US and Japan changes neither GDP', () => {
    const swap = { USA: { deals: { propose: [{ to: 'JPN' as const, give: [{ type: 'investment' as const, usdBn: 1000 }], get: [{ type: 'investment' as const, usdBn: 1000 }], termTurns: 8 }] } } };
    const first = play(1, 1, { 1: swap });
    const id = first.states[0].deals.find((d) => d.from === 'USA' && d.to === 'JPN' && d.status === 'proposed')!.id;
    const base = play(1, 8).states;
    const hit = play(1, 8, { 1: swap, 2: { JPN: { deals: { accept: [id] } } } }).states;
    expect(hit[5].deals.find((d) => d.id === id)!.status).toBe('active');
    for (const t of [2, 5, 7]) for (const c of ['JPN', 'USA'] as const) expect(hit[t].regions[c].gdp).toBeCloseTo(base[t].regions[c].gdp, 6);
  });
  it('a one-way pledge moves productive capacity from the source to the host', () => {
    const one = { USA: { deals: { propose: [{ to: 'JPN' as const, give: [{ type: 'tariffCap' as const, good: 'autos' as const, max: 15 }], get: [{ type: 'investment' as const, usdBn: 400 }], termTurns: 8 }] } } };
    const first = play(1, 1, { 1: one });
    const id = first.states[0].deals.find((d) => d.from === 'USA' && d.to === 'JPN' && d.status === 'proposed')!.id;
    const base = play(1, 8).states;
    const hit = play(1, 8, { 1: one, 2: { JPN: { deals: { accept: [id] } } } }).states;
    expect(hit[7].regions.USA.potential).toBeGreaterThan(base[7].regions.USA.potential);
    expect(hit[7].regions.JPN.potential).toBeLessThan(base[7].regions.JPN.potential);
  });
});

describe('tariffs do not pay', () => {
  it('a 60% US tariff on everything from everyone leaves US GDP lower at turn 16 (persona opponents, 2 seeds)', () => {
    for (const seed of [1, 2]) {
      const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Parameters<typeof playGame>[2];
      const run = (tariff: boolean) => {
        let s = createGame(content, seed);
        for (let t = 1; t <= 16; t++) {
          const o = collectOrders(content, s, seats);
          if (tariff && t === 1) o.USA = { ...(o.USA ?? {}), tariffs: { '*': { autos: 60, magnets: 60, oxide: 60, ore: 60, other: 60 } } };
          s = resolveTurn(content, s, o, { ledger: false }).state;
        }
        return s;
      };
      const b = run(false);
      const h = run(true);
      expect(h.regions.USA.gdp).toBeLessThan(b.regions.USA.gdp);
      expect(h.regions.USA.gap.gainsFromTrade).toBeLessThan(0); // the ACR loss from a higher home share of spending
    }
  });
});

describe('budgets that bind, buyers who remember, GDP counted once', () => {
  it("defence above its start adds to debt, and debt above the start shrinks the programme budget", () => {
    const orders: Record<number, { JPN: { defenseSpendingPct: number } }> = {};
    let d = 1.8;
    for (let t = 1; t <= 16; t++) {
      d = Math.min(5, d + 0.2);
      orders[t] = { JPN: { defenseSpendingPct: d } };
    }
    const base = play(2, 16).states[15].regions.JPN;
    const up = play(2, 16, orders).states[15].regions.JPN;
    expect(up.debt).toBeGreaterThan(base.debt + 2);
    // room for programmes falls with the debt: with no projects bought, what is left to spend shows it
    expect(budgetAvailable(content, play(2, 16, orders).states[15], 'JPN')).toBeLessThan(budgetAvailable(content, play(2, 16).states[15], 'JPN'));
  });
  it('a full investment menu is more than a programme budget buys in a year', () => {
    const menu = Object.values(content.projects.types).reduce((a, t) => a + t.costUsdBn * (t.kind === 'stockpile' ? 1 : t.maxUnitsPerCountry), 0);
    for (const c of COUNTRIES) {
      const spec = content.countries.regions[c];
      expect((spec.budgetPctGdp / 100) * spec.gdpUsdBn).toBeLessThan(menu / 3);
    }
  });
  it('a buyer keeps distrusting a supplier after its ban ends, and buys less from it for years', () => {
    const ban = { 1: { CHN: { exportControls: { JPN: { 'oxide.heavy': 'banned' as const, magnet: 'banned' as const } } } }, 5: { CHN: { exportControls: { JPN: { 'oxide.heavy': { licensed: 0.9 }, magnet: { licensed: 0.96 } } } } } };
    const hit = play(1, 16, ban).states;
    const base = play(1, 16).states;
    expect(hit[3].market.distrust.JPN.CHN).toBe(1);
    const after = hit[12].market.distrust.JPN.CHN;
    expect(after).toBeGreaterThan(0.3);
    expect(after).toBeLessThan(hit[5].market.distrust.JPN.CHN);
    // other buyers watch: some distrust of China elsewhere too, less than Japan's
    expect(hit[3].market.distrust.USA.CHN).toBeGreaterThan(base[3].market.distrust.USA.CHN);
    expect(hit[12].flows.magnet.CHN.JPN).toBeLessThan(base[12].flows.magnet.CHN.JPN);
  });
  it('the approval objective leaves out what growth put into approval (GDP counts once)', () => {
    const s = play(1, 6).states[5];
    const r = s.regions.JPN;
    const w = content.countries.regions.JPN.objectives!;
    const parts = objectiveParts(content, 'JPN', r, 0.5);
    expect(parts.approval).toBeCloseTo(w.approval * (r.approval - r.approvalGrowth), 9);
    expect(Math.abs(r.approvalGrowth)).toBeGreaterThan(0);
  });
});
