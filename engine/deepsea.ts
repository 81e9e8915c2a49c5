// The Minamitorishima deep-sea mud programme: stages (survey, trial lift, pilot, commercial), each paid from the budget
// when it starts, each a test whose reads update a Beta belief on the deposit's and lift system's performance; the
// commercial capacity scales with what was learned. Seabed damage costs approval and risks a suspended lifting licence.
import type { Content } from './content.ts';
import type { GameState, MudProgramme, Project, RegionState, Shock } from './state.ts';
import { COUNTRIES, type RegionId } from './ids.ts';
import { keyedUniform, keyedUniform4 } from './prng.ts';
import { knownProjectType } from './own.ts';
import { pow } from './detmath.ts';

/** The id running lifting-licence suspensions carry in the shock list (not a content event). */
export const MUD_LICENCE = 'deep-sea-licence-suspended';

/** P(k good reads of n) under the belief Beta(a, b): the Beta-binomial, by the Polya urn's recursion. */
export function readsDistribution(a: number, b: number, n: number): number[] {
  let dist = [1];
  for (let j = 0; j < n; j++) {
    const next = new Array<number>(j + 2).fill(0);
    for (let k = 0; k <= j; k++) {
      const p = (a + k) / (a + b + j);
      next[k + 1] += dist[k] * p;
      next[k] += dist[k] * (1 - p);
    }
    dist = next;
  }
  return dist;
}

/** The chance that a stage of n reads, at least m of them good, passes under the belief Beta(a, b). */
export function stageChance(a: number, b: number, n: number, m: number): number {
  const d = readsDistribution(a, b, n);
  let s = 0;
  for (let k = Math.max(0, m); k <= n; k++) s += d[k];
  return s;
}

/** The programme's estimate of its performance: the mean of its belief, a share of the technical best case. */
export function estimatedPerformance(m: Pick<MudProgramme, 'alpha' | 'beta'>): number {
  return m.alpha / (m.alpha + m.beta);
}

/** The commercial capacity of one unit at full performance, t REO / yr: lift x operating days x best grade. */
export function bestCapacity(content: Content): number {
  const d = content.projects.deepSea.design;
  return (d.liftTonnesPerDay * d.daysPerYear * d.bestGradeKgPerTonne) / 1000;
}

/** A new programme at stage `stage`; stages before it passed before the game began, every read good (the surveys of
 * 2010-2018 found the REY-rich layer they looked for: Kato et al. 2011, Takaya et al. 2018). */
export function newProgramme(content: Content, stage = 0): MudProgramme {
  const ds = content.projects.deepSea;
  let alpha = ds.prior.alpha;
  for (let i = 0; i < stage; i++) alpha += ds.stages[i].reads;
  return { stage, alpha, beta: ds.prior.beta, attempt: 1, waiting: false };
}

/** The index of a stage by id (scenario projects name the stage they have reached); 0 for none. */
export function stageIndex(content: Content, id: string | undefined): number {
  const i = id === undefined ? 0 : content.projects.deepSea.stages.findIndex((s) => s.id === id);
  return i < 0 ? 0 : i;
}

/** What (re)starting the current stage costs, USD bn, and how long it runs, quarters. */
export function stageCost(content: Content, p: Pick<Project, 'units'>, m: MudProgramme): number {
  const ds = content.projects.deepSea;
  return ds.stages[m.stage].costUsdBn * p.units * (m.attempt > 1 ? ds.retry.costShare : 1);
}
export function stageQuarters(content: Content, m: MudProgramme): number {
  const ds = content.projects.deepSea;
  return m.attempt > 1 ? ds.retry.quarters : ds.stages[m.stage].quarters;
}

/** The spending rate of a running programme, USD bn / yr (the investment demand impulse, macro.ts). */
export function mudSpendRate(content: Content, p: Project): number {
  const m = p.mud;
  if (!m || m.waiting) return 0;
  return (stageCost(content, p, m) / Math.max(1, stageQuarters(content, m))) * 4;
}

/** Whether a country's lifting licence is suspended by a running shock. */
export function mudSuspended(shocks: readonly Shock[], c: RegionId): boolean {
  for (const s of shocks) if (s.eventId === MUD_LICENCE && s.effect.kind === 'licenceSuspension' && s.effect.region === c) return true;
  return false;
}

const pctText = (x: number) => `${Math.round(100 * x)}%`;
const usd = (x: number) => `USD ${x.toFixed(2)} bn`;

/** Start (or restart) the current stage if the owner's budget can pay for it, else leave the programme waiting.
 * Returns the news text. */
function tryStart(content: Content, R: Record<RegionId, RegionState>, p: Project, m: MudProgramme): string {
  const st = content.projects.deepSea.stages[m.stage];
  const cost = stageCost(content, p, m);
  const again = m.attempt > 1;
  const r = p.owner === 'ROW' ? undefined : R[p.owner];
  p.remainingQuarters = stageQuarters(content, m);
  if (r && r.budget + 1e-9 >= cost) {
    r.budget -= cost;
    p.costUsdBn += cost;
    m.waiting = false;
    return `the ${st.label} ${again ? 'is run again' : 'starts'}: ${usd(cost)} from the budget, ${p.remainingQuarters} quarters.`;
  }
  m.waiting = true;
  return `the ${st.label}${again ? ' retry' : ''} waits for budget: it needs ${usd(cost)}, ${usd(Math.max(0, r?.budget ?? 0))} is available; the programme is paused until the budget allows.`;
}

/** A project's quarter of delay in the news (its chance is the type's delayRisk a quarter). */
export function slipsWords(risk: number, left: number): string {
  return `slips a quarter (a ${Math.round(risk * 100)}% risk each quarter): ${left} quarter${left === 1 ? '' : 's'} left.`;
}

/** "JPN's ... programme P12" for the news, built only when there is news (most turns have none). */
function whoOf(p: Project, label: string): string {
  return `${p.owner}'s ${label} programme ${p.id}`;
}

/** A whole number with thousands separators, the same in every runtime. */
function int(x: number): string {
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One turn of a deep-sea mud programme (p is the turn's own copy). Adds the commercial capacity to the host when the
 * last stage passes; marks the programme failed when a failed stage is not worth running again. */
export function advanceMud(content: Content, state: GameState, R: Record<RegionId, RegionState>, p: Project, instant: readonly Shock[], shocks: readonly Shock[], turn: number, news: string[]): void {
  const ds = content.projects.deepSea;
  const t = knownProjectType(content, p.type);
  const m: MudProgramme = { ...(p.mud ?? newProgramme(content)) };
  p.mud = m;
  if (m.waiting) {
    const text = tryStart(content, R, p, m);
    if (!m.waiting) news.push(`${whoOf(p, t.label)}: the budget now allows it; ${text}`);
    return;
  }
  const st = ds.stages[m.stage];
  for (const e of instant) if (e.effect.kind === 'projectDelay' && e.effect.projectType === p.type) p.remainingQuarters = Math.max(0, p.remainingQuarters + e.effect.quarters);
  const q = state.quartersPerTurn;
  if (p.startedTurn < turn && !(st.lifts && mudSuspended(shocks, p.host))) {
    p.remainingQuarters -= q;
    if (p.remainingQuarters > 0 && keyedUniform4(state.seed, 'delay', p.id, turn) < t.delayRisk * q) {
      p.remainingQuarters += 1;
      news.push(`${whoOf(p, t.label)}: the ${st.label} ${slipsWords(t.delayRisk, p.remainingQuarters)}`);
    }
  }
  if (p.remainingQuarters > 0) return;
  // the stage's reads: a Polya urn on the belief, the same in law as reads of a fixed unknown performance drawn from the prior
  const before = estimatedPerformance(m);
  const chanceBefore = stageChance(m.alpha, m.beta, st.reads, st.pass);
  let good = 0;
  for (let j = 0; j < st.reads; j++) {
    if (keyedUniform(`${state.seed}:mud:${p.id}:${m.stage}:${m.attempt}:${j}`) < estimatedPerformance(m)) {
      m.alpha += 1;
      good++;
    } else m.beta += 1;
  }
  R[p.host].seabed += (content.rules.environment.perKtSeabed * st.liftTonnesReo * p.units) / 1000;
  const learnt = `estimated performance ${pctText(estimatedPerformance(m))} of the best case (was ${pctText(before)})`;
  const reads = `${good} of ${st.reads} reads good, ${st.pass} needed; its chance was ${pctText(chanceBefore)}`;
  if (good >= st.pass) {
    if (m.stage === ds.stages.length - 1) {
      const cap = bestCapacity(content) * p.units * estimatedPerformance(m);
      m.capacity = cap;
      R[p.host].mudReo += cap;
      p.status = 'done';
      news.push(`${whoOf(p, t.label)}: the ${st.label} passes (${reads}); ${learnt}. Commercial lifting starts: ${int(cap)} t REO a year of heavy-rich mud ore, which needs separation plants (Japan's own or a partner's) to become oxide. The programme cost ${usd(p.costUsdBn)}.`);
      return;
    }
    m.stage += 1;
    m.attempt = 1;
    const nx = ds.stages[m.stage];
    const chance = stageChance(m.alpha, m.beta, nx.reads, nx.pass);
    news.push(`${whoOf(p, t.label)}: the ${st.label} passes (${reads}); ${learnt}, so the ${nx.label} has a ${pctText(chance)} chance of passing; ${tryStart(content, R, p, m)}`);
    return;
  }
  const retry = stageChance(m.alpha, m.beta, st.reads, st.pass);
  const left = m.attempt <= ds.retry.maxRetries;
  if (left && retry >= ds.retry.minChance) {
    m.attempt += 1;
    news.push(`${whoOf(p, t.label)}: the ${st.label} fails (${reads}); ${learnt}; a retry has a ${pctText(retry)} chance of passing; ${tryStart(content, R, p, m)}`);
    return;
  }
  p.status = 'failed';
  const why = left ? `a retry would have a ${pctText(retry)} chance of passing, below the ${pctText(ds.retry.minChance)} the programme needs to go on` : `no retry is left (at most ${ds.retry.maxRetries} per stage)`;
  news.push(`${whoOf(p, t.label)}: the ${st.label} fails (${reads}); ${learnt}; ${why}. The programme ends after ${usd(p.costUsdBn)} with no capacity.`);
}

/** Lifting-licence risk: each quarter, a chance rising with the cumulative seabed damage that the authorities suspend
 * mud lifting for some turns (as the Lynas licence works in Malaysia). A running suspension is a licenceSuspension
 * shock on the host's heavy ore (mud output runs at the heavy-ore factor, supply.ts). */
export function mudLicence(content: Content, state: GameState, shocks: readonly Shock[], turn: number, news: string[]): Shock[] {
  const sb = content.projects.deepSea.seabed;
  const out: Shock[] = [];
  for (const c of COUNTRIES) {
    const r = state.regions[c];
    if (r.seabed <= 0 || r.mudReo <= 0 || sb.suspendTurns <= 0 || mudSuspended(shocks, c)) continue;
    const perQuarter = Math.min(sb.maxChance, sb.suspendPerPoint * r.seabed);
    const chance = 1 - pow(1 - perQuarter, state.quartersPerTurn);
    if (keyedUniform(`${state.seed}:mudLicence:${c}:${turn}`) >= chance) continue;
    out.push({ eventId: MUD_LICENCE, effect: { kind: 'licenceSuspension', region: c, stage: 'ore.heavy' }, turnsLeft: sb.suspendTurns });
    news.push(
      `${c}'s deep-sea mud lifting is suspended for ${sb.suspendTurns} turn${sb.suspendTurns > 1 ? 's' : ''}: environmental monitoring finds damage beyond the permitted area after ${r.seabed.toFixed(1)} points of cumulative seabed damage (the chance was ${pctText(chance)} this turn). Seabed work in an EEZ must meet rules no less effective than international ones (UNCLOS Art. 208), and calls for a moratorium on deep-sea mining keep the licence under pressure.`,
    );
  }
  return out;
}

/** Approval points seabed damage costs (approvalTerms, macro.ts). */
export function seabedApproval(content: Content, r: RegionState): number {
  return -content.projects.deepSea.seabed.approvalPerPoint * r.seabed;
}

/** The outcomes of a programme from where it stands, budget and time left aside: commercial capacity (t REO / yr per
 * unit, 0 if it ends) and its probability, exactly, by recursion over the stages' reads. */
export function outcomeDistribution(content: Content, from: MudProgramme): Map<number, number> {
  const ds = content.projects.deepSea;
  const best = bestCapacity(content);
  const out = new Map<number, number>();
  const add = (cap: number, pr: number) => out.set(cap, (out.get(cap) ?? 0) + pr);
  const go = (stage: number, attempt: number, a: number, b: number, pr: number): void => {
    const st = ds.stages[stage];
    const d = readsDistribution(a, b, st.reads);
    for (let k = 0; k <= st.reads; k++) {
      if (d[k] <= 0) continue;
      const a1 = a + k;
      const b1 = b + st.reads - k;
      const p1 = pr * d[k];
      if (k >= st.pass) {
        if (stage === ds.stages.length - 1) add(best * (a1 / (a1 + b1)), p1);
        else go(stage + 1, 1, a1, b1, p1);
      } else if (attempt <= ds.retry.maxRetries && stageChance(a1, b1, st.reads, st.pass) >= ds.retry.minChance) go(stage, attempt + 1, a1, b1, p1);
      else add(0, p1);
    }
  };
  go(from.stage, from.attempt, from.alpha, from.beta, 1);
  return new Map([...out.entries()].sort((x, y) => x[0] - y[0]));
}
