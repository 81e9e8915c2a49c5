// `npx tsx scripts/score-checks.ts`: the checks of the macro block and the score ("no free lunches"), run on the
// default scenario and printed as the tables in docs/MODEL.md. Figures as they come out; nothing here is tuned.
//  1. all seats status quo, five seeds, 40 turns: mean output gap over the last 8 quarters, approval against start;
//  2. Japan ramps defence from 1.8% to 5% of GDP as fast as approval allows: GDP at turn 20 against Japan at the
//     status quo (same seed, the other seats played by their personas);
//  3. a 60% US tariff on all goods from all partners against the personas: US GDP at turn 16 against the status quo;
//  4. a US-Japan pledge swap (USD 500 bn each way): GDP of both against no deal;
//  5. a Chinese ban on every stage to Japan for 8 quarters: China's score over 5 seeds, and what Japan's persona did.
import { loadContent } from '../src/content/load.ts';
import { COUNTRIES, playGame, statusQuoSeats, seatYardsticks, runningScores, maxDefenseStep, type CountryId, type CountryOrders, type Orders } from '../engine/index.ts';
import { makeAgent, type Agent } from '../engine/agents/index.ts';

const content = loadContent('rare-earth-gambit');
const SEEDS = [1, 2, 3, 4, 5];
const personas = (): Record<CountryId, Agent> => Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Record<CountryId, Agent>;
const fn = (name: string, decide: Agent['decide']): Agent => ({ name, needsView: true, decide });
const f2 = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(2);
const f3 = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(3);

// 1. no drift
console.log('1. All seats status quo, 40 turns: mean output gap over turns 33-40 (%) and approval change from the start');
console.log('seed  ' + COUNTRIES.map((c) => `${c} gap  appr`.padStart(14)).join(''));
for (const seed of SEEDS) {
  const start = playGame(content, seed, statusQuoSeats(), { turns: 0, ledger: false }).state;
  const gaps: Record<string, number[]> = {};
  let k = 0;
  const r = playGame(content, seed, statusQuoSeats(), {
    turns: 40,
    ledger: false,
    onTurn: (s) => {
      k++;
      if (k <= 32) return;
      for (const c of COUNTRIES) (gaps[c] ??= []).push(100 * (s.regions[c].gdp / s.regions[c].potential - 1));
    },
  });
  console.log(String(seed).padEnd(6) + COUNTRIES.map((c) => `${f2(gaps[c].reduce((a, b) => a + b, 0) / gaps[c].length)} ${f2(r.state.regions[c].approval - start.regions[c].approval)}`.padStart(14)).join(''));
}

// 2. defence ramp
console.log('\n2. Japan ramps defence toward 5% of GDP from turn 1 (as fast as approval allows), others personas: JPN GDP at turn 20 against JPN status quo');
for (const seed of SEEDS.slice(0, 3)) {
  const ramp = fn('ramp', ({ view }) => {
    const cur = view.self.policies.defensePct;
    if (cur >= 5 - 1e-9) return {};
    const step = Math.floor(Math.min(5 - cur, maxDefenseStep(view.self.approval)) * 1000 - 1e-6) / 1000;
    return step > 0 ? { defenseSpendingPct: cur + step } : {};
  });
  const a = playGame(content, seed, { ...personas(), JPN: ramp }, { turns: 20, ledger: false }).state;
  const b = playGame(content, seed, { ...personas(), JPN: makeAgent(content, 'status-quo', 'JPN') }, { turns: 20, ledger: false }).state;
  console.log(`seed ${seed}: defence ${a.regions.JPN.policies.defensePct.toFixed(2)}% at turn 20; GDP ${f3(100 * (a.regions.JPN.gdp / b.regions.JPN.gdp - 1))}% against status quo; debt ${a.regions.JPN.debt.toFixed(1)} vs ${b.regions.JPN.debt.toFixed(1)}% of GDP; programme budget room ${a.regions.JPN.budget.toFixed(2)} vs ${b.regions.JPN.budget.toFixed(2)} USD bn`);
}

// 3. US tariff
console.log('\n3. A 60% US tariff on all goods from all partners from turn 1, others personas: US GDP at turn 16 against US status quo');
for (const seed of SEEDS.slice(0, 3)) {
  const tariff: CountryOrders = { tariffs: { '*': { autos: 60, magnets: 60, oxide: 60, ore: 60, other: 60 } } };
  const us = fn('tariff', ({ view }) => (view.turn === 0 ? tariff : {}));
  const a = playGame(content, seed, { ...personas(), USA: us }, { turns: 16, ledger: false, dropRefused: true }).state;
  const b = playGame(content, seed, { ...personas(), USA: makeAgent(content, 'status-quo', 'USA') }, { turns: 16, ledger: false }).state;
  console.log(`seed ${seed}: US GDP ${f3(100 * (a.regions.USA.gdp / b.regions.USA.gdp - 1))}% against status quo; debt ${a.regions.USA.debt.toFixed(1)} vs ${b.regions.USA.debt.toFixed(1)}% of GDP`);
}

// 4. pledge swap
console.log('\n4. A US-Japan pledge swap (USD 500 bn each way, 8 turns) against no deal, all else status quo');
for (const seed of SEEDS.slice(0, 2)) {
  const plan: Record<number, Orders> = {
    1: { USA: { deals: { propose: [{ to: 'JPN', give: [{ type: 'investment', usdBn: 500 }], get: [{ type: 'investment', usdBn: 500 }], termTurns: 8 }] } } },
  };
  const usa = fn('usa', ({ view }) => plan[view.turn + 1]?.USA ?? {});
  const jpn = fn('jpn', ({ view }) => {
    const d = view.deals.find((x) => x.status === 'proposed' && x.to === 'JPN');
    return d ? { deals: { accept: [d.id] } } : {};
  });
  const a = playGame(content, seed, { ...statusQuoSeats(), USA: usa, JPN: jpn }, { turns: 12, ledger: false });
  const b = playGame(content, seed, statusQuoSeats(), { turns: 12, ledger: false }).state;
  const active = a.state.deals.filter((d) => d.from === 'USA' && d.to === 'JPN').map((d) => d.status);
  console.log(`seed ${seed}: deal ${active.join(',') || 'none'}; GDP at turn 12: JPN ${f3(100 * (a.state.regions.JPN.gdp / b.regions.JPN.gdp - 1))}%, USA ${f3(100 * (a.state.regions.USA.gdp / b.regions.USA.gdp - 1))}%`);
}

// 5. Chinese ban on Japan
console.log("\n5. China bans every stage to Japan on turns 1-8, then returns to its starting licences; others personas; China's score (40 turns)");
const ALL = { 'ore.light': 'banned', 'ore.heavy': 'banned', 'oxide.light': 'banned', 'oxide.heavy': 'banned', magnet: 'banned' } as const;
const BACK = { 'ore.light': 'open', 'ore.heavy': 'open', 'oxide.light': 'open', 'oxide.heavy': { licensed: 0.9 }, magnet: { licensed: 0.96 } } as const;
const scores: number[] = [];
const split: Record<string, number> = {};
for (const seed of SEEDS) {
  const ban = fn('ban', ({ view }) => (view.turn === 0 ? { exportControls: { JPN: ALL } } : view.turn === 8 ? { exportControls: { JPN: BACK } } : {}));
  const seats = { ...personas(), CHN: ban };
  const news: string[] = [];
  const r = playGame(content, seed, seats, { turns: 40, ledger: false, onTurn: (s, rep) => { if (s.turn <= 10) news.push(...rep.news.filter((n) => n.startsWith('JPN'))); } });
  const y = seatYardsticks(content, seed, seats, 40).CHN!;
  const sc = runningScores(r.objectives, y.objectives);
  const last = sc[sc.length - 1].CHN;
  scores.push(last);
  // the score split by objective: each part's mean over the turns, against the yardstick's
  r.reports.forEach((rep, i) => {
    const mine = rep.objectiveBy.CHN;
    const base = y.parts[i].CHN;
    for (const k of Object.keys(mine).sort()) split[k] = (split[k] ?? 0) + (mine[k as keyof typeof mine] - base[k as keyof typeof base]) / r.reports.length / SEEDS.length;
  });
  console.log(`seed ${seed}: China's score ${f2(last)}; Japan's answer in turns 1-10: ${news.filter((n) => /starts|releases/.test(n)).slice(0, 4).join(' | ') || 'nothing'}`);
}
console.log(`mean over 5 seeds: ${f2(scores.reduce((a, b) => a + b, 0) / scores.length)}`);
console.log(`China's score split by objective, mean of the five games, points: ${Object.entries(split).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${v >= 0 ? '+' : ''}${v.toFixed(3)}`).join(', ')}`);

// 6. breaking a deal
console.log("\n6. The US breaks the opening USD 550 bn deal with a 25% car tariff on Japan on turn 1, others personas: what the deal's remaining capital was worth");
for (const seed of SEEDS.slice(0, 2)) {
  const brk = fn('break', ({ view }) => (view.turn === 0 ? { tariffs: { JPN: { autos: 25 } } } : {}));
  let broken = '';
  let trust = 0;
  const a = playGame(content, seed, { ...personas(), USA: brk }, { turns: 16, ledger: false, dropRefused: true, onTurn: (s, rep) => { if (s.turn === 1) { broken = rep.news.find((n) => n.includes('breaks deal')) ?? 'not broken'; trust = s.trust.JPN.USA; } } }).state;
  const b = playGame(content, seed, { ...personas(), USA: makeAgent(content, 'status-quo', 'USA') }, { turns: 16, ledger: false }).state;
  console.log(`seed ${seed}: ${broken} Japan's trust in the US after turn 1: ${trust.toFixed(0)}; turn 16 against the status quo: US potential ${f3(100 * (a.regions.USA.potential / b.regions.USA.potential - 1))}%, GDP ${f3(100 * (a.regions.USA.gdp / b.regions.USA.gdp - 1))}%; JPN potential ${f3(100 * (a.regions.JPN.potential / b.regions.JPN.potential - 1))}%`);
}
