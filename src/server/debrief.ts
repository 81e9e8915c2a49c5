// The debrief pack: every world's path side by side and against the status quo, the decisions that mattered for each
// seat (its world replayed without that turn's orders), discussion prompts drawn from what happened, and exports.
import { COUNTRIES, projectType, resolveTurn, runningScores, type CountryId, type CountryOrders, type Orders } from '../../engine/index.ts';
import { describeOrders } from '../session/describe.ts';
import type { Decision } from '../session/protocol.ts';
import type { ClassRoom } from './classroom.ts';
import { discussionPrompts } from './prompts.ts';
import type { World } from './world.ts';

export interface WorldSeries {
  index: number;
  seed: number;
  dates: string[];
  ndpr: number[];
  dytb: number[];
  magnet: number[];
  scores: Record<CountryId, number[]>;
  magnetSupply: Record<CountryId, number[]>;
  gdp: Record<CountryId, number[]>;
  events: { turn: number; date: string; title: string }[];
  /** seats a bot played, and for how many turns */
  botTurns: Record<CountryId, number>;
}

export interface Debrief {
  name: string;
  code: string;
  status: string;
  worlds: WorldSeries[];
  /** the status-quo path of world 1's seed: every country keeps its policies */
  baseline: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>;
  prompts: string[];
  /** decisions are measured once the class has ended */
  decisionsReady: boolean;
  seats: { world: number; country: CountryId; students: string[]; score: number; decisions: Decision[] }[];
}

const per = (f: (c: CountryId) => number[]) => Object.fromEntries(COUNTRIES.map((c) => [c, f(c)])) as Record<CountryId, number[]>;

function series(world: World, summaries = world.summaries) {
  return {
    seed: world.seed,
    dates: summaries.map((s) => s.date),
    ndpr: summaries.map((s) => s.prices['oxide.light'].world),
    dytb: summaries.map((s) => s.prices['oxide.heavy'].world),
    magnet: summaries.map((s) => s.prices.magnet.world),
    scores: per((c) => summaries.map((s) => s.countries[c].score)),
    magnetSupply: per((c) => summaries.map((s) => s.countries[c].magnetSupplyRatio)),
    gdp: per((c) => summaries.map((s) => s.countries[c].gdp)),
  };
}

const cache = new WeakMap<ClassRoom, { key: string; value: Promise<Debrief> }>();

/** The class's debrief (cached until the class changes; the counterfactual replays run only once it has ended). */
export function debriefFor(cls: ClassRoom): Promise<Debrief> {
  const key = `${cls.status}:${cls.worlds.map((w) => w.turn).join(',')}`;
  const hit = cache.get(cls);
  if (hit && hit.key === key) return hit.value;
  const value = build(cls);
  cache.set(cls, { key, value });
  return value;
}

/** What the projector may show: no seat's decisions (and so none of its orders). */
export function publicDebrief(d: Debrief): Omit<Debrief, 'seats'> & { seats: { world: number; country: CountryId; score: number }[] } {
  return { ...d, seats: d.seats.map((s) => ({ world: s.world, country: s.country, score: s.score })) };
}

async function build(cls: ClassRoom): Promise<Debrief> {
  const worlds: WorldSeries[] = cls.worlds.map((world, w) => {
    const botTurns = per(() => []) as unknown as Record<CountryId, number>;
    for (const c of COUNTRIES) botTurns[c] = cls.resolvedAt.filter((r) => r.world === w && r.bots.includes(c)).length;
    return {
      index: w,
      ...series(world),
      events: world.reports.flatMap((r) => r.events.map((e) => ({ turn: r.turn, date: r.date, title: e.title }))),
      botTurns,
    };
  });
  const w0 = cls.worlds[0];
  const baseline = series(w0, w0.baseline.summaries.slice(0, Math.max(...cls.worlds.map((w) => w.turn))));
  const ready = cls.status === 'ended';
  const seats: Debrief['seats'] = [];
  for (let w = 0; w < cls.worlds.length; w++)
    for (const s of cls.seats[w]) {
      const students = s.students.map((id) => cls.students.get(id)!.label);
      const decisions = ready ? await decisionsOf(cls, w, s.country) : [];
      seats.push({ world: w, country: s.country, students, score: cls.worlds[w].score(s.country), decisions });
    }
  return { name: cls.config.name, code: cls.code, status: cls.status, worlds, baseline, prompts: discussionPrompts(cls, worlds), decisionsReady: ready, seats };
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

/** The seat's five decisions that mattered most: its final score minus the score with that turn's orders left out
 * (every other seat's orders as they were given; a later order of the seat's that no longer fits is dropped). */
async function decisionsOf(cls: ClassRoom, w: number, c: CountryId): Promise<Decision[]> {
  const world = cls.worlds[w];
  const n = world.reports.length;
  const out: Decision[] = [];
  const final = n ? runningScores(world.reports.map((r) => r.objective), world.baseline.objectives.slice(0, n)).at(-1)![c] : 0;
  for (let i = 0; i < n; i++) {
    const mine = world.orders[i][c];
    if (!mine || !Object.keys(mine).length) continue;
    if (cls.resolvedAt.find((r) => r.world === w && r.turn === i + 1)?.bots.includes(c)) continue; // a bot's, not the students'
    let s = world.states[i];
    const objectives = world.reports.slice(0, i).map((r) => r.objective);
    for (let k = i; k < n; k++) {
      const o: Orders = { ...world.orders[k] };
      if (k === i) delete o[c];
      s = resolveLenient(world, s, o, c, objectives);
      await breathe();
    }
    const without = runningScores(objectives, world.baseline.objectives.slice(0, n)).at(-1)![c];
    out.push({ turn: i + 1, date: world.reports[i].date, summary: describeOrders(mine as CountryOrders, (t) => projectType(world.content, t)?.label ?? t), worth: final - without });
  }
  return out.sort((a, b) => Math.abs(b.worth) - Math.abs(a.worth) || a.turn - b.turn).slice(0, 5);
}

function resolveLenient(world: World, s: World['states'][number], o: Orders, c: CountryId, objectives: Record<CountryId, number>[]) {
  let r;
  try {
    r = resolveTurn(world.content, s, o, { ledger: false });
  } catch {
    const { [c]: _drop, ...rest } = o;
    try {
      r = resolveTurn(world.content, s, rest as Orders, { ledger: false });
    } catch {
      r = resolveTurn(world.content, s, {}, { ledger: false });
    }
  }
  objectives.push(r.report.objective);
  return r.state;
}

// ---- exports: one row per world, turn and seat ----

export function exportRows(cls: ClassRoom): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  cls.worlds.forEach((world, w) => {
    world.summaries.forEach((s, i) => {
      const res = cls.resolvedAt.find((r) => r.world === w && r.turn === i + 1);
      for (const c of COUNTRIES) {
        const sub = [...cls.orderLog].reverse().find((o) => o.world === w && o.turn === i + 1 && o.country === c && o.kind === 'order');
        const x = s.countries[c];
        rows.push({
          class: cls.config.name,
          code: cls.code,
          world: w + 1,
          seed: world.seed,
          turn: i + 1,
          date: s.date,
          country: c,
          students: cls.seats[w].find((x) => x.country === c)!.students.map((id) => cls.students.get(id)!.label).join(' / '),
          played_by: res?.bots.includes(c) ? 'bot' : sub ? 'students' : 'no orders',
          submitted_by: sub ? (cls.students.get(sub.student)?.label ?? sub.student) : '',
          submitted_at: sub ? new Date(sub.at).toISOString() : '',
          round_ended_by: res?.reason ?? '',
          orders: JSON.stringify(world.orders[i][c] ?? {}),
          score: x.score,
          gdp_usd_bn: x.gdp,
          approval: x.approval,
          magnet_supply: x.magnetSupplyRatio,
          cars_per_quarter: x.autoProduction,
          defense_pct_gdp: x.defenseSpendingPct,
          ndpr_usd_kg: s.prices['oxide.light'].world,
          dytb_usd_kg: s.prices['oxide.heavy'].world,
          magnet_usd_kg: s.prices.magnet.world,
          events: s.events.join('; '),
          state_hash: world.hashes[i],
        });
      }
    });
  });
  return rows;
}

export function toCsv(rows: Record<string, string | number>[]): string {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]);
  // text that a spreadsheet would run as a formula (a student's name such as "=HYPERLINK(...)") starts with a quote mark
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(safe(v)) || safe(v) !== v ? `"${safe(v).replace(/"/g, '""')}"` : v);
  return [cols.join(','), ...rows.map((r) => cols.map((k) => cell(r[k] ?? '')).join(','))].join('\n') + '\n';
}
