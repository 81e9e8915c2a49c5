// The UI spells "defence" (the Controls tab, the Defence tab, the digest): the session's briefing, written in English
// by src/session/core.ts and read back into Japanese by src/ui/briefing-ja.ts, spells it the same way; so does the
// content's prose (scenario descriptions, event texts, persona descriptions, source notes).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { COUNTRIES } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { loadContent } from '../src/content/load.ts';
import { en } from '../src/ui/locales/en.ts';
import { enLater } from '../src/ui/locales/en-later.ts';
import { briefingLineJa, leverJa } from '../src/ui/briefing-ja.ts';
import { plainNews } from '../src/ui/story-news.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';

/** Every string value of a nested catalogue, with its key path. */
function strings(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (Array.isArray(o)) return o.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** The content's JSON files (not the schemas, not the Japanese locale). */
function contentFiles(dir = new URL('../content/', import.meta.url).pathname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (['schema', 'locales'].includes(e.name) ? [] : contentFiles(`${dir}${e.name}/`)) : e.name.endsWith('.json') ? [`${dir}${e.name}`] : []));
}

/** US proper names, spelt as their owners spell them. */
const PROPER = /National Defense Stockpile|Defense Production Act/g;

describe('one spelling of defence', () => {
  it('the content\'s prose says "defence" (its ids, keys and identifiers such as the target "defense" keep the engine\'s spelling)', () => {
    const files = contentFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    const prose = files.flatMap((f) => strings(JSON.parse(readFileSync(f, 'utf8'))).map(([k, v]) => [`${f.replace(/.*\/content\//, '')} ${k}`, v] as [string, string]));
    // an identifier is one word (ids, effect targets, policy fields); prose has a space
    const offenders = prose.filter(([k, v]) => /\s/.test(v) && !/\.id$/.test(k) && /defense/i.test(v.replace(PROPER, '')));
    expect(offenders).toEqual([]);
    // the check reads prose: the scenario's description is among the strings it looks at
    expect(prose.some(([k, v]) => k === 'scenarios/rare-earth-gambit.json description' && /defence budget/.test(v))).toBe(true);
  });

  it('the English catalogue says "defence" everywhere (its keys may keep the engine\'s "defense")', () => {
    expect(en.tab.Defense).toBe('Defence');
    expect(strings({ ...en, later: enLater }).filter(([, v]) => /defense/i.test(v))).toEqual([]); // the later strings too (en-later.ts)
  });
  it('the session briefing says "defence" too, and its Japanese still matches those lines', () => {
    const s = new SessionCore(loadContent('rare-earth-gambit'));
    for (const c of COUNTRIES) {
      const b = s.briefing(c);
      // the first line is the scenario's description: content, spelt "defence" too
      const lines = [...b.situation, ...b.levers, ...b.objectives.map((o) => o.meaning)];
      expect(lines.filter((l) => /defense/i.test(l))).toEqual([]);
      expect(b.situation[1]).toMatch(/; defence [\d.]+% of GDP;/);
      expect(briefingLineJa(b.situation[1]!, c)).toMatch(/防衛費 GDP比/);
      expect(b.levers.filter((l) => /^Defence spending/.test(l)).map((l) => leverJa(l))).toEqual(['防衛費：GDP比で（1ターンに動かせる幅は支持率で決まる）。']);
    }
  });
  it('the engine\'s news says "defence spending" (what the CLI and the class screens print as it is), and the digest reads old saves\' "defense" too', () => {
    const content = loadContent('rare-earth-gambit');
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Seats;
    const news = playGame(content, 3, seats, { turns: 12, ledger: false }).reports.flatMap((r) => r.news);
    expect(news.filter((l) => /defence spending/.test(l)).length).toBeGreaterThan(0);
    expect(news.filter((l) => /defense/i.test(l.replace(PROPER, '')))).toEqual([]);
    expect(plainNews('AUS raises defense spending to 2.10% of GDP.')).toBe('Australia raises defence spending to 2.10% of GDP.');
    expect(plainNews('AUS raises defence spending to 2.10% of GDP.')).toBe('Australia raises defence spending to 2.10% of GDP.');
  });
});
