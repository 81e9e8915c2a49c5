// The digest's "Your moves" said "You set your tariffs on the US: cars 25%" in the turn Japan accepted a deal capping
// that tariff at 2.5%: the deal bound the policy (engine/deals.ts, enforceDeals) and the list did not say so. It now
// says, under your moves, that the deal overrode it (English and Japanese), from the report's list of overridden
// orders (report.overridden), not from the news lines' wording.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurn, viewFor, type GameState, type Orders } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { laterReady, newsReady, setLang } from '../src/ui/i18n.ts';

installFakeDom();
// the digest as every screen draws it (the end screen's replays, a class co-player's pushed turn): nothing loaded for
// its notes first (they came only with the game screen's End turn, and other digests had none)
const { digest } = await import('../src/ui/digest.ts');
await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)

/** A US proposal to Japan, pending: Japan caps its car tariff on the US at 2.5% and keeps its magnet exports to the US
 * open; Japan answers it this turn. */
function withOffer(): GameState {
  const s = structuredClone(createGame(content, 1));
  s.deals.push({ id: 'D9', from: 'USA', to: 'JPN', give: [], get: [{ type: 'tariffCap', good: 'autos', max: 2.5 }, { type: 'openExports', stage: 'magnet' }], termTurns: 8, status: 'proposed', proposedTurn: 0, startTurn: 0, endTurn: 0 });
  return s;
}

const yourMoves = (orders: Orders, reword = false) => {
  const { state, report } = resolveTurn(content, withOffer(), orders, { ledger: false });
  // a news wording changed (the notes read to the news lines once, and went quiet when a wording changed)
  if (reword) report.news = report.news.map((l) => l.replace(' sets its tariffs on ', ' now taxes imports from ').replace(' bans ', ' stops '));
  const d = digest(report, 'JPN', () => {}, { view: viewFor(state, 'JPN'), turns: 40 }) as unknown as FakeElement;
  const section = d.querySelectorAll('section').find((x) => x.querySelector('h3')?.textContent === (document.documentElement.lang === 'ja' ? 'あなたの手' : 'Your moves'));
  return { state, text: section?.textContent ?? '' };
};

describe('a deal accepted this turn overrides the player\'s own order', () => {
  const orders = { JPN: { tariffs: { USA: { autos: 25 } }, exportControls: { USA: { magnet: 'banned' } }, deals: { accept: ['D9'] } } } as unknown as Orders;

  it('says so in English', async () => {
    await setLang('en');
    const { state, text } = yourMoves(orders);
    expect(state.regions.JPN.policies.tariffs.USA.autos).toBe(2.5);
    expect(state.regions.JPN.policies.controls.USA.magnet.level).toBe('open');
    expect(text).toContain('Deal D9 with the United States overrode your order: your tariff on cars from the United States is 2.5%, the deal’s cap, not the 25% you ordered.');
    expect(text).toContain('Deal D9 with the United States overrode your order: your NdFeB magnet exports to the United States stay open, not banned as you ordered.');
  });

  it('says so whatever the news lines\' wording', async () => {
    await setLang('en');
    const { text } = yourMoves(orders, true);
    expect(text).toContain('now taxes imports from');
    expect(text).toContain('Deal D9 with the United States overrode your order: your tariff on cars from the United States is 2.5%, the deal’s cap, not the 25% you ordered.');
    expect(text).toContain('Deal D9 with the United States overrode your order: your NdFeB magnet exports to the United States stay open, not banned as you ordered.');
  });

  it('says so in Japanese', async () => {
    await setLang('ja');
    await newsReady();
    const { text } = yourMoves(orders);
    expect(text).toContain('米国との協定D9があなたの命令より優先されました。米国からの自動車への関税は、命令した25%ではなく、協定の上限の2.5%です。');
    await setLang('en');
  });

  it('says nothing when no deal binds the order', async () => {
    await setLang('en');
    const { text } = yourMoves({ JPN: { tariffs: { USA: { autos: 25 } } } } as unknown as Orders);
    expect(text).toContain('25%');
    expect(text).not.toContain('overrode');
  });
});

// A deal coming into force moves the policies in force too: Japan's standing 25% car tariff on the US, lowered to the
// 2.5% cap when Japan accepts D9 with no tariff order of its own. A class's students were not told (the note above
// is only for an order), and read their tariff fields changed by themselves.
describe("a deal coming into force moves a policy in force, and the digest says so", () => {
  const standing = () => {
    const s = withOffer();
    s.regions.JPN.policies = { ...s.regions.JPN.policies, tariffs: { ...s.regions.JPN.policies.tariffs, USA: { ...s.regions.JPN.policies.tariffs.USA, autos: 25 } } };
    const { state, report } = resolveTurn(content, s, { JPN: { deals: { accept: ['D9'] } } } as unknown as Orders, { ledger: false });
    const d = digest(report, 'JPN', () => {}, { view: viewFor(state, 'JPN'), turns: 40 }) as unknown as FakeElement;
    return { state, report, held: d.querySelectorAll('[data-testid="deal-held"]').map((x) => x.textContent), overrode: d.querySelectorAll('[data-testid="deal-override"]').length };
  };
  it('in English, under what happened to you (not as an overridden order)', async () => {
    await setLang('en');
    const { state, report, held, overrode } = standing();
    expect(state.regions.JPN.policies.tariffs.USA.autos).toBe(2.5);
    expect(report.overridden).toEqual([{ country: 'JPN', deal: 'D9', partner: 'USA', kind: 'tariff', good: 'autos', ordered: 25, now: 2.5, standing: true }]);
    expect(held).toEqual(['Deal D9 with the United States is in force: your tariff on cars from the United States is lowered from 25% to 2.5%, the deal’s cap.']);
    expect(overrode).toBe(0);
  });
  it('in Japanese', async () => {
    await setLang('ja');
    await newsReady();
    expect(standing().held).toEqual(['米国との協定D9が発効しました。米国からの自動車への関税は25%から協定の上限の2.5%に下がります。']);
    await setLang('en');
  });
});
