// Japan licensed its magnets to the United States; the digest then said "Japan finds about 568 t of its magnets
// reaching the United States through Australia", while the Controls tab said "0 t sent" to Australia: the flows it
// read hold only what stayed in the country, not what went on round a control (the market's origin-tracked
// transshipment). The tab now counts both, and a second line says how much went onward.
import { afterEach, describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { createGame, resolveTurn, viewFor } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';
import { setLang } from '../src/ui/i18n.ts';

installFakeDom();
const { controlsPanel, passedOn } = await import('../src/ui/panels.ts');

const start = createGame(content, 1);
const after = resolveTurn(content, start, { JPN: { exportControls: { USA: { magnet: { licensed: 0.8 } } } } }).state;
const cell = (id: string, s = after) => {
  const p = controlsPanel(viewFor(s, 'JPN'), {}, () => {}) as unknown as FakeElement;
  const onward = p.querySelectorAll(`[data-testid="onward-${id}-magnet"]`)[0];
  return `${p.querySelectorAll(`[data-testid="sent-${id}-magnet"]`)[0]!.textContent}${onward ? ` | ${onward.textContent}` : ''}`;
};
const fmt = (v: number) => Math.round(v).toLocaleString('en-US');

afterEach(async () => setLang('en'));

describe("the Controls tab's tonnes sent, with what went on round a control", () => {
  it('before any control: what each partner took, nothing passed on', async () => {
    await setLang('en');
    expect(Object.keys(start.market.transship.magnet)).toEqual([]);
    expect(cell('USA', start)).toBe(`${fmt(start.flows.magnet.JPN.USA)} t sent`);
    expect(cell('AUS', start)).toBe('0 t sent');
  });

  it("after the licence: Australia's cell counts the magnets it passed on to the United States, as the news found them", async () => {
    await setLang('en');
    const via = after.market.transship.magnet['JPN>AUS>USA'];
    expect(via).toBeGreaterThan(100);
    expect(after.flows.magnet.JPN.AUS).toBeLessThan(0.5); // the flows alone said "0 t sent"
    expect(passedOn(viewFor(after, 'JPN'), 'magnet', 'AUS')).toBe(via);
    expect(cell('AUS')).toBe(`${fmt(via)} t sent | ${fmt(via)} t onward`);
    // the licensed partner's own cell: what went to it directly (what went round reached it too, through others)
    expect(cell('USA')).toBe(`${fmt(after.flows.magnet.JPN.USA)} t sent`);
  });

  it('in Japanese', async () => {
    await setLang('ja');
    const via = after.market.transship.magnet['JPN>MYS>USA'];
    expect(cell('MYS')).toBe(`${fmt(via + after.flows.magnet.JPN.MYS)} t 輸出 | うち ${fmt(via)} t 転送`);
  });
});

// A play-tester's Japan was offered production quotas "on your mines and separators" with neither at the start: the
// quota acts on what it builds, which the hint now says; a country with mines is not told so.
describe('the production quota for a country with no mines or separation plants', () => {
  it('says it acts on those built later', async () => {
    await setLang('en');
    const hint = (c: 'JPN' | 'USA') => (controlsPanel(viewFor(start, c), {}, () => {}) as unknown as FakeElement).querySelectorAll('[data-testid="quotas-hint"]')[0]!.textContent;
    expect(start.regions.JPN.miningReo + start.regions.JPN.refining.light + start.regions.JPN.refining.heavy).toBe(0);
    expect(hint('JPN')).toContain('You have no mines or separation plants yet: the quota acts on those you build (Invest).');
    expect(hint('USA')).not.toContain('no mines');
  });
});

// A new player's ban on Japan's magnets to China, a flow of 0 t, cost 0.70 points: the table's hint said a control on
// 0 t cuts nothing and still raises tension, in its ninth line. The cell says it beside the control as it is chosen.
describe('a control on a flow of 0 t', () => {
  const sentCell = (draft: object) => (controlsPanel(viewFor(start, 'JPN'), draft, () => {}) as unknown as FakeElement).querySelectorAll('[data-testid="sent-CHN-magnet"]')[0]!;
  it('says it cuts nothing, in English and Japanese; open, or on a flow that goes, it says the tonnes alone', async () => {
    await setLang('en');
    expect(start.flows.magnet.JPN.CHN).toBeLessThan(0.5);
    expect(sentCell({}).textContent).toBe('0 t sent');
    const banned = sentCell({ exportControls: { CHN: { magnet: 'banned' } } });
    expect(banned.textContent).toBe('0 t sent: cuts nothing now');
    expect(banned.getAttribute('title')).toMatch(/^Nothing went to them last quarter, so this control cuts nothing now .* and it raises tension like any other\.$/);
    expect(banned.classList.contains('nothing')).toBe(true);
    expect(sentCell({ exportControls: { CHN: { magnet: { licensed: 0.5 } } } }).textContent).toBe('0 t sent: cuts nothing now');
    expect(cell('USA', start)).toBe(`${fmt(start.flows.magnet.JPN.USA)} t sent`);
    await setLang('ja');
    expect(sentCell({ exportControls: { CHN: { magnet: 'banned' } } }).textContent).toBe('0 t 輸出：今は止めるものなし');
  });
});

// A player who set a control and then set it back to the one in force still sent it as an order (a tariff set back
// leaves none): the turn's changes counted it, and a class's unsent warning took it for a change.
describe('a control set back to the one in force', () => {
  it('leaves no order: a ban undone, a licence set back at its share; another share is an order', async () => {
    await setLang('en');
    const draft: { exportControls?: Record<string, Record<string, unknown>> } = {};
    const panel = controlsPanel(viewFor(after, 'JPN'), draft as never, () => {}) as unknown as FakeElement;
    const set = (id: string, v: string) => {
      const el = panel.querySelector(`[data-testid="${id}"]`)!;
      el.value = v;
      for (const f of el.listeners.get('change') ?? []) f({ type: 'change', target: el });
    };
    expect(after.regions.JPN.policies.controls.USA.magnet).toMatchObject({ level: 'licensed', share: 0.8 });
    set('policy-control-CHN-magnet', 'banned');
    set('policy-control-USA-magnet', 'banned');
    expect(draft).toEqual({ exportControls: { CHN: { magnet: 'banned' }, USA: { magnet: 'banned' } } });
    set('policy-control-CHN-magnet', 'open');
    expect(draft).toEqual({ exportControls: { USA: { magnet: 'banned' } } });
    set('policy-control-USA-magnet', 'licensed'); // the share field still reads 80
    expect(draft).toEqual({});
    set('policy-control-share-USA-magnet', '60');
    expect(draft).toEqual({ exportControls: { USA: { magnet: { licensed: 0.6 } } } });
  });
});
