// The start screen's country briefing in Japanese: every fact line and lever the session writes (src/session/core.ts),
// for every country of both scenarios, reads in Japanese with no English phrase left (src/ui/briefing-ja.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRIES } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { loadContent } from '../src/content/load.ts';
import { briefingLineJa, leverJa } from '../src/ui/briefing-ja.ts';
import { setLang } from '../src/ui/i18n.ts';

const english = (s: string) => s.replace(/NdPr|Dy\/Tb|REO|GDP/g, '').match(/[A-Za-z]{3,}/g) ?? [];

describe('country briefing in Japanese', () => {
  afterAll(() => setLang('en'));

  it('says every fact line and lever in Japanese, for every country of both scenarios', async () => {
    await setLang('ja');
    for (const id of ['rare-earth-gambit', 'japans-gambit']) {
      const s = new SessionCore(loadContent(id));
      for (const c of COUNTRIES) {
        const b = s.briefing(c);
        expect(b.situation.length).toBe(5);
        for (const line of b.situation.slice(1)) {
          const ja = briefingLineJa(line, c);
          expect(ja, line).not.toBeNull();
          expect(english(ja!), `${line}\n-> ${ja}`).toEqual([]);
        }
        for (const l of b.levers) {
          const ja = leverJa(l);
          expect(ja, l).not.toBeNull();
          expect(english(ja!), `${l}\n-> ${ja}`).toEqual([]);
        }
      }
    }
    expect(briefingLineJa('Japan: GDP USD 4,110 bn; defence 1.4% of GDP; approval 48.', 'JPN')).toBe('日本：GDP 4.1兆ドル、防衛費 GDP比1.4%、支持率 48。');
    expect(briefingLineJa('Cars: 7,696,835 built a quarter (30.8 million a year); 1,456,835 exported a quarter (5,827,339 a year).', 'CHN')).toBe('自動車：生産は四半期に7,696,835台（年3,080万台）、輸出は四半期に1,456,835台（年5,827,339台）。');
    expect(briefingLineJa('something new', 'JPN')).toBeNull();
  });
});
