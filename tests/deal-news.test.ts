// The digest's deal lines in Japanese: every deal line the engine writes (proposals with each kind of commitment,
// answers with the agents' reasons, breaches, terms run) reads in Japanese, with no English phrase left over.
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRIES, createGame, resolveTurn, type GameState, type Orders } from '../engine/index.ts';
import { dealNewsJa, dealWhyJa } from '../src/ui/deal-news.ts';
import { plainNews } from '../src/ui/story-news.ts';
import { setLang } from '../src/ui/i18n.ts';
import { content } from './helpers.ts';

/** English words of three letters or more, beyond the names that stay as they are (deal ids, NdPr, Dy/Tb, GDP). */
const english = (s: string) => (s.replace(/\bD\d+\b|NdPr|Dy\/Tb|GDP/g, '').match(/[A-Za-z]{3,}/g) ?? []);

function dealLines(): string[] {
  const news: string[] = [];
  let s: GameState = createGame(content, 3);
  const turn = (o: Orders) => {
    const r = resolveTurn(content, s, o, { ledger: false });
    news.push(...r.report.news);
    s = r.state;
  };
  // Japan offers the US every kind of commitment, twice (one to accept, one to reject)
  const give = [
    { type: 'investment' as const, usdBn: 1.5 },
    { type: 'offtake' as const, stage: 'oxide.light' as const, share: 0.3 },
    { type: 'openExports' as const, stage: 'magnet' as const },
  ];
  const get = [
    { type: 'tariffCap' as const, good: 'autos' as const, max: 10 },
    { type: 'defenseFloor' as const, minPct: s.regions.USA.policies.defensePct },
  ];
  const cut = Math.round((s.regions.USA.policies.defensePct - 0.2) * 10) / 10;
  turn({ JPN: { deals: { propose: [{ to: 'USA', give, get, termTurns: 2 }, { to: 'USA', give: [], get: [{ type: 'tariffCap', good: 'other', max: 0 }], termTurns: 4 }] } } });
  const [a, b] = s.deals.filter((d) => d.status === 'proposed').map((d) => d.id);
  turn({ USA: { deals: { accept: [a!], reject: [b!], why: { [a!]: 'valued at +0.12 points over 8 turns (calm 0.10, under Chinese coercion 0.20)', [b!]: 'valued at -0.30 points over 8 turns (calm -0.20, under Chinese coercion -0.60): too little for what it asks; counter-offer: a cap of 15% instead, no cut from the present 15% (valued at +0.0008)' } } } });
  // the US cuts defence below the floor it promised: a breach, and trust falls
  turn({ USA: { defenseSpendingPct: cut } });
  // a deal that runs its term: Japan proposes, the US accepts, two turns pass
  turn({ JPN: { deals: { propose: [{ to: 'USA', give: [{ type: 'investment', usdBn: 0.5 }], get: [], termTurns: 1 }] } } });
  const c = s.deals.find((d) => d.status === 'proposed')!.id;
  turn({ USA: { deals: { accept: [c] } } });
  for (let i = 0; i < 3; i++) turn({});
  return news.filter((n) => /\bD\d+\b/.test(n));
}

describe('deal news in Japanese', () => {
  afterAll(() => setLang('en'));

  it('reads every deal line the engine writes, with nothing left in English', async () => {
    const lines = dealLines();
    // the script above meets each kind of line
    for (const kind of [/ proposes /, / accepts /, / rejects /, /, which its deal D\d+ forbids\.$/, / breaks deal /, /has run its term/]) expect(lines.some((l) => kind.test(l)), `${kind}\n${lines.join('\n')}`).toBe(true);
    await setLang('ja');
    for (const l of lines) { if (process.env.SHOW_DEALS) console.log(l, "\n  ->", dealNewsJa(l));
      const ja = dealNewsJa(l);
      expect(ja, l).not.toBeNull();
      expect(english(ja!), `${l}\n-> ${ja}`).toEqual([]);
      expect(plainNews(l)).toBe(ja); // the digest uses it
    }
    const proposal = lines.find((l) => l.includes(' proposes ') && l.includes('USD 1.5 bn'))!;
    expect(dealNewsJa(proposal)).toMatch(/^日本が米国に協定D\d+を提案：日本は米国に15億ドルの投資、NdPr酸化物生産の30%、ネオジム磁石の輸出開放を提供し、見返りに自動車の関税上限10%、GDP比[\d.]+%以上の防衛費を求める（2ターン）。$/);
    const refusal = lines.find((l) => l.includes(' rejects '))!;
    expect(dealNewsJa(refusal)).toMatch(/^米国が日本からの協定D\d+を拒否：8ターン先までの評価 −0\.30点（平時 −0\.20、中国の威圧下 −0\.60）：求めるものに対して得るものが少ない；対案：代わりに上限15%（現行の15%からの引き下げなし）（評価 \+0\.0008）。$/);
  });

  it('says the truce agent’s reasons in Japanese (agents/truce.ts)', async () => {
    await setLang('ja');
    const near = dealWhyJa('near the Nash terms (a cap of 25%): escalation would cost the US USD 12 bn a year and China USD 30 bn; US hand 0.42');
    expect(near).toBe('公平な条件（関税上限25%）に近い：対立が1年続けば米国は120億ドル、中国は300億ドルを失う');
    const far = dealWhyJa('a cap of 40% is too little relief; the Nash terms are 25% (US hand -0.10); counter-offer at 25%');
    expect(far).toBe('上限40%では緩和が少なすぎる；公平な条件は上限25%なので、25%を提案');
  });

  it('leaves a reason it does not know in the engine’s words, with country names, and English lines unchanged', async () => {
    await setLang('ja');
    expect(dealWhyJa('because CHN said so')).toBe('because 中国 said so');
    expect(dealNewsJa('Typhoon closes the Malacca strait.')).toBeNull();
    // a negative valuation takes the minus sign, as in English ("-0.33点" read with a hyphen)
    expect(dealWhyJa('valued at -0.33 points over 8 turns (calm -0.20, under Chinese coercion -0.60)')).toBe('8ターン先までの評価 −0.33点（平時 −0.20、中国の威圧下 −0.60）');
    await setLang('en');
    const l = 'USA rejects D6 from JPN: valued at -0.30 points over 8 turns (calm -0.20, under Chinese coercion -0.60).';
    // English lines keep the engine's words, with names for codes and the minus sign for a hyphen before a figure
    expect(plainNews(l)).toBe('The United States rejects deal D6 from Japan: valued at −0.30 points over 8 turns (calm −0.20, under Chinese coercion −0.60).');
  });

  // a new player's offers were refused with no reason: the personas' rule of thumb (agents/common.ts answerDeals) says
  // its figures, in English and in Japanese
  it('says why a persona turns an offer down, in its own reckoning', async () => {
    let s: GameState = createGame(content, 3);
    s = resolveTurn(content, s, { JPN: { deals: { propose: [{ to: 'MYS', give: [{ type: 'investment', usdBn: 1 }], get: [{ type: 'offtake', stage: 'oxide.light', share: 0.3 }], termTurns: 4 }] } } }, { ledger: false }).state;
    const id = s.deals.find((d) => d.status === 'proposed')!.id;
    const { collectOrders, makeAgent } = await import('../engine/index.ts');
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, c === 'MYS' ? 'persona' : 'status-quo', c)])) as Parameters<typeof collectOrders>[2];
    const orders = collectOrders(content, s, seats);
    expect(orders.MYS?.deals?.reject).toEqual([id]);
    const line = resolveTurn(content, s, orders, { ledger: false }).report.news.find((n) => n.startsWith(`MYS rejects ${id}`))!;
    // 1 bn of investment is 0.05 of its points, at its trust in Japan (50: x 1), with its openness to trade (0.7 x 3:
    // +2.1), 2.15; 30% of its NdPr oxide output 10 x 0.3 x 0.8 = 2.4
    expect(line).toBe(`MYS rejects ${id} from JPN: by its reckoning what JPN gives is worth 2.1 against 2.4 for what it asks (trust in JPN 50 of 100).`);
    await setLang('ja');
    expect(dealNewsJa(line)).toBe(`マレーシアが日本からの協定${id}を拒否：自国の評価では、日本が与えるものの価値は2.1、求めるものの価値は2.4（日本への信頼 50/100）。`);
    await setLang('en');
  });
});

