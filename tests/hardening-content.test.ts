// Hardening, part A (issue 13): names are looked up as own keys only, and content is checked for meaning after the
// schema (physical ranges, self-relations, lanes for every pair, routable ports, references that resolve), so what
// `validate` calls fine never crashes `run`, and a bad name is refused cleanly instead of filling the game with NaN.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, compileContent, ContentError, formatIssue, type ContentIssue, type RawBundle } from '../engine/content.ts';
import { createGame, hashValue, InvalidOrdersError, makeAgent, playGame, resolveTurn, validateOrders, COUNTRIES, type Seats } from '../engine/index.ts';
import { BUILTIN_NAMES } from '../engine/own.ts';
import { readBundle } from '../src/content/load.ts';
import { content } from './helpers.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = readBundle('rare-earth-gambit');
const TMP = mkdtempSync(join(tmpdir(), 'gambit-hardening-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A copy of the default bundle with an edit applied to its parsed JSON. */
function edited(edit: (b: { [K in keyof RawBundle]: { file: string; json: any } }) => void): RawBundle {
  const b = structuredClone(BASE) as { [K in keyof RawBundle]: { file: string; json: any } };
  edit(b);
  return b as RawBundle;
}

/** Set a key as JSON.parse does (an own property even for "__proto__"). */
function setKey(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The ContentError compileContent throws (any other throw fails the test), checked to name file, path, expected, found. */
function refusal(b: RawBundle): ContentIssue[] {
  let err: unknown;
  try {
    compileContent(b);
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a ContentError').toBeInstanceOf(ContentError);
  const issues = (err as ContentError).issues;
  for (const i of issues) expect(i.file && i.path.startsWith('$') && i.expected && i.found, JSON.stringify(i)).toBeTruthy();
  return issues;
}

function expectIssue(issues: ContentIssue[], file: string, path: string, expected: RegExp): void {
  const hit = issues.find((i) => i.file === file && i.path === path);
  expect(hit, `no issue at ${file} ${path} in\n${issues.map(formatIssue).join('\n')}`).toBeDefined();
  expect(hit!.expected).toMatch(expected);
}

const F = { countries: BASE.countries.file, goods: BASE.goods.file, scenario: BASE.scenario.file, events: BASE.events.file, map: BASE.map.file, personas: BASE.personas.file, projects: BASE.projects.file };

function gambit(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------- prototype keys: the defects reproduced

describe('built-in property names as names', () => {
  it('an investment type "constructor", "toString" or "__proto__" in orders is refused, not priced at NaN', () => {
    const s = createGame(content, 1);
    for (const type of ['constructor', 'toString', '__proto__']) {
      const r = validateOrders(content, s, { JPN: { investments: [{ type }] } });
      expect(r.ok, type).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([`$.JPN.investments[0].type: ${r.issues[0].message}`]);
      if (!r.ok) expect(r.issues[0].message).toContain(`unknown project type ${JSON.stringify(type)}`);
      expect(() => resolveTurn(content, s, { JPN: { investments: [{ type }] } })).toThrow(InvalidOrdersError);
    }
  });

  it('`run` with scripted orders investing in "constructor" is refused before any game, exit 2 with one clear line, not 0 with "gdp": null', () => {
    const plan = join(TMP, 'constructor-plan.json');
    writeFileSync(plan, JSON.stringify({ turns: { '1': { investments: [{ type: 'constructor' }] } } }));
    const r = gambit('run', '--seed', '1', '--turns', '2', '--agents', `JPN=scripted:${plan}`, '--format', 'jsonl');
    // the seats check a script before playing (src/cli/script-check.ts): a bad --agents value, exit 2 as for any bad flag value
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.turns["1"].investments[0].type: expected a project type');
    expect(r.stderr).toContain('found "constructor"');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).not.toContain('null');
  });

  it('a "__proto__" key in orders is refused, not silently dropped', () => {
    const s = createGame(content, 1);
    const r = validateOrders(content, s, JSON.parse('{"JPN": {"tariffs": {"__proto__": {"autos": 50}}}}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ country: 'JPN', path: '$.JPN.tariffs.__proto__' });
  });

  it('a scenario project of type "toString" is a content error', () => {
    const issues = refusal(edited((b) => void (b.scenario.json.projects[0].type = 'toString')));
    expectIssue(issues, F.scenario, '$.projects[0].type', /project type/);
  });

  it("a persona's investTypes or answer.investTypes entry \"valueOf\" is a content error", () => {
    const issues = refusal(
      edited((b) => {
        b.personas.json.personas['persona-jpn'].investTypes.push('valueOf');
        b.personas.json.personas['persona-jpn'].answer.investTypes.push('hasOwnProperty');
      }),
    );
    const n = BASE.personas.json as { personas: Record<string, { investTypes: string[]; answer: { investTypes: string[] } }> };
    expectIssue(issues, F.personas, `$.personas["persona-jpn"].investTypes[${n.personas['persona-jpn'].investTypes.length}]`, /project type/);
    expectIssue(issues, F.personas, `$.personas["persona-jpn"].answer.investTypes[${n.personas['persona-jpn'].answer.investTypes.length}]`, /project type/);
  });

  it('a persona name "toString" on the command line is an unknown agent, not "persona toString is for undefined"', () => {
    expect(() => makeAgent(content, 'toString', 'JPN')).toThrow(/unknown agent "toString"/);
    expect(() => makeAgent(content, 'scripted:constructor', 'JPN', {})).toThrow(/script constructor was not loaded/);
    const r = gambit('run', '--seed', '1', '--turns', '1', '--agents', 'JPN=toString');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown agent "toString"/);
  });

  it('a "__proto__" key in a content file is named, not swallowed by the parser', () => {
    const issues = refusal(edited((b) => setKey(b.projects.json.types, '__proto__', structuredClone(b.projects.json.types.recycling))));
    expectIssue(issues, F.projects, '$.types.__proto__', /built-in JavaScript property name/);
  });
});

// ---------------------------------------------------------------- the map

/** A cell of `region` land with land of the same region on all eight sides. */
function inlandCell(rows: string[], legend: Record<string, string>, region: string): [number, number] | null {
  for (let y = 1; y < rows.length - 1; y++)
    for (let x = 1; x < rows[y].length - 1; x++) {
      let all = true;
      for (let dy = -1; dy <= 1 && all; dy++) for (let dx = -1; dx <= 1 && all; dx++) all = legend[rows[y + dy][x + dx]] === region;
      if (all) return [x, y];
    }
  return null;
}

describe('the map', () => {
  it('"rows": [] is a content error in validate and run alike, not a TypeError', () => {
    const map = { ...(structuredClone(BASE.map.json) as object), rows: [] };
    const r = checkFile('map', F.map, map);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain('$.rows');
    expectIssue(refusal(edited((b) => void (b.map.json.rows = []))), F.map, '$.rows', /\w/);
  });

  it('a map missing one pair lane is a content error (run would throw "has no lane for the pair")', () => {
    const issues = refusal(edited((b) => void delete b.map.json.pairLanes['JPN>USA']));
    expectIssue(issues, F.map, '$.pairLanes["JPN>USA"]', /lane for the trade from JPN to USA/);
  });

  it('a port moved inland, on a pond no ship can leave, is a content error (its lanes would be blocked for ever)', () => {
    const issues = refusal(
      edited((b) => {
        const m = b.map.json;
        const port = m.ports.find((p: { country: string }) => inlandCell(m.rows, m.legend, p.country));
        const [x, y] = inlandCell(m.rows, m.legend, port.country)!;
        const sea = Object.keys(m.legend).find((k) => m.legend[k] === 'sea')!;
        m.rows[y] = m.rows[y].slice(0, x) + sea + m.rows[y].slice(x + 1);
        Object.assign(port, { x, y });
      }),
    );
    expect(issues.some((i) => i.file === F.map && /^\$\.lanes\[\d+\]$/.test(i.path) && /sea route/.test(i.expected))).toBe(true);
  });
});

// ---------------------------------------------------------------- numbers in physical ranges

describe('numbers in physical ranges', () => {
  const cases: [string, keyof typeof F, (j: any) => void, string][] = [
    ['gdpUsdBn 0', 'countries', (j) => void (j.regions.JPN.gdpUsdBn.v = 0), '$.regions.JPN.gdpUsdBn.v'],
    ['gdpUsdBn 1e308', 'countries', (j) => void (j.regions.JPN.gdpUsdBn.v = 1e308), '$.regions.JPN.gdpUsdBn.v'],
    ['basePrice 0', 'goods', (j) => void (j.markets.magnet.basePrice.v = 0), '$.markets.magnet.basePrice.v'],
    ['maxPriceMultiple (sanityMultiple) 0', 'goods', (j) => void (j.market.sanityMultiple.v = 0), '$.market.sanityMultiple.v'],
    ['negative mining capacity', 'countries', (j) => void (j.regions.AUS.mining.reo.v = -5000), '$.regions.AUS.mining.reo.v'],
    ['approval 1000', 'countries', (j) => void (j.regions.JPN.approval.v = 1000), '$.regions.JPN.approval.v'],
    // a zero margin would put a region whose cash cost is above its 2024 margin on a supply curve (and a separators'
    // derived ore demand) that divides by zero
    ['calibrationMargin 0', 'goods', (j) => void ((j.market.calibrationMargin.v = 0), delete j.market.calibrationMargin.range), '$.market.calibrationMargin.v'],
  ];
  for (const [name, file, edit, path] of cases)
    it(`${name} is a content error naming the file and the JSON path`, () => {
      const issues = refusal(edited((b) => edit(b[file].json)));
      expectIssue(issues, F[file], path, /a number/);
    });

  it('a range a sweep would sample outside the limits is a content error too', () => {
    const issues = refusal(edited((b) => void (b.goods.json.uses.magnet.other.wtpMultiple.range = [-1, 4])));
    expectIssue(issues, F.goods, '$.uses.magnet.other.wtpMultiple.range[0]', /inside the limits/);
  });
});

// ---------------------------------------------------------------- self-relations and references

describe('self-relations and references', () => {
  it('a tariff on oneself in the scenario policies', () => {
    const issues = refusal(edited((b) => void (b.scenario.json.policies.JPN.tariffs.JPN = { autos: 5 })));
    expectIssue(issues, F.scenario, '$.policies.JPN.tariffs.JPN', /tariff on itself/);
  });

  it('a self-deal in the scenario', () => {
    const issues = refusal(edited((b) => void (b.scenario.json.deals[0].b = b.scenario.json.deals[0].a)));
    expectIssue(issues, F.scenario, '$.deals[0].b', /deal with itself/);
  });

  it('self-tension, in the scenario and in an event', () => {
    const issues = refusal(
      edited((b) => {
        b.scenario.json.tension[0].b = b.scenario.json.tension[0].a;
        b.events.json.events[0].effects.push({ kind: 'tension', a: 'JPN', b: 'JPN', delta: { v: 5, src: 'test' } });
      }),
    );
    expectIssue(issues, F.scenario, '$.tension[0].b', /two countries/);
    const j = (BASE.events.json as { events: { effects: unknown[] }[] }).events[0].effects.length;
    expectIssue(issues, F.events, `$.events[0].effects[${j}].b`, /two countries/);
  });

  it('a misspelt event metric is a content error, not an event that never fires', () => {
    const i = (BASE.events.json as { events: { conditions: unknown[] }[] }).events.findIndex((e) => e.conditions.length > 0);
    for (const metric of ['prices.oxide.heavy.wrld', 'tension.CHN.JNP', 'countries.JPN.gpd', 'straits.malaca', 'countries.JPN.constructor']) {
      const issues = refusal(edited((b) => void (b.events.json.events[i].conditions[0].metric = metric)));
      expectIssue(issues, F.events, `$.events[${i}].conditions[0].metric`, /metric|prices|tension|countries|straits/);
    }
    // a word metric compared with a word it never takes
    const issues = refusal(edited((b) => void (b.events.json.events[i].conditions[0] = { metric: 'straits.malacca', op: '==', value: 'clsoed' })));
    expectIssue(issues, F.events, `$.events[${i}].conditions[0].value`, /"closed"/);
  });
});

// ---------------------------------------------------------------- the property: every name place refuses built-in names

const NAMES = [...BUILTIN_NAMES];
const state0 = createGame(content, 1);

/** Run `f`; it must refuse cleanly: InvalidOrdersError, ContentError or a plain Error, whose message names `name`. */
function refusedNaming(name: string, f: () => unknown): void {
  let err: unknown;
  try {
    const r = f();
    if (r && typeof r === 'object' && 'ok' in r && r.ok === false) err = new InvalidOrdersError((r as unknown as { issues: never[] }).issues);
  } catch (e) {
    err = e;
  }
  expect(err, `${name}: accepted`).toBeInstanceOf(Error);
  expect(err, `${name}: ${String(err)}`).not.toBeInstanceOf(TypeError);
  expect(err).not.toBeInstanceOf(RangeError);
  expect((err as Error).message, `${name}`).toContain(name);
}

const orders = (o: unknown) => () => validateOrders(content, state0, o);
const compiled = (edit: (b: any, name: string) => void) => (name: string) => () => compileContent(edited((b) => edit(b, name)));
/** Where a name goes. A place that looks a name up refuses any unknown name; one that defines a name (a key or an id)
 * refuses only built-in property names. */
const LOOKUPS: Record<string, (name: string) => () => unknown> = {
  'orders: investment type': (n) => orders({ JPN: { investments: [{ type: n }] } }),
  'orders: investment host': (n) => orders({ JPN: { investments: [{ type: 'recycling', host: n }] } }),
  'orders: tariff partner': (n) => orders({ JPN: { tariffs: Object.defineProperty({}, n, { value: { autos: 5 }, enumerable: true }) } }),
  'orders: deal to': (n) => orders({ JPN: { deals: { propose: [{ to: n, give: [], get: [{ type: 'openExports', stage: 'magnet' }], termTurns: 4 }] } } }),
  'orders: deal accepted': (n) => orders({ JPN: { deals: { accept: [n] } } }),
  'orders: deal broken': (n) => orders({ JPN: { deals: { break: [n] } } }),
  'orders: country': (n) => orders(Object.defineProperty({}, n, { value: {}, enumerable: true })),
  'agent name': (n) => () => makeAgent(content, n, 'JPN', {}),
  'scripted agent name': (n) => () => makeAgent(content, `scripted:${n}`, 'JPN', {}),
  'scenario project type': compiled((b, n) => void (b.scenario.json.projects[0].type = n)),
  'scenario project host': compiled((b, n) => void (b.scenario.json.projects[0].host = n)),
  'persona investTypes': compiled((b, n) => void b.personas.json.personas['persona-jpn'].investTypes.push(n)),
  'persona answer.investTypes': compiled((b, n) => void b.personas.json.personas['persona-jpn'].answer.investTypes.push(n)),
  'persona answer.hosts key': compiled((b, n) => setKey(b.personas.json.personas['persona-jpn'].answer.hosts, n, 'AUS')),
  'event metric (country field)': compiled((b, n) => void b.events.json.events[0].conditions.push({ metric: `countries.JPN.${n}`, op: '>', value: 1 })),
  'event metric (strait)': compiled((b, n) => void b.events.json.events[0].conditions.push({ metric: `straits.${n}`, op: '==', value: 'closed' })),
  'event metric (tariff good)': compiled((b, n) => void b.events.json.events[0].conditions.push({ metric: `tariffs.JPN.CHN.${n}`, op: '>', value: 1 })),
  'event metric (head)': compiled((b, n) => void b.events.json.events[0].conditions.push({ metric: n, op: '>', value: 1 })),
  'event projectDelay type': compiled((b, n) => void b.events.json.events[0].effects.push({ kind: 'projectDelay', projectType: n, quarters: { v: 1, src: 'test' } })),
  'event closeStrait': compiled((b, n) => void b.events.json.events[0].effects.push({ kind: 'closeStrait', strait: n })),
  'event region': compiled((b, n) => void b.events.json.events[0].effects.push({ kind: 'pollution', region: n, delta: { v: 1, src: 'test' } })),
};
const DEFINITIONS: Record<string, (name: string) => () => unknown> = {
  'project type key': compiled((b, n) => setKey(b.projects.json.types, n, structuredClone(b.projects.json.types.recycling))),
  'persona key': compiled((b, n) => setKey(b.personas.json.personas, n, structuredClone(b.personas.json.personas['persona-jpn']))),
  'event id': compiled((b, n) => void (b.events.json.events[0].id = n)),
  'map lane id': compiled((b, n) => {
    const m = b.map.json;
    const old = m.lanes[0].id;
    m.lanes[0].id = n;
    for (const k of Object.keys(m.pairLanes)) if (m.pairLanes[k] === old) m.pairLanes[k] = n;
  }),
  'map strait id': compiled((b, n) => void (b.map.json.straits[0].id = n)),
};
const PLACES = { ...LOOKUPS, ...DEFINITIONS };

describe('property: a built-in property name wherever a name goes is refused cleanly, naming it', () => {
  it('every place, every built-in name (and other unknown names)', () => {
    const unknown = fc.string({ minLength: 1, maxLength: 10 }).map((s) => `zz${s.replace(/[^A-Za-z0-9]/g, '')}`);
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(PLACES)), fc.constantFrom(...NAMES), (place, name) => refusedNaming(name, PLACES[place](name))),
      { numRuns: 150, seed: 13 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(LOOKUPS)), unknown, (place, name) => refusedNaming(name, LOOKUPS[place](name))),
      { numRuns: 150, seed: 13 },
    );
  });

  it('and every place with every built-in name, exhaustively', () => {
    for (const place of Object.keys(PLACES)) for (const name of NAMES) refusedNaming(name, PLACES[place](name));
  });
});

describe('validate and run agree', () => {
  it('the default content passes, and a short game with every seat a persona stays finite', () => {
    const c = compileContent(edited(() => undefined));
    const seats = Object.fromEntries(COUNTRIES.map((x) => [x, makeAgent(c, 'persona', x)])) as Seats;
    const r = playGame(c, 1, seats, { turns: 2, hashes: true });
    expect(r.hashes).toHaveLength(2);
    expect(() => hashValue(r.reports)).not.toThrow();
  });
});
