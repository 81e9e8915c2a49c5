// The end screen's "decisions that mattered" listed an order a deal had overridden as if it held ("tariff on cars from
// the United States 13%; accepted deal D9", while the deal kept the tariff at 0%): a decision now carries the orders of
// its turn that a deal overrode (the report's), and the end screen says so under it.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { SessionCore } from '../src/session/core.ts';
import type { Overridden } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { laterReady, setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { endScreen } = await import('../src/ui/end.ts');
await laterReady();

const held: Overridden = { country: 'JPN', deal: 'D9', partner: 'USA', kind: 'tariff', good: 'autos', ordered: 13, now: 0 };

function finished() {
  const s = new SessionCore(content);
  const r = s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents: { AUS: 'status-quo', CHN: 'status-quo', JPN: 'status-quo', MYS: 'status-quo', USA: 'status-quo' }, turns: 3, seed: 1 });
  if (!r.ok) throw new Error(r.error);
  if (!s.submit({ tariffs: { USA: { autos: 13 } } }).ok) throw new Error('turn refused');
  // the turn's report as the engine writes it when a deal holds the order (tests/overridden.test.ts plays such a turn)
  (s as unknown as { tl: { reports: { overridden?: Overridden[] }[] } }).tl.reports[0].overridden = [held, { ...held, country: 'USA', partner: 'JPN' }];
  s.submit({});
  s.submit({});
  return s.finish();
}

describe('a decision a deal overrode', () => {
  it('carries the overridden orders of its turn, the player\'s only', () => {
    const f = finished();
    const d = f.decisions.find((x) => x.turn === 1)!;
    expect(d.overridden).toEqual([held]);
  });

  it('and the end screen says so under it', async () => {
    await setLang('en');
    const f = finished();
    const root = document.createElement('div') as unknown as FakeElement;
    endScreen(root as unknown as HTMLElement, { projectTypes: async () => [] } as never, 'JPN', f, () => {});
    const notes = root.querySelectorAll('[data-testid="decision-override"]').map((x) => x.textContent);
    expect(notes).toEqual(['Deal D9 with the United States overrode your order: your tariff on cars from the United States is 0%, the deal’s cap, not the 13% you ordered.']);
  });
});
