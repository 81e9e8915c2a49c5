// Packages valued by what they do (engine rollouts), refused with reasons, answered with counter-offers; and a
// defence floor as a deal term.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, createGame, makeAgent, playGame, resolveTurn, viewFor, type Content, type CountryId } from '../engine/index.ts';
import { answerByRollout, valueDeal } from '../engine/agents/valuation.ts';
import { dealWorthIt } from '../engine/agents/common.ts';
import { loadContent } from '../src/content/load.ts';
import { personaAgent } from '../engine/agents/persona.ts';
import { content } from './helpers.ts';
import { dealNewsJa } from '../src/ui/deal-news.ts';
import { setLang } from '../src/ui/i18n.ts';
import type { Agent } from '../engine/agents/types.ts';

const withRolloutUS = (): Content => {
  const c = structuredClone(content) as Content;
  c.personas.personas['persona-usa'] = { ...c.personas.personas['persona-usa'], dealValuation: 'rollout' };
  return c;
};
const rule = (n: string, p: Content['personas']['personas'][string]) => personaAgent(n, p, { deals: 'rule' });

describe('packages valued by rollouts', () => {
  it('a gift is worth accepting and a one-sided ask is not; the value is deterministic', () => {
    let s = createGame(content, 1);
    s = resolveTurn(content, s, { JPN: { deals: { propose: [{ to: 'USA', give: [{ type: 'investment', usdBn: 50 }], get: [], termTurns: 8 }, { to: 'USA', give: [], get: [{ type: 'tariffCap', good: 'autos', max: 0 }], termTurns: 8 }] } } }).state;
    const [gift, ask] = s.deals.filter((d) => d.from === 'JPN' && d.to === 'USA' && d.status === 'proposed');
    const v = viewFor(s, 'USA');
    const g = valueDeal(content, v, gift, rule, 't');
    const a = valueDeal(content, v, ask, rule, 't');
    expect(g.value).toBeGreaterThan(0);
    expect(a.value).toBeLessThan(0);
    expect(valueDeal(content, v, ask, rule, 't')).toEqual(a);
    // the coerced world is weighted by the stated chance
    expect(a.value).toBeCloseTo((1 - content.rules.planner.coercionChance) * a.calm + content.rules.planner.coercionChance * a.coerced, 12);
  }, 60_000);

  it('a refused package gets a reason in the news and a counter-offer that settles it within two turns', async () => {
    const c = withRolloutUS();
    // Japan asks the US to cut its car tariff from 15% to 5% for a little investment; the US answers by rollouts
    const ask = { to: 'USA' as const, give: [{ type: 'investment' as const, usdBn: 2 }], get: [{ type: 'tariffCap' as const, good: 'autos' as const, max: 5 }], termTurns: 8 };
    const jpn: Agent = {
      name: 'jpn',
      needsView: true,
      decide: ({ view }) => {
        if (view.turn === 0) return { deals: { propose: [ask] } };
        const counter = view.deals.find((d) => d.status === 'proposed' && d.to === 'JPN' && d.from === 'USA');
        return counter ? { deals: { accept: [counter.id] } } : {};
      },
    };
    const seats = Object.fromEntries(COUNTRIES.map((k) => [k, makeAgent(c, 'persona', k)])) as Record<CountryId, Agent>;
    const news: string[] = [];
    const r = playGame(c, 1, { ...seats, JPN: jpn }, { turns: 4, ledger: false, onTurn: (_s, rep) => news.push(...rep.news) });
    const refusal = news.find((n) => n.startsWith('USA rejects'));
    expect(refusal, news.join('\n')).toMatch(/valued at -\d+\.\d\d points/);
    expect(refusal).toMatch(/counter-offer: a cap of (10|15)%/);
    // the digest says the agent's real reason in Japanese, with no English left (src/ui/deal-news.ts)
    await setLang('ja');
    const ja = dealNewsJa(refusal!);
    await setLang('en');
    expect(ja, refusal).toMatch(/^米国が日本からの協定D\d+を拒否：\d+ターン先までの評価 −\d+\.\d\d点（平時 .+、中国の威圧下 .+）：求めるものに対して得るものが少ない；対案：代わりに上限(10|15)%/);
    expect(ja!.replace(/\bD\d+\b/g, '').match(/[A-Za-z]{3,}/g)).toBeNull();
    const counter = r.state.deals.find((d) => d.from === 'USA' && d.to === 'JPN');
    expect(counter?.status).toBe('active');
    const cap = counter!.give.find((k) => k.type === 'tariffCap') as { max: number };
    expect(cap.max).toBeGreaterThan(5);
  }, 120_000);
});

describe('a counter-offer in words a player can trust', () => {
  it('says when its cap is no cut from the tariff now, and shows a small value with its digits', () => {
    // Japan's gambit: the US already caps its car tariff on Japan at 15% (deal D5); Japan offers half its separated
    // NdPr oxide for a cap of 5%. The US refuses and counters at 15%, which is today's tariff: no relief at all.
    const g = loadContent('japans-gambit');
    let s = createGame(g, 1);
    expect(s.regions.USA.policies.tariffs.JPN.autos).toBe(15);
    s = resolveTurn(g, s, { JPN: { deals: { propose: [{ to: 'USA', give: [{ type: 'offtake', stage: 'oxide.light', share: 0.5 }], get: [{ type: 'tariffCap', good: 'autos', max: 5 }], termTurns: 8 }] } } }).state;
    const id = s.deals.find((d) => d.from === 'JPN' && d.status === 'proposed')!.id;
    const a = answerByRollout(g, viewFor(s, 'USA'), rule, 'words');
    expect(a?.reject).toEqual([id]);
    const why = a!.why![id];
    expect(why).toMatch(/^valued at -\d+\.\d\d points over 8 turns \(calm -?\d+\.\d\d, under Chinese coercion -?\d+\.\d\d\): too little for what it asks; counter-offer: a cap of 15% instead, no cut from the present 15% \(valued at \+0\.\d{4}\)$/);
    expect(why).not.toMatch(/\+0\.00\)/);
    expect(a?.propose).toEqual([{ to: 'JPN', give: [{ type: 'tariffCap', good: 'autos', max: 15 }], get: [{ type: 'offtake', stage: 'oxide.light', share: 0.5 }], termTurns: 8 }]);
  }, 60_000);
});

describe('a defence floor as a deal term', () => {
  it('binds once the deal is active, and ordering below it breaks the deal', () => {
    let s = createGame(content, 2);
    s = resolveTurn(content, s, { JPN: { deals: { propose: [{ to: 'USA', give: [{ type: 'defenseFloor', minPct: 2 }], get: [{ type: 'tariffCap', good: 'autos', max: 10 }], termTurns: 8 }] } } }).state;
    const id = s.deals.find((d) => d.from === 'JPN' && d.status === 'proposed')!.id;
    s = resolveTurn(content, s, { USA: { deals: { accept: [id] } } }).state;
    expect(s.regions.JPN.policies.defensePct).toBeGreaterThanOrEqual(2);
    expect(s.regions.USA.policies.tariffs.JPN.autos).toBeLessThanOrEqual(10);
    const r = resolveTurn(content, s, { JPN: { defenseSpendingPct: 1.9 } });
    expect(r.state.deals.find((d) => d.id === id)!.status).toBe('broken');
    expect(r.report.news.join('\n')).toMatch(/cuts defence to 1.9% of GDP \(floor 2%\)/);
  });
});

describe('golden: what the US makes of a Japanese package, by Japan\'s separation capacity and defence floor', () => {
  it('the US valuation of half of Japan\'s separated oxide (plus a defence floor) for a cap of 12.5% on US car tariffs', async () => {
    const row = (cells: (string | number)[]) => cells.map((x) => String(x).padStart(12)).join(' ');
    const lines = [row(['JPN extra t/yr', 'defence floor', 'US value', 'calm', 'coerced'])];
    for (const refine of [0, 10000, 30000])
      for (const floor of [1.8, 2.5, 3.5]) {
        let s = createGame(content, 1);
        s.regions.JPN.refining.light += refine;
        s.regions.JPN.refining.heavy += refine / 12;
        const give: { type: 'offtake' | 'defenseFloor'; stage?: 'oxide.light' | 'oxide.heavy'; share?: number; minPct?: number }[] = [
          { type: 'offtake', stage: 'oxide.light', share: 0.5 },
          { type: 'offtake', stage: 'oxide.heavy', share: 0.5 },
        ];
        if (floor > 1.8) give.push({ type: 'defenseFloor', minPct: floor });
        s = resolveTurn(content, s, { JPN: { deals: { propose: [{ to: 'USA', give: give as never, get: [{ type: 'tariffCap', good: 'autos', max: 12.5 }], termTurns: 8 }] } } }).state;
        const d = s.deals.find((x) => x.from === 'JPN' && x.status === 'proposed')!;
        const v = valueDeal(content, viewFor(s, 'USA'), d, rule, 'golden');
        lines.push(row([refine, floor, v.value.toFixed(4), v.calm.toFixed(4), v.coerced.toFixed(4)]));
      }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/us-package-value.txt');
  }, 60_000);
});

// The rule valuation (engine/agents/common.ts dealWorthIt, for agents that do not roll out): a tariff cap the receiver
// is asked to give cost it 1 point whatever the cut, since the tariff it read was its own on nobody; now it is its
// tariff on the proposer, so a deep cut for little is refused and a cap at the tariff already in force is not.
describe('packages valued by rule', () => {
  it('weighs a tariff cap the receiver gives by the cut from its tariff on the proposer', () => {
    const v0 = viewFor(createGame(content, 1), 'AUS');
    const v = { ...v0, self: { ...v0.self, policies: { ...v0.self.policies, tariffs: { ...v0.self.policies.tariffs, JPN: { ...v0.self.policies.tariffs.JPN, autos: 30 } } } } };
    const deal = (max: number) => ({ id: 'D1', from: 'JPN' as const, to: 'AUS' as const, give: [{ type: 'openExports' as const, stage: 'oxide.light' as const }], get: [{ type: 'tariffCap' as const, good: 'autos' as const, max }], termTurns: 8, status: 'proposed' as const, proposedTurn: 0, startTurn: 0, endTurn: 0 });
    expect(dealWorthIt(v, deal(30))).toBe(true); // no cut: little asked
    expect(dealWorthIt(v, deal(0))).toBe(false); // a 30-point cut on cars for exports kept open
  });
});
