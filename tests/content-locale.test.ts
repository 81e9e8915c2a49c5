// The Japanese content text (content/locales/ja.json): an entry for every event, project type, deep-sea stage and
// scenario in the content (adding an event without one fails here), a clear error for a bad key, and the UI showing it
// in Japanese with English as the fallback.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentLocaleError, contentIds, missingEntries, parseContentLocale } from '../src/content/locale.ts';
import { CONTENT_DIR } from '../src/content/load.ts';
import { setLang } from '../src/ui/i18n.ts';
import { eventText, eventTitle, mudNow, projectDescription, projectLabel, scenarioName, stageLabel } from '../src/ui/content-text.ts';
import { scenarioBriefing } from '../src/ui/briefings.ts';
import { money } from '../src/ui/labels.ts';

const read = (p: string) => JSON.parse(readFileSync(join(CONTENT_DIR, p), 'utf8')) as unknown;
const scenarios = readdirSync(join(CONTENT_DIR, 'scenarios')).filter((f) => f.endsWith('.json')).sort().map((f) => read(`scenarios/${f}`));
const ids = contentIds(read('events.json'), read('projects.json'), scenarios);
const raw = read('locales/ja.json') as Record<string, Record<string, unknown>>;
const FILE = 'content/locales/ja.json';

describe('content/locales/ja.json', () => {
  afterAll(() => setLang('en'));

  it('has Japanese for every event, project type, deep-sea stage and scenario in the content', () => {
    expect(ids.events.length).toBeGreaterThanOrEqual(34);
    expect(ids.projects).toContain('deepSeaMud');
    expect(ids.deepSeaStages).toEqual(['survey', 'trialLift', 'pilot', 'commercial']);
    expect(ids.scenarios).toEqual(['japans-gambit', 'rare-earth-gambit']);
    const loc = parseContentLocale(raw, FILE, ids);
    expect(missingEntries(loc, ids)).toEqual([]);
    // Japanese, not English copied across: every text has kana or kanji
    const texts = [...Object.values(loc.events).flatMap((e) => [e.title, e.text]), ...Object.values(loc.projects).flatMap((p) => [p.label, p.description]), ...Object.values(loc.deepSeaStages), ...Object.values(loc.scenarios).flatMap((s) => [s.name, s.description])];
    for (const s of texts) expect(s, s).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('names the file and the key for an id the content does not have', () => {
    const bad = structuredClone(raw);
    (bad.events as Record<string, unknown>)['no-such-event'] = { title: 'x', text: 'y' };
    (bad.deepSeaStages as Record<string, unknown>).drill = '掘削';
    expect(() => parseContentLocale(bad, FILE, ids)).toThrow(ContentLocaleError);
    expect(() => parseContentLocale(bad, FILE, ids)).toThrow(
      'content/locales/ja.json: 2 problems:\n  - events.no-such-event: no event in content/events.json has the id "no-such-event"\n  - deepSeaStages.drill: no deep-sea stage in content/projects.json has the id "drill"',
    );
  });

  it('names the key of a missing text or an unknown field', () => {
    const bad = structuredClone(raw);
    (bad.projects as Record<string, Record<string, unknown>>).recycling = { label: '磁石リサイクル', descripton: '誤字' };
    expect(() => parseContentLocale(bad, FILE, ids)).toThrow(/^content\/locales\/ja\.json: 2 problems:\n {2}- projects\.recycling\.description: .+\n {2}- projects\.recycling: .*descripton/);
    expect(() => parseContentLocale({ ...raw, events: { 'china-ev-demand-surge': { title: ' ', text: 'x' } } }, FILE, ids)).toThrow(/events\.china-ev-demand-surge\.title/);
  });

  it('is what the UI shows in Japanese, with the English content in English and for a missing entry', async () => {
    const e = { id: 'senkaku-incident', title: 'Clash near the Senkaku Islands', text: 'English text' };
    await setLang('en');
    expect([eventTitle(e), eventText(e), projectLabel('deepSeaMud', 'Minamitorishima deep-sea mud'), stageLabel('pilot', '350 t/day pilot')]).toEqual(['Clash near the Senkaku Islands', 'English text', 'Minamitorishima deep-sea mud', '350 t/day pilot']);
    expect(scenarioBriefing('japans-gambit')?.title).toBe("Japan's gambit");
    expect([money(1), money(0.0554)]).toEqual(['USD 1.00 bn', 'USD 55.4 m']);
    await setLang('ja');
    expect(eventTitle(e)).toBe('尖閣諸島付近で衝突事件');
    expect(eventText(e)).toMatch(/^尖閣諸島の近くで中国のトロール漁船が/);
    expect(projectLabel('deepSeaMud', 'x')).toBe('南鳥島のレアアース泥');
    expect(projectDescription('magnetPlant', 'x')).toBe('焼結磁石の工場。NdPr酸化物とDy/Tb酸化物が要る。');
    expect(stageLabel('pilot', 'x')).toBe('日量350 tのパイロット');
    expect(scenarioName('japans-gambit', 'x')).toBe('日本の賭け：交渉カードとしてのレアアース');
    const b = scenarioBriefing('japans-gambit')!;
    expect([b.title, b.seat, b.levers.length]).toEqual(['日本の賭け', 'JPN', 5]);
    // money in the panels and the budget bar: USD bn as 億ドル, under USD 0.1 bn as 万ドル
    expect([money(1), money(0.77), money(0.16), money(0.0554), money(0), money(123.4)]).toEqual(['10億ドル', '7.7億ドル', '1.6億ドル', '5,540万ドル', '0ドル', '1,234億ドル']);
    // an id with no entry falls back to the English given
    expect(eventTitle({ id: 'not-in-the-file', title: 'Fallback title' })).toBe('Fallback title');
    expect(projectLabel('not-a-type', 'Fallback label')).toBe('Fallback label');
  });
});

describe('the running deep-sea programme in the invest panel', () => {
  afterAll(() => setLang('en'));

  it('names the stage under way and the retry, in English and Japanese; other projects get nothing', async () => {
    await setLang('en');
    expect(mudNow({ mud: { stage: 1, attempt: 1 } })).toBe(' — trial lift');
    expect(mudNow({ mud: { stage: 2, attempt: 2 } })).toBe(' — 350 t/day pilot, retry 1');
    expect(mudNow({})).toBe('');
    expect(mudNow({ mud: { stage: 9, attempt: 1 } })).toBe('');
    await setLang('ja');
    const ja = mudNow({ mud: { stage: 1, attempt: 3 } });
    expect(ja).toBe(` — ${stageLabel('trialLift', 'trial lift')}（再試行 2 回目）`);
    expect(ja).not.toMatch(/trial/);
  });
});
