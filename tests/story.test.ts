// The digest's story (src/ui/story.ts): the top lines add up to the change they explain, a restriction in force before
// the game began is not called a delayed effect of "turn 0", and news without a country has its own place.
import { describe, expect, it } from 'vitest';
import { HEADLINES, type CountryView, type TurnReport } from '../engine/index.ts';
import { RestrictionMemory } from '../src/ui/story.ts';
import { plainNews, sortNews, yourChanges } from '../src/ui/story-news.ts';
import { laterReady, setLang } from '../src/ui/i18n.ts';
import { mergeLeaks } from '../src/ui/leak-news.ts';

await laterReady(); // the strings shown once a turn has been played (the page loads them once its map shows)

/** A report where only magnet supply moved, with the given causes (the US's turn 1 of seed 1: −5.7 percentage points). */
function report(causes: { cause: string; amount: number }[], news: string[] = []): TurnReport {
  const still = { value: 1, prev: 1, change: 0, causes: [] as { cause: string; amount: number }[] };
  const mine = Object.fromEntries(HEADLINES.map((hd) => [hd, still]));
  const change = causes.reduce((a, c) => a + c.amount, 0);
  mine.magnetSupplyRatio = { value: 0.957 + change, prev: 0.957, change, causes }; // as a turn's report has it: value − prev is the change
  return { turn: 1, date: '2025Q4', news, events: [], headlines: { USA: mine, JPN: mine, CHN: mine } } as unknown as TurnReport;
}

const usTurn1 = [
  { cause: 'inventories', amount: 0.116 },
  { cause: 'rounding and limits', amount: -0.09 },
  { cause: 'magnets from JPN', amount: -0.072 },
  { cause: 'magnets from CHN', amount: -0.013 },
  { cause: 'other', amount: 0.002 },
];
const amounts = (line: string) => [...line.matchAll(/([+−])(\d+\.\d) percentage points/g)].map((m) => (m[1] === '−' ? -1 : 1) * Number(m[2]));

describe('the digest story', () => {
  it('says what the named causes leave out when it is a sizeable part, so the line adds up', () => {
    const [c] = yourChanges(report(usTurn1), 'USA', null, null);
    expect(c!.hd).toBe('magnetSupplyRatio');
    expect(c!.causes).toHaveLength(3);
    expect(c!.causes[2]).toMatch(/^other causes −10\.1 percentage points$/);
    expect(amounts(c!.causes.join('; ')).reduce((a, b) => a + b, 0)).toBeCloseTo(c!.change * 100, 1);
  });
  it('says the rest when two large causes nearly cancel (a class: China\'s magnet supply −2.9: −15.1 and +11.0 read as the whole story)', () => {
    const [c] = yourChanges(report([{ cause: 'magnet production', amount: -0.151 }, { cause: 'inventories', amount: 0.11 }, { cause: 'rounding and limits', amount: 0.012 }]), 'USA', null, null);
    expect(c!.causes).toHaveLength(3);
    expect(c!.causes[2]).toBe('other causes +1.2 percentage points');
    expect(amounts(c!.causes.join('; ')).reduce((a, b) => a + b, 0)).toBeCloseTo(c!.change * 100, 1);
  });
  it('adds nothing when the named causes explain the change', () => {
    const [c] = yourChanges(report([{ cause: 'inventories', amount: 0.05 }, { cause: 'magnets from CHN', amount: -0.02 }, { cause: 'rounding and limits', amount: 0.0005 }]), 'USA', null, null);
    expect(c!.causes).toHaveLength(2);
    expect(c!.causes.join(' ')).not.toMatch(/other causes/);
  });
  it('leaves out a change whose figures shown do not differ (50.5 to 50.5 read "Approval ±0: prices +0.8; events −0.8")', () => {
    const r = report([]);
    (r.headlines.USA as Record<string, unknown>).approval = { value: 50.515, prev: 50.455, change: 0.06, causes: [{ cause: 'prices', amount: 0.8 }, { cause: 'events', amount: -0.74 }] };
    expect(yourChanges(r, 'USA', null, null).map((c) => c.hd)).not.toContain('approval');
    (r.headlines.USA as Record<string, unknown>).approval = { value: 50.555, prev: 50.455, change: 0.1, causes: [{ cause: 'prices', amount: 0.8 }, { cause: 'events', amount: -0.7 }] };
    expect(yourChanges(r, 'USA', null, null).find((c) => c.hd === 'approval')!.change).toBeCloseTo(0.1, 10); // 50.5 to 50.6
  });
  it('leaves out a cause that would read as zero', () => {
    const r = report([]);
    (r.headlines.USA as Record<string, unknown>).security = { value: 48, prev: 48.3, change: -0.3, causes: [{ cause: 'allies defence', amount: -0.27 }, { cause: 'rivals', amount: -0.03 }] };
    const c = yourChanges(r, 'USA', null, null).find((x) => x.hd === 'security')!;
    expect(c.causes).toHaveLength(1);
    expect(c.causes.join(' ')).not.toMatch(/[−+]0\.0\b/);
  });
  it('calls a restriction in force before the game began a standing one, not a delayed effect of turn 0', () => {
    const view = { country: 'USA', others: { CHN: { policies: { controls: { USA: { magnet: { level: 'licensed', share: 0.9 } } } } } } } as unknown as CountryView;
    const memory = new RestrictionMemory();
    memory.observe(0, view);
    const [c] = yourChanges(report([{ cause: 'magnets from CHN', amount: -0.05 }]), 'USA', view, memory);
    expect(c!.causes[0]).toBe('magnets from China — China’s licence (90% let through) on NdFeB magnets to the United States (in force since before the game began) −5.0 percentage points');
    const later = new RestrictionMemory();
    later.observe(1, view);
    const r = report([{ cause: 'magnets from CHN', amount: -0.05 }]);
    (r as { turn: number }).turn = 3;
    expect(yourChanges(r, 'USA', view, later)[0]!.causes[0]).toMatch(/a delayed effect of China’s licence .* \(in force since turn 1\)/);
  });
  it("gives each good its share when one country's licences differ (the scenario's 90% on Dy/Tb oxide, 96% on magnets)", () => {
    const view = { country: 'JPN', others: { CHN: { policies: { controls: { JPN: { 'oxide.heavy': { level: 'licensed', share: 0.9 }, magnet: { level: 'licensed', share: 0.96 } } } } } } } as unknown as CountryView;
    const memory = new RestrictionMemory();
    memory.observe(0, view);
    const [c] = yourChanges(report([{ cause: 'magnets from CHN', amount: -0.05 }]), 'JPN', view, memory);
    expect(c!.causes[0]).toBe('magnets from China — China’s licence on Dy/Tb oxide (90% let through) and NdFeB magnets (96% let through) to Japan (in force since before the game began) −5.0 percentage points');
  });
  it('calls a licence whose share changed this turn new, not "in force since before the game began" (China cut its 90% and 96% to 70% and 85%)', () => {
    const at = (oxide: number, magnet: number) => ({ country: 'USA', others: { CHN: { policies: { controls: { USA: { 'oxide.heavy': { level: 'licensed', share: oxide }, magnet: { level: 'licensed', share: magnet } } } } } } }) as unknown as CountryView;
    const memory = new RestrictionMemory();
    memory.observe(0, at(0.9, 0.96));
    memory.observe(1, at(0.9, 0.96));
    const cut = at(0.7, 0.85);
    memory.observe(2, cut);
    const r = report([{ cause: 'magnets from CHN', amount: -0.05 }]);
    (r as { turn: number }).turn = 2;
    expect(yourChanges(r, 'USA', cut, memory)[0]!.causes[0]).toBe('magnets from China — China’s licence on Dy/Tb oxide (70% let through) and NdFeB magnets (85% let through) to the United States −5.0 percentage points');
    // a turn later it is the cut of turn 2, not of the game's start
    memory.observe(3, cut);
    (r as { turn: number }).turn = 3;
    expect(yourChanges(r, 'USA', cut, memory)[0]!.causes[0]).toMatch(/a delayed effect of China’s licence on Dy\/Tb oxide \(70% let through\) .* \(in force since turn 2\)/);
  });
  it('puts less drawing on inventories down to a restriction only when supply fell (US, turn 2 in the browser: +3.1)', () => {
    const view = { country: 'USA', others: { CHN: { policies: { controls: { USA: { magnet: { level: 'licensed', share: 0.9 } } } } } } } as unknown as CountryView;
    const memory = new RestrictionMemory();
    memory.observe(0, view);
    const rose = yourChanges(report([{ cause: 'inventories', amount: -0.141 }, { cause: 'magnets from JPN', amount: 0.11 }, { cause: 'magnets from CHN', amount: 0.062 }]), 'USA', view, memory);
    expect(rose[0]!.causes[0]).toBe('drawing on magnet inventories −14.1 percentage points');
    const fell = yourChanges(report([{ cause: 'inventories', amount: -0.141 }, { cause: 'magnets from JPN', amount: 0.05 }]), 'USA', view, memory);
    expect(fell[0]!.causes[0]).toMatch(/^drawing on magnet inventories — China’s licence \(90% let through\) on NdFeB magnets to the United States .* −14\.1 percentage points$/);
  });
  it('names the player’s own tariff on the magnets that fell, before the other side’s licence', () => {
    const view = { country: 'JPN', self: { policies: { tariffs: { CHN: { magnets: 500 } } } }, others: { CHN: { policies: { controls: { JPN: { magnet: { level: 'licensed', share: 0.9 } } } } } } } as unknown as CountryView;
    const memory = new RestrictionMemory();
    memory.observe(0, view);
    const [c] = yourChanges(report([{ cause: 'magnets from CHN', amount: -0.3 }]), 'JPN', view, memory);
    expect(c!.causes[0]).toBe('magnets from China — your 500% tariff on magnets from China and China’s licence (90% let through) on NdFeB magnets to Japan (in force since before the game began) −30.0 percentage points');
  });
  it('names the player’s own tariff in the car plants’ want of magnets too (a play-tester’s 25% tariff read as “China’s licence, as above” alone)', () => {
    const view = { country: 'JPN', self: { policies: { tariffs: { CHN: { magnets: 25 } } } }, others: { CHN: { policies: { controls: { JPN: { magnet: { level: 'licensed', share: 0.96 } } } } } } } as unknown as CountryView;
    const memory = new RestrictionMemory();
    memory.observe(0, view);
    const r = report([{ cause: 'magnets from CHN', amount: -0.091 }, { cause: 'inventories', amount: 0.058 }]);
    const headlines = (r as unknown as { headlines: Record<string, Record<string, unknown>> }).headlines;
    headlines.JPN = { ...headlines.JPN, autoProduction: { value: 2_093_712, prev: 2_100_000, change: -6288, causes: [{ cause: 'magnet supply', amount: -14_387 }, { cause: 'car demand', amount: 8099 }] } };
    const changes = yourChanges(r, 'JPN', view, memory);
    const cars = changes.find((c) => c.hd === 'autoProduction')!;
    expect(cars.causes.find((c) => c.includes('−14,387'))).toMatch(/ — your 25% tariff on magnets from China and China’s licence/);
    // under no tariff of the player's (or one under 10%), the restriction alone
    const none = { ...view, self: { policies: { tariffs: { CHN: { magnets: 5 } } } } } as unknown as CountryView;
    expect(yourChanges(r, 'JPN', none, memory).find((c) => c.hd === 'autoProduction')!.causes.find((c) => c.includes('−14,387'))).not.toMatch(/your/);
  });
  it('puts the answer to a deal whose terms name defence spending before its proposer, and does not call it routine (a class: China\'s offer to Japan)', () => {
    const accept = 'JPN accepts D7: CHN offers JPN open exports of magnets for defence spending of at least 1.5% of GDP, for 8 turns.';
    const spend = 'JPN raises defence spending to 1.50% of GDP.';
    const r = report([], [accept, spend]);
    expect(sortNews(r, 'CHN').toYou).toEqual([accept]);
    expect(sortNews(r, 'CHN').others.get('JPN')).toEqual({ lines: [spend], routine: 1 });
    // a third country sees both folded, one of them routine (the whole group read "routine" before)
    expect(sortNews(r, 'USA').others.get('JPN')).toEqual({ lines: [accept, spend], routine: 1 });
  });
  it("says the leaks round the player's own control as one line with every route, in English and Japanese", async () => {
    // a new player's ban on magnets to the US: three lines a turn under "Your moves", one per route, none with the total
    const via = (v: string, x: string) => `JPN finds about ${x} t of its magnets reaching USA through ${v}, round its export controls.`;
    const spend = 'JPN raises defence spending to 2.00% of GDP.';
    const other = 'JPN finds about 3.4 t of its Dy/Tb oxide reaching USA through AUS, round its export controls.';
    const r = report([], [via('AUS', '790'), spend, via('MYS', '790'), other, via('ROW', '814')]);
    const merged = 'JPN finds about 2,394 t of its magnets reaching USA through AUS (790 t), MYS (790 t) and ROW (814 t), round its export controls.';
    expect(mergeLeaks(sortNews(r, 'JPN').yours)).toEqual([merged, spend, other]); // in the place of the first; one route stays as it was
    expect(sortNews(r, 'USA').yours).toEqual([]);
    expect(plainNews(merged)).toBe('Japan finds about 2,394 t of its magnets reaching the United States through Australia (790 t), Malaysia (790 t) and the rest of the world (814 t), round its export controls.');
    await setLang('ja');
    try {
      expect(plainNews(merged)).toBe('日本が、輸出規制をかいくぐりオーストラリア（790 t）、マレーシア（790 t）、その他の世界（814 t）経由で米国に届いた自国のネオジム磁石計約2,394 tを発見。');
    } finally {
      await setLang('en');
    }
  });
  it("adds a route's leaks up over a class round's quarters (a year's round listed each route once a quarter)", () => {
    const via = (v: string, x: string) => `JPN finds about ${x} t of its magnets reaching USA through ${v}, round its export controls.`;
    const dy = (x: string) => `JPN finds about ${x} t of its Dy/Tb oxide reaching USA through AUS, round its export controls.`;
    const round = [via('AUS', '931'), via('MYS', '931'), dy('3.4'), via('AUS', '799'), via('MYS', '805'), dy('3.5')];
    expect(mergeLeaks(round)).toEqual([
      'JPN finds about 3,466 t of its magnets reaching USA through AUS (1,730 t) and MYS (1,736 t), round its export controls.',
      dy('6.9'), // one route in two quarters: the engine's line with their sum
    ]);
    expect(plainNews(mergeLeaks(round)[1]!)).toBe('Japan finds about 6.9 t of its Dy/Tb oxide reaching the United States through Australia, round its export controls.');
  });
  it('tells the country a leak went through (as Australia in persona seed 2, turn 2: the tension it raises shows in its next security ledger)', () => {
    const line = 'CHN finds about 669 t of its magnets reaching USA through JPN, round its export controls.';
    expect(sortNews(report([], [line]), 'JPN').toYou).toEqual([line]);
    expect(sortNews(report([], [line]), 'USA').toYou).toEqual([]);
  });
  it('writes an engine line’s negative figure with a minus sign and “an” before 8%, 11%, 18% and 80-89%', () => {
    expect(plainNews('JPN releases 100 t of NdPr oxide from its stockpile at USD 54/kg (USD 5.4 m back to its budget); stockpile trades this turn moved the price there by -0.1% (from USD 54/kg).')).toBe('Japan releases 100 t of NdPr oxide from its stockpile at USD 54/kg (USD 5.4 m back to its budget); stockpile trades this turn moved the price there by −0.1% (from USD 54/kg).');
    // a clause after a semicolon keeps "the" small, and the possessive of "the United States" is "States’" (it read
    // "Japan breaks deal D9 with the United States; The United States's trust in Japan falls.")
    expect(plainNews("JPN breaks deal D9 with USA; USA's trust in JPN falls.")).toBe('Japan breaks deal D9 with the United States; the United States’ trust in Japan falls.');
    expect(plainNews('A storm hits. USA ports close.')).toBe('A storm hits. The United States ports close.');
    expect(plainNews("JPN's Minamitorishima deep-sea mud programme P4: the trial lift passes; so the 350 t/day pilot has a 88% chance of passing.")).toBe("Japan's Minamitorishima deep-sea mud programme: the trial lift passes; so the 350 t/day pilot has an 88% chance of passing.");
    // a project's id is named nowhere else a player looks (a class asked what "P2" was), so the news drops it
    // and says whose it is: "Mine expansion (Australia)" read as the player's own mine expansion in Australia
    expect(plainNews('Mine expansion P2 (AUS) is complete.')).toBe('Mine expansion (Australia’s) is complete.');
    expect(plainNews('Mine expansion P2 (USA) is complete: 50% of its capacity now, all of it in 4 quarters.')).toBe('Mine expansion (the United States’) is complete: 50% of its capacity now, all of it in 4 quarters.');
    expect(plainNews('Mine expansion P12 (JPN in AUS) slips a quarter (a 5% risk each quarter): 7 quarters left.')).toBe('Mine expansion (Japan’s, in Australia) slips a quarter (a 5% risk each quarter): 7 quarters left.');
    expect(plainNews('NdFeB magnet plant P12 (JPN in AUS) has failed: the money is spent and no capacity comes of it.')).toBe('NdFeB magnet plant (Japan’s, in Australia) has failed: the money is spent and no capacity comes of it.');
    expect(plainNews('a retry has a 8% chance, a 11% chance, a 18.5% chance, a 81% chance; a 78% chance, a 180% rise, 2025-2035, the Lynas-MP deal')).toBe('a retry has an 8% chance, an 11% chance, an 18.5% chance, an 81% chance; a 78% chance, a 180% rise, 2025-2035, the Lynas-MP deal');
  });
  it('says "NdFeB magnet exports", not "NdFeB magnets exports" (Australia’s turn 2 and 3 news; the Deals form and deal terms use stageAttr)', async () => {
    expect(plainNews('CHN reopens magnet exports to AUS, MYS.')).toBe('China reopens NdFeB magnet exports to Australia, Malaysia.');
    expect(plainNews('CHN licenses 80% of the usual magnet exports to AUS, MYS.')).toBe('China licenses NdFeB magnet exports to Australia, Malaysia: 80% of the usual volume.');
    expect(plainNews('CHN bans magnet exports to JPN.')).toBe('China bans NdFeB magnet exports to Japan.');
    expect(plainNews('CHN bans NdPr oxide exports to JPN.')).toBe('China bans NdPr oxide exports to Japan.');
    const { stageAttr } = await import('../src/ui/labels.ts');
    expect(stageAttr('magnet')).toBe('NdFeB magnet');
  });
  it('puts another country’s answer to the player’s own proposal in the player’s news, not folded among its moves', () => {
    const yes = 'JPN accepts D25: USA offers JPN a tariff of at most 5% on other goods for USD 10 bn of investment, for 8 turns.';
    const no = 'JPN rejects D26 from USA: too little.';
    const other = 'JPN accepts D21: AUS offers JPN a tariff of at most 5% on other goods for USD 5 bn of investment, for 8 turns.';
    const r = report([], [yes, no, other]);
    expect(sortNews(r, 'USA').toYou).toEqual([yes, no]);
    expect(sortNews(r, 'USA').others.get('JPN')?.lines).toEqual([other]);
    expect(sortNews(r, 'JPN').yours).toEqual([yes, no, other]);
  });
  it('puts the US-China track in the two powers’ own news, and elsewhere under no country', () => {
    const line = 'US-China track: escalation (was calm): a year of escalation would cost the US USD 57 bn.';
    const r = report([], [line]);
    expect(sortNews(r, 'USA').toYou).toEqual([line]);
    expect(sortNews(r, 'CHN').toYou).toEqual([line]);
    const jpn = sortNews(r, 'JPN');
    expect(jpn.toYou).toEqual([]);
    expect(jpn.others.get('')?.lines).toEqual([line]);
  });
});

describe('the map’s magnet supply figure', () => {
  it('never rounds a shortfall up to 100%, so it agrees with the indicators panel', async () => {
    const { supplyPct } = await import('../src/ui/labels.ts');
    const { formatHeadline } = await import('../src/ui/ledger.ts');
    expect(supplyPct(0.996)).toBe('99.6%');
    // Australia's turn 1 (a new player's game): the indicators panel said 99.5%, the map 99%
    expect(supplyPct(0.99494)).toBe('99.5%');
    expect(formatHeadline('magnetSupplyRatio', 0.99494)).toBe('99.5%');
    expect(supplyPct(0.9634)).toBe('96.3%');
    expect(supplyPct(0.8)).toBe('80%');
    expect(supplyPct(0.9996)).toBe('100%');
    expect(supplyPct(1)).toBe('100%');
    expect(supplyPct(0.92)).toBe('92%');
    expect(supplyPct(1.004)).toBe('100%');
  });
  // a new player read "magnets 95% · short" beside the glossary's "under 95% the map shows it short"
  it('marks a country short only when the figure it shows is under 95% (80% for a crisis)', async () => {
    const { supplyPct } = await import('../src/ui/labels.ts');
    const { strainOf } = await import('../src/render/strain.ts');
    expect([supplyPct(0.94996), strainOf(0.94996)]).toEqual(['95%', 'calm']);
    expect([supplyPct(0.9494), strainOf(0.9494)]).toEqual(['94.9%', 'strained']);
    expect([supplyPct(0.79996), strainOf(0.79996)]).toEqual(['80%', 'strained']);
    expect([supplyPct(0.7994), strainOf(0.7994)]).toEqual(['79.9%', 'crisis']);
  });
});

describe('the full ledger’s amounts', () => {
  it('gives magnet supply’s changes in percentage points, as the story does, and other indicators in their units', async () => {
    const { fmtChange } = await import('../src/ui/story.ts');
    expect(fmtChange('magnetSupplyRatio', -0.072, 'pt')).toBe('−7.2 pp');
    expect(fmtChange('magnetSupplyRatio', 0.0261, 'pt')).toBe('+2.6 pp');
    expect(fmtChange('magnetSupplyRatio', 0.0004, 'pt')).toBe('±0');
    expect(fmtChange('approval', -1.25, 'pt')).toMatch(/^−1\.[23]$/);
  });
});

describe('one formatter of changes, for the story and the ledger', () => {
  it('says the same figures in both, magnet supply in "percentage points" in the story and "pp" in the ledger', async () => {
    const { fmtChange } = await import('../src/ui/story.ts');
    for (const [hd, v, story] of [['magnetSupplyRatio', -0.141, '−14.1 percentage points'], ['autoProduction', -42_193, '−42,193'], ['gdp', 12_345.6, '+12,346'], ['approval', 2.04, '+2.0'], ['security', -0.96, '−1.0']] as const) {
      expect(fmtChange(hd, v)).toBe(story);
      expect(fmtChange(hd, v, 'pt')).toBe(story.replace(' percentage points', ' pp'));
    }
  });
  it('says "±0" for a change that rounds to nothing, never "−0" or "+0.0 points"', async () => {
    const { fmtChange } = await import('../src/ui/story.ts');
    expect(fmtChange('magnetSupplyRatio', -0.0004)).toBe('±0');
    expect(fmtChange('autoProduction', -0.4)).toBe('±0');
    expect(fmtChange('approval', 0.04)).toBe('±0');
  });
});

describe('car output short of magnets', () => {
  /** Turn 1 in the browser as the US: the typhoon cut Japan's magnets, China's licence stood, car output fell. */
  function carReport(magnetCauses: { cause: string; amount: number }[]): TurnReport {
    const r = report(magnetCauses);
    const cars = { value: 2_600_000 - 28_575, prev: 2_600_000, change: -28_575, causes: [{ cause: 'magnet supply', amount: -42_193 }, { cause: 'demand for cars', amount: 13_618 }] };
    (r.headlines as Record<string, Record<string, unknown>>).USA = { ...r.headlines.USA, autoProduction: cars };
    return r;
  }
  const view = { country: 'USA', others: { CHN: { policies: { controls: { USA: { magnet: { level: 'licensed', share: 0.9 } } } } } } } as unknown as CountryView;
  it('is put down to a restriction only when the magnets missing came mostly from the restricting country', () => {
    const memory = new RestrictionMemory();
    memory.observe(0, view);
    const fromJapan = yourChanges(carReport([{ cause: 'magnets from JPN', amount: -0.072 }, { cause: 'inventories', amount: 0.026 }, { cause: 'magnets from CHN', amount: -0.013 }]), 'USA', view, memory).find((c) => c.hd === 'autoProduction')!;
    expect(fromJapan.causes[0]).toBe('magnets available to car plants — mostly fewer magnets from Japan −42,193');
    const box = yourChanges(carReport([{ cause: 'magnets from CHN', amount: -0.06 }, { cause: 'magnets from JPN', amount: -0.01 }]), 'USA', view, memory);
    const fromChina = box.find((c) => c.hd === 'autoProduction')!;
    // the licence is said in full once in the box (here under magnet supply, the larger change, first), then short
    expect(box[0]!.hd).toBe('magnetSupplyRatio');
    expect(fromChina.causes[0]).toBe('magnets available to car plants — China’s licence, as above −42,193');
    const full = /China’s licence \(90% let through\) on NdFeB magnets to the United States/g;
    expect(box.flatMap((c) => c.causes).join('\n').match(full)).toHaveLength(1);
  });
});

describe('the security ledger’s causes in words', () => {
  /** AUS, persona, seed 2, turn 3 (tests/security-ledger.test.ts), and China's tariff as seen from either side. */
  function securityReport(me: 'USA' | 'JPN' | 'AUS', causes: { cause: string; amount: number }[]): TurnReport {
    const r = report([]);
    const change = causes.reduce((a, c) => a + c.amount, 0);
    (r.headlines as Record<string, Record<string, unknown>>)[me] = { ...r.headlines.USA, magnetSupplyRatio: { value: 1, prev: 1, change: 0, causes: [] }, security: { value: 50 + change, prev: 50, change, causes } };
    return r;
  }
  it('names the rival, who moved, and "your" for the player’s own move, in English and Japanese', async () => {
    const { setLang } = await import('../src/ui/i18n.ts');
    const { causeName } = await import('../src/ui/labels.ts');
    const aus = yourChanges(securityReport('AUS', [{ cause: 'tension with CHN: leaks found last turn', amount: -2.107 }, { cause: 'tension with CHN: settling', amount: 0.5656 }, { cause: "allies' commitment (trust)", amount: -0.3497 }]), 'AUS', null, null)[0]!;
    // (the third cause, beyond the two named, is said as the rest: the line adds up to the change shown, 50.0 → 48.1,
    // −1.9, with the causes as the why ledger rounds them to add up: −2.1, +0.6, −0.4; it said −0.3, which left 0.1 out)
    expect(aus.causes).toEqual(['tension with China (leaks found last quarter) −2.1', 'tension with China (still catching up with earlier moves) +0.6', 'other causes −0.4']);
    const tariffs = { cause: 'tension with CHN: tariffs by USA', amount: -0.8 };
    expect(yourChanges(securityReport('USA', [tariffs]), 'USA', null, null)[0]!.causes).toEqual(['tension with China (your tariffs) −0.8']);
    expect(causeName(tariffs.cause, 'JPN')).toBe('tension with China (the United States’ tariffs)');
    expect(causeName('tension with USA: export controls by CHN', 'CHN')).toBe('tension with the United States (your export controls)');
    expect(causeName("rivals' capability")).toBe('rivals’ defence capability');
    // a leak, by whose goods went through whom (the security ledger names each leak found by its pair)
    const leak = "tension with USA: leaks of CHN's goods through USA found last turn";
    expect(causeName(leak, 'CHN')).toBe('tension with the United States (leak found last quarter: your controlled goods through the United States)');
    expect(causeName("tension with CHN: leaks of CHN's goods through AUS found last turn", 'AUS')).toBe('tension with China (leak found last quarter: China’s controlled goods through Australia)');
    try {
      await setLang('ja');
      expect(causeName(tariffs.cause, 'USA')).toBe('中国との緊張（自国の関税）');
      expect(causeName(tariffs.cause, 'JPN')).toBe('中国との緊張（米国の関税）');
      expect(causeName('tension with CHN: leaks found last turn', 'AUS')).toBe('中国との緊張（前期に発覚した迂回輸出）');
      expect(causeName(leak, 'CHN')).toBe('米国との緊張（前期に発覚した迂回輸出：米国経由の自国の規制品）');
      expect(causeName("tension with CHN: leaks of CHN's goods through AUS found last turn", 'AUS')).toBe('中国との緊張（前期に発覚した迂回輸出：オーストラリア経由の中国の規制品）');
      for (const k of ['settling', 'deals', 'events', 'broken deal', 'limit']) expect(causeName(`tension with CHN: ${k}`, 'AUS')).toMatch(/^中国との緊張（[^a-z]+）$/);
      for (const k of ['defense build-up by CHN', "allies' commitment (trust)", "rivals' capability", 'leaks found last turn']) expect(causeName(k.includes(' by ') ? `tension with USA: ${k}` : k, 'USA')).not.toMatch(/[a-z]/);
    } finally {
      await setLang('en');
    }
  });
});

describe('a deal in the Deals tab', () => {
  it('is in force "for the rest of the game" when its term runs past the last turn, in both languages', async () => {
    const { setLang } = await import('../src/ui/i18n.ts');
    const { dealStatus } = await import('../src/ui/labels.ts');
    await setLang('en');
    // not "its term runs to turn 14" in an 8-turn game, a turn that never comes: the game's last turn is named instead
    expect(dealStatus('active', 14, 8)).toBe('active for the rest of the game (its term runs past the game’s last turn, turn 8)');
    expect(dealStatus('active', 14, 40)).toBe('active until turn 14');
    expect(dealStatus('active', 8, 8)).toBe('active until turn 8');
    expect(dealStatus('expired', 6, 8)).toBe('expired');
    expect(dealStatus('active', 14, 8)).not.toContain('14');
    await setLang('ja');
    expect(dealStatus('active', 14, 8)).toBe('ゲーム終了（ターン 8）まで有効（期間は最終ターンを越えます）');
    expect(dealStatus('active', 14, 8)).not.toContain('14');
    await setLang('en');
  });
});

// A play-tester's Japan: her turn-2 digest listed the deep-sea pilot starting (USD 0.4 bn from her budget) under "Your
// moves", though she never ordered it: the programme's next stage starts by itself once the trial passes. A project's
// own steps (a stage passed or failed and the next started, a project complete or failed, lifting suspended) are the
// programme's, said apart from the player's orders, in single player and in a class alike (the same digest).
describe("a project's own steps", () => {
  const pilot = "JPN's deep-sea mud programme P3: the 100 t/day trial passes (3 of 4 reads good, 3 needed; its chance was 61%); estimated performance 66% of the best case (was 60%), so the 350 t/day pilot has a 58% chance of passing; the 350 t/day pilot starts: USD 0.40 bn from the budget, 4 quarters.";
  const news = [
    'JPN starts magnet recycling (1 unit, USD 0.30 bn, 4 quarters).',
    pilot,
    'Magnet recycling P7 (JPN) is complete.',
    "JPN's deep-sea mud lifting is suspended for 2 turns: environmental monitoring finds damage.",
    'JPN raises its tariff on CHN magnets to 25%.',
    'Magnet recycling P8 (USA) is complete.',
  ];
  it('are not listed as the player’s moves, but as the programme’s steps', () => {
    const s = sortNews(report([], news), 'JPN');
    expect(s.yours).toEqual([news[0], news[4]]);
    expect(s.steps).toEqual([news[1], news[2], news[3]]);
    // another country's: among its moves, as before
    expect(s.others.get('USA')?.lines).toEqual([news[5]]);
  });
});

// A walkthrough's digest said "car output +88,364" in its box and, under a typhoon, "rose by 88,363" with causes
// rounded on their own: the note says the change and causes as the box does (the shown figures' change, the causes
// rounded to add up to it)
describe("an event's note on car output that still rose", () => {
  it('says the change the box says, its causes adding up to it', () => {
    const r = report([]);
    const cars = { value: 2_088_363.6, prev: 2_000_000.2, change: 88_363.4, causes: [{ cause: 'demand for cars', amount: 89_426.6 }, { cause: 'magnets available to car plants', amount: -1_063.2 }] };
    r.headlines.JPN = { ...r.headlines.JPN, autoProduction: cars } as TurnReport['headlines']['JPN'];
    (r as { events: unknown[] }).events = [{ id: 'typhoon-japan-port', title: 'Typhoon shuts Japanese ports', text: 'A powerful typhoon closes ports and halts factories across central Japan.' }];
    const note = sortNews(r, 'JPN').events[0]!.note!;
    // 2,088,364 - 2,000,000 as shown: 88,364; the causes +89,427 and -1,063 add up to it
    expect(note).toContain('88,364');
    expect(note).toContain('+89,427');
    expect(note).toContain('−1,063');
    expect(note).not.toContain('88,363');
  });
});
