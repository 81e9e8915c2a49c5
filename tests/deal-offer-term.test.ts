// A deal offered in an 8-turn game with a term of 8 turns read "8 turns" in the Deals tab, in the offers to the player
// and in the player's own proposals, though the game ends before the term does; once accepted, the same deal read
// "active for the rest of the game (its term runs past the game's last turn, turn 8)" (labels.ts dealStatus). Offers,
// proposals and the proposal form now say so in those words, in English and Japanese, when the term runs past the last
// turn: an offer answered at the end of this turn is in force from this turn to this turn + term - 1; a proposal made
// this turn is answered at the end of the next, and in force from then.
import { afterEach, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, viewFor, type CountryOrders, type GameState } from '../engine/index.ts';
import type { Deal } from '../engine/state.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { dealsPanel } = await import('../src/ui/panels.ts');

const LAST = 8;
const offer = (id: string, termTurns: number, proposedTurn: number): Deal => ({ id, from: 'USA', to: 'JPN', give: [{ type: 'tariffCap', good: 'autos', max: 2.5 }], get: [{ type: 'openExports', stage: 'oxide.heavy' }], termTurns, status: 'proposed', proposedTurn, startTurn: 0, endTurn: 0 });

/** Japan after `played` turns of an 8-turn game, with the United States' offers of the given terms, made last turn. */
function game(played: number, terms: number[]): GameState {
  const s = structuredClone(createGame(content, 1));
  s.turn = played;
  terms.forEach((n, i) => s.deals.push(offer(`D${i + 1}`, n, played)));
  return s;
}
type Draft = { deals?: CountryOrders['deals'] };
const panel = (s: GameState, draft: Draft = {}, over = false) => dealsPanel(viewFor(s, 'JPN'), draft, () => {}, LAST, over) as unknown as FakeElement;
const items = (p: FakeElement) => p.querySelectorAll('li').map((li) => li.childNodes[0]!.textContent);
const proposal = (termTurns: number) => ({ to: 'USA' as const, give: [{ type: 'tariffCap' as const, good: 'autos' as const, max: 5 }], get: [{ type: 'investment' as const, usdBn: 10 }], termTurns });
const PAST = 'in force for the rest of the game (its term runs past the game’s last turn, turn 8)';
const PAST_JA = 'ゲーム終了（ターン 8）まで有効（期間は最終ターンを越えます）';

afterEach(async () => setLang('en'));

describe("an offer's term that runs past the game's last turn", () => {
  // after turn 4 of 8: accepted at the end of turn 5, an offer of 4 turns runs to turn 8, one of 5 turns past it
  it('is said as the Deals tab says such a deal, not "8 turns"; a term that ends by the last turn is said in turns', async () => {
    await setLang('en');
    const lines = items(panel(game(4, [8, 4, 5])));
    expect(lines[0]).toBe(`D1 from the United States: they give a cap of 2.5% on the tariff on cars (now 15%); they ask Dy/Tb oxide exports kept open (now open); 8 turns: ${PAST} `);
    expect(lines[1]).toBe('D2 from the United States: they give a cap of 2.5% on the tariff on cars (now 15%); they ask Dy/Tb oxide exports kept open (now open); 4 turns ');
    expect(lines[2]).toContain(`; 5 turns: ${PAST}`);
    // the same words as an active deal's
    const { dealStatus } = await import('../src/ui/labels.ts');
    expect(PAST.slice('in force'.length)).toBe(dealStatus('active', 12, LAST).slice('active'.length));
  });

  it('in Japanese', async () => {
    await setLang('ja');
    const lines = items(panel(game(4, [8, 4])));
    expect(lines[0]).toBe(`米国からのD1：相手は自動車への関税の上限2.5%（現在は15%）を与え、Dy/Tb酸化物の輸出の開放（現在は自由）を求める。8 ターン：${PAST_JA} `);
    expect(lines[1]).not.toContain('ゲーム終了');
    const { dealStatus } = await import('../src/ui/labels.ts');
    expect(PAST_JA).toBe(dealStatus('active', 12, LAST));
  });

  it('not in the offers left unanswered when the game is over: they never come into force', async () => {
    await setLang('en');
    expect(items(panel(game(8, [3]), {}, true))[0]).toMatch(/; 3 turns$/);
  });
});

describe("the player's proposal whose term runs past the game's last turn", () => {
  // made in turn 5 of 8, answered at the end of turn 6: a term of 3 turns runs to turn 8, one of 4 past it
  it('is said so in the list of proposals', async () => {
    await setLang('en');
    const p = panel(game(4, []), { deals: { propose: [proposal(4), proposal(3)] } });
    const cart = p.querySelector('.cart')!.querySelectorAll('li').map((li) => li.childNodes[0]!.textContent);
    expect(cart[0]).toBe(`To the United States: you give a cap of 5% on the tariff on cars (now 0%); you ask USD 10 bn of investment; 4 turns: ${PAST} `);
    expect(cart[1]).toBe('To the United States: you give a cap of 5% on the tariff on cars (now 0%); you ask USD 10 bn of investment; 3 turns ');
    await setLang('ja');
    const ja = panel(game(4, []), { deals: { propose: [proposal(4)] } });
    expect(ja.querySelector('.cart')!.textContent).toContain(`4 ターン：${PAST_JA}`);
  });

  it('is said so under the form as the term is typed', async () => {
    await setLang('en');
    const p = panel(game(4, []));
    const note = p.querySelector('[data-testid="deal-term-past"]')!;
    const term = p.querySelector('[aria-label="term in turns"]')!;
    // the form's term starts at what fits before the game ends (answered at the end of turn 6 of 8: 3 turns), not 8
    expect(term.value).toBe('3');
    expect(note.textContent).toBe('');
    expect(panel(game(0, [])).querySelector('[aria-label="term in turns"]')!.value).toBe('7'); // turn 1 of 8: answered at the end of turn 2, 7 turns to the end
    for (const [v, said] of [['3', ''], ['4', PAST], ['2', ''], ['40', PAST]] as const) {
      term.value = v;
      for (const f of term.listeners.get('input') ?? []) f({ type: 'input', target: term });
      expect(note.textContent, v).toBe(said);
    }
    await setLang('ja');
    const ja = panel(game(4, []));
    const termJa = ja.querySelector('[aria-label="期間（ターン）"]')!;
    termJa.value = '4';
    for (const f of termJa.listeners.get('input') ?? []) f({ type: 'input', target: termJa });
    expect(ja.querySelector('[data-testid="deal-term-past"]')!.textContent).toBe(PAST_JA);
  });

  // a play-test's proposal made in the last turn was queued in silence: the engine records it, but it is answered at
  // the end of the next turn, which the game does not reach; the form and the list now say so
  it('a proposal made in the last turn is never answered, so is never said to be in force: it is said to be never answered', async () => {
    await setLang('en');
    const NEVER = 'a proposal made in the last turn is never answered (the game ends first), so never in force';
    const p = panel(game(7, []), { deals: { propose: [proposal(4)] } });
    expect(p.querySelector('.cart')!.textContent).not.toContain('rest of the game');
    expect(p.querySelector('.cart')!.querySelectorAll('li')[0]!.childNodes[0]!.textContent).toBe(`To the United States: you give a cap of 5% on the tariff on cars (now 0%); you ask USD 10 bn of investment; 4 turns: ${NEVER} `);
    const note = p.querySelector('[data-testid="deal-term-past"]')!;
    expect(note.textContent).toBe(NEVER);
    expect((note as unknown as { hidden: boolean }).hidden).toBe(false);
    // not the turn before: that proposal is answered in the last turn
    expect(panel(game(6, [])).querySelector('[data-testid="deal-term-past"]')!.textContent).not.toContain('never answered');
    await setLang('ja');
    expect(panel(game(7, [])).querySelector('[data-testid="deal-term-past"]')!.textContent).toBe('最終ターンの提案は回答されません（先にゲームが終わるため、発効しません）');
  });
});

// A play-test read "D3 from Australia: ...; 1 turns": the term of an offer or a proposal is counted in the singular
// and the plural (i18next's plural forms; Japanese says ターン either way).
describe('a term of one turn', () => {
  it('is "1 turn" in an offer and in a proposal, "2 turns" for two', async () => {
    await setLang('en');
    const p = panel(game(2, [1, 2]), { deals: { propose: [proposal(1), proposal(2)] } });
    const lines = items(p);
    expect(lines[0]).toMatch(/; 1 turn $/);
    expect(lines[1]).toMatch(/; 2 turns $/);
    const cart = p.querySelector('.cart')!.querySelectorAll('li').map((li) => li.childNodes[0]!.textContent);
    expect(cart[0]).toMatch(/; 1 turn $/);
    expect(cart[1]).toMatch(/; 2 turns $/);
    await setLang('ja');
    expect(items(panel(game(2, [1])))[0]).toMatch(/。1 ターン $/);
  });
});

// A play-tester offered the US "NdFeB magnet exports kept open", which Japan already kept, for a cap on its car tariff,
// and could not see that an offer of a 5% cap on a tariff already at 0% changed nothing now. Each term of an offer or a
// proposal says what the side giving it does now; a deal in force does not (its terms are then what is so).
describe("an offer's terms beside what is so now", () => {
  it('say the giver’s tariff, export control and defence now, and follow the state', async () => {
    await setLang('en');
    const s = game(2, [4]);
    const d1 = s.deals.find((d) => d.id === 'D1')!;
    d1.give.push({ type: 'defenseFloor', minPct: 4 });
    s.regions.USA.policies.tariffs.JPN.autos = 25;
    s.regions.JPN.policies.controls.USA['oxide.heavy'] = { level: 'banned' } as never;
    expect(items(panel(s))[0]).toMatch(/^D1 from the United States: they give a cap of 2\.5% on the tariff on cars \(now 25%\), defence spending of at least 4\.00% of GDP \(now 3\.40%\); they ask Dy\/Tb oxide exports kept open \(now banned\);/);
    // accepted: listed among the player's deals without it
    d1.status = 'active';
    d1.startTurn = 3;
    d1.endTurn = 6;
    const p = panel(s);
    expect(p.textContent).toContain('D1');
    expect(p.textContent).not.toContain('(now');
  });
});
