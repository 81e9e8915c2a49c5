// The CLI commands themselves: thin hosts over the engine.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AGENT_DESCRIPTIONS,
  COUNTRIES,
  OBJECTIVES,
  SCHEMAS,
  ScriptSchema,
  agentNames,
  own,
  persona,
  seatYardsticks,
  checkFile,
  compileContent,
  formatIssue,
  makeReplay,
  playGame,
  turnSummary,
  verifyReplay,
  type Content,
  type ContentKind,
  type CountryId,
  type ObjectiveKey,
  type Script,
  isCountry,
} from '../../engine/index.ts';
import { passingTurns, scriptOrderIssues, scriptTargets } from './script-check.ts';
import { ContentError, zodIssues } from '../../engine/content.ts';
import { builtinKeyIssues } from '../../engine/content-check.ts';
import { listScenarios, readBundle, readJson } from '../content/load.ts';
import { int, loadScripts, makeSeats, parseAgentSpec, resolvedNames, scriptTurnNotes } from './args.ts';
import { eventLines, priceStory, scoreCard, tableHeader, tableRow, wrapIndented } from './table.ts';
import { reason, writeFileAtomic } from './io.ts';
import { inputFiles, loadScenarioContent } from './content.ts';
import { plainWords, polishIssue } from './errors.ts';
import { LIMITS, checkOutputs, earlierFile, mb } from './files.ts';
import { replayAgentsWatcher, agentCheckWords } from './replay-agents.ts';
import { readReplay, replayContent } from './replay-file.ts';

const content = loadScenarioContent;

function turnsOpt(v: string | undefined, c: Content): number | undefined {
  return v === undefined ? undefined : int('--turns', 1, c.scenario.turns)(v);
}

export function cmdRun(o: { scenario: string; seed: string; turns?: string; agents?: string; format: 'table' | 'jsonl'; out?: string }): number {
  const c = content(o.scenario);
  const seed = int('--seed', 0)(o.seed);
  const turns = turnsOpt(o.turns, c);
  const spec = parseAgentSpec(o.agents);
  // the output is checked before the game is played: a bad path, or one that is an input, is refused at once
  if (o.out !== undefined) checkOutputs([{ path: o.out, flag: '--out' }], inputFiles(o.scenario, spec));
  const scripts = loadScripts(spec, c);
  const seats = makeSeats(c, spec, scripts);
  for (const n of scriptTurnNotes(c, scripts, turns)) process.stderr.write(`gambit: ${n}\n`);
  const names = resolvedNames(seats);
  // each seat against the same game with that seat at the status quo (the others' agents react): doing nothing scores 0
  const yard = seatYardsticks(c, seed, seats, turns);
  const w = (s: string) => process.stdout.write(s + '\n');
  // a shorter run than the scenario says how much of it is played (the name's years are the whole scenario's)
  const part = turns !== undefined && turns < c.scenario.turns ? ` | its first ${turns === 1 ? 'turn' : `${turns} turns`} of ${c.scenario.turns}` : '';
  if (o.format === 'table') w(tableHeader(`${c.scenario.name}${part} | seed ${seed} | ${COUNTRIES.map((k) => `${k}=${names[k]}`).join(' ')}`));
  let i = 0;
  let first: ReturnType<typeof turnSummary> | undefined;
  let last: ReturnType<typeof turnSummary> | undefined;
  const scoreRows: Record<CountryId, number>[] = [];
  const sums = Object.fromEntries(COUNTRIES.map((k) => [k, 0])) as Record<CountryId, number>;
  const partSums = Object.fromEntries(COUNTRIES.map((k) => [k, Object.fromEntries(OBJECTIVES.map((ob) => [ob, 0]))])) as Record<CountryId, Record<ObjectiveKey, number>>;
  let lastBy: Record<CountryId, Record<ObjectiveKey, number>> | undefined;
  const result = playGame(c, seed, seats, {
    turns,
    hashes: Boolean(o.out),
    onTurn: (state, report) => {
      const row = {} as Record<CountryId, number>;
      const by = {} as Record<CountryId, Record<ObjectiveKey, number>>;
      for (const k of COUNTRIES) {
        const y = yard[k];
        sums[k] += y ? report.objective[k] - y.objectives[i][k] : 0;
        row[k] = sums[k] / (i + 1);
        by[k] = {} as Record<ObjectiveKey, number>;
        for (const ob of OBJECTIVES) {
          partSums[k][ob] += y ? report.objectiveBy[k][ob] - y.parts[i][k][ob] : 0;
          by[k][ob] = partSums[k][ob] / (i + 1);
        }
      }
      lastBy = by;
      scoreRows.push(row);
      i++;
      const s = turnSummary(state, report, row, lastBy);
      const prev = last;
      first ??= s;
      last = s;
      w(o.format === 'jsonl' ? JSON.stringify(s) : tableRow(s));
      if (o.format === 'table') for (const line of [...eventLines(s), ...priceStory(prev, s, report).flatMap((l) => wrapIndented(l))]) w(line);
    },
  });
  const scores = scoreRows[scoreRows.length - 1];
  const rounded = Object.fromEntries(COUNTRIES.map((k) => [k, Math.round(scores[k] * 100) / 100])) as Record<CountryId, number>;
  if (o.format === 'jsonl') {
    const st = result.state;
    w(
      JSON.stringify({
        final: {
          scores: rounded,
          scoreBy: lastBy ? Object.fromEntries(COUNTRIES.map((k) => [k, Object.fromEntries(OBJECTIVES.map((ob) => [ob, Math.round(lastBy![k][ob] * 100) / 100]))])) : undefined,
          agents: names,
          seed,
          scenario: c.scenario.id,
          turns: result.reports.length,
          contentHash: c.hash,
          gdp: Object.fromEntries(COUNTRIES.map((k) => [k, Math.round(st.regions[k].gdp * 10) / 10])),
          approval: Object.fromEntries(COUNTRIES.map((k) => [k, Math.round(st.regions[k].approval * 100) / 100])),
        },
      }),
    );
  } else if (first && last) {
    const start = Object.fromEntries(COUNTRIES.map((k) => [k, { gdp: result.state.regions[k].ref.gdp, approval: result.state.regions[k].ref.approval }])) as Record<CountryId, { gdp: number; approval: number }>;
    w(scoreCard({ scores, agents: names, first, last, by: lastBy, start }));
  }
  if (o.out) {
    const text = JSON.stringify(makeReplay(c, seed, names, result), null, 1) + '\n';
    // a different replay already there is said to be replaced (it went silently, as selfplay and tournament say theirs)
    const before = earlierFile(o.out, text);
    writeFileAtomic(o.out, text);
    const again = before === 'other' ? ' (replacing a different replay that was there)' : before === 'same' ? ' (the same replay as the one there)' : '';
    if (o.format === 'table') w(`\nreplay written to ${o.out}${again}`);
    else if (before === 'other') process.stderr.write(`gambit: run: replay written to ${o.out}${again}\n`);
  }
  return 0;
}

export function cmdReplayVerify(file: string, o: { scenario?: string }): number {
  const replay = readReplay(file);
  const c = replayContent(file, replay, o.scenario);
  // the hashes say the orders give the states; the agents field must say who gave the orders (fork plays them on):
  // both checked in one pass over the replay
  const agents = replayAgentsWatcher(c, replay);
  // on a terminal, the turn it is at (a replay with planners took 9 s in silence); in a log or a pipe, only the answer
  const tty = process.stderr.isTTY === true;
  let shown = 0;
  const visit = (s: Parameters<typeof agents.visit>[0], played: number) => {
    agents.visit(s, played);
    const now = performance.now();
    if (!tty || played === 0 || now - shown < 250) return;
    shown = now;
    process.stderr.write(`\rreplay verify: turn ${played} of ${replay.turns}\x1b[K`);
  };
  const v = verifyReplay(c, replay, { visit });
  if (tty && shown > 0) process.stderr.write('\r\x1b[K');
  if (v.ok) {
    const who = agents.result();
    if (!who.ok) {
      process.stdout.write(`mismatch: ${file}: ${agentCheckWords(who)}\n`);
      return 1;
    }
    process.stdout.write(`ok: ${file}: ${v.turns === 1 ? 'its 1 turn matches' : `all ${v.turns} turns match`} (scenario ${replay.scenarioId}, seed ${replay.seed}); ${agentCheckWords(who)}\n`);
    return 0;
  }
  const reason = plainWords(v.reason);
  process.stdout.write(`mismatch: ${file}: ${reason}${v.turn && v.actual ? ` (turn ${v.turn}: expected ${v.expected}, got ${v.actual})` : ''}\n`);
  return 1;
}

/** Who can play a script that passed: the country it was checked as, or every country its orders do not name. */
function scriptSeats(file: string, script: Script, country: CountryId | null): string {
  if (country) return ` for ${country}`;
  const out = scriptTargets(script);
  if (!out.size) return '';
  const named = COUNTRIES.filter((c) => out.has(c)).join(' or ');
  return `; any seat but ${named}, which its orders name as the other side; give COUNTRY=${file} to check it as one seat's`;
}

/** Guess what a file is from its name and keys. */
function kindOf(file: string, json: unknown): ContentKind | 'script' | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const k = json as Record<string, unknown>;
  if ('files' in k && 'id' in k) return 'scenario';
  if ('regions' in k) return 'countries';
  if ('markets' in k) return 'goods';
  if ('macro' in k) return 'rules';
  if ('types' in k && 'stakeOfftakeShare' in k) return 'projects';
  if ('events' in k) return 'events';
  if ('rows' in k) return 'map';
  if ('personas' in k) return 'personas';
  if ('turns' in k && typeof k.turns === 'object') return 'script';
  return null;
}

export function cmdValidate(args: string[], scenario = 'rare-earth-gambit'): number {
  let bad = 0;
  // a path that cannot be used (no such file, a directory, XXX= for no country) is a usage error, as in every other
  // command: one line on stderr and exit 2, after the other files are checked (it said "expected a readable file" on
  // stdout and exited 1, as for a file with errors in it)
  let unusable = 0;
  const refuse = (line: string): void => {
    process.stderr.write(`gambit: validate: ${line}\n`);
    unusable++;
  };
  // the scenario scripts are checked against: one given is loaded first (a bad --scenario: one line, exit 2, before any
  // file), the default at the first script
  let scriptContent: Content | null = scenario === 'rare-earth-gambit' ? null : loadScenarioContent(scenario);
  for (const arg of args) {
    // COUNTRY=PATH: a script checked as that country's (its orders about itself refused), as --agents COUNTRY=scripted:PATH plays it
    const as = /^([A-Za-z]{3})=(.+)$/.exec(arg);
    const country = as && isCountry(as[1].toUpperCase()) && !existsSync(arg) ? (as[1].toUpperCase() as CountryId) : null;
    const path = country ? as![2] : arg;
    if (as && !country && !existsSync(arg)) {
      // XXX=PATH with no such country: said so, not "no such file XXX=PATH"
      refuse(`${arg}: ${as[1]}= names no country: COUNTRY=PATH checks a script as that country's (${COUNTRIES.join(', ')})`);
      continue;
    }
    if (!path.trim()) {
      refuse('an empty file name');
      continue;
    }
    const st = statOf(path);
    if (!st.ok || st.dir) {
      refuse(`${path}: ${st.ok ? 'it is a directory, not a file' : `cannot read it (${st.why})`}`);
      continue;
    }
    const r = readJson(path);
    if (!r.ok) {
      process.stdout.write(formatIssue(r.issue) + '\n');
      bad++;
      continue;
    }
    const kind = kindOf(path, r.json);
    if (!kind && (r.json as { format?: unknown } | null)?.format === 'rare-earth-gambit-replay') {
      process.stdout.write(`${path}: $: expected a content file or agent script, found a replay (check it with gambit replay verify)\n`);
      bad++;
      continue;
    }
    if (country && kind !== 'script') {
      process.stdout.write(`${path}: $: expected an agent script (${country}=PATH checks a script as ${country}'s), found ${kind ? `a ${kind} file` : `keys ${Object.keys((r.json as object) ?? {}).join(', ') || 'none'}`}\n`);
      bad++;
      continue;
    }
    if (kind === 'script' && statSync(path).size > LIMITS.script) {
      // the cap a seat's script is read under (run and the batches refuse it), not the content files' larger one
      process.stdout.write(`${path}: $: expected a script of at most ${mb(LIMITS.script)} (the limit a seat's script is read under), found a file of ${mb(statSync(path).size)}\n`);
      bad++;
      continue;
    }
    if (!kind) {
      process.stdout.write(`${path}: $: expected a scenario, content file (countries, goods, rules, projects, events, map, personas) or agent script, found keys ${Object.keys((r.json as object) ?? {}).join(', ') || 'none'}\n`);
      bad++;
      continue;
    }
    try {
      if (kind === 'scenario') compileContent(readBundle(path));
      else if (kind === 'script') {
        const builtin = builtinKeyIssues(path, r.json);
        if (builtin.length) throw new ContentError(builtin);
        const s = ScriptSchema.safeParse(r.json);
        if (!s.success) {
          const part = passingTurns(r.json);
          throw new ContentError([...zodIssues(path, r.json, s.error, ScriptSchema), ...(part ? scriptOrderIssues((scriptContent ??= loadScenarioContent(scenario)), path, part, country) : [])]);
        }
        const orders = scriptOrderIssues((scriptContent ??= loadScenarioContent(scenario)), path, s.data, country);
        if (orders.length) throw new ContentError(orders);
        process.stdout.write(`ok: ${path} (script${scriptSeats(path, s.data, country)})\n`);
        continue;
      } else {
        const res = checkFile(kind, path, r.json);
        if (!res.ok) throw new ContentError(res.issues);
      }
      process.stdout.write(`ok: ${path} (${kind})\n`);
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      process.stdout.write(e.issues.map(polishIssue).map(formatIssue).join('\n') + '\n');
      bad++;
    }
  }
  return unusable ? 2 : bad ? 1 : 0;
}

/** Whether a path names something to read, and whether that is a directory; why not, in words. */
function statOf(path: string): { ok: true; dir: boolean } | { ok: false; why: string } {
  try {
    return { ok: true, dir: statSync(path).isDirectory() };
  } catch (e) {
    return { ok: false, why: reason(e) };
  }
}

export function cmdAgents(o: { scenario: string }): number {
  const c = content(o.scenario);
  // one agent a line for a program reading it; on a terminal each wrapped to its width under the description column
  // (a persona's line ran to 329 characters)
  const width = process.stdout.isTTY ? Math.max(60, process.stdout.columns ?? 100) : 0;
  const line = (name: string, what: string) => {
    const text = `${name.padEnd(14)} ${what}`;
    if (!width || text.length <= width) return text;
    return wrapIndented(text, width, 15).join('\n');
  };
  for (const n of agentNames(c)) {
    const p = persona(c, n);
    process.stdout.write(`${line(n, p ? `${p.country} only: ${p.description}` : (own(AGENT_DESCRIPTIONS, n) ?? ''))}\n`);
  }
  process.stdout.write(`${line('scripted:FILE', 'orders read from a JSON file by turn (see README)')}\n`);
  return 0;
}

export function cmdScenarios(): number {
  for (const s of listScenarios()) process.stdout.write(`${s.id.padEnd(20)} ${s.turns} turns  ${s.name}\n`);
  return 0;
}

export function schemaFor(kind: ContentKind | 'script'): object {
  const schema = kind === 'script' ? ScriptSchema : SCHEMAS[kind];
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

export function cmdSchema(o: { out: string }): number {
  const kinds = [...(Object.keys(SCHEMAS) as ContentKind[]), 'script' as const];
  checkOutputs([{ path: o.out, flag: '--out', dir: true, inside: kinds.map((k) => `${k}.schema.json`) }], []);
  for (const k of kinds) {
    const f = join(o.out, `${k}.schema.json`);
    writeFileAtomic(f, JSON.stringify(schemaFor(k), null, 2) + '\n');
    process.stdout.write(`wrote ${f}\n`);
  }
  return 0;
}

