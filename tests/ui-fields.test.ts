// Where the game screen points a refused order: the field marked and the tab shown when End turn is refused
// (src/ui/fields.ts). A player on the Indicators tab whose defence change was over the limit saw only a line at the
// panel's foot and took End turn for a button that did nothing; the screen now shows the order's tab.
import { describe, expect, it } from 'vitest';
import { createGame, validateOrders } from '../engine/index.ts';
import { CountryOrdersSchema } from '../engine/schema.ts';
import { content } from './helpers.ts';
import { TABS, fieldOf, tabOf } from '../src/ui/fields.ts';

describe('a refused order on the game screen', () => {
  it('every kind of order has a tab, and the tab is one of the screen\'s', () => {
    const keys = Object.keys(CountryOrdersSchema.shape).sort();
    expect(keys.length).toBeGreaterThanOrEqual(7);
    for (const k of keys) {
      const tab = tabOf(`$.JPN.${k}`);
      expect(tab, k).not.toBeNull();
      expect(TABS).toContain(tab);
    }
    expect(tabOf('$')).toBeNull();
  });

  it('points the validation\'s own issues at their tab and field', () => {
    const state = createGame(content, 1);
    const where = (orders: object) => {
      const r = validateOrders(content, state, { JPN: orders });
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => [tabOf(i.path), fieldOf(i.path)]);
    };
    expect(where({ defenseSpendingPct: 9 })).toContainEqual(['Defense', 'policy-defense']);
    expect(where({ tariffs: { CHN: { magnet: 9 } } })).toContainEqual(['Tariffs', 'policy-tariff-CHN-magnet']);
    const inv = validateOrders(content, state, { JPN: { investments: [{ type: 'nosuch' }] } });
    expect(inv.ok).toBe(false);
    if (!inv.ok) expect(inv.issues.map((i) => tabOf(i.path))).toEqual(['Invest']);
  });
});
