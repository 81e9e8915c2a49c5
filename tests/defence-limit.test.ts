// The Defence tab says this turn's limit on the share of GDP as it is typed: a player went by turn 1's step (0.25 points)
// on turn 7, when approval allowed 0.24, and only End turn's refusal told him. The same figures as the hint's, from the
// engine's step (engine/limits.ts shownDefenseStep).
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, viewFor } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { defensePanel } = await import('../src/ui/panels.ts');

function type(el: FakeElement, value: string, event: 'input' | 'change'): void {
  el.value = value;
  for (const f of el.listeners.get(event) ?? []) f({ type: event, target: el });
}

describe("the Defence tab's limit for this turn", () => {
  const view = viewFor(createGame(content, 1), 'JPN');
  const cur = view.self.policies.defensePct;

  it('is said under the field when the share typed is beyond it, and goes when it is back within', async () => {
    await setLang('en');
    const draft: { defenseSpendingPct?: number } = {};
    const p = defensePanel(view, draft, () => {}, 0.24) as unknown as FakeElement;
    const field = p.querySelector('[data-testid="policy-defense"]')!;
    const limit = p.querySelector('[data-testid="defence-limit"]')!;
    expect((limit as unknown as { hidden: boolean }).hidden).toBe(true);
    const hi = Math.round((cur + 0.24) * 100) / 100;
    const lo = Math.round((cur - 0.24) * 100) / 100;
    // just within (the step itself), then beyond by typing, then by a change event, then within again
    type(field, String(hi), 'input');
    expect(limit.textContent).toBe('');
    type(field, String(hi + 0.01), 'input');
    expect(limit.textContent).toBe(`Beyond this turn’s limit: the share can go from ${lo.toFixed(2)}% to ${hi.toFixed(2)}% (End turn would refuse this one).`);
    expect((limit as unknown as { hidden: boolean }).hidden).toBe(false);
    type(field, String(lo - 0.01), 'change');
    expect(limit.textContent).toContain('Beyond this turn’s limit');
    expect(draft.defenseSpendingPct).toBeCloseTo(lo - 0.01, 9);
    type(field, String(cur), 'change');
    expect(limit.textContent).toBe('');
    // the hint's step and the limit's are the same figure
    expect(p.textContent).toContain('it can move at most 0.24 percentage points this turn');
    await setLang('ja');
    const ja = defensePanel(view, {}, () => {}, 0.24) as unknown as FakeElement;
    type(ja.querySelector('[data-testid="policy-defense"]')!, '9', 'input');
    expect(ja.querySelector('[data-testid="defence-limit"]')!.textContent).toBe(`今ターンの上限を超えています：${lo.toFixed(2)}%から${hi.toFixed(2)}%までにできます（このままではターン終了が拒否されます）。`);
    await setLang('en');
  });
});

// A play-tester raised Japan's defence from 1.8% to 2.5% of GDP and saw security "±0.00": capability is a stock, a
// quarter's spending a few percent of it. The tab says so, with the figure from the view.
describe("the Defence tab's note on capability as a stock", () => {
  it("gives last quarter's spending as a share of capability", async () => {
    await setLang('en');
    const { resolveTurn } = await import('../engine/index.ts');
    const s = resolveTurn(content, createGame(content, 1), {}).state;
    const r = s.regions.JPN;
    const note = (defensePanel(viewFor(s, 'JPN'), {}, () => {}, 0.25) as unknown as FakeElement).querySelector('[data-testid="defence-stock"]')!.textContent;
    const pct = (100 * r.last.defenseSpendUsdBn) / r.capability;
    expect(pct).toBeGreaterThan(0.5);
    expect(pct).toBeLessThan(10); // a few percent: the point of the note
    expect(note).toBe(`Capability is a stock: last quarter’s spending was ${pct.toFixed(1)}% of it, and wear takes some back each quarter, so a build-up shows in security over years, not turns, and rivals’ build-ups count against it.`);
  });
});
