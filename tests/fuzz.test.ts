// The fuzz suite (issue 13, part B): generated command lines, scripted orders, content files, replays, saves, journals
// and shard files, sent to the program in this process (main(argv), fast) and, for a bounded number, as real child
// processes (including Ctrl-C at a random moment). Every input must end with exit 0 and valid output, or exit 1 or 2
// with a clear message: never a stack trace, a hang, NaN or null in the output, a temporary file left behind, or a
// changed input file. The counts are printed at the end (FUZZ_RUNS=k multiplies the runs and the time limits, FUZZ_SEED changes them).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, COUNTRIES, type CountryId } from '../engine/index.ts';
import { CONTENT_DIR } from '../src/content/load.ts';
import { SessionCore } from '../src/session/core.ts';
import { cli, endProblem, journalText, type InRun } from './cli-inproc.ts';
import { ROOT, TEST_ENV } from './cli-run.ts';
import { content } from './helpers.ts';
import { applyLineOps, applyMutations, argvArb, badOutputs, badStdout, forgesValues, lineOpsArb, mutationsArb, pathsOf, resolveArgv, scriptTextArb, sha, type Fixture } from './fuzz-gen.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260413);
const K = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * K));
const sample = <T,>(arb: fc.Arbitrary<T>, n: number, salt: number) => fc.sample(arb, { numRuns: runs(n), seed: SEED + salt });

const TMP = mkdtempSync(join(tmpdir(), 'gambit-fuzz-'));
const F: Fixture = {
  dir: join(TMP, 'in'),
  out: join(TMP, 'out'),
  script: join(TMP, 'in', 'script.json'),
  replay: join(TMP, 'in', 'replay.json'),
  scenario: join(TMP, 'in', 'scenario.json'),
  shard1: join(TMP, 'in', 's1.jsonl'),
  shard2: join(TMP, 'in', 's2.jsonl'),
  table: join(TMP, 'in', 'payoffs.json'),
  content: join(TMP, 'content-copy'),
};
/** Where each generated input file is written (outside the output directory, whose files are all judged). */
const CASES = join(TMP, 'cases');
const persona = Object.fromEntries(COUNTRIES.map((c) => [c, 'persona'])) as Record<CountryId, string>;

interface Count {
  tried: number;
  ok: number;
  clearErrors: number;
  defects: string[];
}
const counts: Record<string, Count> = {};
function tally(kind: string, input: unknown, problem: string | null, ok: boolean): void {
  const c = (counts[kind] ??= { tried: 0, ok: 0, clearErrors: 0, defects: [] });
  c.tried++;
  if (problem) c.defects.push(`${problem}\n  input: ${JSON.stringify(input).slice(0, 400)}`);
  else if (ok) c.ok++;
  else c.clearErrors++;
}
function noDefects(kind: string): void {
  const d = counts[kind]?.defects ?? [];
  expect(d.slice(0, 3).join('\n\n'), `${d.length} defects`).toBe('');
}

/** The inputs no run may change: the real content always, and each fixture the run names. A fixture a run does not
 * read may be written (fork --out scenario.json is fine when the fork does not use that scenario): it is put back
 * after every run. */
let fixtures: [string, Buffer][] = [];
const contentFiles = () => readdirSync(CONTENT_DIR).filter((f) => f.endsWith('.json')).map((f) => join(CONTENT_DIR, f));
let contentShas: [string, string][] = [];
let named: string[] = [];
function changedInputs(): string | null {
  for (const [p, h] of contentShas) if (sha(p) !== h) return `a content file changed: ${p}`;
  for (const [p, b] of fixtures) if (named.some((a) => a.includes(p)) && !readFileSync(p).equals(b)) return `an input file changed: ${p}`;
  return null;
}
function restoreFixtures(): void {
  for (const [p, b] of fixtures)
    if (sha(p) === 'dir' || sha(p) === 'absent' || !readFileSync(p).equals(b)) {
      rmSync(p, { recursive: true, force: true });
      writeFileSync(p, b);
    }
}

/** Everything wrong with how a run ended; `args` names the files it read. */
function judge(r: InRun, args: unknown = []): string | null {
  // the files it names other than as an output are its inputs
  named = Array.isArray(args) ? args.map(String).filter((_, k, a) => a[k - 1] !== '--out' && a[k - 1] !== '--csv') : [JSON.stringify(args)];
  return endProblem(r) ?? changedInputs() ?? (r.code === 0 ? (badStdout(r.stdout) ?? badOutputs(F.out)) : badOutputs(F.out)) ?? leftovers();
}
function leftovers(): string | null {
  for (const d of [F.dir, F.out]) for (const f of readdirSync(d, { recursive: true }) as string[]) if (/\.tmp-\d+$|\.gambit-probe/.test(f)) return `a temporary file was left: ${f}`;
  return null;
}

let refOut = ''; // a finished 4-game batch (turns 1, seed 9): what any resume or merge must reproduce exactly
let refCsv = '';
let baseReplay: Record<string, unknown>;
const batch = ['selfplay', '--games', '4', '--turns', '1', '--seed', '9', '--workers', '1', '--no-progress'];

beforeAll(async () => {
  mkdirSync(F.dir, { recursive: true });
  mkdirSync(F.out, { recursive: true });
  mkdirSync(CASES, { recursive: true });
  cpSync(CONTENT_DIR, F.content, { recursive: true });
  writeFileSync(F.script, JSON.stringify({ turns: { 1: { tariffs: { CHN: { autos: 30 } } }, 2: { defenseSpendingPct: 2 } } }));
  const s = JSON.parse(readFileSync(join(CONTENT_DIR, 'scenarios', 'rare-earth-gambit.json'), 'utf8'));
  for (const k of Object.keys(s.files)) s.files[k] = join(CONTENT_DIR, s.files[k].replace('../', ''));
  writeFileSync(F.scenario, JSON.stringify(s));
  for (const [args, what] of [
    [['run', '--turns', '2', '--format', 'jsonl', '--out', F.replay], 'replay'],
    [[...batch, '--out', join(TMP, 'ref.jsonl')], 'reference batch'],
    [[...batch, '--shard', '1/2', '--out', F.shard1], 'shard 1'],
    [[...batch, '--shard', '2/2', '--out', F.shard2], 'shard 2'],
  ] as const) {
    const r = await cli(...args);
    if (r.code !== 0) throw new Error(`${what}: ${r.stderr}`);
  }
  refOut = readFileSync(join(TMP, 'ref.jsonl'), 'utf8');
  refCsv = readFileSync(join(TMP, 'ref.csv'), 'utf8');
  baseReplay = JSON.parse(readFileSync(F.replay, 'utf8'));
  const p = { strategies: {} as Record<string, string>, mean: {} as Record<string, number>, sd: {} as Record<string, number> };
  for (const c of COUNTRIES) Object.assign(p, { strategies: { ...p.strategies, [c]: 'persona' }, mean: { ...p.mean, [c]: 0 }, sd: { ...p.sd, [c]: 0 } });
  writeFileSync(F.table, JSON.stringify({ format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'rare-earth-gambit', seed: 1, gamesPerProfile: 2, players: COUNTRIES, strategies: Object.fromEntries(COUNTRIES.map((c) => [c, ['persona']])), profiles: [{ ...p, games: 2 }] }));
  fixtures = [F.script, F.replay, F.scenario, F.shard1, F.shard2, F.table].map((p) => [p, readFileSync(p)]);
  contentShas = contentFiles().map((p) => [p, sha(p)]);
}, K * 120_000);

afterAll(() => {
  const rows = Object.entries(counts);
  const total = rows.reduce((a, [, c]) => ({ tried: a.tried + c.tried, ok: a.ok + c.ok, clear: a.clear + c.clearErrors, defects: a.defects + c.defects.length }), { tried: 0, ok: 0, clear: 0, defects: 0 });
  const table = [
    `fuzz (seed ${SEED}, x${K}): ${total.tried} inputs tried, ${total.ok} ran fine, ${total.clear} refused with a clear message, ${total.defects} defects`,
    ...rows.map(([k, c]) => `  ${k.padEnd(22)} ${String(c.tried).padStart(4)} tried ${String(c.ok).padStart(4)} ok ${String(c.clearErrors).padStart(4)} clear errors ${String(c.defects.length).padStart(3)} defects`),
  ].join('\n');
  console.log(table);
  if (process.env.FUZZ_COUNTS_FILE) writeFileSync(process.env.FUZZ_COUNTS_FILE, JSON.stringify({ seed: SEED, runs: K, total, counts: Object.fromEntries(rows.map(([k, c]) => [k, { tried: c.tried, ok: c.ok, clearErrors: c.clearErrors, defects: c.defects.length }])) }, null, 1));
  rmSync(TMP, { recursive: true, force: true });
});

/** Output files of one run are judged, then cleared for the next. */
function resetOut(): void {
  restoreFixtures();
  rmSync(F.out, { recursive: true, force: true });
  mkdirSync(F.out, { recursive: true });
  for (const f of readdirSync(F.dir)) if (!['script.json', 'replay.json', 'scenario.json', 's1.jsonl', 's2.jsonl', 'payoffs.json'].includes(f)) rmSync(join(F.dir, f), { recursive: true, force: true });
}

describe('fuzz', () => {
  it('command lines (in process)', async () => {
    let i = 0;
    for (const argv of sample(argvArb, 160, 1)) {
      const args = resolveArgv(argv, F, i++);
      const t0 = performance.now();
      const r = await cli(...args);
      const slow = performance.now() - t0 > 20_000 ? `took ${Math.round(performance.now() - t0)} ms` : null;
      tally('command lines', args, slow ?? judge(r, args), r.code === 0);
      resetOut();
    }
    noDefects('command lines');
  }, K * 240_000);

  it('scripted orders', async () => {
    const f = join(CASES, 'fuzz-script.json');
    for (const text of sample(scriptTextArb, 70, 2)) {
      writeFileSync(f, text);
      for (const args of [['validate', f], ['run', '--turns', '2', '--format', 'jsonl', '--agents', `JPN=scripted:${f}`]]) {
        const r = await cli(...args);
        tally('scripted orders', { args: args[0], text }, judge(r) ?? (readFileSync(f, 'utf8') !== text ? 'the script changed' : null), r.code === 0);
      }
    }
    noDefects('scripted orders');
  }, K * 240_000);

  it('content files (validate)', async () => {
    const files = ['countries.json', 'goods.json', 'map.json', 'rules.json', 'projects.json', 'events.json', 'personas.json'];
    const docs = Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(CONTENT_DIR, f), 'utf8'))]));
    const arb = fc.constantFrom(...files).chain((f) => fc.tuple(fc.constant(f), mutationsArb(pathsOf(docs[f], 4))));
    for (const [f, ms] of sample(arb, 40, 3)) {
      const p = join(CASES, f);
      writeFileSync(p, JSON.stringify(applyMutations(docs[f], ms)));
      const r = await cli('validate', p);
      tally('content files', { f, ms }, judge(r), r.code === 0);
    }
    noDefects('content files');
  }, K * 120_000);

  it('replays (verify and fork)', async () => {
    const arb = fc.tuple(mutationsArb(pathsOf(baseReplay, 4)), fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }));
    let i = 0;
    for (const [ms, cut] of sample(arb, 80, 4)) {
      const doc = applyMutations(baseReplay, ms);
      const full = JSON.stringify(doc);
      const text = cut === null ? full : full.slice(0, cut % full.length);
      const f = join(CASES, 'fuzz-replay.json');
      writeFileSync(f, text);
      const same = cut === null && canonicalJson({ ...(doc as object), agents: null }) === canonicalJson({ ...baseReplay, agents: null });
      const args = i++ % 4 === 3 ? ['fork', f, '--at', '1', '--runs', '1', '--agents', 'CHN=hawk'] : ['replay', 'verify', f];
      const r = await cli(...args);
      // a verify that passes must be of the very same game (only the agents' names are not checked by the hashes)
      const wrong = args[0] === 'replay' && r.code === 0 && !same ? 'a changed replay verified ok' : null;
      tally('replays', { args: args[0], ms, cut }, judge(r, args) ?? wrong, r.code === 0);
    }
    noDefects('replays');
  }, K * 240_000);

  it('saves (the browser game\'s Load)', () => {
    const s = new SessionCore(content);
    const cfg = { scenarioId: 'rare-earth-gambit', country: 'JPN' as const, agents: persona, turns: 3, seed: 2 };
    expect(s.start(cfg).ok).toBe(true);
    s.submit({ defenseSpendingPct: 1.5 });
    s.submit({});
    const save = JSON.parse(s.save());
    const arb = fc.tuple(mutationsArb(pathsOf(save, 4)), fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }));
    for (const [ms, cut] of sample(arb, 70, 5)) {
      const full = JSON.stringify(applyMutations(save, ms));
      const text = cut === null ? full : full.slice(0, cut % full.length);
      const game = new SessionCore(content);
      game.start({ ...cfg, seed: 3 });
      game.submit({});
      const before = game.snapshot();
      let problem: string | null = null;
      let ok = false;
      try {
        const r = game.load(text);
        ok = r.ok;
        if (!r.ok && (/\n/.test(r.error) || /\b(NaN|undefined)\b|\[object Object\]/.test(r.error) || !r.error)) problem = `an unclear error: ${JSON.stringify(r.error)}`;
        if (!r.ok && canonicalJson(game.snapshot()) !== canonicalJson(before)) problem = 'a refused save changed the game in progress';
      } catch (e) {
        problem = `load threw: ${(e as Error).stack}`;
      }
      tally('saves', { ms, cut }, problem, ok);
    }
    noDefects('saves');
  }, K * 240_000);

  it('journals (selfplay --resume)', async () => {
    const journal = journalText({ seed: 9, games: 4, turns: 1 }, refOut.trim().split('\n').slice(0, 2), content.hash);
    const o = join(F.out, 'j.jsonl');
    for (const ops of sample(lineOpsArb, 50, 6)) {
      mkdirSync(F.out, { recursive: true });
      writeFileSync(`${o}.partial`, applyLineOps(journal, ops));
      const r = await cli(...batch, '--out', o, '--resume');
      // a resumed batch that finishes must give exactly what an uninterrupted one gives (unless a score was forged
      // with a fresh checksum: nothing short of playing the game again could tell)
      const differs = r.code === 0 && (readFileSync(o, 'utf8') !== refOut || readFileSync(join(F.out, 'j.csv'), 'utf8') !== refCsv);
      tally('journals', ops, judge(r) ?? (differs && !forgesValues(ops) ? 'a resumed batch differs from an uninterrupted one' : null), r.code === 0);
      resetOut();
    }
    noDefects('journals');
  }, K * 240_000);

  it('shard files (merge)', async () => {
    const [s1, s2] = [readFileSync(F.shard1, 'utf8'), readFileSync(F.shard2, 'utf8')];
    const ref = refOut.trim().split('\n').map((l) => JSON.parse(l) as { game: number; seed: number; run: string });
    const arb = fc.tuple(fc.boolean(), lineOpsArb, fc.constantFrom([0, 1], [1, 0], [0, 1, 1], [0]));
    for (const [first, ops, order] of sample(arb, 40, 7)) {
      const files = [join(CASES, 'a.jsonl'), join(CASES, 'b.jsonl')];
      const texts = [first ? applyLineOps(s1, ops) : s1, first ? s2 : applyLineOps(s2, ops)];
      texts.forEach((t, k) => writeFileSync(files[k], t));
      const o = join(F.out, 'merged', 'm.jsonl');
      const r = await cli('merge', '--out', o, ...order.map((k) => files[k]));
      // a merge that succeeds has every game of the batch once, in order, with its seed, each line as its shard gave it
      let honest: string | null = null;
      if (r.code === 0) {
        const given = new Map<number, string>();
        for (const t of texts.join('').split('\n'))
          try {
            const { shard: _s, ...l } = JSON.parse(t);
            if (!given.has(l.game)) given.set(l.game, JSON.stringify(l));
          } catch {
            /* not a line merge could have taken */
          }
        const merged = readFileSync(o, 'utf8').trim().split('\n');
        if (merged.length !== ref.length || merged.some((m, g) => JSON.parse(m).game !== g || JSON.parse(m).seed !== ref[g].seed || JSON.parse(m).run !== ref[g].run || given.get(g) !== m)) honest = 'a merge that is not the batch, game for game';
      }
      tally('shard files', { first, ops, order }, judge(r, order.map((k) => files[k])) ?? honest, r.code === 0);
      resetOut();
    }
    noDefects('shard files');
  }, K * 240_000);

  it('command lines as real processes, and Ctrl-C at a random moment', async () => {
    const spawnRun = (args: string[], killAfterMs?: number) =>
      new Promise<InRun & { signal: NodeJS.Signals | null; ms: number }>((res) => {
        const t0 = performance.now();
        const child = spawn(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, env: TEST_ENV });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const hang = setTimeout(() => child.kill('SIGKILL'), 60_000);
        if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), killAfterMs);
        child.on('close', (code, signal) => {
          clearTimeout(hang);
          res({ code: code ?? -1, stdout, stderr, signal, ms: performance.now() - t0 });
        });
      });
    let i = 1000;
    // one at a time: a run may write over a fixture it does not read, which another run reads
    for (const argv of sample(argvArb, 20, 8)) {
      const args = resolveArgv(argv, F, i++);
      const r = await spawnRun(args);
      tally('processes', args, r.signal ? `killed by ${r.signal} (a hang?)` : judge(r, args), r.code === 0);
      resetOut();
    }
    // Ctrl-C: the batch stops cleanly (exit 130; 0 if it had finished; killed by the signal if it came before the
    // batch began), leaves no temporary file, and resuming its journal gives exactly the uninterrupted result
    const twelve = [...batch.slice(0, 2), '12', ...batch.slice(3)];
    const whole = join(TMP, 'whole.jsonl');
    expect((await cli(...twelve, '--out', whole)).code).toBe(0);
    for (const delay of sample(fc.integer({ min: 300, max: 2500 }), 4, 9)) {
      const o = join(F.out, 'int.jsonl');
      const r = await spawnRun([...twelve, '--out', o], delay);
      let problem = r.signal && r.signal !== 'SIGINT' ? `killed by ${r.signal}` : !r.signal && r.code !== 130 && r.code !== 0 ? `exit ${r.code}: ${r.stderr}` : (leftovers() ?? changedInputs());
      if (!problem && existsSync(`${o}.partial`)) problem = endProblem(await cli(...twelve, '--out', o, '--resume'));
      if (!problem && existsSync(o) && readFileSync(o, 'utf8') !== readFileSync(whole, 'utf8')) problem = 'an interrupted and resumed batch differs from an uninterrupted one';
      tally('Ctrl-C', { delay, code: r.code, signal: r.signal }, problem, r.code === 0);
      resetOut();
    }
    noDefects('processes');
    noDefects('Ctrl-C');
  }, K * 300_000);
});
