// Review findings on the order panels, drawn on a small fake DOM (tests/fake-dom.ts):
// - a deep-sea mud programme paused for budget said only "waiting for budget", not how much it needs to resume;
// - after the game's last turn the Deals tab still offered Accept and Reject on the proposals still pending.
import { beforeAll, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { budgetAvailable, createGame, viewFor, type GameState } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';
import { money } from '../src/ui/labels.ts';

installFakeDom();
const { controlsPanel, dealsPanel, investmentPanel, stockpilePanel } = await import('../src/ui/panels.ts');
const types = new SessionCore(content).projectTypes();
const ds = content.projects.deepSea;

/** A game in which Japan's programme waits for the budget to start its second stage (the trial lift). */
function waitingGame(): GameState {
  const s = structuredClone(createGame(content, 3));
  const p = s.projects.find((x) => x.type === 'deepSeaMud' && x.owner === 'JPN')!;
  p.status = 'building';
  p.units = 1;
  p.mud = { stage: 1, alpha: 3, beta: 4, attempt: 1, waiting: true };
  return s;
}

describe('a paused deep-sea stage says what it needs to resume', () => {
  const s = waitingGame();
  const view = viewFor(s, 'JPN');
  const budget = budgetAvailable(content, s, 'JPN');
  const need = ds.stages[1]!.costUsdBn;
  const running = () => (investmentPanel(view, {}, () => {}, types, budget) as unknown as FakeElement).querySelector('.running')!.textContent;
  beforeAll(() => setLang('en'));

  it('in English, with the panel\'s money', async () => {
    await setLang('en');
    expect(running()).toContain(`waiting for budget: needs ${money(need)} to resume`);
    expect(running()).toContain(`${money(budget)} of this turn’s budget is left`);
  });

  it('in Japanese', async () => {
    await setLang('ja');
    expect(running()).toContain(`予算待ち：再開には${money(need)}が必要`);
    await setLang('en');
  });

  it('counts a retry at its share of the stage\'s cost, and the units', async () => {
    const r = waitingGame();
    const p = r.projects.find((x) => x.type === 'deepSeaMud' && x.owner === 'JPN')!;
    p.units = 2;
    p.mud!.attempt = 2;
    const text = (investmentPanel(viewFor(r, 'JPN'), {}, () => {}, types, budget) as unknown as FakeElement).querySelector('.running')!.textContent;
    expect(text).toContain(`needs ${money(need * 2 * ds.retry.costShare)} to resume`);
  });
});

// a class review: China's student banned magnets to Japan, then set a licence again: it came back at 50%, tighter than
// the 96% the scenario began with
describe('a licence set again after a ban', () => {
  it('shows the share it had when last in force', () => {
    const s = createGame(content, 1);
    const start = viewFor(s, 'CHN');
    expect(start.self.policies.controls.JPN.magnet.level).toBe('licensed');
    const share = start.self.policies.controls.JPN.magnet.share;
    const box = (v: ReturnType<typeof viewFor>) => (controlsPanel(v, {}, () => {}) as unknown as FakeElement).querySelector('[data-testid="policy-control-share-JPN-magnet"]')! as unknown as { value: unknown };
    expect(Number(box(start).value)).toBe(Math.round(share * 1000) / 10);
    const later = structuredClone(s);
    later.turn = 2;
    later.regions.CHN.policies.controls.JPN.magnet = { ...later.regions.CHN.policies.controls.JPN.magnet, level: 'banned' };
    expect(Number(box(viewFor(later, 'CHN')).value)).toBe(Math.round(share * 1000) / 10);
    // a new game (the turn goes back) forgets it
    const fresh = structuredClone(later);
    fresh.turn = 0;
    expect(Number(box(viewFor(fresh, 'CHN')).value)).toBe(50);
  });
});

// a new player bought two Dy/Tb lots in the Invest tab; the Stockpile tab still said "Dy/Tb oxide held 30 t"
describe('the Stockpile tab counts the lots bought this turn', () => {
  it('beside what is held, in English and Japanese', async () => {
    const s = createGame(content, 1);
    const view = viewFor(s, 'JPN');
    const lot = types.find((x) => x.type === 'stockpile.heavy')!;
    const draft = { investments: [{ type: 'stockpile.heavy', units: 2 }] };
    const held = (d: object, g: string) => (stockpilePanel(view, d, () => {}, false, types) as unknown as FakeElement).querySelector(`[data-testid="held-${g}"]`)!.textContent;
    await setLang('en');
    expect(held(draft, 'heavy')).toBe(`${Math.round(view.self.stockpile.heavy)} t, and ${2 * lot.capacity} t bought in the Invest tab this turn`);
    expect(held(draft, 'light')).toBe(`${Math.round(view.self.stockpile.light).toLocaleString('en-US')} t`);
    expect(held({}, 'heavy')).toBe(`${Math.round(view.self.stockpile.heavy)} t`);
    await setLang('ja');
    expect(held(draft, 'heavy')).toContain(`（このターン投資タブで ${2 * lot.capacity} t 購入）`);
    await setLang('en');
  });
});

describe('the Deals tab after the game ends', () => {
  // a proposal to Japan, still pending
  const s = structuredClone(createGame(content, 1));
  s.deals.push({ id: 'D1', from: 'USA', to: 'JPN', give: [{ type: 'tariffCap', good: 'autos', max: 2.5 }], get: [{ type: 'openExports', stage: 'oxide.heavy' }], termTurns: 8, status: 'proposed', proposedTurn: 1, startTurn: 2, endTurn: 9 });
  const view = viewFor(s, 'JPN');
  const buttons = (over: boolean) => (dealsPanel(view, {}, () => {}, 40, over) as unknown as FakeElement).querySelectorAll('[data-testid^="deal-accept"]').length + (dealsPanel(view, {}, () => {}, 40, over) as unknown as FakeElement).querySelectorAll('[data-testid^="deal-reject"]').length;

  it('offers Accept and Reject while the game goes on', () => {
    expect(buttons(false)).toBe(2);
  });

  it('offers neither once it is over, and says why', async () => {
    await setLang('en');
    expect(buttons(true)).toBe(0);
    expect((dealsPanel(view, {}, () => {}, 40, true) as unknown as FakeElement).textContent).toContain('The game is over: offers can no longer be answered.');
    await setLang('ja');
    expect((dealsPanel(view, {}, () => {}, 40, true) as unknown as FakeElement).textContent).toContain('ゲームは終了しました。提案にはもう回答できません。');
    await setLang('en');
  });

  // the form to propose stayed, and "Add proposal" queued a deal for a turn that will never be played
  it('offers no form to propose once it is over, and says why', async () => {
    const panel = (over: boolean) => dealsPanel(view, {}, () => {}, 40, over) as unknown as FakeElement;
    expect(panel(false).querySelectorAll('[data-testid="deal-propose"]').length).toBe(1);
    expect(panel(true).querySelectorAll('[data-testid="deal-propose"]').length).toBe(0);
    expect(panel(true).textContent).toContain('The game is over: no more deals can be proposed.');
    await setLang('ja');
    expect(panel(true).textContent).toContain('ゲームは終了しました。協定はもう提案できません。');
    await setLang('en');
  });
});

describe('a finished plant still ramping up shows in Running, with its share and the quarters to all of it', () => {
  /** the US magnet plant P1 finished `ago` turns before the state's turn */
  function finished(ago: number): GameState {
    const s = structuredClone(createGame(content, 1));
    s.turn = 12;
    const p = s.projects.find((x) => x.type === 'magnetPlant' && x.owner === 'USA')!;
    p.status = 'done';
    p.doneTurn = s.turn - ago;
    return s;
  }
  const ramp = content.projects.types.magnetPlant.rampUp!;
  const text = (s: GameState) => (investmentPanel(viewFor(s, 'USA'), {}, () => {}, types, budgetAvailable(content, s, 'USA')) as unknown as FakeElement).querySelector('.running')?.textContent ?? '';

  it('in English and in Japanese, and not once it runs at its capacity', async () => {
    await setLang('en');
    expect(text(finished(0))).toContain(`NdFeB magnet plant: ramping up: ${Math.round(ramp.firstShare * 100)}% of its capacity, all of it in ${ramp.quarters} quarters`);
    const half = Math.round((ramp.firstShare + ((1 - ramp.firstShare) * 4) / ramp.quarters) * 100);
    expect(text(finished(4))).toContain(`ramping up: ${half}% of its capacity, all of it in ${ramp.quarters - 4} quarters`);
    expect(text(finished(ramp.quarters - 1))).toContain('all of it in 1 quarter');
    expect(text(finished(ramp.quarters))).not.toContain('ramping up');
    await setLang('ja');
    expect(text(finished(0))).toContain(`立ち上げ中：生産能力の${Math.round(ramp.firstShare * 100)}%、全量まであと${ramp.quarters}四半期`);
    await setLang('en');
  });
});

// A play-tester's deep-sea programme was listed at "USD 0.10 bn", then later stages took USD 0.40 bn and 1.00 bn from
// her budget without an order, and one waited for budget: the card now says the price is the first stage's and what
// all the stages cost, each paid when it starts.
describe("the deep-sea programme's card", () => {
  it('says what all its stages cost, not only the first', async () => {
    await setLang('en');
    const s = createGame(content, 1);
    const text = (investmentPanel(viewFor(s, 'JPN'), {}, () => {}, types, budgetAvailable(content, s, 'JPN')) as unknown as FakeElement).textContent;
    const total = ds.stages.reduce((a, x) => a + x.costUsdBn, 0);
    expect(total).toBeGreaterThan(ds.stages[0]!.costUsdBn * 5);
    expect(text).toContain(`Its price is the first stage’s, ${money(ds.stages[0]!.costUsdBn)}: the ${ds.stages.length} stages cost ${money(total)} in all, each paid from your budget when it starts`);
  });
});

// A play-tester bought 20 t of Dy/Tb oxide, priced at "about USD 3.8 m" a lot, and moved its price 53%: the card now
// says how big a lot is beside what buyers outside China took last quarter (the flows, t a turn).
describe("a stockpile lot's size beside its market", () => {
  it('is said as a share of last quarter’s purchases outside China (every buyer’s inflow but China’s)', async () => {
    await setLang('en');
    const s = createGame(content, 1);
    const view = viewFor(s, 'JPN');
    const { lotShare } = await import('../src/ui/lots.ts');
    for (const [type, stage] of [['stockpile.heavy', 'oxide.heavy'], ['stockpile.light', 'oxide.light']] as const) {
      const t = types.find((x) => x.type === type)!;
      const said = Number(/One lot is ([\d.]+)% of what buyers outside China took last quarter\./.exec(lotShare(t, view))![1]);
      let outside = 0;
      for (const to of Object.values(s.flows[stage])) for (const [k, v] of Object.entries(to)) if (k !== 'CHN') outside += v;
      expect(outside).toBeGreaterThan(0);
      expect(said, type).toBeCloseTo((100 * t.capacity) / outside, 1);
    }
    // no flows to read (a market closed to everyone): nothing said
    const dry = structuredClone(s);
    for (const to of Object.values(dry.flows['oxide.heavy'])) for (const k of Object.keys(to)) to[k as keyof typeof to] = 0;
    expect(lotShare(types.find((x) => x.type === 'stockpile.heavy')!, viewFor(dry, 'JPN'))).toBe('');
  });
});

// a new player asked Australia for 10% of its magnet output; Australia makes no magnets, accepted, and the deal scored
// 0 at the end with nothing said on the way
describe('the Deals form says when the partner makes none of the output asked for', () => {
  const view = viewFor(createGame(content, 1), 'JPN');
  const form = () => {
    const panel = dealsPanel(view, {}, () => {}, 40, false) as unknown as FakeElement;
    const pick = (id: string, v: string) => {
      const sel = panel.querySelector(`[data-testid="${id}"]`)!;
      sel.value = v;
      for (const f of sel.listeners.get('change') ?? []) f({ type: 'change', target: sel });
    };
    const note = () => panel.querySelector('[data-testid="deal-offtake-none"]')! as unknown as { hidden: boolean; textContent: string };
    return { pick, note };
  };

  it('for magnets from Australia (none made), not from China (most of them), nor for other terms', async () => {
    await setLang('en');
    const made = (c: 'AUS' | 'CHN') => Object.values(view.flows.magnet[c]).reduce((a, b) => a + b, 0);
    expect(made('AUS')).toBe(0);
    expect(made('CHN')).toBeGreaterThan(10_000);
    const { pick, note } = form();
    expect(note().hidden).toBe(true);
    pick('deal-partner', 'AUS');
    pick('deal-ask', 'offtake-magnet');
    expect(note().hidden).toBe(false);
    expect(note().textContent).toBe('Australia made no NdFeB magnet output last turn: a share of it brings you nothing until it makes some.');
    pick('deal-partner', 'CHN');
    expect(note().hidden).toBe(true);
    pick('deal-partner', 'AUS');
    pick('deal-ask', 'investment');
    expect(note().hidden).toBe(true);
    // Australia mines, Lynas separates in Malaysia: Australia's NdPr oxide is none too, Malaysia's is not
    pick('deal-ask', 'offtake-oxide.light');
    expect(note().textContent).toBe('Australia made no NdPr oxide output last turn: a share of it brings you nothing until it makes some.');
    pick('deal-partner', 'MYS');
    expect(note().hidden).toBe(true);
    pick('deal-partner', 'AUS');
    await setLang('ja');
    pick('deal-ask', 'offtake-magnet');
    expect(note().textContent).toContain('生産を始めるまで');
    await setLang('en');
  });
});
