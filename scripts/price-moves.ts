// How often China's buyers' prices move by more than 30% in a quarter, by stage, in 40-turn games with status-quo
// agents or personas in every seat (the check behind docs/MODEL.md S2.2 and "Known gaps"): a model whose prices cycle
// with nothing happening (a cobweb) shows here. The price outside China (the world price) is counted too, with its
// reversals: a move of more than 15% followed next quarter by one of more than 15% the other way (a saw-tooth, such as
// a persona toggling a control every quarter).
// Usage: npx tsx scripts/price-moves.ts [sq|persona] [seeds, default 20]
import { loadContent } from '../src/content/load.ts';
import { playGame, statusQuoSeats, COUNTRIES, makeAgent, type CountryId, type GameState } from '../engine/index.ts';

const content = loadContent('rare-earth-gambit');
const mode = process.argv[2] ?? 'sq';
const seeds = Number(process.argv[3] ?? 20);
if (!['sq', 'persona'].includes(mode) || !(Number.isInteger(seeds) && seeds > 0)) {
  console.error('usage: npx tsx scripts/price-moves.ts [sq|persona] [seeds > 0]');
  process.exit(2);
}
const seats = mode === 'sq' ? statusQuoSeats() : (Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c as CountryId)])) as ReturnType<typeof statusQuoSeats>);
const big: Record<string, number> = {};
const moves: Record<string, number> = {};
const low: Record<string, number> = {};
const high: Record<string, number> = {};
const wBig: Record<string, number> = {};
const wRev: Record<string, number> = {};
for (let seed = 1; seed <= seeds; seed++) {
  let prev: GameState['prices'] | null = null;
  let prevWorld: GameState['worldPrice'] | null = null;
  const lastMove: Record<string, number> = {};
  playGame(content, seed, seats, {
    ledger: false,
    keepReports: false,
    onTurn: (s: GameState) => {
      for (const st of Object.keys(s.prices).sort() as (keyof GameState['prices'])[]) {
        const b = s.prices[st].CHN;
        low[st] = Math.min(low[st] ?? Infinity, b);
        high[st] = Math.max(high[st] ?? 0, b);
        if (!prev) continue;
        const a = prev[st].CHN;
        moves[st] = (moves[st] ?? 0) + 1;
        if (Math.abs(b / a - 1) > 0.3) big[st] = (big[st] ?? 0) + 1;
      }
      for (const st of Object.keys(s.worldPrice).sort() as (keyof GameState['worldPrice'])[]) {
        if (!prevWorld) continue;
        const m = s.worldPrice[st] / prevWorld[st] - 1;
        if (Math.abs(m) > 0.3) wBig[st] = (wBig[st] ?? 0) + 1;
        if (Math.abs(m) > 0.15 && Math.abs(lastMove[st] ?? 0) > 0.15 && Math.sign(m) !== Math.sign(lastMove[st])) wRev[st] = (wRev[st] ?? 0) + 1;
        lastMove[st] = m;
      }
      prev = structuredClone(s.prices);
      prevWorld = { ...s.worldPrice };
    },
  } as Parameters<typeof playGame>[3]);
}
console.log(`${mode === 'sq' ? 'status-quo agents' : 'personas'} in every seat, seeds 1-${seeds}, 40 turns: China's buyers' price`);
for (const st of Object.keys(moves).sort()) console.log(`${st.padEnd(12)} moves > 30% in a quarter: ${String(big[st] ?? 0).padStart(3)} of ${moves[st]}   range USD ${low[st].toFixed(1)}-${high[st].toFixed(1)}/kg`);
console.log('outside China (world price)');
for (const st of Object.keys(moves).sort()) console.log(`${st.padEnd(12)} moves > 30% in a quarter: ${String(wBig[st] ?? 0).padStart(3)} of ${moves[st]}   reversals (> 15% and > 15% back): ${String(wRev[st] ?? 0).padStart(3)}`);
