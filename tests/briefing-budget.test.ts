// The start screen's budget line says how much unspent budget a country can hold, and it says what the engine does:
// the briefing once said "up to two years" while the engine let four years' allocation pile up (rules.budget.carryCap),
// so a player saw USD 3.7 bn in hand late in a game the briefing said could not exceed about 2.4.
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRIES, budgetAvailable, createGame } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { loadContent } from '../src/content/load.ts';
import { briefingLineJa } from '../src/ui/briefing-ja.ts';
import { setLang } from '../src/ui/i18n.ts';

describe('the briefing’s budget line', () => {
  afterAll(() => setLang('en'));

  it('states the carry-over cap the engine applies, in English and in Japanese', async () => {
    const content = loadContent('rare-earth-gambit');
    const session = new SessionCore(content);
    await setLang('ja');
    for (const c of COUNTRIES) {
      const line = session.briefing(c).situation.find((l) => l.startsWith('Investment budget:'))!;
      const said = /up to (\S+) years' allocation in hand/.exec(line)?.[1];
      // what the engine lets a country hold: a country that saved for ever has carryCap years' allocation
      const s = createGame(content, 1);
      const annual = (content.countries.regions[c].budgetPctGdp / 100) * s.regions[c].gdp;
      s.regions[c].budget = 1e6;
      const years = budgetAvailable(content, s, c) / annual;
      expect(Number(said), `${c}: ${line}`).toBeCloseTo(years, 6);
      expect(briefingLineJa(line, c), c).toContain(`年間予算の${said}年分`);
    }
  });
});
