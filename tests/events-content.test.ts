// Checks content/events.json: schema, ids, windows, condition-metric grammar and cross references, and that malformed copies fail.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { EventsFileSchema } from '../engine/schema.ts';
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS } from '../engine/ids.ts';

const raw: any = JSON.parse(readFileSync(new URL('../content/events.json', import.meta.url), 'utf8'));
const projects: any = JSON.parse(readFileSync(new URL('../content/projects.json', import.meta.url), 'utf8'));
const PROJECT_TYPES = new Set(Object.keys(projects.types));
const STRAITS = ['malacca', 'sunda', 'lombok', 'taiwan', 'luzon', 'tsushima'];
const TURNS = 40;

const alt = (xs: readonly string[]) => `(?:${xs.map((x) => x.replace(/\./g, '\\.')).join('|')})`;
const COUNTRY_FIELDS = ['gdp', 'approval', 'pollution', 'pollutionRise', 'seabed', 'security', 'magnetSupplyRatio', 'autoProduction', 'defensePct', 'budget'];
const PARTNERS = [...COUNTRIES, 'ROW'];

/** One regex per metric form, with the kind of value it compares against. */
const METRIC_FORMS: { name: string; re: RegExp; values: 'number' | readonly string[] }[] = [
  { name: 'turn', re: /^turn$/, values: 'number' },
  { name: 'prices', re: new RegExp(`^prices\\.${alt(STAGES)}\\.${alt(['world', ...REGIONS])}$`), values: 'number' },
  { name: 'countries', re: new RegExp(`^countries\\.${alt(REGIONS)}\\.${alt(COUNTRY_FIELDS)}$`), values: 'number' },
  { name: 'tension', re: new RegExp(`^tension\\.${alt(COUNTRIES)}\\.${alt(COUNTRIES)}$`), values: 'number' },
  { name: 'controls', re: new RegExp(`^controls\\.${alt(COUNTRIES)}\\.${alt(PARTNERS)}\\.${alt(STAGES)}$`), values: ['open', 'licensed', 'banned'] },
  { name: 'tariffs', re: new RegExp(`^tariffs\\.${alt(COUNTRIES)}\\.${alt(PARTNERS)}\\.${alt(TARIFF_GOODS)}$`), values: 'number' },
  { name: 'straits', re: new RegExp(`^straits\\.${alt(STRAITS)}$`), values: ['open', 'closed'] },
];

/** Content checks beyond the schema; returns one line per problem. */
function problems(file: any): string[] {
  const out: string[] = [];
  const events: any[] = file.events;
  if (events.length < 15) out.push(`only ${events.length} events`);
  const ids = events.map((e) => e.id);
  if (new Set(ids).size !== ids.length) out.push('duplicate ids');
  const sorted = [...ids].sort();
  if (sorted.join('\n') !== ids.join('\n')) out.push('ids not sorted');
  for (const e of events) {
    const w = e.window;
    if (!(Number.isInteger(w.from) && Number.isInteger(w.to) && w.from >= 1 && w.to <= TURNS && w.from <= w.to)) out.push(`${e.id}: window ${w.from}..${w.to}`);
    for (const c of e.conditions) {
      const form = METRIC_FORMS.find((f) => f.re.test(c.metric));
      if (!form) {
        out.push(`${e.id}: unknown metric ${c.metric}`);
        continue;
      }
      if (form.name === 'tension' && c.metric.split('.')[1] === c.metric.split('.')[2]) out.push(`${e.id}: tension of a country with itself`);
      if (form.values === 'number') {
        if (typeof c.value !== 'number') out.push(`${e.id}: ${c.metric} compares with a non-number`);
      } else if (!form.values.includes(c.value) || !['==', '!='].includes(c.op)) {
        out.push(`${e.id}: ${c.metric} ${c.op} ${JSON.stringify(c.value)}`);
      }
    }
    for (const f of e.effects) {
      if (f.kind === 'closeStrait' && !STRAITS.includes(f.strait)) out.push(`${e.id}: unknown strait ${f.strait}`);
      if (f.kind === 'projectDelay' && !PROJECT_TYPES.has(f.projectType)) out.push(`${e.id}: unknown project type ${f.projectType}`);
      if ((f.kind === 'tension') && f.a === f.b) out.push(`${e.id}: tension effect on one country`);
    }
  }
  return out;
}

const clone = () => JSON.parse(JSON.stringify(raw));

describe('content/events.json', () => {
  it('is accepted by EventsFileSchema', () => {
    const r = EventsFileSchema.safeParse(raw);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('has at least 15 events, unique sorted ids, windows inside 1..40, known metrics, straits and project types', () => {
    expect(raw.events.length).toBeGreaterThanOrEqual(15);
    expect(problems(raw)).toEqual([]);
  });

  it('keeps events small and sourced: 1-3 effects, chance at most 0.5, a player-facing text', () => {
    for (const e of raw.events) {
      expect(e.effects.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.effects.length, e.id).toBeLessThanOrEqual(3);
      expect(e.chance.v, e.id).toBeLessThanOrEqual(0.5);
      expect(e.text.length, e.id).toBeGreaterThan(40);
      expect(e.source.length, e.id).toBeGreaterThan(5);
    }
  });

  it('covers the design: strait closures, a licence suspension, a heavy-free breakthrough, a deep-sea delay', () => {
    const kinds = new Set(raw.events.flatMap((e: any) => e.effects.map((f: any) => f.kind)));
    for (const k of ['capacityShock', 'closeStrait', 'demandShock', 'licenceSuspension', 'approval', 'tension', 'heavyIntensity', 'gdpShock', 'projectDelay', 'pollution', 'capacityGain'])
      expect(kinds.has(k), k).toBe(true);
  });
});

describe('malformed events are rejected', () => {
  it('rejects a bare number where a sourced number is expected', () => {
    const bad = clone();
    const e = bad.events.find((x: any) => x.effects.some((f: any) => f.kind === 'capacityShock'));
    const f = e.effects.find((x: any) => x.kind === 'capacityShock');
    f.factor = 0.5;
    expect(EventsFileSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects an unknown effect kind', () => {
    const bad = clone();
    bad.events[0].effects.push({ kind: 'meteorStrike', region: 'JPN' });
    expect(EventsFileSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects a number without a source and a chance above 1', () => {
    const a = clone();
    a.events[0].chance = { v: 0.1 };
    expect(EventsFileSchema.safeParse(a).success).toBe(false);
    const b = clone();
    b.events[0].chance = { v: 1.5, src: 'design assumption' };
    expect(EventsFileSchema.safeParse(b).success).toBe(false);
  });

  it('flags bad windows, metrics, straits, project types and ordering', () => {
    const bad = clone();
    bad.events[0].window = { from: 30, to: 41 };
    bad.events[1].conditions = [{ metric: 'prices.oxide.medium.world', op: '>', value: 1 }];
    bad.events[2].conditions = [{ metric: 'straits.malacca', op: '==', value: 'blocked' }];
    bad.events[3].effects = [{ kind: 'closeStrait', strait: 'hormuz' }];
    bad.events[4].effects = [{ kind: 'projectDelay', projectType: 'fusionReactor', quarters: { v: 2, src: 'test' } }];
    bad.events.reverse();
    const p = problems(bad);
    expect(p.some((x) => x.includes('window'))).toBe(true);
    expect(p.some((x) => x.includes('unknown metric prices.oxide.medium.world'))).toBe(true);
    expect(p.some((x) => x.includes('"blocked"'))).toBe(true);
    expect(p.some((x) => x.includes('unknown strait hormuz'))).toBe(true);
    expect(p.some((x) => x.includes('unknown project type fusionReactor'))).toBe(true);
    expect(p).toContain('ids not sorted');
  });

  it('accepts every metric form in the grammar and rejects near misses', () => {
    const ok = [
      'turn',
      'prices.oxide.heavy.world',
      'prices.magnet.JPN',
      'countries.MYS.pollution',
      'countries.ROW.gdp',
      'tension.CHN.USA',
      'controls.CHN.JPN.oxide.heavy',
      'tariffs.USA.JPN.autos',
      'straits.taiwan',
    ];
    const ko = ['turns', 'prices.oxide.heavy', 'prices.oxide.heavy.EU', 'countries.MYS.smog', 'tension.CHN.ROW', 'controls.CHN.JPN.magnets', 'tariffs.USA.JPN.cars', 'straits.hormuz'];
    for (const m of ok) expect(METRIC_FORMS.some((f) => f.re.test(m)), m).toBe(true);
    for (const m of ko) expect(METRIC_FORMS.some((f) => f.re.test(m)), m).toBe(false);
  });
});
