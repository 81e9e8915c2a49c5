// Golden: the tariff relief the US grants Japan for a supply package, by Japan's non-Chinese supply to the US and its
// defence share. The US values the package by rollouts of its own objective (engine/agents/valuation.ts), in a calm
// world and one where China squeezes it, weighted by the chance of coercion; the relief is the largest cut of its 15%
// car tariff (in steps of 2.5 points) that it still values above nothing. Nothing here is tuned toward a sign: the
// table is what the model says (docs/MODEL.md S9).
import { describe, expect, it } from 'vitest';
import { createGame, resolveTurn, viewFor, type Content, type GameState } from '../engine/index.ts';
import { valueDeal } from '../engine/agents/valuation.ts';
import { personaAgent } from '../engine/agents/persona.ts';
import type { Commitment } from '../engine/schema.ts';
import { content } from './helpers.ts';

const rule = (n: string, p: Content['personas']['personas'][string]) => personaAgent(n, p, { deals: 'rule' });

describe('golden: US tariff relief by Japan\'s non-Chinese supply to the US and its defence share', () => {
  it('the grid', async () => {
    const row = (cells: (string | number)[]) => cells.map((x) => String(x).padStart(10)).join(' ');
    const lines = [row(['sep t/yr', 'JPN share', 'US hand', 'floor %', 'value@15', 'calm', 'coerced', 'value@12.5', 'coerced', 'relief', 'if coerced'])];
    for (const refine of [0, 10000, 30000]) {
      const base = createGame(content, 1);
      // the hub: separation in Japan and Australian ore for it (the thesis's "ore from Australia, Malaysia and the US")
      base.regions.JPN.refining.light += refine;
      base.regions.JPN.refining.heavy += refine / 12;
      base.regions.AUS.miningReo += refine * 1.2;
      for (const floor of [1.8, 2.5, 3.5]) {
        const give: Commitment[] = [
          { type: 'offtake', stage: 'oxide.light', share: 0.5 },
          { type: 'offtake', stage: 'oxide.heavy', share: 0.5 },
          { type: 'offtake', stage: 'magnet', share: 0.5 },
        ];
        if (floor > 1.8) give.push({ type: 'defenseFloor', minPct: floor });
        const offer = (cap: number) => {
          const s = resolveTurn(content, base, { JPN: { deals: { propose: [{ to: 'USA', give, get: [{ type: 'tariffCap', good: 'autos', max: cap }], termTurns: 8 }] } } }).state;
          const d = s.deals.find((x) => x.from === 'JPN' && x.status === 'proposed')!;
          return { s, d, v: valueDeal(content, viewFor(s, 'USA'), d, rule, 'golden') };
        };
        const at15 = offer(15);
        // Japan's non-Chinese share of US supply and the US hand once the package runs (one turn, accepted)
        const on: GameState = resolveTurn(content, at15.s, { USA: { deals: { accept: [at15.d.id] } } }).state;
        const at125 = offer(12.5).v;
        let relief = 0;
        let ifCoerced = 0;
        let both = at15.v.value > 0 || at15.v.coerced > 0;
        for (const r of [2.5, 5, 7.5, 10]) {
          if (!both) break;
          const v = r === 2.5 ? at125 : offer(15 - r).v;
          if (v.value > 0 && relief === r - 2.5) relief = r;
          if (v.coerced > 0 && ifCoerced === r - 2.5) ifCoerced = r;
          both = (v.value > 0 && relief === r) || (v.coerced > 0 && ifCoerced === r);
        }
        lines.push(row([refine, on.track!.usFromJapan.toFixed(3), on.track!.usHand.toFixed(3), floor, at15.v.value.toFixed(4), at15.v.calm.toFixed(4), at15.v.coerced.toFixed(4), at125.value.toFixed(4), at125.coerced.toFixed(4), relief, ifCoerced]));
      }
    }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/us-relief-grid.txt');
  }, 300_000);
});
