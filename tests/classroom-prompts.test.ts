// The debrief's discussion prompts say what the price and supply paths did: a price that never rose above its start is
// not said to have "risen to" it, and a supply at its lowest in the first round is not said to have "fallen".
import { describe, expect, it } from 'vitest';
import { COUNTRIES, type CountryId } from '../engine/index.ts';
import { discussionPrompts } from '../src/server/prompts.ts';
import type { ClassRoom } from '../src/server/classroom.ts';
import type { WorldSeries } from '../src/server/debrief.ts';

const per = (v: number[]) => Object.fromEntries(COUNTRIES.map((c) => [c, v])) as Record<CountryId, number[]>;
const world = (index: number, dytb: number[], jpn: number[]): WorldSeries => ({
  index,
  seed: 1,
  dates: ['2025Q4', '2026Q1', '2026Q2'].slice(0, dytb.length),
  ndpr: dytb.map(() => 56),
  dytb,
  magnet: dytb.map(() => 70),
  scores: per(dytb.map(() => 0)),
  magnetSupply: { ...per(dytb.map(() => 1)), JPN: jpn },
  gdp: per(dytb.map(() => 4000)),
  events: [],
  botTurns: per([]) as unknown as Record<CountryId, number>,
});
const cls = (n: number, status = 'ended') => ({ status, worlds: Array.from({ length: n }, () => ({ orders: [], reports: [] })), seats: Array.from({ length: n }, () => COUNTRIES.map((c) => ({ country: c, students: [] }))), k: 1 }) as unknown as ClassRoom;
const botFree = (w: WorldSeries) => ({ ...w, botTurns: Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number> });

describe('discussion prompts', () => {
  // a teacher's class read "rose to $959/kg, from $662 in 2025Q4" where the students had seen $377 before the first
  // round: the path starts before it (debrief.ts start), the first round's jump in it
  it('a Dy/Tb price is said from before the first round, where the debrief has it', () => {
    const w = { ...botFree(world(0, [662, 959, 900], [0.64, 0.6, 0.62])), start: { date: '2025Q3', ndpr: 56, dytb: 377, magnet: 70, magnetSupply: Object.fromEntries(COUNTRIES.map((c) => [c, 0.996])) as Record<CountryId, number> } };
    expect(discussionPrompts(cls(1), [w]).find((p) => p.startsWith('Dy/Tb'))).toBe('Dy/Tb oxide outside China rose to $959/kg in 2026Q1, from $377 in 2025Q3, and ended at $900/kg in 2026Q2. Could any country have changed that, and who paid for it?');
  });

  // and Japan's supply from there: "was 64% of need from the first round" sat beside a chart from 99.6%
  it("Japan's magnet supply is said to have fallen from before the first round, where the debrief has it", () => {
    const w = { ...botFree(world(0, [415, 415, 415], [0.62, 0.63, 0.64])), start: { date: '2025Q3', ndpr: 56, dytb: 415, magnet: 70, magnetSupply: Object.fromEntries(COUNTRIES.map((c) => [c, 0.996])) as Record<CountryId, number> } };
    expect(discussionPrompts(cls(1), [w]).find((p) => p.startsWith("Japan's magnet"))).toBe("Japan's magnet supply fell as low as 62% of need. What could it have done earlier?");
    // without it, at its lowest in the first round: short from the start
    expect(discussionPrompts(cls(1), [botFree(world(0, [415, 415, 415], [0.62, 0.63, 0.64]))]).find((p) => p.startsWith("Japan's magnet"))).toMatch(/was 62% of need from the first round/);
  });

  it('a Dy/Tb price that rose, held or fell is said so', () => {
    const say = (dytb: number[]) => discussionPrompts(cls(1), [botFree(world(0, dytb, dytb.map(() => 0.98)))]).find((p) => p.startsWith('Dy/Tb'));
    expect(say([415, 471, 526])).toBe('Dy/Tb oxide outside China rose to $526/kg, from $415 in 2025Q4. Could any country have changed that, and who paid for it?');
    // one round played: no path to speak of ("rose to $415/kg, from $415" before, then "stayed at about $415/kg from
    // 2025Q4" beside a chart of one dot)
    expect(say([415])).toBeUndefined();
    expect(say([415, 415])).toBe('Dy/Tb oxide outside China stayed at about $415/kg from 2025Q4. Could any country have changed that, and who gained from it?');
    expect(say([415, 400, 380])).toBe('Dy/Tb oxide outside China fell to $380/kg, from $415 in 2025Q4. Could any country have changed that, and who gained from it?');
    // a peak the price fell well back from (a teacher's class read "rose to $928/kg" beside the $557 the projector ended
    // on): dated, and the end said; a price within 3% of its peak at the end is said as before
    expect(say([415, 928, 557])).toBe('Dy/Tb oxide outside China rose to $928/kg in 2026Q1, from $415 in 2025Q4, and ended at $557/kg in 2026Q2. Could any country have changed that, and who paid for it?');
    expect(say([415, 928, 910])).toBe('Dy/Tb oxide outside China rose to $928/kg, from $415 in 2025Q4. Could any country have changed that, and who paid for it?');
  });

  // a reviewer's class: "rose to $583/kg ... Could any country have changed that?" beside a chart whose status-quo line
  // lay on the class's: set against the status-quo path, a rise the class did not cause is said to be one
  it('a Dy/Tb price path is set against the status quo: the same rise is said to have come anyway, another asks what made the difference', () => {
    const say = (dytb: number[], base: number[]) => discussionPrompts(cls(1), [botFree(world(0, dytb, dytb.map(() => 0.98)))], { dytb: base }).find((p) => p.startsWith('Dy/Tb'));
    expect(say([415, 471, 526], [415, 470, 520])).toBe('Dy/Tb oxide outside China rose to $526/kg, from $415 in 2025Q4, as it would have with every country keeping its policies ($520/kg). What drove it, if not the players, and who paid for it?');
    expect(say([415, 471, 583], [415, 440, 480])).toBe('Dy/Tb oxide outside China rose to $583/kg, from $415 in 2025Q4; with every country keeping its policies it would have peaked at $480/kg. Which decisions made the difference, and who paid for it?');
    expect(say([415, 400, 380], [415, 400, 300])).toBe('Dy/Tb oxide outside China fell to $380/kg, from $415 in 2025Q4; with every country keeping its policies it would have ended at $300/kg. Which decisions made the difference, and who gained from it?');
    expect(say([415, 400, 380], [415, 400, 379])).toMatch(/^Dy\/Tb oxide outside China fell to \$380\/kg, from \$415 in 2025Q4, as it would have with every country keeping its policies \(\$379\/kg\)\./);
    // worlds from different seeds: world 1's status quo is not theirs, so nothing is set against it
    const w2 = { ...botFree(world(1, [415, 471, 526], [0.98, 0.98, 0.98])), seed: 2 };
    expect(discussionPrompts(cls(2), [botFree(world(0, [415, 471, 526], [0.98, 0.98, 0.98])), w2], { dytb: [415, 440, 480] }).find((p) => p.startsWith('Dy/Tb'))).toBe('Dy/Tb oxide outside China rose to $526/kg in every world, whatever the players did, from $415 in 2025Q4. Could any country have changed that, and who paid for it?');
    // a price that held has nothing to set against
    expect(say([415, 415], [415, 415])).toBe('Dy/Tb oxide outside China stayed at about $415/kg from 2025Q4. Could any country have changed that, and who gained from it?');
  });

  it('a class with fewer than three prompts gets the best and the worst score of its world', () => {
    const w = botFree(world(0, [415, 415], [1, 1]));
    w.scores = { ...w.scores, JPN: [0, 0.41], CHN: [0, -0.3] };
    const all = discussionPrompts(cls(1), [w], { dytb: [415, 415] });
    expect(all).toContain('Japan ended with the best score (+0.41) and China with the worst (−0.30). What did Japan do that China did not, and could China have done it?');
    expect(all.length).toBe(2);
  });

  it('Japan\'s magnet supply "fell as low as" only when it fell', () => {
    const say = (jpn: number[]) => discussionPrompts(cls(1), [botFree(world(0, jpn.map(() => 415), jpn))]).find((p) => p.startsWith("Japan's magnet"));
    // (a class of one world: no world named, "in world 1" said nothing)
    expect(say([0.977, 0.966, 0.956])).toBe("Japan's magnet supply fell as low as 95.6% of need. What could it have done earlier?");
    expect(say([0.977, 0.977])).toBe("Japan's magnet supply was 97.7% of need from the first round. What could it have done about it?");
    expect(say([0.977])).toBeUndefined(); // one round: "from the first round" said of the only one
    expect(say([1, 1])).toBeUndefined();
  });

  // a reviewer's class: "Australia ended with the best score (+0.01)", Australia and Malaysia tied, both bots all game
  it('the best and the worst score are among the seats students played, and only clear ones', () => {
    const w = botFree(world(0, [415, 415], [1, 1]));
    w.scores = { ...w.scores, AUS: [0, 0.01], MYS: [0, 0.01], JPN: [0, -0.44], CHN: [0, -0.1], USA: [0, -0.2] };
    w.botTurns = { ...w.botTurns, AUS: 2, MYS: 2 };
    expect(discussionPrompts(cls(1), [w]).find((p) => p.includes('best score'))).toBe('China ended with the best score (−0.10) and Japan with the worst (−0.44). What did China do that Japan did not, and could Japan have done it?');
    // while the class plays, the best score so far (a class's debrief opened after one round said "ended with")
    expect(discussionPrompts(cls(1, 'running'), [w]).find((p) => p.includes('best score'))).toBe('China has the best score so far (−0.10) and Japan the worst (−0.44). What did China do that Japan did not, and could Japan have done it?');
    // clear as shown: +0.004 and −0.002 both read ±0.00, so neither is the best (it said "China ended with the best
    // score (±0.00)" beside Japan's ±0.00)
    w.scores = { ...w.scores, CHN: [0, 0.004], JPN: [0, -0.002], USA: [0, -0.3] };
    expect(discussionPrompts(cls(1), [w]).find((p) => p.includes('best score'))).toBeUndefined();
    w.scores = { ...w.scores, CHN: [0, -0.2], JPN: [0, -0.44], USA: [0, -0.2] }; // China and the US tied at the top of the students' seats
    expect(discussionPrompts(cls(1), [w]).find((p) => p.includes('best score'))).toBeUndefined();
  });
});

describe('the first export ban', () => {
  // China bans magnets to Japan in world 1's second turn
  const banned = (n: number) => {
    const k = cls(n);
    k.worlds.forEach((w, i) => Object.assign(w, { orders: [{}, i === 0 ? { CHN: { exportControls: { JPN: { magnet: 'banned' } } } } : {}], reports: [{ date: '2025Q4' }, { date: '2026Q1' }] }));
    return discussionPrompts(k, Array.from({ length: n }, (_, i) => botFree(world(i, [415, 415], [1, 1])))).find((p) => /banned/.test(p));
  };
  it('in a class of one world asks how the country hit answered (it said "Compare Japan\'s answers in world 1")', () => {
    expect(banned(1)).toBe('China banned magnets to Japan in 2026Q1. How did Japan answer, and what did the ban cost each side?');
  });
  it('in a class of several worlds compares them', () => {
    expect(banned(2)).toBe("World 1's China banned magnets to Japan in 2026Q1. Compare Japan's answers in world 1 and world 2.");
  });
});

describe('the page words them as the server does', () => {
  it('naming a world only in a class of several', async () => {
    const { installFakeDom } = await import('./fake-dom.ts');
    installFakeDom();
    (globalThis as { location?: unknown }).location = { search: '', pathname: '/class.html', hash: '', origin: 'http://127.0.0.1' };
    const { promptText } = await import('../src/classroom/prompt-text.ts');
    const k = cls(1);
    Object.assign(k.worlds[0], { orders: [{ CHN: { exportControls: { JPN: { magnet: 'banned' } } } }], reports: [{ date: '2025Q4' }] });
    const { promptItems } = await import('../src/server/prompts.ts');
    const one = promptItems(k, [world(0, [415, 415, 415], [0.977, 0.966, 0.956])]); // a bot-free world would say no bot prompt
    const plain = (x: string) => x.replace(/’/g, "'").replace(/NdFeB magnets/g, 'magnets');
    expect(one.map((p) => plain(promptText(p)))).toEqual(one.map((p) => p.text));
    expect(one.map((p) => p.key)).toEqual(['banAnswerOne', 'stayed', 'magnetFell']);
    expect(one.map((p) => p.text).join('\n')).not.toMatch(/world 1/);
    const base = promptItems(k, [world(0, [415, 471, 526], [0.977, 0.966, 0.956])], { dytb: [415, 440, 480] });
    expect(base.map((p) => plain(promptText(p)))).toEqual(base.map((p) => p.text));
    expect(base.map((p) => p.key)).toContain('roseBase');
    const scored = { ...world(0, [415, 415], [1, 1]), botTurns: Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number> };
    scored.scores = { ...scored.scores, USA: [0, 1.25], MYS: [0, -0.5] };
    const best = promptItems(cls(1), [scored]);
    expect(best.map((p) => p.key)).toContain('bestWorst');
    expect(best.map((p) => plain(promptText(p)))).toEqual(best.map((p) => p.text));
    const back = promptItems(k, [world(0, [415, 928, 557], [0.977, 0.966, 0.956])], { dytb: [415, 440, 480] });
    expect(back.map((p) => plain(promptText(p)))).toEqual(back.map((p) => p.text));
    expect(back.find((p) => p.key === 'roseBase')!.text).toMatch(/rose to \$928\/kg in 2026Q1, from \$415 in 2025Q4, and ended at \$557\/kg in 2026Q2; with every/);
        const two = promptItems(cls(2), [world(0, [415], [0.97]), world(1, [415], [0.98])]);
    expect(two.map((p) => plain(promptText(p)))).toEqual(two.map((p) => p.text));
  });
});

describe('the classroom pages name countries, not codes', () => {
  it('lists the countries a round waits for by name', async () => {
    const { countryList } = await import('../src/classroom/names.ts');
    expect(countryList(['CHN', 'JPN', 'USA'])).toBe('China, Japan and the United States');
    expect(countryList(['MYS', 'AUS'])).toBe('Malaysia and Australia');
    expect(countryList(['USA'])).toBe('the United States');
    expect(countryList([])).toBe('');
  });

  // a walkthrough's debrief asked which decisions gave Japan +0.12 in world 2 and -0.02 in world 1, while its seat
  // table said "no orders" for world 2's Japan, a bot's for 4 of its 12 quarters: the prompt says the bot played
  it('says a bot played the seat in the world where it did, when asking what made the difference', async () => {
    const scored = (index: number, jpn: number, bots: number) => {
      const w = botFree(world(index, [415, 420, 425], [0.98, 0.98, 0.98]));
      return { ...w, scores: { ...w.scores, JPN: [0, 0, jpn] }, botTurns: { ...w.botTurns, JPN: bots } };
    };
    // students play every seat (cls() seats none)
    const seated = () => Object.assign(cls(2), { seats: [0, 1].map(() => COUNTRIES.map((c) => ({ country: c, students: ['s'] }))) }) as unknown as ClassRoom;
    const differ = (ws: WorldSeries[], k = seated()) => discussionPrompts(k, ws).find((p) => p.startsWith('Japan'));
    expect(differ([scored(0, -0.02, 0), scored(1, 0.12, 2)])).toBe("Japan scored +0.12 in world 2 and −0.02 in world 1, from the same start, a bot playing 2 of its 3 quarters in world 2. Which decisions made the difference, the students' or the bot's?");
    expect(differ([scored(0, -0.02, 0), scored(1, 0.12, 0)])).toBe('Japan scored +0.12 in world 2 and −0.02 in world 1, from the same start. Which decisions made the difference?');
    // a seat no student plays is a bot's throughout: "the students' or the bot's" would name nobody (a review)
    expect(differ([scored(0, -0.02, 3), scored(1, 0.12, 3)], cls(2))).toBe('Japan scored +0.12 in world 2 and −0.02 in world 1, from the same start. Which decisions made the difference?');
    // the page words it from the key and values, as the server does in English
    const { promptItems } = await import('../src/server/prompts.ts');
    const item = promptItems(seated(), [scored(0, -0.02, 0), scored(1, 0.12, 2)]).find((p) => p.key === 'differBot')!;
    expect(item.v).toMatchObject({ who: 'JPN', n: 2, of: 3, world: 2, hiWorld: 2, loWorld: 1 });
  });
});

