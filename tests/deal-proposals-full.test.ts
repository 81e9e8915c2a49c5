// The Deals tab takes at most ORDER_LIMITS.proposals proposals a turn (engine/limits.ts): with that many queued it
// says so in place of the form (an eleventh was refused only at End turn, in zod's English on the Japanese page too).
import { afterEach, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, viewFor, type CountryOrders } from '../engine/index.ts';
import { ORDER_LIMITS } from '../engine/limits.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { dealsPanel } = await import('../src/ui/panels.ts');

const proposal = { to: 'USA' as const, give: [{ type: 'tariffCap' as const, good: 'autos' as const, max: 5 }], get: [{ type: 'investment' as const, usdBn: 10 }], termTurns: 4 };
const panel = (n: number) => {
  const draft: { deals?: CountryOrders['deals'] } = n ? { deals: { propose: Array.from({ length: n }, () => ({ ...proposal })) } } : {};
  return dealsPanel(viewFor(createGame(content, 1), 'JPN'), draft, () => {}, 40) as unknown as FakeElement;
};
const has = (p: FakeElement, id: string) => p.querySelector(`[data-testid="${id}"]`) !== null;

afterEach(async () => setLang('en'));

describe('the Deals tab at the proposals a turn takes', () => {
  it('offers the form below the bound, and says the bound in its place at it', async () => {
    await setLang('en');
    const below = panel(ORDER_LIMITS.proposals - 1);
    expect(has(below, 'deal-propose')).toBe(true);
    expect(has(below, 'proposals-full')).toBe(false);
    const full = panel(ORDER_LIMITS.proposals);
    expect(has(full, 'deal-propose')).toBe(false);
    expect(full.querySelector('[data-testid="proposals-full"]')!.textContent).toBe(`At most ${ORDER_LIMITS.proposals} proposals a turn: remove one to propose another.`);
    await setLang('ja');
    expect(panel(ORDER_LIMITS.proposals).querySelector('[data-testid="proposals-full"]')!.textContent).toBe(`提案は1ターンに${ORDER_LIMITS.proposals}件までです。別の提案をするには、どれかを「削除」してください。`);
  });
});
