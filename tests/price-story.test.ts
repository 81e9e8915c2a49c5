// The table's price story (`gambit run`): a price outside China that moved 10% or more is told against the price with
// its causes lifted, naming the four largest causes; what the smaller ones add is "other causes", so the line adds up
// (turn 16 of seed 1 listed four causes summing to 400.8 against a price of 394).
import { describe, expect, it } from 'vitest';
import { COUNTRIES, type CountryId, type TurnReport, type TurnSummary } from '../engine/index.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { loadContent } from '../src/content/load.ts';
import { priceStory, wrapIndented } from '../src/cli/table.ts';

const summary = (world: number) => ({ prices: { 'oxide.light': { world: 56 }, 'oxide.heavy': { world }, magnet: { world: 70 } } }) as unknown as TurnSummary;
const report = (value: number, without: number, amounts: number[]) =>
  ({ priceWhy: { 'oxide.heavy': { world: { value, without, causes: amounts.map((amount, i) => ({ cause: `cause ${i + 1}`, amount })) } } } }) as unknown as TurnReport;
/** The line's figures: the price with its causes lifted, then each cause's amount. */
const figures = (line: string) => {
  const [, base, list] = /against USD ([\d.]+) with its causes lifted: (.*)$/.exec(line)!;
  return { base: Number(base), amounts: list.split(', ').map((p) => Number(p.slice(p.lastIndexOf(' ') + 1))) };
};

describe('the price story', () => {
  it('names the four largest causes and what the others add, so the line adds up to the price', () => {
    const [line] = priceStory(summary(548), summary(394), report(394, 365, [28.8, -22.5, 18.3, 11.2, -4.1, -2.7]));
    expect(line).toContain('Dy/Tb outside China -28% (USD 548 -> 394)');
    expect(line).toMatch(/cause 4 \+11\.2, other causes -6\.8$/);
    const f = figures(line);
    expect(f.base + f.amounts.reduce((a, b) => a + b, 0)).toBeCloseTo(394, 1);
  });
  it('adds nothing when the causes named explain the gap', () => {
    const [line] = priceStory(summary(548), summary(394), report(394, 365, [28.8, -22.5, 18.3, 4.4]));
    expect(line).not.toMatch(/other causes/);
    expect(line).toMatch(/cause 4 \+4\.4$/);
  });
  // run's table printed the story as one line of up to 224 columns; a terminal broke it mid-word at its edge
  it('is printed in lines of at most 110 columns under the row, breaking between causes', () => {
    const line = `${' '.repeat(12)}Dy/Tb outside China +30% (USD 499 -> 648); the price now against USD 376 with its causes lifted: export controls by CHN +271, interaction of these causes -122, stockpile purchases and releases +118, hoarding +4.7`;
    const lines = wrapIndented(line);
    expect(lines.length).toBe(3);
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(110);
      expect(l.startsWith(' '.repeat(12)) && l[12] !== ' ').toBe(true);
    }
    expect(lines.map((l) => l.trim()).join(' ')).toBe(line.trim());
    expect(lines.some((l) => /hoarding \+4\.7$/.test(l))).toBe(true); // a cause keeps its amount
    expect(lines.every((l) => !/(by CHN|causes|releases)$/.test(l))).toBe(true);
    // a short line as it was; a phrase longer than the room breaks at its spaces; a word longer stays whole
    expect(wrapIndented('  short: line')).toEqual(['  short: line']);
    expect(wrapIndented('  aaa bbb ccc ddd', 9)).toEqual(['  aaa bbb', '  ccc ddd']);
    expect(wrapIndented('  abcdefghijkl x', 9)).toEqual(['  abcdefghijkl', '  x']);
    // a hanging indent for the lines after the first; an interval's brackets are not broken at their comma
    expect(wrapIndented('  aaa: bbb, ccc [-1, +2]', 14, 2)).toEqual(['  aaa: bbb,', '    ccc', '    [-1, +2]']);
  });
  // China's production quota at 70% from turn 2 more than doubled NdPr, and the story said "no control, tariff,
  // hoarding, stockpile trade or event behind it" (an economist's review): the quota is a cause of its own
  it('names an output quota among the causes of a price, by the ledger that lifts it', () => {
    const content = loadContent('rare-earth-gambit');
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'status-quo', c as CountryId)])) as Seats;
    const quota = { decide: ({ view }: { view: { turn: number } }) => (view.turn >= 1 ? { rareEarthOutputPct: 70 } : {}), name: 'quota', needsView: true };
    const r = playGame(content, 1, { ...seats, CHN: quota as unknown as Seats['CHN'] }, { turns: 4, ledger: true });
    const ndpr = r.reports[3].priceWhy!['oxide.light'].world;
    const cause = ndpr.causes.find((c) => c.cause === 'output quota of CHN');
    expect(cause, JSON.stringify(ndpr.causes)).toBeDefined();
    expect(cause!.amount).toBeGreaterThan(0.1 * ndpr.without); // a cut in supply raises the price
    expect(r.reports[0].priceWhy!['oxide.light'].world.causes.some((c) => c.cause.startsWith('output quota'))).toBe(false); // none before it
    const [line] = priceStory(summary(ndpr.value * 0.5), { prices: { 'oxide.light': { world: ndpr.value }, 'oxide.heavy': { world: 548 }, magnet: { world: 70 } } } as unknown as TurnSummary, r.reports[3]);
    expect(line).toMatch(/NdPr outside China .*output quota of CHN \+\d/);
    // above 100% (China's persona floods the market to undercut newcomers) it is a push, and it lowers the price
    const push = { ...quota, decide: ({ view }: { view: { turn: number } }) => (view.turn >= 1 ? { rareEarthOutputPct: 130 } : {}) };
    const r2 = playGame(content, 1, { ...seats, CHN: push as unknown as Seats['CHN'] }, { turns: 3, ledger: true });
    const pushed = r2.reports[2].priceWhy!['oxide.light'].world.causes.find((c) => c.cause === 'output push of CHN');
    expect(pushed, JSON.stringify(r2.reports[2].priceWhy!['oxide.light'].world.causes)).toBeDefined();
    expect(pushed!.amount).toBeLessThan(0);
  });
});
