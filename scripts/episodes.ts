// `npx tsx scripts/episodes.ts`: the two natural experiments of the market model, run on the default scenario with
// status-quo agents, printed as the tables in docs/MODEL.md. Figures as they come out; nothing here is tuned.
//  1. a 2010-11-like Chinese export quota (licences at 60% of last quarter's volume to everyone) on oxides, held for 8
//     and for 16 quarters, then lifted; a variant with magnets under the quota too;
//  2. a 2023-25-like heavy rare-earth licence shock: Dy/Tb oxide and magnets licensed at 30% to everyone for 4 quarters.
import { loadContent } from '../src/content/load.ts';
import { createGame, resolveTurn, type GameState, type Orders } from '../engine/index.ts';

const content = loadContent('rare-earth-gambit');
const SEEDS = [1, 2, 3, 4, 5];
const START = 3; // the quota starts on turn 3 (2026Q2)

function play(seed: number, turns: number, plan: Record<number, Orders>): GameState[] {
  let s = createGame(content, seed);
  const out: GameState[] = [s];
  for (let t = 1; t <= turns; t++) {
    s = resolveTurn(content, s, plan[t] ?? {}, { ledger: false }).state;
    out.push(s);
  }
  return out;
}

type Stage = 'oxide.light' | 'oxide.heavy' | 'magnet';
const lic = (share: number) => ({ licensed: share });
function quota(stages: Stage[], share: number, from: number, quarters: number): Record<number, Orders> {
  const on: Record<string, unknown> = {};
  const off: Record<string, unknown> = {};
  for (const s of stages) {
    on[s] = lic(share);
    off[s] = s === 'oxide.light' ? 'open' : lic(s === 'magnet' ? 0.96 : 0.9); // back to the standing licences of late 2025
  }
  return { [from]: { CHN: { exportControls: { '*': on } } } as Orders, [from + quarters]: { CHN: { exportControls: { '*': off } } } as Orders };
}

const median = (xs: number[]) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};
const share = (s: GameState, f: (r: GameState['regions']['CHN']) => number) => {
  let tot = 0;
  for (const r of Object.values(s.regions)) tot += f(r);
  return tot > 0 ? f(s.regions.CHN) / tot : 0;
};

function episode(label: string, stages: Stage[], quarters: number, share0: number): void {
  const turns = START + quarters + 12;
  const rows: string[][] = [];
  for (const st of ['oxide.light', 'oxide.heavy', 'magnet'] as const) {
    const peakX: number[] = [];
    const peakQ: number[] = [];
    const endX: number[] = [];
    const chnX: number[] = [];
    const afterX: number[] = [];
    for (const seed of SEEDS) {
      const base = play(seed, turns, {});
      const hit = play(seed, turns, quota(stages, share0, START, quarters));
      const rel = (t: number) => hit[t].worldPrice[st] / base[t].worldPrice[st];
      let best = 0;
      let when = 0;
      for (let t = START; t < START + quarters; t++)
        if (rel(t) > best) {
          best = rel(t);
          when = t - START + 1;
        }
      peakX.push(best);
      peakQ.push(when);
      endX.push(rel(START + quarters - 1));
      let lo = Infinity;
      for (let t = START; t < START + quarters; t++) lo = Math.min(lo, hit[t].prices[st].CHN / base[t].prices[st].CHN);
      chnX.push(lo);
      afterX.push(rel(turns));
    }
    rows.push([st, median(peakX).toFixed(2), median(peakQ).toFixed(0), median(endX).toFixed(2), median(chnX).toFixed(2), median(afterX).toFixed(2)]);
  }
  // shares and capacity after, seed 1
  const base = play(1, turns, {});
  const hit = play(1, turns, quota(stages, share0, START, quarters));
  const b = base[turns];
  const h = hit[turns];
  const capOut = (s: GameState) => Object.entries(s.regions).filter(([k]) => k !== 'CHN').reduce((a, [, r]) => a + r.magnetCap, 0);
  const refOut = (s: GameState) => Object.entries(s.regions).filter(([k]) => k !== 'CHN').reduce((a, [, r]) => a + r.refining.light + r.refining.heavy, 0);
  console.log(`\n${label}: licences at ${share0 * 100}% on ${stages.join(', ')} to everyone, turns ${START}-${START + quarters - 1}, then lifted; medians of seeds ${SEEDS.join(', ')}`);
  console.log('stage        | peak outside CHN | peak quarter | last quota quarter | CHN low | 12 qtrs after');
  console.log('             |   x status quo   |              |    x status quo    |  x s.q. |   x status quo');
  for (const r of rows) console.log(`${r[0].padEnd(12)} | ${r[1].padStart(16)} | ${r[2].padStart(12)} | ${r[3].padStart(18)} | ${r[4].padStart(7)} | ${r[5].padStart(14)}`);
  console.log(
    `seed 1, ${turns} turns: China's share of mining ${(share(b, (r) => r.last.mined) * 100).toFixed(0)}% -> ${(share(h, (r) => r.last.mined) * 100).toFixed(0)}%, refining ${(share(b, (r) => r.last.refined) * 100).toFixed(0)}% -> ${(share(h, (r) => r.last.refined) * 100).toFixed(0)}%, magnets ${(share(b, (r) => r.last.magnetsMade) * 100).toFixed(0)}% -> ${(share(h, (r) => r.last.magnetsMade) * 100).toFixed(0)}% (status quo -> quota); ` +
      `capacity outside China: magnets ${(capOut(h) / capOut(b) - 1) * 100 >= 0 ? '+' : ''}${((capOut(h) / capOut(b) - 1) * 100).toFixed(1)}%, separation ${(refOut(h) / refOut(b) - 1) * 100 >= 0 ? '+' : ''}${((refOut(h) / refOut(b) - 1) * 100).toFixed(1)}%`,
  );
  // the path of seed 1, every other quarter
  const path: string[] = [];
  for (let t = START - 1; t <= turns; t += 2) path.push(`${hit[t].turn}:${(hit[t].worldPrice.magnet / base[t].worldPrice.magnet).toFixed(2)}/${(hit[t].worldPrice['oxide.heavy'] / base[t].worldPrice['oxide.heavy']).toFixed(2)}`);
  console.log(`seed 1 path, turn: magnets/Dy-Tb outside China x status quo: ${path.join(' ')}`);
}

episode('2010-11-like quota, 8 quarters', ['oxide.light', 'oxide.heavy'], 8, 0.6);
episode('2010-11-like quota, 16 quarters', ['oxide.light', 'oxide.heavy'], 16, 0.6);
episode('the same quota with magnets under it, 8 quarters', ['oxide.light', 'oxide.heavy', 'magnet'], 8, 0.6);
episode('2023-25-like heavy licences, 4 quarters', ['oxide.heavy', 'magnet'], 4, 0.3);
