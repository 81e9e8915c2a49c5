// The order issues a player meets in play, in the player's language: Malaysia's Japanese game showed the engine's
// "投資: costs USD 0.35 bn but the budget this turn is USD 0.13 bn" under the End turn button.
import { afterAll, describe, expect, it } from 'vitest';
import { createGame, maxDefenseStep, validateOrders, type OrderIssue } from '../engine/index.ts';
import { shownDefenseStep } from '../engine/lite.ts';
import { issueText } from '../src/ui/issues.ts';
import { setLang } from '../src/ui/i18n.ts';
import { content } from './helpers.ts';

/** A project type's English name, as the game's screen passes it (from the session's project list). */
const label = (type: string) => content.projects.types[type]?.label ?? type;
const english = (s: string) => s.replace(/NdPr|Dy\/Tb|REO|GDP/g, '').match(/[A-Za-z]{3,}/g) ?? [];

/** The engine's own issues for orders over the budget, a defence jump, a release beyond the stockpile and too many
 * magnet plants (so the test follows the engine's wording). */
function issues(): OrderIssue[] {
  const s = createGame(content, 1);
  const r = validateOrders(content, s, {
    MYS: {
      investments: [{ type: 'mine.expansion' }, { type: 'magnetPlant', units: 9 }],
      defenseSpendingPct: 3,
      stockpileRelease: { light: 50 },
    },
  });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

describe('order issues in the player’s language', () => {
  afterAll(() => setLang('en'));

  it('says the budget, defence step, stockpile and project-limit issues in Japanese, with no English left', async () => {
    const en = issues().map((i) => issueText(i, label));
    expect(en.join('\n')).toMatch(/costs USD [\d.]+ bn but the budget this turn is USD [\d.]+ bn/);
    expect(en.join('\n')).toMatch(/a change of [\d.]+ percentage points \(of GDP\) exceeds the [\d.]+ that approval of [\d.]+ allows/);
    expect(en.join('\n')).toMatch(/releases 50 t but the stockpile holds 0 t/);
    // the project's name, not the engine's key ("magnetPlant")
    expect(en.join('\n')).toMatch(/NdFeB magnet plant: 9 more would make 9, over the limit of 5 per country/);
    await setLang('ja');
    const ja = issues().map((i) => issueText(i, label));
    expect(ja.length).toBe(4);
    for (const line of ja) expect(english(line), line).toEqual([]);
    expect(ja.join('\n')).toMatch(/投資：費用[\d.]+億ドルが今ターンの予算[\d.]+億ドルを超えています/);
    expect(ja.join('\n')).toMatch(/防衛：変更幅[\d.]+%ポイント（GDP比）が、支持率50.0で今ターンに動かせる0.25%ポイントを超えています/);
  });

  it('never refuses a defence change of the step it names (approval just under 50: the step is 0.2495)', async () => {
    // Japan's second turn: approval 49.9, the Defence tab said "at most 0.25", and 2.00 -> 2.25 was refused with
    // "a change of 0.25 percentage points (of GDP) exceeds the 0.25 that approval of 50 allows this turn"
    const s = createGame(content, 1);
    s.regions.JPN.approval = 49.9;
    const now = s.regions.JPN.policies.defensePct;
    const step = maxDefenseStep(49.9);
    expect(step).toBeLessThan(0.25);
    expect(shownDefenseStep(step)).toBe(0.24);
    expect(shownDefenseStep(maxDefenseStep(50))).toBe(0.25);
    const refused = validateOrders(content, s, { JPN: { defenseSpendingPct: now + 0.25 } });
    expect(refused.ok).toBe(false);
    const msg = refused.ok ? '' : refused.issues[0]!.message;
    expect(msg).toBe('a change of 0.25 percentage points (of GDP) exceeds the 0.24 that approval of 49.9 allows this turn');
    // the figure named is allowed
    expect(validateOrders(content, s, { JPN: { defenseSpendingPct: now + shownDefenseStep(step) } }).ok).toBe(true);
    await setLang('ja');
    expect(refused.ok ? '' : issueText(refused.issues[0]!, label)).toBe('防衛：変更幅0.25%ポイント（GDP比）が、支持率49.9で今ターンに動かせる0.24%ポイントを超えています');
    await setLang('en');
  });

  it('says a field out of range as a sentence, and a release with thousands separators, in both languages', async () => {
    // a 600% tariff showed "Tariffs: United States, cars: ≤500", a release of -5 t "Stockpile: ≥0", and a release of
    // 5,000 t "releases 5000 t but the stockpile holds 1300 t" beside the tab's "1,300 t"
    const s = createGame(content, 1);
    s.regions.JPN.stockpile.light = 1300;
    const text = (o: Parameters<typeof validateOrders>[2]) => {
      const r = validateOrders(content, s, o);
      return r.ok ? [] : r.issues.map((i) => issueText(i, label));
    };
    const tariff = { JPN: { tariffs: { USA: { autos: 600 } } } };
    const negative = { JPN: { stockpileRelease: { light: -5 } } };
    const big = { JPN: { stockpileRelease: { light: 5000 } } };
    await setLang('en');
    expect(text(tariff)).toEqual(['Tariffs: United States, cars: must be at most 500']);
    expect(text(negative)).toEqual(['Stockpile: must be at least 0']);
    expect(text(big)).toEqual(['Stockpile: releases 5,000 t but the stockpile holds 1,300 t']);
    await setLang('ja');
    expect(text(tariff)).toEqual(['関税：米国、自動車：500以下にしてください']);
    expect(text(negative)).toEqual(['備蓄：0以上にしてください']);
    await setLang('en');
  });
});
