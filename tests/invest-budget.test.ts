// The Invest list does not let a player add a project dearer than what is left of this turn's budget: the project is
// shown (unspent budget carries over, so it is worth planning for) with its Add button disabled and the reason, cost
// against what is left. The figures are the ones the turn's validation uses, and its error stays the final word.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { budgetAvailable, createGame, validateOrders, viewFor } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { overBudget, unitsHeld } from '../src/ui/panels.ts';
import { t } from '../src/ui/i18n.ts';

describe('the Invest list and the budget', () => {
  const state = createGame(content, 1);
  const view = viewFor(state, 'AUS');
  const budget = budgetAvailable(content, state, 'AUS'); // USD 0.67 bn on turn 1
  const types = new SessionCore(content).projectTypes();
  const type = (k: string) => types.find((x) => x.type === k)!;
  /** no budget error from the turn's validation */
  const fits = (draft: { investments?: { type: string; units?: number }[] }) => {
    const r = validateOrders(content, state, { AUS: draft });
    return r.ok || !r.issues.some((i) => i.message.startsWith('costs USD'));
  };

  it('a project dearer than the budget is not addable, and says why', () => {
    expect(budget).toBeGreaterThan(0.5);
    expect(budget).toBeLessThan(1);
    const short = overBudget(type('mine.new'), view, {}, types, budget);
    expect(short).toEqual({ unit: 1, left: budget });
    expect(t('panel.overBudget', { cost: 'USD 1.00 bn', left: 'USD 0.67 bn' })).toBe('Not this turn: one costs USD 1.00 bn and USD 0.67 bn of this turn’s budget is left (unspent budget carries over to later turns).');
    expect(overBudget(type('refinery.light'), view, {}, types, budget)).toBeNull();
  });

  it('counts what the orders already spend: a second refinery no longer fits', () => {
    const draft = { investments: [{ type: 'refinery.light', units: 1 }] };
    expect(overBudget(type('refinery.light'), view, draft, types, budget)).toEqual({ unit: 0.5, left: expect.closeTo(budget - 0.5, 9) });
    expect(overBudget(type('recycling'), view, draft, types, budget)).toBeNull();
  });

  it('agrees with the turn\'s validation, which still refuses what goes over', () => {
    for (const x of types) {
      if (x.type === 'deepSeaMud') continue; // Japan's alone
      const ok = fits({ investments: [{ type: x.type, units: 1 }] });
      expect(overBudget(x, view, {}, types, budget) === null, x.type).toBe(ok);
    }
    const r = validateOrders(content, state, { AUS: { investments: [{ type: 'refinery.light', units: 2 }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toContain(`costs USD 1.00 bn but the budget this turn is USD ${budget.toFixed(2)} bn`);
  });

  it('counts the units ordered this turn with those held, and stops at the limit the turn\'s validation applies', () => {
    // the player had queued a mine expansion and the line still said "You have 0 built or building"
    const jpn = viewFor(state, 'JPN');
    const limitError = (type: string, units: number) => {
      const r = validateOrders(content, state, { JPN: { investments: [{ type, units }] } });
      return !r.ok && r.issues.some((i) => i.message.includes('over the limit'));
    };
    let checked = 0;
    for (const x of types) {
      if (x.type.startsWith('stockpile')) continue;
      const { held } = unitsHeld(x, jpn, {});
      const room = x.maxUnits - held;
      if (room < 1) continue;
      expect(unitsHeld(x, jpn, { investments: [{ type: x.type, units: 1 }] })).toEqual({ held, drafted: 1, full: room === 1 });
      expect(unitsHeld(x, jpn, { investments: [{ type: x.type, units: room }] }).full, x.type).toBe(true);
      expect(unitsHeld(x, jpn, { investments: [{ type: x.type, units: room - 1 }] }).full, x.type).toBe(false);
      expect(limitError(x.type, room), x.type).toBe(false);
      expect(limitError(x.type, room + 1), x.type).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    expect(t('panel.heldOfDrafted', { held: 0, drafted: 1, max: 3 })).toBe('You have 0 built or building and 1 ordered this turn, of at most 3.');
  });
});
