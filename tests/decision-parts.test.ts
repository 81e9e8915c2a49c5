// The end screen's "decisions that mattered" gave a turn's orders one figure ("tariff on magnets from China 25%;
// defence 2.05% of GDP; 1 x Magnet recycling — worth −0.24 points"): a new player could not tell which order cost the
// points. A turn of several kinds of order now also carries each kind's worth, the turn replayed without that kind alone.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { SessionCore } from '../src/session/core.ts';
import { withoutEachKind } from '../src/session/describe.ts';
import { baselineObjectives, createGame, resolveTurnLean, runningScores, type CountryOrders, type Orders } from '../engine/index.ts';
import { decisionWorths } from '../src/server/counterfactual.ts';
import { standingOrders } from '../src/server/world.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { laterReady, setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { endScreen } = await import('../src/ui/end.ts');
await laterReady();

const agents = { AUS: 'persona', CHN: 'persona', JPN: 'status-quo', MYS: 'persona', USA: 'persona' };
/** A 4-turn game of Japan's with `first` as its turn-1 orders and none after. */
function played(first: CountryOrders) {
  const s = new SessionCore(content);
  const r = s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents, turns: 4, seed: 3 });
  if (!r.ok) throw new Error(r.error);
  for (let i = 0; i < 4; i++) if (!s.submit(i === 0 ? first : {}).ok) throw new Error(`turn ${i + 1} refused`);
  return s.finish();
}

const tariff: CountryOrders = { tariffs: { CHN: { magnets: 40 } } };
const defence: CountryOrders = { defenseSpendingPct: 1.95 };

describe("a decision's kinds of order", () => {
  it('are measured each alone: without the tariff the game is the one played with the defence order only', () => {
    const both = played({ ...tariff, ...defence });
    const d = both.decisions.find((x) => x.turn === 1)!;
    expect(d.parts!.map((p) => p.kind)).toEqual(['Tariffs', 'Defense']);
    // the game played with only the defence order, by a session of its own: the tariff's worth is the gap (the final
    // scores are the summaries', to the cent: within a cent)
    const defenceOnly = played(defence).score;
    const tariffOnly = played(tariff).score;
    expect(Math.abs(d.parts![0].worth - (both.score - defenceOnly))).toBeLessThanOrEqual(0.0101);
    expect(Math.abs(d.parts![1].worth - (both.score - tariffOnly))).toBeLessThanOrEqual(0.0101);
    // and the tariff is what cost the points here, not the small defence step
    expect(Math.abs(d.parts![0].worth)).toBeGreaterThan(Math.abs(d.parts![1].worth));
  });

  it('are not split for a turn of one kind, nor for kinds given empty', () => {
    expect(played(tariff).decisions.find((x) => x.turn === 1)!.parts).toEqual([]);
    expect(withoutEachKind({ ...tariff, exportControls: {}, deals: { propose: [], accept: [] } })).toEqual([]);
    expect(withoutEachKind({ ...tariff, investments: [{ type: 'recycling', units: 1 }] }).map((k) => [k.kind, k.rest])).toEqual([
      ['Tariffs', { investments: [{ type: 'recycling', units: 1 }] }],
      ['Invest', tariff],
    ]);
  });

  it('are said under the decision on the end screen', async () => {
    await setLang('en');
    const f = played({ ...tariff, ...defence });
    const root = document.createElement('div') as unknown as FakeElement;
    endScreen(root as unknown as HTMLElement, { projectTypes: async () => [] } as never, 'JPN', f, () => {});
    const [note] = root.querySelectorAll('[data-testid="decision-parts"]').map((x) => x.textContent);
    expect(note).toMatch(/^Each kind of order alone, the turn replayed without it \(kinds interact, so these need not add up\): tariffs [−+]\d\.\d\d, defence [−+±]\d\.\d\d\.$/);
  });

  // a new player's review: in the chart of the score by objective, magnet supply (orange) read as security
  // (vermillion), and independence (sky) as GDP (blue); the second of each pair is dashed now (as China's prices are,
  // in the same two colours)
  it("the chart of the score by objective dashes magnet supply's and independence's lines", async () => {
    await setLang('en');
    const f = played({ ...tariff, ...defence });
    const root = document.createElement('div') as unknown as FakeElement;
    endScreen(root as unknown as HTMLElement, { projectTypes: async () => [] } as never, 'JPN', f, () => {});
    const lines = root.querySelectorAll('polyline').map((x) => ({ stroke: x.getAttribute('stroke'), dashed: x.getAttribute('stroke-dasharray') !== null }));
    const pale = lines.filter((x) => x.stroke === '#E69F00' || x.stroke === '#56B4E9');
    // China's two prices, and each of the two objectives the chart shows
    const last = f.scoreByTurn!.at(-1)!;
    const shown = ['supplySecurity', 'independence'].filter((k) => k in last && f.scoreByTurn!.some((x) => Math.abs(x[k] ?? 0) >= 0.005));
    expect(shown.length).toBeGreaterThan(0);
    expect(pale).toHaveLength(2 + shown.length);
    expect(pale.every((x) => x.dashed)).toBe(true);
    expect(lines.some((x) => x.stroke === '#D55E00' && !x.dashed)).toBe(true); // Japan's own lines and security stay solid
  });

  // a new player's review: "−0.36 points ... a little worse than doing nothing", and nothing said what 0.36 points is
  it('the end screen gives a sense of scale: what 1% more GDP all game is worth to the player', async () => {
    await setLang('en');
    const f = played(tariff);
    expect(f.gdpPercentPoints).toBeCloseTo(0.3 * 100 * Math.log(1.01), 12); // Japan weighs GDP at 0.3 (content/countries.json)
    const text = (r: typeof f) => {
      const root = document.createElement('div') as unknown as FakeElement;
      endScreen(root as unknown as HTMLElement, { projectTypes: async () => [] } as never, 'JPN', r, () => {});
      return root.querySelectorAll('[data-testid="score-scale"]').map((x) => x.textContent);
    };
    expect(text(f)).toEqual(['For scale: GDP 1% higher than had you done nothing, in every quarter of the game, is worth 0.30 points to Japan.']);
    expect(text({ ...f, yardstick: 'status-quo-world' })).toEqual(['For scale: GDP 1% higher than in the status-quo world, in every quarter of the game, is worth 0.30 points to Japan.']);
    expect(text({ ...f, gdpPercentPoints: undefined })).toEqual([]);
  });
});

// the class's debrief and student end screens measure a round's decisions on the server (src/server/counterfactual.ts),
// every other seat's orders as they were given: a round of several kinds of order carries each kind's worth there too
describe("a class round's kinds of order", () => {
  const n = 6;
  const k = 2;
  const baseline = baselineObjectives(content, 5, n);
  /** the orders per engine turn of a world where Japan gives `first` in round 1 (its standing part in the round's second
   * quarter, as src/server/rounds.ts plays a round) and every seat nothing after */
  const ordersOf = (first: CountryOrders): Orders[] => Array.from({ length: n }, (_, i) => (i === 0 ? { JPN: first } : i === 1 ? { JPN: standingOrders(first) } : {}));
  /** Japan's final score in that world against the status-quo world */
  const finalOf = (orders: Orders[]) => {
    let s = createGame(content, 5);
    const objectives = orders.map((o) => {
      const r = resolveTurnLean(content, s, o, { ledger: false });
      s = r.state;
      return r.objective;
    });
    return runningScores(objectives, baseline).at(-1)!.JPN;
  };
  const task = (orders: Orders[]) => ({ scenarioId: 'rare-earth-gambit', contentHash: content.hash, seed: 5, country: 'JPN' as const, orders, baseline, k, botTurns: [] });

  it('are each the round replayed without that kind, in both its quarters', async () => {
    const both = { ...tariff, ...defence, investments: [{ type: 'recycling', units: 1 }] } as CountryOrders;
    const [d] = await decisionWorths(task(ordersOf(both)));
    const all = finalOf(ordersOf(both));
    expect(d.turn).toBe(0);
    expect(d.worth).toBe(all - finalOf(ordersOf({})));
    expect(d.parts!.map((p) => p.kind)).toEqual(['Tariffs', 'Defense', 'Invest']);
    expect(d.parts![0].worth).toBe(all - finalOf(ordersOf({ ...defence, investments: both.investments })));
    expect(d.parts![1].worth).toBe(all - finalOf(ordersOf({ ...tariff, investments: both.investments })));
    expect(d.parts![2].worth).toBe(all - finalOf(ordersOf({ ...tariff, ...defence })));
    // a round of one kind is measured whole
    const [one] = await decisionWorths(task(ordersOf(tariff)));
    expect(one.parts).toBeUndefined();
  });

  it('are said on the student end screen as the round, not the turn', async () => {
    await setLang('en');
    const f = { ...played({ ...tariff, ...defence }), yardstick: 'status-quo-world' as const };
    const root = document.createElement('div') as unknown as FakeElement;
    endScreen(root as unknown as HTMLElement, { projectTypes: async () => [] } as never, 'JPN', f, () => {});
    const [note] = root.querySelectorAll('[data-testid="decision-parts"]').map((x) => x.textContent);
    // a class's decisions are its rounds, also of one quarter (the class bar says "Round 1 of 3"; it said "Turn 1")
    expect(root.querySelectorAll('li')[0].textContent).toMatch(/^Round 1 \(2025Q4\): /);
    expect(note).toMatch(/^Each kind of order alone, the round replayed without it \(kinds interact, so these need not add up\): tariffs [−+]\d\.\d\d, defence [−+±]\d\.\d\d\.$/);
  });

  // a student's end screen charted "turn 1 ... turn 4" where the debrief dated the same quarters 2025Q4 ... 2026Q3
  it("date the class's end-screen charts as its debrief does; a game alone keeps its turns", async () => {
    await setLang('en');
    const f = played(tariff);
    const labels = (r: typeof f) => {
      const root = document.createElement('div') as unknown as FakeElement;
      endScreen(root as unknown as HTMLElement, { projectTypes: async () => [] } as never, 'JPN', r, () => {});
      return root.querySelectorAll('text').map((x) => x.textContent).join(' | ');
    };
    const cls = labels({ ...f, yardstick: 'status-quo-world' });
    expect(cls).toContain(f.history[0].date);
    expect(cls).not.toMatch(/turn \d/);
    expect(labels(f)).toMatch(/turn 1/);
  });
});
