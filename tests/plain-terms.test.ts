// The digest's truce lines in plain words for students: the engine's "Nash terms" and "US hand" (engine/leverage.ts
// whyLine(), agents/truce.ts) read as "fair terms" and the costs, in English (plain-terms.ts) and in Japanese (the news
// readers), the same figures in both.
import { afterAll, describe, expect, it } from 'vitest';
import { whyLine } from '../engine/leverage.ts';
import { plainTerms } from '../src/ui/plain-terms.ts';
import { plainNews } from '../src/ui/story-news.ts';
import { dealWhyJa } from '../src/ui/deal-news.ts';
import { projectNewsJa } from '../src/ui/project-news.ts';
import { setLang } from '../src/ui/i18n.ts';
import { briefingLineJa } from '../src/ui/briefing-ja.ts';
import { SessionCore } from '../src/session/core.ts';
import { loadContent } from '../src/content/load.ts';

const reading = { phase: 'truce' as const, usFromChina: 0.4, usFromJapan: 0.05, usCost: 12.3, chinaCost: 30.1, usHand: -0.1, concession: 15 };
const track = (r: typeof reading) => `US-China track: truce (was escalation): ${whyLine(r)}.`;
const near = 'CHN accepts D3: USA offers CHN a tariff of at most 25% on other goods for open exports of magnets, for 4 turns (near the Nash terms (a cap of 25%): escalation would cost the US USD 12 bn a year and China USD 30 bn; US hand 0.42).';
const far = 'CHN rejects D4 from USA: a cap of 40% is too little relief; the Nash terms are 25% (US hand -0.10); counter-offer at 25%.';

describe("the truce's terms in plain words", () => {
  afterAll(() => setLang('en'));

  it('English: fair terms and the costs, no "Nash terms" or "US hand"', async () => {
    await setLang('en');
    const say = (l: string) => plainTerms(plainNews(l));
    expect(say(track(reading))).toBe('US-China track: truce (was escalation): a year of escalation would cost the US USD 12 bn (40% of the rare earths it buys were mined in China, wherever refined or made into magnets; 5% are made in Japan from ore mined elsewhere) and China USD 30 bn of exports to the US; China has less to lose, so fair terms for a truce (sharing the gain of peace evenly) have the US cut its tariff on Chinese goods by 15 points.');
    expect(say(track({ ...reading, usHand: 0.2, concession: 0 }))).toMatch(/; the US has less to lose, so fair terms for a truce \(sharing the gain of peace evenly\) ask no tariff cut of the US\.$/);
    expect(say(near)).toMatch(/ for 4 turns \(close to fair terms \(a tariff cap of 25%\): a year of escalation would cost the US USD 12 bn and China USD 30 bn\)\.$/);
    expect(say(far)).toBe('China rejects deal D4 from the United States: a cap of 40% is too little relief; fair terms are a cap of 25%, so it offers 25%.');
    for (const l of [track(reading), near, far]) expect(say(l)).not.toMatch(/Nash|US hand/);
    // the US hand's move: what the US would lose against China's loss, not the index (the US's own loss alone can stay
    // the same, USD 23 bn -> USD 23 bn, while China's falls: "the US would lose more than before" then read false)
    const hand = "The US's hand with China strengthens (+0.02 -> +0.07): US rare earths from China 40% -> 35%, so a squeeze would cost the US USD 64 bn -> USD 57 bn a year; China's exports at stake USD 66 bn -> USD 66 bn.";
    // (with arrows, not the engine's ASCII "->"); the share said as what it is, the US's purchases traced to where they
    // were mined, not its imports by seller (the briefing's figure: a player read 44% here against the briefing's 36%)
    expect(say(hand)).toBe('A squeeze by China would now hurt the US less, set against what it would cost China: rare earths the US buys that were mined in China 40% → 35%, so a squeeze would cost the US USD 64 bn → USD 57 bn a year; China\'s exports at stake USD 66 bn → USD 66 bn.');
    expect(say(hand.replace('strengthens (+0.02 -> +0.07)', 'weakens (-0.02 -> -0.07)'))).toMatch(/^A squeeze by China would now hurt the US more, set against what it would cost China: /);
    // any other line as plainNews says it
    expect(plainTerms('Japan raises defence spending to 1.5% of GDP.')).toBe('Japan raises defence spending to 1.5% of GDP.');
  });

  it('Japanese: the same, in the news readers', async () => {
    await setLang('ja');
    expect(projectNewsJa(track(reading))).toBe('米中関係：休戦（以前は対立激化）。対立が1年続けば、米国は120億ドル（米国が買うレアアースの40%は精製や磁石加工の場所を問わず中国で採掘されたもの、5%は中国以外の鉱石から日本で作られたもの）、中国は対米輸出300億ドルを失う。中国の方が失うものが少ないため、休戦の公平な条件（平和の利益を均等に分ける）は米国に中国製品への関税を15ポイント下げるよう求める。');
    expect(dealWhyJa('near the Nash terms (a cap of 25%): escalation would cost the US USD 12 bn a year and China USD 30 bn; US hand 0.42')).toBe('公平な条件（関税上限25%）に近い：対立が1年続けば米国は120億ドル、中国は300億ドルを失う');
    for (const l of [track(reading), track({ ...reading, usHand: 0.2, concession: 0 })]) expect(projectNewsJa(l)).not.toMatch(/ナッシュ|交渉力/);
    expect(projectNewsJa("The US's hand with China strengthens (+0.02 -> +0.07): US rare earths from China 40% -> 35%, so a squeeze would cost the US USD 64 bn -> USD 57 bn a year; China's exports at stake USD 66 bn -> USD 66 bn.")).toMatch(/^中国による締め付けは、中国自身が失うものと比べて、米国により小さな打撃となる：米国が買うレアアースのうち中国で採掘されたものの割合 40% → 35%。/);
  });
});

describe("the US's share from China, said as what it measures", () => {
  it('with the share of Japan: both parts, and the briefing says its own figure is of imports by seller', async () => {
    await setLang('en');
    const hand = "The US's hand with China weakens (-0.02 -> -0.10): US rare earths from China 45% -> 50%, from Japan 38% -> 33%, so a squeeze would cost the US USD 69 bn -> USD 81 bn a year; China's exports at stake USD 66 bn -> USD 66 bn.";
    expect(plainTerms(hand)).toContain(': rare earths the US buys that were mined in China 45% → 50%, made in Japan from ore mined elsewhere 38% → 33%, so a squeeze');
    const s = new SessionCore(loadContent('rare-earth-gambit'));
    expect(s.briefing('USA').situation.join('\n')).toMatch(/ \d+% of its rare-earth imports, in tonnes, come straight from China\./);
    await setLang('ja');
    expect(briefingLineJa(s.briefing('USA').situation.find((l) => l.startsWith('Rare earths:'))!, 'USA')).toMatch(/レアアース輸入（トン数）の\d+%が中国から直接。$/);
  });
});
