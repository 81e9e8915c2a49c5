// `npx tsx scripts/tournament-table.ts [--seeds N] [--first-seed K] [--countries JPN,USA] [--out FILE.jsonl]` plays every archetype and
// the planner in each country's seat against the default opponents (the other seats' personas), N seeds each, and
// scores each game against that seat's yardstick (the same game with the seat at the status quo, the personas
// reacting). The yardstick does not depend on the agent in the seat, so it is played once per seat and seed.
// `npx tsx scripts/tournament-table.ts --table FILE.jsonl...` prints the README's table: mean score, 95% interval.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { loadContent } from '../src/content/load.ts';
import { COUNTRIES, playGame, type CountryId } from '../engine/index.ts';
import { makeAgent, type Agent } from '../engine/agents/index.ts';
import { meanSd, t95 } from '../src/cli/tournament.ts';

function meanCi(xs: number[]): { mean: number; lo: number; hi: number } {
  const { mean, sd } = meanSd(xs);
  const h = xs.length > 1 ? (t95(xs.length - 1) * sd) / Math.sqrt(xs.length) : 0;
  return { mean, lo: mean - h, hi: mean + h };
}

export const AGENTS = ['status-quo', 'persona', 'free-trader', 'protectionist', 'hawk', 'tit-for-tat', 'diversifier', 'planner'];
const args = process.argv.slice(2);
const opt = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};

if (args[0] === '--table') {
  const rows = args.slice(1).flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { country: CountryId; agent: string; seed: number; score: number; cornerHits: string[] }));
  const countries = COUNTRIES.filter((c) => rows.some((r) => r.country === c));
  const seeds = new Set(rows.map((r) => r.seed)).size;
  console.log(`| agent | ${countries.join(' | ')} |`);
  console.log(`|---|${countries.map(() => '---').join('|')}|`);
  const best: Record<string, { agent: string; mean: number; lo: number }> = {};
  const stats: Record<string, Record<string, ReturnType<typeof meanCi>>> = {};
  for (const a of AGENTS) {
    stats[a] = {};
    for (const c of countries) {
      const xs = rows.filter((r) => r.agent === a && r.country === c).map((r) => r.score);
      if (!xs.length) continue;
      stats[a][c] = meanCi(xs);
      if (!best[c] || stats[a][c].mean > best[c].mean) best[c] = { agent: a, mean: stats[a][c].mean, lo: stats[a][c].lo };
    }
  }
  for (const a of AGENTS) console.log(`| ${a} | ${countries.map((c) => (stats[a][c] ? `${stats[a][c].mean >= 0 ? '+' : ''}${stats[a][c].mean.toFixed(2)} [${stats[a][c].lo.toFixed(2)}, ${stats[a][c].hi.toFixed(2)}]${best[c].agent === a ? ' **best**' : ''}` : '')).join(' | ')} |`);
  console.log(`\n${seeds} seeds per cell; score = mean over 40 turns of (objective - the seat's yardstick), points; [95% interval of the mean].`);
  for (const c of countries) {
    const p = stats.planner?.[c];
    if (p) console.log(`${c}: best ${best[c].agent} ${best[c].mean.toFixed(2)}; planner ${p.mean.toFixed(2)} [${p.lo.toFixed(2)}, ${p.hi.toFixed(2)}]: ${best[c].agent === 'planner' ? 'the planner is best' : p.hi >= best[c].mean ? 'within its interval of the best' : 'NOT within its interval of the best'}`);
  }
  const corners = rows.filter((r) => r.cornerHits.length);
  console.log(`\nOrders at a bound of a schema range: ${corners.length ? corners.map((r) => `${r.country}/${r.agent}/seed ${r.seed}: ${r.cornerHits.join(', ')}`).join('; ') : 'none'}`);
  process.exit(0);
}

const content = loadContent('rare-earth-gambit');
const seeds = Number(opt('--seeds') ?? 20);
const first = Number(opt('--first-seed') ?? 1);
const countries = (opt('--countries')?.split(',') ?? COUNTRIES) as CountryId[];
const agents = opt('--agents')?.split(',') ?? AGENTS;
const out = opt('--out') ?? '/tmp/tournament.jsonl';
writeFileSync(out, '');
const personas = (): Record<CountryId, Agent> => Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Record<CountryId, Agent>;

/** Orders at or within half a point of a bound of the order schema: defence near 0 or 10% of GDP, a 500% tariff, an
 * output quota at 50% or 150%. (A zero tariff is also the schema's lower bound; the table counts it apart.) */
function corners(o: Record<string, unknown> | undefined): string[] {
  const hits: string[] = [];
  if (!o) return hits;
  const d = o.defenseSpendingPct as number | undefined;
  if (d !== undefined && (d <= 0.5 || d >= 9.5)) hits.push(`defence ${d}%`);
  for (const [p, g] of Object.entries((o.tariffs ?? {}) as Record<string, Record<string, number>>)) for (const [k, v] of Object.entries(g)) if (v >= 500) hits.push(`tariff ${k} on ${p} ${v}%`);
  const out = o.rareEarthOutputPct as number | undefined;
  if (out !== undefined && (out <= 50 || out >= 150)) hits.push(`output ${out}%`);
  return hits;
}

for (const c of countries)
  for (let seed = first; seed < first + seeds; seed++) {
    const y = playGame(content, seed, { ...personas(), [c]: makeAgent(content, 'status-quo', c) }, { turns: 40, ledger: false }).objectives;
    for (const a of agents) {
      const t0 = process.hrtime.bigint();
      const g = playGame(content, seed, { ...personas(), [c]: makeAgent(content, a, c) }, { turns: 40, ledger: false, dropRefused: true });
      let s = 0;
      g.objectives.forEach((o, i) => (s += o[c] - y[i][c]));
      const hits = [...new Set(g.orders.flatMap((o) => corners(o[c] as Record<string, unknown> | undefined)))];
      const line = { country: c, agent: a, seed, score: s / g.objectives.length, cornerHits: hits, ms: Number((process.hrtime.bigint() - t0) / 1_000_000n) };
      appendFileSync(out, JSON.stringify(line) + '\n');
      process.stderr.write(`${c} ${a} seed ${seed}: ${line.score.toFixed(3)} (${line.ms} ms)\n`);
    }
  }
