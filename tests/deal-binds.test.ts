// A play-tester with deal D9 in force (Japan had committed to a tariff of at most 0% on US cars) set the tariff on US
// cars to 14% in the Tariffs tab: nothing in the tab mentioned the cap, the turn went through, and Japan broke the deal
// ("Japan breaks deal D9…", security −11.3). The same held for export controls a deal keeps open and for a defence
// floor. Now the field's tab says the commitment beside it, in English and Japanese, and the list above End turn says
// which deal the draft's orders break: the engine's own test (engine/commitments.ts violates()), so the warning and
// the turn agree.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurn, viewFor, type GameState, type Orders } from '../engine/index.ts';
import type { Deal } from '../engine/state.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { controlsPanel, defensePanel, tariffPanel } = await import('../src/ui/panels.ts');
const { breachLines, breachList } = await import('../src/ui/deal-binds.ts');

/** Japan at turn 2 with D9 in force: Japan caps its tariff on US cars at 0%, keeps its magnet exports to the US open
 * and its defence at 2% of GDP or more, for an offtake of US oxide; `endTurn`: the deal's last turn. */
function withDeal(endTurn = 8): GameState {
  let s = createGame(content, 1);
  for (let i = 0; i < 2; i++) s = resolveTurn(content, s, {}, { ledger: false }).state;
  s = structuredClone(s);
  const d: Deal = { id: 'D9', from: 'JPN', to: 'USA', give: [{ type: 'tariffCap', good: 'autos', max: 0 }, { type: 'openExports', stage: 'magnet' }, { type: 'defenseFloor', minPct: 2 }], get: [{ type: 'offtake', stage: 'oxide.light', share: 0.1 }], termTurns: 7, status: 'active', proposedTurn: 1, startTurn: 2, endTurn };
  s.deals.push(d);
  s.regions.JPN.policies.tariffs.USA.autos = 0;
  s.regions.JPN.policies.defensePct = 2;
  return s;
}

/** Change a field as the player does: its value, then its change event. */
function set(el: FakeElement | null, value: string): void {
  if (!el) throw new Error('no such field');
  el.value = value;
  for (const f of el.listeners.get('change') ?? []) f({ type: 'change', target: el });
}

/** Whether the engine's turn says Japan broke D9 with these orders. */
const engineBreaks = (s: GameState, o: Orders['JPN']) => resolveTurn(content, s, { JPN: o } as Orders, { ledger: false }).report.news.some((l) => l.startsWith('JPN breaks deal D9 with USA'));

describe('a deal in force, said before the turn ends', () => {
  const s = withDeal();
  const view = viewFor(s, 'JPN');

  it('the Tariffs tab says the cap beside the field, and the list above End turn says the order breaks the deal', async () => {
    await setLang('en');
    const draft = {};
    const p = tariffPanel(view, draft, () => {}) as unknown as FakeElement;
    const note = p.querySelector('[data-testid="bind-tariff-USA-autos"]');
    expect(note?.textContent).toBe('Deal D9 with the United States caps your tariff on its cars at 0%: more breaks the deal.');
    expect(p.querySelector('[data-testid="policy-tariff-USA-autos"]')?.getAttribute('aria-describedby')).toBe('bind-tariff-USA-autos');
    expect(note?.classList.contains('breaks')).toBe(false);
    // no other field is capped
    expect(p.querySelectorAll('[data-testid^="bind-"]').length).toBe(1);
    expect(breachLines(view, draft)).toEqual([]);
    set(p.querySelector('[data-testid="policy-tariff-USA-autos"]'), '14');
    expect(draft).toEqual({ tariffs: { USA: { autos: 14 } } });
    expect(note?.classList.contains('breaks')).toBe(true);
    expect(breachLines(view, draft)).toEqual(['These orders break deal D9 with the United States: your tariff on its cars, 14%, is over the deal’s cap of 0%. Ending the turn ends the deal; the United States trusts you less, and tension with it rises.']);
    const list = breachList(view, draft) as unknown as FakeElement;
    expect(list.getAttribute('data-testid')).toBe('deal-breaches');
    expect(list.querySelectorAll('li').map((li) => li.textContent)).toEqual(breachLines(view, draft));
    // the engine agrees: the turn breaks D9
    expect(engineBreaks(s, draft)).toBe(true);
    await setLang('ja');
    try {
      expect((tariffPanel(view, draft, () => {}) as unknown as FakeElement).querySelector('[data-testid="bind-tariff-USA-autos"]')?.textContent).toBe('米国との協定D9で、米国からの自動車への関税は上限0%です。超えると協定違反になります。');
      expect(breachLines(view, draft)).toEqual(['この指示は米国との協定D9に違反します：米国からの自動車への関税14%が協定の上限0%を超えています。ターンを終えると協定は破棄され、米国のあなたへの信頼が下がり、緊張が高まります。']);
    } finally {
      await setLang('en');
    }
  });

  // two orders breaking one deal: the turn breaks the deal once (engine/deals.ts stops at its first breach), so the list
  // says the deal once, naming both orders (it said two lines, as if two deals broke)
  it('says a deal two orders break once, naming both: a tariff over its cap and a ban on exports it keeps open', async () => {
    const draft = { tariffs: { USA: { autos: 14 } }, exportControls: { USA: { magnet: 'banned' as const } } };
    await setLang('en');
    expect(breachLines(view, draft)).toEqual(['These orders break deal D9 with the United States: your tariff on its cars, 14%, is over the deal’s cap of 0%; your NdFeB magnet exports to it would be banned, not open. Ending the turn ends the deal; the United States trusts you less, and tension with it rises.']);
    expect((breachList(view, draft) as unknown as FakeElement).querySelectorAll('li').length).toBe(1);
    const news = resolveTurn(content, s, { JPN: draft } as Orders, { ledger: false }).report.news;
    expect(news.filter((l) => l.startsWith('JPN breaks deal D9')).length).toBe(1);
    await setLang('ja');
    try {
      expect(breachLines(view, draft)).toEqual(['この指示は米国との協定D9に違反します：米国からの自動車への関税14%が協定の上限0%を超えています。米国へのネオジム磁石の輸出が自由ではなく禁止になります。ターンを終えると協定は破棄され、米国のあなたへの信頼が下がり、緊張が高まります。']);
    } finally {
      await setLang('en');
    }
  });

  it('says each deal the orders break on a line of its own', () => {
    const two = structuredClone(s);
    two.deals.push({ id: 'D10', from: 'USA', to: 'JPN', give: [{ type: 'offtake', stage: 'oxide.heavy', share: 0.1 }], get: [{ type: 'defenseFloor', minPct: 1.5 }], termTurns: 7, status: 'active', proposedTurn: 1, startTurn: 2, endTurn: 8 });
    const draft = { tariffs: { USA: { autos: 14 } }, defenseSpendingPct: 1 };
    expect(breachLines(viewFor(two, 'JPN'), draft).map((l) => l.split(': ')[0])).toEqual(['These orders break deal D9 with the United States', 'These orders break deal D10 with the United States']);
    expect(breachLines(viewFor(two, 'JPN'), draft)[0]).toContain('over the deal’s cap of 0%; your defence spending, 1% of GDP, is under the deal’s floor of 2%.');
  });

  it('a tariff at the cap breaks nothing, and the engine agrees', () => {
    const draft = { tariffs: { USA: { autos: 0, magnets: 30 } } };
    expect(breachLines(view, draft)).toEqual([]);
    expect(engineBreaks(s, draft)).toBe(false);
  });

  it('the Controls tab says which exports a deal keeps open; a ban breaks it', async () => {
    await setLang('en');
    const draft = {};
    const p = controlsPanel(view, draft, () => {}) as unknown as FakeElement;
    expect(p.querySelector('[data-testid="bind-control-USA-magnet"]')?.textContent).toBe('Deal D9 with the United States keeps your NdFeB magnet exports to it open: a licence or a ban breaks the deal.');
    set(p.querySelector('[data-testid="policy-control-USA-magnet"]'), 'banned');
    expect(p.querySelector('[data-testid="bind-control-USA-magnet"]')?.classList.contains('breaks')).toBe(true);
    expect(breachLines(view, draft)).toEqual(['These orders break deal D9 with the United States: your NdFeB magnet exports to it would be banned, not open. Ending the turn ends the deal; the United States trusts you less, and tension with it rises.']);
    expect(engineBreaks(s, draft)).toBe(true);
  });

  it('the Defence tab says the floor; less breaks it', async () => {
    await setLang('en');
    const draft = {};
    const p = defensePanel(view, draft, () => {}, 0.5) as unknown as FakeElement;
    expect(p.querySelector('[data-testid="bind-defence"]')?.textContent).toBe('Deal D9 with the United States holds your defence spending at 2% of GDP or more: less breaks the deal.');
    set(p.querySelector('[data-testid="policy-defense"]'), '1.8');
    expect(breachLines(view, draft)).toEqual(['These orders break deal D9 with the United States: your defence spending, 1.8% of GDP, is under the deal’s floor of 2%. Ending the turn ends the deal; the United States trusts you less, and tension with it rises.']);
    expect(engineBreaks(s, draft)).toBe(true);
    await setLang('ja');
    try {
      expect(breachLines(view, draft)[0]).toContain('防衛費GDP比1.8%が協定の下限2%を下回っています');
    } finally {
      await setLang('en');
    }
  });

  it('says nothing of a deal whose term has run (it ends before the turn checks it), as the engine breaks nothing', () => {
    const done = withDeal(2);
    const v = viewFor(done, 'JPN');
    const draft = { tariffs: { USA: { autos: 14 } } };
    expect((tariffPanel(v, draft, () => {}) as unknown as FakeElement).querySelectorAll('[data-testid^="bind-"]')).toEqual([]);
    expect(breachLines(v, draft)).toEqual([]);
    expect(engineBreaks(done, draft)).toBe(false);
  });
});
