// Semantic checks of content, after the schema: names that are not built-in property names, numbers in physical
// ranges, no country dealing with, taxing or resenting itself, every trading pair with a routable lane, and every
// reference (project types, personas, straits, event metrics) resolving. What passes here runs without a crash.
import type { Content, ContentIssue, ContentKind, RawBundle } from './content.ts';
import type { CountriesFile, EventsFile, PersonasFile, ProjectsFile, ProjectType, ScenarioFile } from './schema.ts';
import { COUNTRIES, REGIONS, isCountry, type CountryId } from './ids.ts';
import { isBuiltinName, own, projectType } from './own.ts';
import { pathText, rangeIssues } from './content-ranges.ts';
import { conditionProblem } from './events.ts';
import { routeLanes, type GameMap } from './map.ts';

const BUILTIN = 'a name that is not a built-in JavaScript property name (constructor, toString, __proto__, valueOf, ...)';

/** What is wrong with `owner` building a unit of a project type in `host`: the rules orders are held to (policy.ts),
 * which content that agents act on (scenario projects, personas) must also keep. */
export function investmentProblems(type: string, t: ProjectType, owner: CountryId, host: CountryId): { field: 'host' | 'type'; message: string }[] {
  const out: { field: 'host' | 'type'; message: string }[] = [];
  if (t.hosts && !t.hosts.includes(host)) out.push({ field: 'host', message: `${type} can only be built in ${t.hosts.join(', ')}` });
  if (t.kind === 'deepSeaMud' && owner !== 'JPN') out.push({ field: 'type', message: `only JPN can lift Minamitorishima mud` });
  if ((t.kind === 'stockpile' || t.kind === 'thrifting') && host !== owner) out.push({ field: 'host', message: `${type} is bought for the country itself` });
  return out;
}

/** Object keys anywhere in a parsed JSON file that are built-in property names (`__proto__` would be swallowed by the
 * parser's records, `constructor` found by lookups). Walks with a stack, so deep nesting cannot overflow it. */
export function builtinKeyIssues(file: string, json: unknown): ContentIssue[] {
  const out: ContentIssue[] = [];
  const stack: [unknown, (string | number)[]][] = [[json, []]];
  while (stack.length && out.length < 20) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else
      for (const k of Object.keys(v).reverse()) {
        if (isBuiltinName(k)) out.push({ file, path: pathText([...path, k]), expected: BUILTIN, found: JSON.stringify(k) });
        else stack.push([(v as Record<string, unknown>)[k], [...path, k]]);
      }
  }
  return out;
}

type Add = (path: (string | number)[], expected: string, found: string) => void;

/** Every check that needs only one file: ranges, self-relations, the map's lanes, event conditions. */
export function fileIssues(kind: ContentKind, file: string, value: unknown, raw: unknown): ContentIssue[] {
  const out = rangeIssues(kind, file, value, raw);
  const add: Add = (path, expected, found) => out.push({ file, path: pathText(path), expected, found });
  if (kind === 'scenario') scenarioIssues(value as ScenarioFile, add);
  if (kind === 'countries') countriesIssues(value as CountriesFile, add);
  if (kind === 'projects') projectsIssues(value as ProjectsFile, add);
  if (kind === 'events') eventsIssues(value as EventsFile, add);
  if (kind === 'personas') personasIssues(value as PersonasFile, add);
  if (kind === 'map' && !out.length) mapIssues(value as GameMap, add);
  return out;
}

function scenarioIssues(s: ScenarioFile, add: Add): void {
  for (const c of COUNTRIES) {
    const p = s.policies[c];
    if (own(p.tariffs, c)) add(['policies', c, 'tariffs', c], 'tariffs on the other countries (a country cannot set a tariff on itself)', JSON.stringify(c));
    if (own(p.exportControls, c)) add(['policies', c, 'exportControls', c], 'controls on exports to the other countries (not to itself)', JSON.stringify(c));
  }
  s.deals.forEach((d, i) => d.a === d.b && add(['deals', i, 'b'], `a partner other than ${d.a} (a country cannot make a deal with itself)`, JSON.stringify(d.b)));
  s.tension.forEach((t, i) => t.a === t.b && add(['tension', i, 'b'], `a country other than ${t.a} (tension is between two countries)`, JSON.stringify(t.b)));
  s.offtakes.forEach((o, i) => o.from === o.to && add(['offtakes', i, 'to'], `a buyer other than the seller ${o.from}`, JSON.stringify(o.to)));
  s.calibrationTariffs.forEach((t, i) => t.importer === t.partner && add(['calibrationTariffs', i, 'partner'], `a partner other than the importer ${t.importer}`, JSON.stringify(t.partner)));
}

function countriesIssues(c: CountriesFile, add: Add): void {
  for (const r of REGIONS) {
    const spec = c.regions[r];
    if (spec.mining.lightFrac + spec.mining.heavyFrac > 1 + 1e-9) add(['regions', r, 'mining'], 'lightFrac + heavyFrac at most 1', `sum ${spec.mining.lightFrac + spec.mining.heavyFrac}`);
    const total = Object.values(spec.carSourcing).reduce<number>((a, b) => a + (b ?? 0), 0);
    if (Math.abs(total - 1) > 0.02) add(['regions', r, 'carSourcing'], 'shares summing to 1', `sum ${total.toFixed(3)}`);
    for (const key of ['allies', 'rivals'] as const) spec[key].forEach((x, i) => x === r && add(['regions', r, key, i], `a country other than ${r} itself`, JSON.stringify(x)));
    if (isCountry(r) && !spec.objectives) add(['regions', r, 'objectives'], 'objective weights for a playable country', 'nothing');
    // trade in other goods within reach of the economy: the most open ones (Singapore, Hong Kong) export and import
    // about 1.5-2 times their GDP (World Bank WDI); far beyond that the GDP gap arithmetic leaves the real numbers
    const exports = Object.values(spec.otherExports).reduce<number>((a, b) => a + (b ?? 0), 0);
    const imports = REGIONS.reduce((a, o) => a + (c.regions[o].otherExports[r] ?? 0), 0);
    if (exports > 2 * spec.gdpUsdBn) add(['regions', r, 'otherExports'], `exports of other goods at most 2 x gdpUsdBn (${2 * spec.gdpUsdBn})`, `sum ${exports}`);
    if (imports > 2 * spec.gdpUsdBn) add(['regions', r, 'gdpUsdBn', 'v'], `a GDP at least half of ${r}'s imports of other goods (${imports})`, `number ${spec.gdpUsdBn}`);
  }
}

function projectsIssues(p: ProjectsFile, add: Add): void {
  for (const [id, t] of Object.entries(p.types)) {
    if ((t.lightFrac ?? 0) + (t.heavyFrac ?? 0) > 1 + 1e-9) add(['types', id], 'lightFrac + heavyFrac at most 1', `sum ${(t.lightFrac ?? 0) + (t.heavyFrac ?? 0)}`);
    if (t.hosts && t.hosts.length === 0) add(['types', id, 'hosts'], 'at least one host country (or no hosts key: any country)', 'an array of 0');
  }
  deepSeaIssues(p, add);
}

/** The project kinds whose capacity ramps up after completion (engine/projects.ts, addRamped). */
const RAMPED: readonly string[] = ['mine', 'refinery', 'magnetPlant'];

/** The mud programme's stages: unique ids, passable, and the deepSeaMud type's cost and lead time those of its stages
 * (orders are checked against the type's cost, which pays for the first stage). */
function deepSeaIssues(p: ProjectsFile, add: Add): void {
  const ds = p.deepSea;
  const ids = new Set<string>();
  ds.stages.forEach((st, i) => {
    if (ids.has(st.id) || isBuiltinName(st.id)) add(['deepSea', 'stages', i, 'id'], 'a unique stage id', JSON.stringify(st.id));
    ids.add(st.id);
    if (st.reads < 1 || st.pass > st.reads) add(['deepSea', 'stages', i, 'pass', 'v'], `at least 1 read and pass at most reads (${st.reads})`, `number ${st.pass}`);
  });
  const lead = ds.stages.reduce((a, st) => a + st.quarters, 0);
  for (const [id, t] of Object.entries(p.types)) {
    if (t.rampUp && !RAMPED.includes(t.kind)) add(['types', id, 'rampUp'], `no rampUp: only ${RAMPED.join(', ')} ramp up (this type's capacity comes on whole)`, `a rampUp on kind ${t.kind}`);
    if (t.kind !== 'deepSeaMud') continue;
    if (Math.abs(t.costUsdBn - ds.stages[0].costUsdBn) > 1e-9) add(['types', id, 'costUsdBn', 'v'], `the cost of the first stage (deepSea.stages[0].costUsdBn = ${ds.stages[0].costUsdBn})`, `number ${t.costUsdBn}`);
    if (Math.abs(t.leadQuarters - lead) > 1e-9) add(['types', id, 'leadQuarters', 'v'], `the stages' quarters added up (${lead})`, `number ${t.leadQuarters}`);
  }
}

function eventsIssues(e: EventsFile, add: Add): void {
  const ids = new Set<string>();
  e.events.forEach((ev, i) => {
    if (ids.has(ev.id)) add(['events', i, 'id'], 'a unique event id', JSON.stringify(ev.id));
    if (isBuiltinName(ev.id)) add(['events', i, 'id'], BUILTIN, JSON.stringify(ev.id));
    ids.add(ev.id);
    if (ev.window.to < ev.window.from) add(['events', i, 'window'], 'from <= to', `from ${ev.window.from}, to ${ev.window.to}`);
    ev.conditions.forEach((c, j) => {
      const pr = c.metric.startsWith('straits.') ? null : conditionProblem(null, c); // straits: with the map, crossIssues
      if (pr) add(['events', i, 'conditions', j, pr.at], pr.expected, JSON.stringify(pr.at === 'metric' ? c.metric : c.value));
    });
    ev.effects.forEach((f, j) => f.kind === 'tension' && f.a === f.b && add(['events', i, 'effects', j, 'b'], `a country other than ${f.a} (tension is between two countries)`, JSON.stringify(f.b)));
  });
}

function personasIssues(p: PersonasFile, add: Add): void {
  for (const [id, ps] of Object.entries(p.personas)) {
    for (const [type, host] of Object.entries(ps.answer?.hosts ?? {})) if (!isCountry(host)) add(['personas', id, 'answer', 'hosts', type], `a host country (${COUNTRIES.join(', ')})`, JSON.stringify(host));
    if (ps.proposal && ps.proposal.deal.to === ps.country) add(['personas', id, 'proposal', 'deal', 'to'], `a partner other than the persona's own country`, JSON.stringify(ps.proposal.deal.to));
  }
  const have = new Set(Object.values(p.personas).map((x) => x.country));
  for (const c of COUNTRIES) if (!have.has(c)) add(['personas'], `a persona for ${c} (the default agent of every seat)`, 'none');
}

/** Latitudes on the globe, a lane for every ordered pair of regions joining ports of the two, no id that is a built-in
 * name, and every lane routable with all straits open (a port in a land-locked pond blocks its lanes for ever). */
function mapIssues(m: GameMap, add: Add): void {
  const south = m.latNorth - m.rows.length * m.degPerCellY;
  if (south < -90) add(['rows'], `a grid that stays north of the south pole (latNorth - rows x degPerCellY >= -90)`, `${south}`);
  const ids: [string, { id: string }[]][] = [['ports', m.ports], ['straits', m.straits], ['lanes', m.lanes]];
  for (const [key, list] of ids) list.forEach((x, i) => isBuiltinName(x.id) && add([key, i, 'id'], BUILTIN, JSON.stringify(x.id)));
  const ports = new Map(m.ports.map((p) => [p.id, p]));
  const lanes = new Map(m.lanes.map((l) => [l.id, l]));
  for (const a of REGIONS)
    for (const b of REGIONS) {
      if (a === b) continue;
      const key = `${a}>${b}`;
      const id = own(m.pairLanes, key);
      if (id === undefined) {
        add(['pairLanes', key], `a lane for the trade from ${a} to ${b} (every ordered pair of regions trades)`, 'nothing');
        continue;
      }
      const l = lanes.get(id);
      const ends = l ? [ports.get(l.from)?.country, ports.get(l.to)?.country] : [];
      if (l && !((ends[0] === a && ends[1] === b) || (ends[0] === b && ends[1] === a))) add(['pairLanes', key], `a lane between a port of ${a} and a port of ${b}`, `lane ${JSON.stringify(id)} joins ${ends.join(' and ')}`);
    }
  if (m.ports.some((p) => isBuiltinName(p.id)) || m.lanes.some((l) => isBuiltinName(l.id)) || m.straits.some((s) => isBuiltinName(s.id))) return;
  const routes = routeLanes(m, []);
  m.lanes.forEach((l, i) => {
    if (own(routes, l.id)?.blocked) add(['lanes', i], `a lane with a sea route between its ports with every strait open (ports on the open sea)`, `no route from ${l.from} to ${l.to}`);
  });
}

/** Every check across files: references resolve, and what agents build can be built. */
export function crossIssues(c: Omit<Content, 'hash'>, raw: RawBundle): ContentIssue[] {
  const out: ContentIssue[] = [];
  const add = (file: string, path: (string | number)[], expected: string, found: string) => out.push({ file, path: pathText(path), expected, found });
  const typeFrom = `a project type from ${raw.projects.file}`;
  const sf = raw.scenario.file;
  c.scenario.projects.forEach((p, i) => {
    const t = projectType(c, p.type);
    if (!t) add(sf, ['projects', i, 'type'], typeFrom, JSON.stringify(p.type));
    else for (const pr of investmentProblems(p.type, t, p.owner, p.host)) add(sf, ['projects', i, pr.field], pr.message, JSON.stringify(pr.field === 'host' ? p.host : p.type));
    const stages = c.projects.deepSea.stages.map((st) => st.id);
    if (p.stage !== undefined && (t?.kind !== 'deepSeaMud' || !stages.includes(p.stage)))
      add(sf, ['projects', i, 'stage'], `a stage of the deep-sea programme (${stages.join(', ')}), on a deepSeaMud project only`, JSON.stringify(p.stage));
  });
  const ef = raw.events.file;
  const straits = c.map.straits.map((s) => s.id);
  c.events.events.forEach((e, i) => {
    e.effects.forEach((f, j) => {
      if (f.kind === 'closeStrait' && !straits.includes(f.strait)) add(ef, ['events', i, 'effects', j, 'strait'], `a strait id from ${raw.map.file}`, JSON.stringify(f.strait));
      if (f.kind === 'projectDelay' && !projectType(c, f.projectType)) add(ef, ['events', i, 'effects', j, 'projectType'], typeFrom, JSON.stringify(f.projectType));
    });
    e.conditions.forEach((cond, j) => {
      const pr = cond.metric.startsWith('straits.') ? conditionProblem(straits, cond) : null;
      if (pr) add(ef, ['events', i, 'conditions', j, pr.at], pr.expected, JSON.stringify(pr.at === 'metric' ? cond.metric : cond.value));
    });
  });
  for (const [id, t] of Object.entries(c.projects.types)) {
    if (t.kind !== 'stockpile') continue;
    const lot = (t.capacity * c.goods.markets[t.stage ?? 'oxide.light'].basePrice) / 1e6;
    if (Math.abs(t.costUsdBn - lot) > 0.1 * lot + 1e-12)
      add(raw.projects.file, ['types', id, 'costUsdBn', 'v'], `the lot at the base price, capacity x basePrice / 1e6 = ${lot} within 10% (agents budget with it; the orders are checked at the price)`, `number ${t.costUsdBn}`);
  }
  const pf = raw.personas.file;
  for (const [pid, p] of Object.entries(c.personas.personas)) {
    const me = p.country;
    const check = (types: string[], where: (string | number)[], host: (type: string, t: ProjectType) => CountryId) =>
      types.forEach((type, i) => {
        const t = projectType(c, type);
        if (!t) return add(pf, [...where, i], typeFrom, JSON.stringify(type));
        for (const pr of investmentProblems(type, t, me, host(type, t))) add(pf, [...where, i], `a project type ${me} can build (${pr.message})`, JSON.stringify(type));
      });
    const defaultHost = (_: string, t: ProjectType): CountryId => (t.hosts && !t.hosts.includes(me) ? t.hosts[0] : me);
    check(p.investTypes, ['personas', pid, 'investTypes'], defaultHost);
    const a = p.answer;
    if (!a) continue;
    const hosts = a.hosts ?? {};
    check(a.investTypes, ['personas', pid, 'answer', 'investTypes'], (type, t) => {
      const h = own(hosts, type);
      return isCountry(h) ? h : defaultHost(type, t);
    });
    for (const type of Object.keys(hosts)) if (!a.investTypes.includes(type)) add(pf, ['personas', pid, 'answer', 'hosts', type], `a key from answer.investTypes (${a.investTypes.join(', ')})`, JSON.stringify(type));
  }
  return out;
}
