// The play-time order checks (engine/policy.ts validateOrders) that a script's file alone can decide, so `gambit
// validate` and the seats a batch makes refuse such a script before any game starts, not at the turn it reaches: a
// country's orders about itself (tariffs, export controls, a deal), an empty deal, an unknown project type, a project
// its host or owner cannot have, more units in one turn than a country may hold, and deal answers that can never name
// a deal. What depends on the game (the budget, the stockpile, approval's limit on defence, open deals) is left to play.
import { COUNTRIES, isCountry, SCRIPT_TURN_KEY, type Content, type CountryId, type Script } from '../../engine/index.ts';
import { jsonPath, type ContentIssue } from '../../engine/content.ts';
import { investmentProblems } from '../../engine/content-check.ts';
import { projectType } from '../../engine/own.ts';
import { CountryOrdersSchema } from '../../engine/schema.ts';

/** Deal ids as the engine gives them (engine/deals.ts): D1, D2, ... */
const DEAL_ID = /^D[1-9][0-9]*$/;

/** The countries a script names as the other side of its orders (tariffs, export controls, deals proposed): none of
 * them can play it, since a country's orders about itself are refused. */
export function scriptTargets(script: Script): Map<CountryId, string> {
  const out = new Map<CountryId, string>();
  for (const [t, o] of Object.entries(script.turns)) {
    for (const c of Object.keys(o.tariffs ?? {})) if (isCountry(c) && !out.has(c)) out.set(c, jsonPath(['turns', t, 'tariffs', c]));
    for (const c of Object.keys(o.exportControls ?? {})) if (isCountry(c) && !out.has(c)) out.set(c, jsonPath(['turns', t, 'exportControls', c]));
    (o.deals?.propose ?? []).forEach((p, i) => {
      if (!out.has(p.to)) out.set(p.to, jsonPath(['turns', t, 'deals', 'propose', i, 'to']));
    });
  }
  return out;
}

/**
 * Issues of a script (already through its schema) that play would refuse whatever the game, each with the file, JSON
 * path, what was expected and what was found. `country`: the seat that plays it, or null when unknown (then the
 * orders about a country are checked only for whether any country at all could play the script).
 */
export function scriptOrderIssues(content: Pick<Content, 'projects' | 'scenario'>, file: string, script: Script, country: CountryId | null): ContentIssue[] {
  const out: ContentIssue[] = [];
  const add = (path: (string | number)[], expected: string, found: string) => out.push({ file, path: jsonPath(path), expected, found });
  const last = content.scenario.turns;
  for (const [t, o] of Object.entries(script.turns)) {
    const at = ['turns', t];
    // every command that plays the script refuses it (args.ts scriptTurnNotes), so validate must not call it ok
    if (Number(t) > last) add(at, `a turn the scenario plays (1 to ${last})`, `turn ${t}, beyond the scenario's ${last} turns`);
    if (country) {
      if (o.tariffs && Object.hasOwn(o.tariffs, country)) add([...at, 'tariffs', country], `a partner other than ${country} (a country cannot set a tariff on itself; this script plays ${country})`, JSON.stringify(country));
      if (o.exportControls && Object.hasOwn(o.exportControls, country)) add([...at, 'exportControls', country], `a partner other than ${country} (a country cannot control exports to itself; this script plays ${country})`, JSON.stringify(country));
    }
    const d = o.deals;
    (d?.propose ?? []).forEach((p, i) => {
      if (country && p.to === country) add([...at, 'deals', 'propose', i, 'to'], `a country other than ${country} (a country cannot make a deal with itself; this script plays ${country})`, JSON.stringify(country));
      if (p.give.length + p.get.length === 0) add([...at, 'deals', 'propose', i], 'a deal with at least one commitment in give or get', 'both empty');
    });
    for (const key of ['accept', 'reject'] as const)
      (d?.[key] ?? []).forEach((id, i) => {
        if (!isCountry(id) && !DEAL_ID.test(id)) add([...at, 'deals', key, i], `a deal id such as D3, or a country code (${COUNTRIES.join(', ')}) to answer what that country proposed`, JSON.stringify(id));
      });
    (d?.break ?? []).forEach((id, i) => {
      if (!DEAL_ID.test(id)) add([...at, 'deals', 'break', i], 'a deal id such as D3 (a deal is broken by its id, not by country)', JSON.stringify(id));
    });
    const units = new Map<string, number>();
    (o.investments ?? []).forEach((inv, i) => {
      const pt = projectType(content, inv.type);
      if (!pt) {
        add([...at, 'investments', i, 'type'], `a project type (${Object.keys(content.projects.types).sort().join(', ')})`, JSON.stringify(inv.type));
        return;
      }
      units.set(inv.type, (units.get(inv.type) ?? 0) + (inv.units ?? 1));
      if (country)
        for (const pr of investmentProblems(inv.type, pt, country, inv.host ?? country)) {
          const field = pr.field === 'host' && !inv.host ? [] : [pr.field];
          const found = pr.field === 'type' ? JSON.stringify(inv.type) : inv.host ? JSON.stringify(inv.host) : `no host, so ${country} itself`;
          add([...at, 'investments', i, ...field], `an order ${country} can give (${pr.message})`, found);
        }
      else if (inv.host && pt.hosts && !pt.hosts.includes(inv.host)) add([...at, 'investments', i, 'host'], `a host of ${inv.type}: ${pt.hosts.join(', ')}`, JSON.stringify(inv.host));
    });
    for (const [type, n] of units) {
      const max = projectType(content, type)!.maxUnitsPerCountry;
      if (n > max) add([...at, 'investments'], `at most ${max} unit${max > 1 ? 's' : ''} of ${type} (the limit per country)`, `${n} ordered in turn ${t}`);
    }
  }
  if (!country) {
    const targets = scriptTargets(script);
    if (targets.size === COUNTRIES.length)
      add([], `a script some country can play (its orders about a country cannot be that country's own)`, `orders about every country: ${[...targets].map(([c, p]) => `${c} at ${p}`).join(', ')}`);
  }
  return out;
}

/** The turns of a script the schema refused that pass it alone (a turn key such as "3", orders that parse), as a
 * script: `validate` checks their orders too, so one run names every problem, not the schema's first and the orders'
 * on the next run. Null if the file has no such turn. */
export function passingTurns(json: unknown): Script | null {
  const turns = (json as { turns?: unknown } | null)?.turns;
  if (!turns || typeof turns !== 'object' || Array.isArray(turns)) return null;
  const out: Script['turns'] = {};
  for (const [k, v] of Object.entries(turns)) {
    if (!SCRIPT_TURN_KEY.test(k)) continue; // the schema's own test of a turn key
    const p = CountryOrdersSchema.safeParse(v);
    if (p.success) out[k] = p.data;
  }
  return Object.keys(out).length ? { turns: out } : null;
}
