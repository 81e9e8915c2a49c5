// The deep-sea mud programme (engine/deepsea.ts): staged, learning, spread over seeds; seabed damage costs approval and
// risks the lifting licence; mud is ore that needs separation plants.
import { describe, expect, it } from 'vitest';
import { ContentError, compileContent, createGame, resolveTurn, validateOrders, type Content, type GameState, type Orders, type TurnReport } from '../engine/index.ts';
import { readBundle } from '../src/content/load.ts';
import type { Project, RegionState } from '../engine/state.ts';
import { advanceMud, bestCapacity, newProgramme, outcomeDistribution, mudLicence, estimatedPerformance, stageChance, MUD_LICENCE } from '../engine/deepsea.ts';
import { approvalTerms } from '../engine/macro.ts';
import { content } from './helpers.ts';

const ds = content.projects.deepSea;
const mudOf = (s: GameState) => s.projects.filter((p) => p.type === 'deepSeaMud');

/** A game whose own deep-sea programme is taken out, with `turns` turns (the scenario has 40). */
function freshGame(seed: number, turns = 40, c: Content = content): GameState {
  const s = structuredClone(createGame(c, seed));
  s.projects = s.projects.filter((p) => p.type !== 'deepSeaMud');
  s.turns = turns;
  return s;
}

function step(c: Content, s: GameState, orders: Orders = {}): { state: GameState; report: TurnReport } {
  return resolveTurn(c, s, orders, { ledger: false });
}

describe('a staged programme', () => {
  it('an order pays for the survey only; each later stage is paid from the budget when it starts, with news at each result', () => {
    let s = freshGame(5, 70);
    const r1 = step(content, s, { JPN: { investments: [{ type: 'deepSeaMud' }] } });
    s = r1.state;
    const [p] = mudOf(s);
    expect(p.mud).toMatchObject({ stage: 0, attempt: 1, waiting: false });
    expect(p.costUsdBn).toBeCloseTo(ds.stages[0].costUsdBn, 9);
    expect(p.remainingQuarters).toBe(ds.stages[0].quarters);
    expect(r1.report.news.some((n) => /starts a Minamitorishima deep-sea mud programme.*survey first.*each paid when it starts/.test(n))).toBe(true);
    const results: string[] = [];
    let spent = p.costUsdBn;
    while (mudOf(s)[0].status === 'building' && s.turn < s.turns) {
      const r = step(content, s);
      s = r.state;
      const q = mudOf(s)[0];
      const mine = r.report.news.filter((n) => n.includes(`programme ${q.id}:`));
      results.push(...mine);
      const paid = q.costUsdBn - spent;
      spent = q.costUsdBn;
      // money leaves only when a stage starts, and the news says how much
      if (paid > 0) expect(mine.some((n) => n.includes(`USD ${paid.toFixed(2)} bn from the budget`))).toBe(true);
      else expect(mine.every((n) => !n.includes('from the budget'))).toBe(true);
    }
    const q = mudOf(s)[0];
    expect(q.status).not.toBe('building');
    expect(results.some((n) => /the survey (passes|fails) \(\d of 2 reads good, 1 needed; its chance was \d+%\)/.test(n))).toBe(true);
    expect(results.at(-1)).toMatch(q.status === 'done' ? /Commercial lifting starts: [\d,]+ t REO a year/ : /The programme ends after USD [\d.]+ bn with no capacity/);
  });

  it('a stage waits when the budget is short, says so, and starts when the budget allows', () => {
    const s = structuredClone(createGame(content, 3));
    const p = structuredClone(mudOf(s)[0]);
    p.mud = { ...newProgramme(content, 2), stage: 1 }; // the trial lift is due
    p.remainingQuarters = 0;
    p.startedTurn = 0;
    const R = structuredClone(s.regions) as Record<string, RegionState>;
    R.JPN.budget = 0;
    const news: string[] = [];
    // find a seed of the reads for which the trial lift passes, then the pilot cannot be paid
    let passed = false;
    for (let k = 0; k < 20 && !passed; k++) {
      const q = structuredClone(p);
      const st = { ...s, seed: `wait${k}` };
      advanceMud(content, st, R as never, q, [], [], 1, news);
      if (q.mud!.stage === 2) {
        passed = true;
        expect(q.mud!.waiting).toBe(true);
        expect(news.at(-1)).toMatch(/pilot waits for budget: it needs USD 0\.40 bn, USD 0\.00 bn is available; the programme is paused/);
        R.JPN.budget = 5;
        advanceMud(content, st, R as never, q, [], [], 2, news);
        expect(q.mud!.waiting).toBe(false);
        expect(R.JPN.budget).toBeCloseTo(5 - ds.stages[2].costUsdBn, 9);
        expect(news.at(-1)).toMatch(/the budget now allows it; the 350 t\/day pilot starts: USD 0\.40 bn from the budget, 8 quarters/);
      }
    }
    expect(passed).toBe(true);
  });

  // an economist's review: the programme cost Japan USD 1.66 bn on every path, the status quo's too, and no order
  // could stop it; Japan's bet is now a choice it can take back
  it("an owner's order stops its programme: no later stage is paid, no capacity comes, the news says so; a wrong id is refused", () => {
    const s0 = createGame(content, 3);
    const [p] = mudOf(s0);
    expect(p.owner).toBe('JPN');
    const bad = validateOrders(content, s0, { JPN: { stopProgrammes: ['P999'] }, USA: { stopProgrammes: [p.id] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => [i.path, i.message])).toEqual([
        ['$.JPN.stopProgrammes[0]', `no deep-sea programme "P999" of JPN under way (JPN's under way: ${p.id})`],
        ['$.USA.stopProgrammes[0]', `no deep-sea programme "${p.id}" of USA under way (USA has none under way)`],
      ]);
    }
    const stop = resolveTurn(content, s0, { JPN: { stopProgrammes: [p.id] } }, { ledger: false });
    const stopped = mudOf(stop.state).find((x) => x.id === p.id)!;
    expect(stopped.status).toBe('failed');
    expect(stopped.mud?.stoppedTurn).toBe(1);
    expect(stop.report.news).toContain(`JPN stops its ${content.projects.types.deepSeaMud.label} programme ${p.id} during the ${ds.stages[p.mud!.stage].label}, after USD ${p.costUsdBn.toFixed(2)} bn: no later stage is paid and no capacity comes of it.`);
    // played on, against the same game with the programme kept: it costs no more, and lifts nothing
    let a = stop.state;
    let b = resolveTurn(content, s0, {}, { ledger: false }).state;
    for (let t = 2; t <= 24; t++) {
      a = resolveTurn(content, a, {}, { ledger: false }).state;
      b = resolveTurn(content, b, {}, { ledger: false }).state;
    }
    const [sa, sb] = [mudOf(a).find((x) => x.id === p.id)!, mudOf(b).find((x) => x.id === p.id)!];
    expect(sa.costUsdBn).toBe(p.costUsdBn);
    expect(sb.costUsdBn).toBeGreaterThan(p.costUsdBn);
    // the stopped one stands where it was stopped, its belief too, while the kept one has moved on a stage or more
    expect(sa.mud).toEqual({ ...p.mud, stoppedTurn: 1 });
    expect(sa.status).toBe('failed');
    expect(sb.mud!.stage).toBeGreaterThan(p.mud!.stage);
    expect(a.regions.JPN.mudReo).toBe(0);
    // stopped, it cannot be stopped again
    expect(validateOrders(content, a, { JPN: { stopProgrammes: [p.id] } }).ok).toBe(false);
  });
  it("the scenario's programme is at the trial lift, its belief holding the surveys' reads", () => {
    const [p] = mudOf(createGame(content, 1));
    expect(p.mud).toMatchObject({ stage: 1, alpha: ds.prior.alpha + ds.stages[0].reads, beta: ds.prior.beta });
  });
});

describe('learning from each stage', () => {
  it("a stage's reads update the belief: a success raises the next stage's chance, a failure lowers it", () => {
    const m = newProgramme(content, 0);
    const next = ds.stages[1];
    const prior = stageChance(m.alpha, m.beta, next.reads, next.pass);
    const good = stageChance(m.alpha + 2, m.beta, next.reads, next.pass);
    const bad = stageChance(m.alpha, m.beta + 2, next.reads, next.pass);
    expect(good).toBeGreaterThan(prior + 0.1);
    expect(bad).toBeLessThan(prior - 0.1);
    // the chance is the Beta-binomial tail: a 1-of-2 stage under Beta(2, 3) fails only if both reads are poor
    expect(stageChance(2, 3, 2, 1)).toBeCloseTo(1 - (3 / 5) * (4 / 6), 12);
  });

  it('in the engine, a passed stage moves the programme on with a higher next chance than before it; a failed one lowers it', () => {
    const s = createGame(content, 1);
    const seen = { pass: 0, fail: 0 };
    for (let k = 0; k < 40; k++) {
      const p: Project = { ...structuredClone(mudOf(s)[0]), remainingQuarters: 0, mud: newProgramme(content, 0) };
      const R = structuredClone(s.regions) as Record<string, RegionState>;
      const pilotBefore = stageChance(p.mud!.alpha, p.mud!.beta, ds.stages[1].reads, ds.stages[1].pass);
      advanceMud(content, { ...s, seed: `learn${k}` }, R as never, p, [], [], 1, []);
      const m = p.mud!;
      const after = stageChance(m.alpha, m.beta, ds.stages[1].reads, ds.stages[1].pass);
      expect(m.alpha + m.beta).toBe(ds.prior.alpha + ds.prior.beta + ds.stages[0].reads);
      if (m.stage === 1) {
        seen.pass++;
        expect(after).toBeGreaterThanOrEqual(pilotBefore - 0.08); // 1 good of 2 barely moves it; 2 of 2 raise it
        if (m.alpha === ds.prior.alpha + 2) expect(after).toBeGreaterThan(pilotBefore);
      } else {
        seen.fail++;
        expect(after).toBeLessThan(pilotBefore);
        expect(m.attempt === 2 || p.status === 'failed').toBe(true);
      }
    }
    expect(seen.pass).toBeGreaterThan(5);
    expect(seen.fail).toBeGreaterThan(5);
  });
});

describe('outcomes spread over seeds', () => {
  it('20 seeds of Japan ordering the programme give several capacities, 0 among them, none dominating', () => {
    const caps: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      let s = freshGame(seed, 70);
      s = step(content, s, { JPN: { investments: [{ type: 'deepSeaMud' }] } }).state;
      while (mudOf(s)[0].status === 'building' && s.turn < s.turns) s = step(content, s).state;
      const p = mudOf(s)[0];
      expect(p.status, `seed ${seed}`).not.toBe('building');
      caps.push(p.status === 'done' ? Math.round(p.mud!.capacity!) : 0);
      if (p.status === 'done') expect(s.regions.JPN.mudReo).toBeGreaterThanOrEqual(p.mud!.capacity! * 0.9);
    }
    const counts = new Map<number, number>();
    for (const c of caps) counts.set(c, (counts.get(c) ?? 0) + 1);
    console.log(`deep-sea capacity over 20 seeds, t REO/yr: ${caps.join(', ')}`);
    expect(counts.has(0)).toBe(true);
    expect(counts.size).toBeGreaterThanOrEqual(5);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(10);
    for (const c of caps) expect(c).toBeLessThanOrEqual(bestCapacity(content));
  }, 120_000);

  it('the exact distribution: a new programme ends with nothing about two times in five, the scenario one about one in seven', () => {
    const fresh = outcomeDistribution(content, newProgramme(content, 0));
    const running = outcomeDistribution(content, newProgramme(content, 1));
    const total = (d: Map<number, number>) => [...d.values()].reduce((a, b) => a + b, 0);
    expect(total(fresh)).toBeCloseTo(1, 12);
    expect(fresh.get(0)).toBeGreaterThan(0.3);
    expect(fresh.get(0)).toBeLessThan(0.5);
    expect(running.get(0)).toBeGreaterThan(0.08);
    expect(running.get(0)).toBeLessThan(0.25);
    expect(fresh.size).toBeGreaterThan(20);
    // the order screen's figures are this distribution's
    const t = content.projects.types.deepSeaMud;
    const ok = 1 - fresh.get(0)!;
    let mean = 0;
    for (const [c, p] of fresh) mean += (c * p) / ok;
    expect(t.successChance).toBeCloseTo(ok, 2);
    expect(Math.abs(t.capacity / mean - 1)).toBeLessThan(0.02);
    expect(estimatedPerformance(newProgramme(content, 0))).toBeCloseTo(ds.prior.alpha / (ds.prior.alpha + ds.prior.beta), 12);
  });
});

describe('seabed damage', () => {
  it('costs approval at home (a small term in the approval ledger)', () => {
    const s0 = createGame(content, 2);
    const r = structuredClone(s0.regions.JPN);
    r.seabed = 40;
    expect(approvalTerms(content, r, s0.regions.JPN).seabed).toBeCloseTo(-ds.seabed.approvalPerPoint * 40, 12);
    const hurt = structuredClone(s0);
    hurt.regions.JPN.seabed = 40;
    let a = s0;
    let b = hurt;
    let rep: TurnReport | undefined;
    for (let t = 1; t <= 8; t++) {
      a = resolveTurn(content, a, {}, { ledger: false }).state;
      const r2 = resolveTurn(content, b, {});
      b = r2.state;
      rep = r2.report;
    }
    const gap = b.regions.JPN.approval - a.regions.JPN.approval;
    expect(gap).toBeLessThan(-0.5);
    expect(gap).toBeGreaterThan(-2.5);
    expect(rep!.headlines.JPN.approval.causes.some((c) => c.cause === 'seabed damage')).toBe(true);
  });

  it('raises the chance, each quarter, that lifting is suspended', () => {
    const base = structuredClone(createGame(content, 1));
    base.regions.JPN.mudReo = 2000;
    const rate = (damage: number) => {
      const s = structuredClone(base);
      s.regions.JPN.seabed = damage;
      let n = 0;
      for (let t = 1; t <= 400; t++) n += mudLicence(content, s, [], t, []).length;
      return n / 400;
    };
    expect(rate(0)).toBe(0);
    const low = rate(10);
    const high = rate(80);
    expect(low).toBeGreaterThan(0);
    expect(high).toBeGreaterThan(2 * low);
    expect(Math.abs(high - Math.min(ds.seabed.maxChance, 80 * ds.seabed.suspendPerPoint))).toBeLessThan(0.05);
    // no suspension without capacity to suspend, and none on top of a running one
    const idle = structuredClone(base);
    idle.regions.JPN.mudReo = 0;
    idle.regions.JPN.seabed = 80;
    expect(mudLicence(content, idle, [], 3, [])).toEqual([]);
    const sus = { eventId: MUD_LICENCE, effect: { kind: 'licenceSuspension' as const, region: 'JPN' as const, stage: 'ore.heavy' as const }, turnsLeft: 1 };
    expect(mudLicence(content, { ...base, regions: { ...base.regions, JPN: { ...base.regions.JPN, seabed: 1e4 } } }, [sus], 3, [])).toEqual([]);
  });

  it('a suspension stops the lifting for its turns, with news', () => {
    const c = cheapMud();
    let s = freshGame(4, 40, c);
    s.regions.JPN.mudReo = 4000;
    s.regions.JPN.seabed = 200; // the chance is at its cap
    let suspended = 0;
    for (let t = 1; t <= 12; t++) {
      const r = step(c, s);
      s = r.state;
      const on = s.shocks.some((x) => x.eventId === MUD_LICENCE);
      if (on) {
        suspended++;
        expect(s.regions.JPN.last.mined).toBe(0);
      } else expect(s.regions.JPN.last.mined).toBeGreaterThan(100);
      if (r.report.news.some((n) => /deep-sea mud lifting is suspended for 2 turns/.test(n))) expect(on).toBe(true);
    }
    expect(suspended).toBeGreaterThan(0);
  });
});

/** The content with mud cheap to lift, so that it is lifted at 2024 prices (the default costs leave it idle). */
function cheapMud(): Content {
  const c = structuredClone(content) as Content;
  c.goods.markets['ore.heavy'].cashCost.JPN = 40;
  c.goods.markets['ore.light'].cashCost.JPN = 8;
  return c;
}

describe('mud is ore: it needs separation plants', () => {
  const run = (setup: (s: GameState) => void) => {
    const c = cheapMud();
    let s = freshGame(1, 40, c);
    s.regions.JPN.mudReo = 4000;
    setup(s);
    const out = { mined: 0, ownHeavyOre: 0, exportedHeavyOre: 0, refinedJPN: 0 };
    for (let t = 1; t <= 4; t++) {
      s = step(c, s).state;
      setup(s);
      out.mined += s.regions.JPN.last.mined;
      out.ownHeavyOre += s.flows['ore.heavy'].JPN.JPN;
      for (const [to, v] of Object.entries(s.flows['ore.heavy'].JPN)) if (to !== 'JPN') out.exportedHeavyOre += v;
      out.refinedJPN += s.regions.JPN.last.refined;
    }
    return out;
  };

  it("without separation of its own Japan's mud ore is sold to others' separators, never refined at home", () => {
    const o = run(() => {});
    expect(o.mined).toBeGreaterThan(1000);
    expect(o.refinedJPN).toBe(0);
    expect(o.ownHeavyOre).toBe(0);
    expect(o.exportedHeavyOre).toBeGreaterThan(100);
  });

  it('with a heavy separation plant at home, Japan separates its own mud', () => {
    const o = run((s) => {
      if (s.turn === 0) s.regions.JPN.refining.heavy += 400;
    });
    expect(o.ownHeavyOre).toBeGreaterThan(100);
    expect(o.refinedJPN).toBeGreaterThan(100);
  });

  it('with no heavy separation anywhere, no heavy mud ore finds a buyer', () => {
    const o = run((s) => {
      for (const r of Object.values(s.regions)) r.refining.heavy = 0;
    });
    expect(o.ownHeavyOre + o.exportedHeavyOre).toBe(0);
  });
});

describe('content checks', () => {
  it('refuses a stage that cannot pass, a type whose cost is not its first stage, and an unknown starting stage', () => {
    const raw = readBundle('rare-earth-gambit');
    const projects = structuredClone(raw.projects.json) as { types: { deepSeaMud: { costUsdBn: { v: number } } }; deepSea: { stages: { pass: { v: number } }[] } };
    projects.deepSea.stages[1].pass.v = 3;
    projects.types.deepSeaMud.costUsdBn.v = 0.2;
    const scenario = structuredClone(raw.scenario.json) as { projects: { type: string; stage?: string }[] };
    scenario.projects.find((p) => p.type === 'deepSeaMud')!.stage = 'drilling';
    const issuesOf = (bundle: typeof raw) => {
      try {
        compileContent(bundle);
      } catch (e) {
        return (e as ContentError).issues.map((i) => i.path);
      }
      return [];
    };
    expect(issuesOf({ ...raw, projects: { ...raw.projects, json: projects } })).toEqual(expect.arrayContaining(['$.deepSea.stages[1].pass.v', '$.types.deepSeaMud.costUsdBn.v']));
    const i = scenario.projects.findIndex((p) => p.type === 'deepSeaMud');
    expect(issuesOf({ ...raw, scenario: { ...raw.scenario, json: scenario } })).toEqual([`$.projects[${i}].stage`]);
  });
});
