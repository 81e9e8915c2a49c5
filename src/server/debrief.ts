// The debrief pack: every world's path side by side and against the status quo, the decisions that mattered for each
// seat (its world replayed without that turn's orders), discussion prompts drawn from what happened, and exports.
import { COUNTRIES, addQuarters, projectType, turnSummary, type CountryId, type CountryOrders, type TurnReport } from '../../engine/index.ts';
import { runDecisions } from './decision-pool.ts';
import { DECISIONS_SHOWN, byMattered } from './counterfactual.ts';
import { describeOrders } from '../session/describe.ts';
import type { Decision } from '../session/protocol.ts';
import type { ClassRoom } from './classroom.ts';
import { promptItems, type PromptItem } from './prompts.ts';
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
  events: { turn: number; date: string; id: string; title: string }[];
  /** seats a bot played, and for how many turns */
  botTurns: Record<CountryId, number>;
  /** the figures before the first round (the quarter before the first one played), once a round is played: the charts
   * and the price prompt start there (they started after the first quarter, a Chinese ban's jump already in it:
   * "rose to $959/kg, from $662" beside the $377 the students saw before the first round) */
  start?: SeriesStart;
}

export interface SeriesStart {
  date: string;
  ndpr: number;
  dytb: number;
  magnet: number;
  magnetSupply: Record<CountryId, number>;
}

export interface Debrief {
  name: string;
  code: string;
  status: string;
  worlds: WorldSeries[];
  /** the status-quo path of world 1's seed: every country keeps its policies */
  baseline: Omit<WorldSeries, 'index' | 'events' | 'botTurns'>;
  prompts: string[];
  /** the same prompts as keys and values, for a page that words them in its own language */
  promptItems: PromptItem[];
  /** decisions are measured once the class has ended */
  decisionsReady: boolean;
  seats: { world: number; country: CountryId; students: string[]; score: number; decisions: Decision[] }[];
}

const per = (f: (c: CountryId) => number[]) => Object.fromEntries(COUNTRIES.map((c) => [c, f(c)])) as Record<CountryId, number[]>;

/** The opening state's figures as a turn's summary gives them, dated the quarter before the first played. */
function startOf(world: World, first: string): SeriesStart {
  const zero = Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number>;
  const s = turnSummary(world.states[0]!, { turn: 0, date: addQuarters(first, -1), events: [] } as unknown as TurnReport, zero);
  return { date: s.date, ndpr: s.prices['oxide.light'].world, dytb: s.prices['oxide.heavy'].world, magnet: s.prices.magnet.world, magnetSupply: Object.fromEntries(COUNTRIES.map((c) => [c, s.countries[c].magnetSupplyRatio])) as Record<CountryId, number> };
}

function series(world: World, summaries = world.summaries) {
  return {
    ...(summaries.length ? { start: startOf(world, summaries[0]!.date) } : {}),
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
      events: world.reports.flatMap((r) => r.events.map((e) => ({ turn: r.turn, date: r.date, id: e.id, title: e.title }))),
      botTurns,
    };
  });
  const w0 = cls.worlds[0];
  const baseline = series(w0, w0.baseline.summaries.slice(0, Math.max(...cls.worlds.map((w) => w.turn))));
  const ready = cls.status === 'ended';
  // every seat's replays at once: the pool's threads take them in turn while this thread goes on serving
  const seats: Debrief['seats'] = await Promise.all(
    cls.worlds.flatMap((world, w) =>
      cls.seats[w].map(async (s) => ({
        world: w,
        country: s.country,
        students: s.students.map((id) => cls.students.get(id)!.label),
        score: world.score(s.country),
        decisions: ready ? await decisionsOf(cls, w, s.country) : [],
      })),
    ),
  );
  return { name: cls.config.name, code: cls.code, status: cls.status, worlds, baseline, ...promptsOf(cls, worlds, baseline), decisionsReady: ready, seats };
}

function promptsOf(cls: ClassRoom, worlds: WorldSeries[], baseline: { dytb: number[] }): { prompts: string[]; promptItems: PromptItem[] } {
  const items = promptItems(cls, worlds, baseline);
  return { prompts: items.map((p) => p.text), promptItems: items.map(({ key, v }) => ({ key, v })) };
}

/** The seat's five decisions that mattered most: its final score minus the score with that round's orders left out
 * (every other seat's orders as they were given; a later order of the seat's that no longer fits is dropped). The
 * replays run on the worker pool (src/server/decision-pool.ts). */
export async function decisionsOf(cls: ClassRoom, w: number, c: CountryId, threads?: number): Promise<Decision[]> {
  const world = cls.worlds[w];
  const botTurns = cls.resolvedAt.filter((r) => r.world === w && r.bots.includes(c)).map((r) => r.turn - 1); // a bot's, not the students'
  const worths = await runDecisions({ scenarioId: cls.config.scenarioId, contentHash: world.content.hash, seed: world.seed, country: c, orders: world.orders, baseline: world.baseline.objectives, k: cls.k, botTurns }, threads);
  const out: Decision[] = worths.map(({ turn: i, worth, parts }) => ({
    turn: Math.floor(i / cls.k) + 1,
    date: world.reports[i].date,
    summary: describeOrders(world.orders[i][c] as CountryOrders, (t) => projectType(world.content, t)?.label ?? t),
    orders: world.orders[i][c] as CountryOrders,
    worth,
    ...(parts ? { parts } : {}),
  }));
  return out.sort(byMattered).slice(0, DECISIONS_SHOWN);
}

// ---- exports: one row per world, turn and seat ----

export function exportRows(cls: ClassRoom): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  cls.worlds.forEach((world, w) => {
    world.summaries.forEach((s, i) => {
      const res = cls.resolvedAt.find((r) => r.world === w && r.turn === i + 1);
      const first = Math.floor(i / cls.k) * cls.k + 1; // the engine turn a round's orders were given for
      for (const c of COUNTRIES) {
        const sub = [...cls.orderLog].reverse().find((o) => o.world === w && o.turn === first && o.country === c && o.kind === 'order');
        const x = s.countries[c];
        rows.push({
          class: cls.config.name,
          code: cls.code,
          world: w + 1,
          seed: world.seed,
          round: Math.floor(i / cls.k) + 1,
          turn: i + 1,
          date: s.date,
          country: c,
          students: cls.seats[w].find((x) => x.country === c)!.students.map((id) => cls.students.get(id)!.label).join(' / '),
          played_by: res?.bots.includes(c) ? 'bot' : sub ? 'students' : 'no orders',
          submitted_by: sub ? (cls.students.get(sub.student)?.label ?? sub.student) : '',
          submitted_at: sub ? new Date(sub.at).toISOString() : '',
          round_ended_by: res?.reason ?? '',
          // to 12 significant digits: a persona's 1.9289999999999998% reads 1.929 (the replay file keeps them exact)
          orders: JSON.stringify(world.orders[i][c] ?? {}, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)),
          score: x.score,
          gdp_usd_bn: x.gdp,
          approval: x.approval,
          // percent of the magnets its industry needs that it got, as every screen shows it (the column said 0.93)
          magnet_supply_pct: Number((x.magnetSupplyRatio * 100).toPrecision(12)),
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

/** The export's columns, in order: a class that played no round still exports them (a CSV of its header). */
export const EXPORT_COLUMNS = ['class', 'code', 'world', 'seed', 'round', 'turn', 'date', 'country', 'students', 'played_by', 'submitted_by', 'submitted_at', 'round_ended_by', 'orders', 'score', 'gdp_usd_bn', 'approval', 'magnet_supply_pct', 'cars_per_quarter', 'defense_pct_gdp', 'ndpr_usd_kg', 'dytb_usd_kg', 'magnet_usd_kg', 'events', 'state_hash'];

/** `rows` as CSV under a header of `columns` (the first row's keys without them; no rows and no columns: empty). */
export function toCsv(rows: Record<string, string | number>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  if (!cols.length) return '';
  // text that a spreadsheet would run as a formula (a student's name such as "=HYPERLINK(...)") starts with a quote mark
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(safe(v)) || safe(v) !== v ? `"${safe(v).replace(/"/g, '""')}"` : v);
  return [cols.join(','), ...rows.map((r) => cols.map((k) => cell(r[k] ?? '')).join(','))].join('\n') + '\n';
}
