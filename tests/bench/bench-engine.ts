// The measurements behind `npm run bench` (bundled by bench.ts before it runs).
import { COUNTRIES, createGame, hashValue, makeAgent, playGame, statusQuoSeats, viewFor, type Content, type CountryId } from '../../engine/index.ts';
import { makeRng } from '../../engine/prng.ts';
import { solveClock } from '../../engine/market/spe.ts';
import { COPIER_FROM } from '../../engine/init.ts';
import { allocatedPerTurn } from './bench-alloc.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The figures `npm run bench` prints against the targets of the speed issue (docs/ARCHITECTURE.md, "Speed"). */
export interface EngineFigures {
  statusQuoGamesPerSecond: number;
  personaGamesPerSecond: number;
  createGameMs: number;
  plannerMs: number;
}

export function runBench(content: Content, quick: boolean): EngineFigures {
  const reps = quick ? 3 : 5;
  const line = (name: string, value: string, note = '') => console.log(`${name.padEnd(44)} ${value.padStart(12)}  ${note}`);
  console.log(`Rare Earth Gambit bench: node ${process.version}, ${reps} repetitions, medians${quick ? ' (quick)' : ''}`);
  console.log('-'.repeat(90));
  const gamesPerSecond = (label: string, seats: ReturnType<typeof statusQuoSeats>, games: number, ledger: boolean) => {
    // a batch (no ledger) keeps no reports, as src/cli/game-result.ts plays; with the ledger, as the browser game does
    const opts = { ledger, keepReports: ledger };
    // warm up: a fresh process's first games run in V8's interpreter and baseline code (a persona game 10x slower), and
    // the optimising compiler needs some 30 games before the pace settles; with 3 games of warm-up the first repetition
    // was half the speed of the others and a quick run's median swung by half
    for (let i = 0; i < 30; i++) playGame(content, 1000 + i, seats, opts);
    const rates: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      for (let g = 0; g < games; g++) playGame(content, r * games + g, seats, opts);
      rates.push((games * 1000) / (performance.now() - t0));
    }
    line(label, `${median(rates).toFixed(1)} games/s`, `40 turns${ledger ? '' : ', reports not kept'}; min ${Math.min(...rates).toFixed(1)}, max ${Math.max(...rates).toFixed(1)}`);
    return median(rates);
  };
  const sq = statusQuoSeats();
  const personas = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as ReturnType<typeof statusQuoSeats>;
  const a = gamesPerSecond('status-quo agents, batch (no why ledger)', sq, quick ? 20 : 60, false);
  gamesPerSecond('status-quo agents, with why ledger', sq, quick ? 20 : 40, true);
  const b = gamesPerSecond('persona agents, batch (no why ledger)', personas, quick ? 10 : 30, false);
  // the market solver: iterations and time per market per quarter, persona games (controls and tariffs in play)
  const solverRuns: { us: number; outer: number; newton: number; evals: number }[] = [];
  for (let r = 0; r < reps; r++) {
    solveClock.now = () => performance.now();
    solveClock.micros = solveClock.solves = solveClock.outer = solveClock.newton = solveClock.evals = 0;
    for (let g = 0; g < (quick ? 5 : 15); g++) playGame(content, 500 + g, personas, { ledger: false });
    solverRuns.push({ us: solveClock.micros / solveClock.solves, outer: solveClock.outer / solveClock.solves, newton: solveClock.newton / solveClock.solves, evals: solveClock.evals / solveClock.solves });
    solveClock.now = null;
  }
  line('market solve, per market per quarter', `${median(solverRuns.map((x) => x.us)).toFixed(1)} us`, `persona games; ${median(solverRuns.map((x) => x.outer)).toFixed(2)} proximal steps, ${median(solverRuns.map((x) => x.newton)).toFixed(2)} Newton steps, ${median(solverRuns.map((x) => x.evals)).toFixed(1)} evaluations of flows and excess a solve (means)`);
  line('turn time, status-quo batch', `${((1e6 / a) / 40).toFixed(0)} us/turn`);
  // what the market clearing alone costs a status-quo turn, and the games/s it leaves room for if the rest of the turn
  // took no time at all: the ceiling any speed-up outside the solver runs into (docs/SPEED.md)
  const sqShare: number[] = [];
  const sqSolve: number[] = [];
  const sqSolves: number[] = [];
  for (let r = 0; r < reps; r++) {
    solveClock.now = () => performance.now();
    solveClock.micros = solveClock.solves = solveClock.outer = solveClock.newton = solveClock.evals = 0;
    const games = quick ? 10 : 30;
    const t0 = performance.now();
    for (let g = 0; g < games; g++) playGame(content, 700 + g, sq, { ledger: false, keepReports: false });
    const turnsMicros = (performance.now() - t0) * 1000;
    sqShare.push(solveClock.micros / turnsMicros);
    sqSolve.push(solveClock.micros / (games * 40));
    sqSolves.push(solveClock.solves / (games * 40));
    solveClock.now = null;
  }
  const share = median(sqShare);
  const solveTurn = median(sqSolve);
  line('  of which market clearing', `${(100 * share).toFixed(0)} %`, `${solveTurn.toFixed(0)} us a turn in ${median(sqSolves).toFixed(1)} solves, timed in the same games: with the rest of the turn free, at most ${(1e6 / (40 * solveTurn)).toFixed(0)} games/s`);
  line('turn time, personas batch', `${((1e6 / b) / 40).toFixed(0)} us/turn`);
  // bytes allocated per turn (the issue asks for none in the hot path): the same batch turns, sampled
  for (const [label, seats, games] of [['status-quo', sq, quick ? 5 : 20], ['personas', personas, quick ? 3 : 10]] as const) {
    const al = allocatedPerTurn(() => {
      for (let g = 0; g < games; g++) playGame(content, 900 + g, seats, { ledger: false, keepReports: false });
    }, games * 40);
    line(`allocated per turn, ${label} batch`, `${al.kib.toFixed(0)} KiB`, `sampled over ${games} games; most in ${al.by.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
  // planner decisions
  const planner = makeAgent(content, 'planner', 'JPN');
  let state = createGame(content, 7);
  for (let i = 0; i < 5; i++) planner.decide({ content, view: viewFor(state, 'JPN'), rng: makeRng(`warm:${i}`) });
  const times: number[] = [];
  for (let t = 0; t < (quick ? 4 : 10); t++) {
    const view = viewFor(state, 'JPN' as CountryId);
    const t0 = performance.now();
    planner.decide({ content, view, rng: makeRng(`bench:${t}`) });
    times.push(performance.now() - t0);
    state = playGame(content, 7, sq, { turns: t + 1, ledger: false }).state;
  }
  line('planner decision (about 10 candidates x 8 turns, persona opponents)', `${median(times).toFixed(1)} ms`, `min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}`);
  // createGame: the opening is worked out once per content, then deep-copied per game: by spreads for a content's first
  // COPIER_FROM - 1 games on a thread, then by generated literals (COPIER_FROM, engine/init.ts). Both are timed. The spreads are
  // what a run of fewer games sees (the README tournament's 540, a test), so the target is checked on them; they are
  // timed on a shallow copy of the content, a new key for createGame's count of games. The copier is timed after
  // 10,000 more games for V8 to optimise it (measured: 40-110 us a copy 3,000 calls after the switch, 5-9 us after
  // 10,000; about a second in all), as a long batch runs it.
  const fresh: Content = { ...content };
  createGame(fresh, 0);
  const spread: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) createGame(fresh, i);
    spread.push((performance.now() - t0) / 200);
  }
  for (let i = 0; i < COPIER_FROM + 10_000; i++) createGame(content, i);
  const cg: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) createGame(content, i);
    cg.push((performance.now() - t0) / 200);
  }
  line(`createGame, a content's first ${(COPIER_FROM - 1).toLocaleString('en')} games`, `${(median(spread) * 1000).toFixed(0)} us`, `${((100 * median(spread)) / (1000 / a)).toFixed(1)}% of a status-quo game; copied by spreads`);
  line(`createGame, from game ${COPIER_FROM.toLocaleString('en')} on`, `${(median(cg) * 1000).toFixed(0)} us`, `by generated code, once V8 has optimised it`);
  // state size and hashing
  const end = playGame(content, 3, personas, { ledger: false }).state;
  const json = JSON.stringify(end);
  line('state size after 40 turns', `${(json.length / 1024).toFixed(1)} KiB`, 'JSON');
  const hs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    hashValue(end);
    hs.push(performance.now() - t0);
  }
  line('state hash (canonical JSON + 64-bit hash)', `${(median(hs) * 1000).toFixed(0)} us`);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  line('heap in use at the end', `${heap.toFixed(0)} MiB`);
  return { statusQuoGamesPerSecond: a, personaGamesPerSecond: b, createGameMs: median(spread), plannerMs: median(times) };
}
