// A headline's why ledger adds up as it is shown: a new player's GDP ledger read +4, +2, −1, −1, +1 beside a change of
// +4, and "4,121 → 4,118 (−2)". The causes are rounded to add up (largest remainders, src/ui/ledger.ts roundedToSum)
// to the change the two figures shown make.
import { describe, expect, it } from 'vitest';
import { content } from './helpers.ts';
import { SessionCore } from '../src/session/core.ts';
import { COUNTRIES, HEADLINES, type TurnReport } from '../engine/index.ts';
import { installFakeDom, type FakeElement } from './fake-dom.ts';

installFakeDom();
const { ledger, roundedToSum } = await import('../src/ui/ledger.ts');
const { fmtChange } = await import('../src/ui/story.ts');
const { yourChanges } = await import('../src/ui/story-news.ts');
const { laterReady } = await import('../src/ui/i18n.ts');
const { setLang } = await import('../src/ui/i18n.ts');

/** The six turn reports of a game with every seat its persona (Japan the player's), seed `seed`. */
function personaReports(seed: number): TurnReport[] {
  const s = new SessionCore(content);
  const r = s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents: { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' }, turns: 6, seed });
  if (!r.ok) throw new Error(r.error);
  return Array.from({ length: 6 }, () => {
    const snap = s.submit({});
    if (!snap.ok) throw new Error(snap.error);
    return snap.value.report as TurnReport;
  });
}

describe('roundedToSum', () => {
  it('rounds values to a step so that they add up to the total rounded', () => {
    expect(roundedToSum([3.6, 1.6, -0.6, -0.6, 0.6], 4.6, 1)).toEqual([4, 2, -1, -1, 1]); // 5: each rounds as before
    expect(roundedToSum([3.4, 1.6, -0.6, -0.6, 0.6], 4.4, 1)).toEqual([3, 2, -1, -1, 1]); // 4: the smallest fraction gives
    expect(roundedToSum([0.3, 0.3, 0.3], 0.9, 1)).toEqual([1, 0, 0]); // ties: the first in order takes the unit
    expect(roundedToSum([-2.2], -3, 1)).toEqual([-3]); // a total the figures shown make
    for (let i = 0; i < 500; i++) {
      const v = Array.from({ length: 1 + (i % 7) }, (_, k) => Math.sin(i * 7.1 + k * 3.3) * 10 ** ((i + k) % 4));
      const total = v.reduce((a, b) => a + b, 0);
      const r = roundedToSum(v, total, 0.1);
      expect(Math.round(r.reduce((a, b) => a + b, 0) * 10) + 0).toBe(Math.round(total * 10) + 0);
      r.forEach((x, k) => expect(Math.abs(x - v[k]!)).toBeLessThan(0.1 + 1e-9));
    }
  });
});

describe('the why ledger in a game', () => {
  it('shows causes that add up to the change the figures make, for every headline of every country, 6 turns', async () => {
    await setLang('en');
    const num = (t: string) => Number(t.replace(/[^\d.−+-]/g, '').replace('−', '-'));
    let checked = 0;
    for (const [turn, report] of personaReports(2).entries()) {
      for (const c of COUNTRIES)
        for (const hd of HEADLINES) {
          const ul = ledger(report, c, hd) as unknown as FakeElement;
          const items = ul.querySelectorAll('li');
          if (!items.length) continue;
          const amounts = ul.querySelectorAll('.amt').map((e) => num(e.textContent.replace(/ ?pp$/, '')));
          const hint = ul.querySelector('.hint')!.textContent;
          const [, from, to, change] = /^(.+) → (.+) \((.+)\)$/.exec(hint)!;
          const f = num(from!.replace('%', ''));
          const t = num(to!.replace('%', ''));
          const d = change === '±0' ? 0 : num(change!.replace(/ ?pp$/, ''));
          const tol = hd === 'gdp' || hd === 'autoProduction' || hd === 'autoExports' ? 0.5 : 0.05;
          expect(Math.abs(t - f - d), `${c} ${hd} turn ${turn + 1}: ${hint}`).toBeLessThan(tol);
          expect(Math.abs(amounts.reduce((a, b) => a + b, 0) - d), `${c} ${hd} turn ${turn + 1}: ${amounts.join(' ')} against ${hint}`).toBeLessThan(tol);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

// the digest's "what changed" box said "magnets from China −5.2" beside the ledger's −5.1, and the digest's ledger
// heading −2.1 beside the Indicators tab's −2.0 (a new player's review): the box's change and its named causes are the
// ledger's figures
describe("the digest's box and the why ledger agree", () => {
  it('on the change and on every named cause, for every country, 6 turns', async () => {
    await setLang('en');
    await laterReady();
    let causes = 0;
    for (const [turn, report] of personaReports(1).entries()) {
      for (const c of COUNTRIES)
        for (const ch of yourChanges(report, c, null, null)) {
          const ul = ledger(report, c, ch.hd) as unknown as FakeElement;
          // the ledger's own change, in its hint "48.6 → 47.9 (−0.7)", is the box's (a change the box shows has causes
          // the ledger shows: its figures differ)
          const hint = ul.querySelector('.hint')!.textContent;
          expect(/\((.+)\)$/.exec(hint)![1], `${c} ${ch.hd} turn ${turn + 1}`).toBe(fmtChange(ch.hd, ch.change, 'pt'));
          // each named cause, paired with the ledger's line of that cause by its name, has that line's amount
          const rows = ul.querySelectorAll('li').map((li) => ({ name: li.querySelector('.cause')!.textContent, amount: li.querySelector('.amt')!.textContent.replace(/ ?pp$/, '') }));
          for (const line of ch.causes) {
            if (line.startsWith('other causes')) continue; // the rest, not a cause of the ledger
            const amount = /([+−][\d,.]+)( percentage points)?$/.exec(line)![1]!;
            const mine = rows.filter((r) => line.startsWith(`${r.name} `)).sort((a, b) => b.name.length - a.name.length)[0];
            expect(mine, `${c} ${ch.hd} turn ${turn + 1}: "${line}" names no cause of the ledger's ${rows.map((r) => r.name).join('; ')}`).toBeDefined();
            expect(amount, `${c} ${ch.hd} turn ${turn + 1}: "${line}" against the ledger's ${mine!.name} ${mine!.amount}`).toBe(mine!.amount);
            causes++;
          }
        }
    }
    expect(causes).toBeGreaterThan(30);
  });
});
