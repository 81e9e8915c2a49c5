// `npx tsx scripts/fingerprint.ts`: two hashes that a speed pass must leave unchanged when it means to change no result.
// games: 16 games (seeds 1-8, status-quo and personas in every seat, 40 turns; odd seeds with the why ledger, even
//   without), each turn's state hash, report and orders, hashed together.
// planner: Japan's planner deciding in the first 12 states of a persona game (seed 5), its orders hashed, and a
//   12-turn game with the planner at Japan's seat.
// states: the same 16 games' state hashes, orders and objectives without their reports: a change meant to touch report
//   content only (a why ledger) moves `games` but must leave `states` (and `planner`) as they were.
// It prints `games <hash> 16`, `states <hash> 16` and `planner <hash> 12`; docs/SPEED.md records the values of the last
// pass.
import { COUNTRIES } from '../engine/ids.ts';
import { createGame } from '../engine/init.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { makeRng } from '../engine/prng.ts';
import { viewFor } from '../engine/view.ts';
import { hashString, hashValue } from '../engine/hash.ts';
import { loadContent } from '../src/content/load.ts';

const content = loadContent('rare-earth-gambit');
const seats = (name: string, jpn?: string) => Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, c === 'JPN' && jpn ? jpn : name, c)])) as Seats;

const parts: string[] = [];
const states: string[] = [];
for (let seed = 1; seed <= 8; seed++) {
  for (const who of ['status-quo', 'persona']) {
    const r = playGame(content, seed, seats(who), { turns: 40, hashes: true, ledger: seed % 2 === 1 });
    parts.push(hashValue([r.hashes, r.reports, r.orders, r.objectives]));
    states.push(hashValue([r.hashes, r.orders, r.objectives]));
  }
}
console.log(`games ${hashString(parts.join(':'))} ${parts.length}`);
console.log(`states ${hashString(states.join(':'))} ${states.length}`);

const planner = makeAgent(content, 'planner', 'JPN');
const start = [createGame(content, 5)];
playGame(content, 5, seats('persona'), { turns: 11, keepReports: false, ledger: false, onState: (s) => start.push(s) });
const decisions = start.map((s) => hashValue(planner.decide({ content, view: viewFor(s, 'JPN'), rng: makeRng(`${s.seed}:${s.turn + 1}:JPN:planner`) })));
const game = playGame(content, 6, seats('persona', 'planner'), { turns: 12, hashes: true, ledger: false });
console.log(`planner ${hashString([...decisions, ...game.hashes].join(':'))} ${decisions.length}`);
