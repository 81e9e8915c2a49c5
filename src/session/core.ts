// The session's logic, hosted anywhere (a Web Worker in the browser, Node in tests): timelines of states, agents in
// the other seats, the status-quo yardstick, save/load through replay files, and the end-of-game analysis.
import {
  AGENT_DESCRIPTIONS,
  COUNTRIES,
  OBJECTIVES,
  ENGINE_VERSION,
  own,
  persona,
  projectType,
  InvalidOrdersError,
  agentNames,
  budgetAvailable,
  collectOrders,
  createGame,
  hashValue,
  isCountry,
  makeAgent,
  playGame,
  resolveTurn,
  resolveTurnLean,
  runningScores,
  turnSummary,
  validateOrders,
  viewFor,
  type Content,
  type CountryId,
  type CountryOrders,
  type GameState,
  type OrderIssue,
  type Orders,
  type Seats,
  type TurnReport,
  type TurnSummary,
} from '../../engine/index.ts';
import type { Briefing, Decision, FinalResult, GameConfig, ProjectInfo, SessionResult, SessionSnapshot, StrategyPlan, StrategyRow, TimelineInfo } from './protocol.ts';
import { describeOrders, withoutEachKind } from './describe.ts';
import { contentFigures, gdpPercentPoints } from './figures.ts';
import { readSave } from './save.ts';
import { strategyPlan, strategyRow } from './strategies.ts';
import { OBJECTIVE_LABEL, turnScore, weightedOnly } from './score.ts';

export { MAX_SAVE_CHARS } from './save.ts';

interface Timeline {
  id: number;
  label: string;
  forkedAt: number;
  states: GameState[]; // states[0] = start
  reports: TurnReport[];
  orders: Orders[];
  playerOrders: CountryOrders[];
  summaries: TurnSummary[];
}

const OBJECTIVE_MEANING: Record<string, string> = {
  gdp: 'GDP growth against the status-quo path (points = percent)',
  security: 'security index, 0-100: your defence capability and a share of your allies’, against your rivals’, which count more the higher the tension with them',
  approval: 'government approval, 0-100, leaving out the part that economic growth brought (growth already counts under GDP)',
  autoProduction: 'car output against the start (points = percent)',
  supplySecurity: 'magnets obtained as a share of magnets wanted, x100',
  independence: 'independence of rare-earth supply, 0-100: 100 when your ore, oxide and magnets come from many reliable suppliers, lower the more they come from few, or from ones with weak governance or export controls (the EU’s supply-risk method turned around; recycling and thrifting help)',
  environment: 'pollution from mining, separation and seabed work (counts against)',
};


/** A small share of GDP with its digits (the budgets are 0.015-0.05% of GDP: one decimal printed them all as 0.0%). */
function pctOfGdp(x: number): string {
  return x >= 1 ? x.toFixed(1) : String(Number(x.toPrecision(2)));
}
export class SessionCore {
  private config: GameConfig | null = null;
  private seats: Seats | null = null;
  private timelines: Timeline[] = [];
  private active = 0;
  private baseline: { objectives: Record<CountryId, number>[]; parts: TurnReport['objectiveBy'][]; summaries: TurnSummary[] } | null = null;

  constructor(
    private readonly content: Content,
    private readonly scenarioList: { id: string; name: string; turns: number }[] = [{ id: content.scenario.id, name: content.scenario.name, turns: content.scenario.turns }],
  ) {}

  scenarios() {
    return this.scenarioList;
  }

  agents(): string[] {
    return agentNames(this.content); // status-quo included: an opponent who keeps every policy is a seat a player may want
  }

  agentDescription(name: string): string {
    return own(AGENT_DESCRIPTIONS, name) ?? persona(this.content, name)?.description ?? '';
  }

  projectTypes(): ProjectInfo[] {
    return Object.entries(this.content.projects.types)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, t]) => ({ type, label: t.label, description: t.description, costUsdBn: t.costUsdBn, leadQuarters: t.leadQuarters, capacity: t.capacity, stage: t.stage, hosts: t.hosts, maxUnits: t.maxUnitsPerCountry, successChance: t.successChance, ...(t.rampUp ? { rampUp: { ...t.rampUp } } : {}), ...(t.kind === 'deepSeaMud' ? { mud: this.mudCosts() } : {}) }));
  }

  private mudCosts(): NonNullable<ProjectInfo['mud']> {
    const ds = this.content.projects.deepSea;
    return { stageCostUsdBn: ds.stages.map((s) => s.costUsdBn), retryCostShare: ds.retry.costShare };
  }

  briefing(country: CountryId): Briefing {
    const s = createGame(this.content, 1);
    const r = s.regions[country];
    const spec = this.content.countries.regions[country];
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const fromChn = r.last.importShareFrom.CHN;
    const situation = [
      this.content.scenario.description,
      `${spec.name}: GDP USD ${fmt(r.gdp)} bn; defence ${r.policies.defensePct.toFixed(1)}% of GDP; approval ${r.approval.toFixed(0)}.`,
      `Rare earths: mines ${fmt(r.miningReo)} t REO a year; separation ${fmt(r.refining.light)} t NdPr and ${fmt(r.refining.heavy)} t Dy/Tb; magnet plants ${fmt(r.magnetCap)} t.${country === 'CHN' ? ' China refines about nine tenths of the world\'s rare earths and makes most of its magnets.' : ` ${Math.round(fromChn * 100)}% of its rare-earth imports, in tonnes, come straight from China.`}`,
      // the same measure as the game's Car exports indicator (every partner, the rest of the world included), per quarter and per year
      `Cars: ${fmt(r.last.autoProduction)} built a quarter (${(r.last.autoProduction * 4 / 1e6).toFixed(1)} million a year); ${fmt(Object.entries(r.last.autoExports).reduce((a, [c, v]) => a + (c === country ? 0 : v), 0))} exported a quarter (${fmt(Object.entries(r.last.autoExports).reduce((a, [c, v]) => a + (c === country ? 0 : v), 0) * 4)} a year).`,
      `Investment budget: ${pctOfGdp(spec.budgetPctGdp)}% of GDP a year (USD ${((spec.budgetPctGdp / 100) * r.gdp).toFixed(1)} bn a year, USD ${((spec.budgetPctGdp / 400) * r.gdp).toFixed(2)} bn a quarter, less when debt is high or approval low); unspent money carries over, up to ${this.content.rules.budget.carryCap} years' allocation in hand, so a turn's budget in the game is the quarter's share plus what carried over (USD ${budgetAvailable(this.content, s, country).toFixed(2)} bn on turn 1).`,
    ];
    const w = spec.objectives!;
    const objectives = Object.entries(w)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, weight]) => ({ name: OBJECTIVE_LABEL[name as keyof typeof OBJECTIVE_LABEL] ?? name, weight, meaning: OBJECTIVE_MEANING[name] ?? name }));
    const levers = [
      'Tariffs on each partner for cars, magnets, oxide, ore and other goods.',
      'Export controls on each partner for ore, oxide and magnets: open, licensed (a share of the last quarter\'s volume that grows with the world\'s need for magnets, with a licensing delay) or banned.',
      'Defence spending as a share of GDP (approval limits how far it moves in one turn).',
      'Investment: mines, separation plants, magnet plants, recycling, thrifting research, stockpiles, stakes in other countries\' projects' + (country === 'JPN' ? ', and the Minamitorishima deep-sea mud.' : '.'),
      'Deals: offer tariff caps, open exports, investment or offtakes for the same in return; answered next turn, binding for their term.',
    ];
    return { country, name: spec.name, situation, objectives, levers };
  }

  private get tl(): Timeline {
    return this.timelines[this.active];
  }

  start(config: GameConfig): SessionResult<SessionSnapshot> {
    if (!isCountry(config.country)) return { ok: false, error: `unknown country ${config.country}` };
    if (!Number.isInteger(config.seed) || config.seed < 0) return { ok: false, error: `the seed must be a whole number 0 or more` };
    if (typeof config.turns !== 'number' || !Number.isFinite(config.turns)) return { ok: false, error: `the number of turns must be a number (1 to ${this.content.scenario.turns}), got ${JSON.stringify(config.turns) ?? 'nothing'}` };
    const turns = Math.max(1, Math.min(this.content.scenario.turns, Math.floor(config.turns)));
    let seats: Seats;
    try {
      seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(this.content, c === config.country ? 'status-quo' : config.agents[c] ?? 'persona', c)])) as Seats;
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    this.config = { ...config, turns };
    this.seats = seats;
    const s0 = createGame(this.content, config.seed);
    this.timelines = [{ id: 0, label: 'Timeline A', forkedAt: 0, states: [s0], reports: [], orders: [], playerOrders: [], summaries: [] }];
    this.active = 0;
    // the yardstick: the same game with the player's seat doing nothing and the other seats' agents reacting to that
    // (each turn's state is taken as it is played: the game is resolved once, not replayed for its summaries)
    const baseStates: GameState[] = [];
    const base = playGame(this.content, config.seed, seats, { turns, ledger: false, onTurn: (st) => baseStates.push(st) });
    const scores = runningScores(base.objectives, base.objectives);
    const baseSummaries: TurnSummary[] = baseStates.map((st, i) => turnSummary(st, base.reports[i], scores[i]));
    this.baseline = { objectives: base.objectives, parts: base.reports.map((r) => r.objectiveBy), summaries: baseSummaries };
    return { ok: true, value: this.snapshot() };
  }

  validate(orders: CountryOrders): OrderIssue[] {
    if (!this.config) return [{ country: '*', path: '$', message: 'no game has started' }];
    const v = validateOrders(this.content, this.tl.states.at(-1)!, { [this.config.country]: orders });
    return v.ok ? [] : v.issues;
  }

  submit(orders: CountryOrders): SessionResult<SessionSnapshot> {
    if (!this.config || !this.seats) return { ok: false, error: 'no game has started' };
    const tl = this.tl;
    const state = tl.states.at(-1)!;
    if (state.turn >= this.config.turns) return { ok: false, error: 'the game is over' };
    const issues = this.validate(orders);
    if (issues.length) return { ok: false, error: 'some orders are not valid', issues };
    const all = collectOrders(this.content, state, this.seats);
    if (Object.keys(orders).length) all[this.config.country] = orders;
    try {
      const r = resolveTurn(this.content, state, all);
      this.push(tl, r.state, r.report, all, orders);
    } catch (e) {
      if (e instanceof InvalidOrdersError) return { ok: false, error: `an agent's orders were refused: ${e.message}`, issues: e.issues };
      throw e;
    }
    return { ok: true, value: this.snapshot() };
  }

  private push(tl: Timeline, state: GameState, report: TurnReport, all: Orders, mine: CountryOrders): void {
    tl.states.push(state);
    tl.reports.push(report);
    tl.orders.push(all);
    tl.playerOrders.push(mine);
    const objectives = tl.reports.map((r) => r.objective);
    const sc = runningScores(objectives, this.baseline!.objectives.slice(0, objectives.length)).at(-1)!;
    tl.summaries.push(turnSummary(state, report, sc));
  }

  undo(toTurn: number): SessionResult<SessionSnapshot> {
    if (!this.config) return { ok: false, error: 'no game has started' };
    const tl = this.tl;
    const now = tl.states.length - 1;
    if (!Number.isInteger(toTurn) || toTurn < 0 || toTurn >= now) return { ok: false, error: `can only undo to a turn from 0 to ${now - 1}` };
    // the orders given for the turn undone come back as the draft, to change rather than give again (a play-tester's 25%
    // tariff on magnets was back at 0 after Undo)
    const back = tl.playerOrders[toTurn];
    tl.states.length = toTurn + 1;
    tl.reports.length = toTurn;
    tl.orders.length = toTurn;
    tl.playerOrders.length = toTurn;
    tl.summaries.length = toTurn;
    return { ok: true, value: { ...this.snapshot(), draft: back ? structuredClone(back) : null } };
  }

  fork(atTurn?: number): SessionResult<SessionSnapshot> {
    if (!this.config) return { ok: false, error: 'no game has started' };
    const tl = this.tl;
    const at = atTurn ?? tl.states.length - 1;
    if (at < 0 || at > tl.states.length - 1) return { ok: false, error: `can only fork at a turn from 0 to ${tl.states.length - 1}` };
    const id = this.timelines.length;
    this.timelines.push({
      id,
      label: `Timeline ${String.fromCharCode(65 + id)}`,
      forkedAt: at,
      states: tl.states.slice(0, at + 1),
      reports: tl.reports.slice(0, at),
      orders: tl.orders.slice(0, at),
      playerOrders: tl.playerOrders.slice(0, at),
      summaries: tl.summaries.slice(0, at),
    });
    this.active = id;
    return { ok: true, value: this.snapshot() };
  }

  switchTimeline(id: number): SessionResult<SessionSnapshot> {
    if (!this.timelines[id]) return { ok: false, error: `no timeline ${id}` };
    this.active = id;
    return { ok: true, value: this.snapshot() };
  }

  compare() {
    return { timelines: this.timelineInfo(), histories: this.timelines.map((t) => t.summaries) };
  }

  private timelineInfo(): TimelineInfo[] {
    return this.timelines.map((t) => ({ id: t.id, label: t.label, forkedAt: t.forkedAt, turn: t.states.length - 1, score: t.summaries.at(-1)?.countries[this.config!.country].score ?? 0 }));
  }

  snapshot(): SessionSnapshot {
    const cfg = this.config!;
    const tl = this.tl;
    const state = tl.states.at(-1)!;
    return {
      config: cfg,
      view: viewFor(state, cfg.country),
      report: tl.reports.at(-1) ?? null,
      history: tl.summaries,
      turn: state.turn,
      turns: cfg.turns,
      over: state.turn >= cfg.turns,
      score: tl.summaries.at(-1)?.countries[cfg.country].score ?? 0,
      turnScore: tl.reports.length ? this.scoreAt(tl.reports.length) : null,
      ...contentFigures(this.content, state, cfg.country, tl.states[0]!),
      timelines: this.timelineInfo(),
      activeTimeline: this.active,
    };
  }

  replayTurn(turn: number) {
    const tl = this.tl;
    if (!this.config || turn < 1 || turn > tl.reports.length) return { ok: false as const, error: `no turn ${turn} in this timeline` };
    return { ok: true as const, value: { view: viewFor(tl.states[turn], this.config.country), report: tl.reports[turn - 1], score: this.scoreAt(turn) } };
  }

  /** The player's score after turn `turn` of the active timeline, split by objective against the yardstick game. */
  private scoreAt(turn: number) {
    const c = this.config!.country;
    return turnScore(this.tl.reports.map((r) => r.objectiveBy[c]), this.baseline!.parts.map((p) => p[c]), turn, this.content.countries.regions[c].objectives);
  }

  save(): string {
    if (!this.config) throw new Error('no game has started');
    const tl = this.tl;
    return JSON.stringify(
      {
        format: 'rare-earth-gambit-save',
        version: 1,
        config: this.config,
        contentHash: this.content.hash,
        engineVersion: ENGINE_VERSION,
        playerOrders: tl.playerOrders,
        hashes: tl.states.slice(1).map((s) => hashValue(s)),
        // every timeline, so that loading brings the forks back too
        timelines: this.timelines.map((x) => ({ label: x.label, forkedAt: x.forkedAt, playerOrders: x.playerOrders, hashes: x.states.slice(1).map((s) => hashValue(s)) })),
        active: this.active,
      },
      null,
      1,
    );
  }

  /** Load a save: re-play it and check every turn's hash. Any problem leaves the current game as it was. */
  load(text: string): SessionResult<SessionSnapshot> {
    const read = readSave(text, this.content);
    if (!read.ok) return read;
    const save = read.save;
    const keep = { config: this.config, seats: this.seats, timelines: this.timelines, active: this.active, baseline: this.baseline };
    const started = this.start({ ...save.config, agents: save.config.agents as Record<CountryId, string> });
    if (!started.ok) {
      Object.assign(this, keep);
      return { ok: false, error: `this save cannot be started: ${started.error}` };
    }
    // each timeline replays from the start (a fork's orders begin with its parent's) and every turn's hash is checked
    const lines = save.timelines ?? [{ label: 'Timeline A', forkedAt: 0, playerOrders: save.playerOrders, hashes: save.hashes }];
    for (const [k, line] of lines.entries()) {
      if (k > 0) this.fork(0);
      for (let i = 0; i < line.playerOrders.length; i++) {
        const r = this.submit(line.playerOrders[i] as CountryOrders);
        const h = r.ok ? hashValue(this.tl.states.at(-1)!) : '';
        if (!r.ok || h !== line.hashes[i]) {
          Object.assign(this, keep);
          return { ok: false, error: `this save does not replay: ${lines.length > 1 ? `${line.label}, ` : ''}turn ${i + 1} ${r.ok ? 'gives a different state' : `is refused (${r.error})`}` };
        }
      }
      this.tl.label = line.label;
      this.tl.forkedAt = Math.min(line.forkedAt, line.playerOrders.length);
    }
    this.active = save.timelines ? (save.active ?? 0) : 0;
    return { ok: true, value: this.snapshot() };
  }

  finish(): FinalResult {
    const cfg = this.config!;
    const tl = this.tl;
    const last = tl.summaries.at(-1);
    const decisions: Decision[] = [];
    const finalScore = last?.countries[cfg.country].score ?? 0;
    tl.playerOrders.forEach((o, i) => {
      if (!Object.keys(o).length) return;
      const without = this.counterfactual(i);
      const overridden = (tl.reports[i].overridden ?? []).filter((x) => x.country === cfg.country);
      decisions.push({ turn: i + 1, date: tl.reports[i].date, summary: describeOrders(o, (t) => projectType(this.content, t)?.label ?? t), orders: o, worth: finalScore - without, ...(overridden.length ? { overridden } : {}) });
    });
    decisions.sort((a, b) => Math.abs(b.worth) - Math.abs(a.worth) || a.turn - b.turn);
    // of the five shown, a turn of several kinds of order: each kind measured alone, the turn played without it
    for (const d of decisions.slice(0, 5)) d.parts = withoutEachKind(d.orders!).map(({ kind, rest }) => ({ kind, worth: finalScore - this.counterfactual(d.turn - 1, rest) }));
    const at = tl.reports.length ? this.scoreAt(tl.reports.length) : null;
    const split = at?.by ?? null;
    const weighted = at?.weighted;
    const scoreBy = weightedOnly(Object.fromEntries(OBJECTIVES.map((ob) => [ob, split ? split[ob].total : 0])), weighted);
    return {
      score: finalScore,
      scoreBy,
      scoreByTurn: tl.reports.map((_, i) => weightedOnly(Object.fromEntries(OBJECTIVES.map((ob) => [ob, this.scoreAt(i + 1).by[ob].total])), weighted)),
      scores: last ? (Object.fromEntries(COUNTRIES.map((c) => [c, last.countries[c].score])) as Record<CountryId, number>) : (Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number>),
      history: tl.summaries,
      baseline: this.baseline!.summaries.slice(0, tl.summaries.length),
      decisions: decisions.slice(0, 5),
      gdpPercentPoints: gdpPercentPoints(this.content, cfg.country),
    };
  }

  /** The scenario's experiment beside the active path (null if none); then each strategy played in this game (strategies.ts). */
  strategyPlan(): StrategyPlan | null {
    return this.config ? strategyPlan(this.content, this.config, this.tl.states.slice(1), this.tl.reports, this.baseline!) : null;
  }
  strategyRow(id: string): StrategyRow {
    if (!this.config) throw new Error('no game has started');
    return strategyRow(this.content, this.config, id, this.tl.reports.length, this.baseline!);
  }

  /** The player's final score had it given no orders on turn index i (everything else re-decided by the agents). */
  private counterfactual(i: number, instead: CountryOrders = {}): number {
    const cfg = this.config!;
    const tl = this.tl;
    let s = tl.states[i];
    const objectives = tl.reports.slice(0, i).map((r) => r.objective);
    for (let k = i; k < tl.reports.length; k++) {
      const all = collectOrders(this.content, s, this.seats!);
      const mine = k === i ? instead : tl.playerOrders[k];
      if (Object.keys(mine).length) all[cfg.country] = mine;
      else delete all[cfg.country];
      try {
        const r = resolveTurnLean(this.content, s, all, { ledger: false });
        s = r.state;
        objectives.push(r.objective);
      } catch {
        // a later order that made sense only after this decision: drop it and carry on
        delete all[cfg.country];
        const r = resolveTurnLean(this.content, s, all, { ledger: false });
        s = r.state;
        objectives.push(r.objective);
      }
    }
    return runningScores(objectives, this.baseline!.objectives.slice(0, objectives.length)).at(-1)![cfg.country];
  }
}
