// Hardening, part B (issue 13): files are safe (outputs checked before any work, never an input, written atomically,
// temporaries removed on every exit), batches are honest (journals and shards checked line by line), replays are
// untrusted input, every input has a size cap, and the rough messages are clear. Each test failed before the fix.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTRIES, makeReplay, playGame, verifyReplay, type CountryId } from '../engine/index.ts';
import { CONTENT_DIR } from '../src/content/load.ts';
import { hashesOf, loadScripts, makeSeats } from '../src/cli/args.ts';
import { playOne, type GameTask, type ResultLine } from '../src/cli/batch.ts';
import { liveTemps, writeFileAtomic } from '../src/cli/io.ts';
import { writeResults } from '../src/cli/results.ts';
import { SessionCore } from '../src/session/core.ts';
import { cli, endProblem, expectRefused, journalText, type InRun } from './cli-inproc.ts';
import { journalLine } from '../src/cli/journal.ts';
import { ROOT } from './cli-run.ts';
import { content } from './helpers.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-files-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const at = (...p: string[]) => join(TMP, ...p);
const persona = Object.fromEntries(COUNTRIES.map((c) => [c, 'persona'])) as Record<CountryId, string>;

/** A refusal: the exit code, one line on stderr naming `name` and matching `why`, nothing on stdout. */
function refused(r: InRun, code: number, name: string, why: RegExp): void {
  expectRefused(r, why, { code, name });
}

/** No temporary or journal files left in a directory. */
function clean(dir: string): void {
  expect(readdirSync(dir).filter((f) => /\.tmp-\d+$|\.partial$|\.gambit-probe/.test(f))).toEqual([]);
  expect(liveTemps()).toEqual([]);
}

const plan = at('plan.json');
writeFileSync(plan, JSON.stringify({ turns: { 1: { tariffs: { JPN: { autos: 10 } } } } }));
const PLAN = readFileSync(plan, 'utf8');

/** A place even root cannot create files in (/sys), or a directory made read-only for a normal user; null if none. */
function readOnlyPlace(): string | null {
  if (process.getuid?.() !== 0) {
    const d = at('ro');
    mkdirSync(d, { recursive: true });
    return d;
  }
  try {
    writeFileSync('/sys/gambit-probe', '');
    return null;
  } catch {
    return existsSync('/sys') ? '/sys' : null;
  }
}

describe('files are safe', () => {
  it('run --agents USA=scripted:plan.json --out plan.json is refused before the game, exit 2, and the script is unchanged', async () => {
    refused(await cli('run', '--turns', '1', '--agents', `USA=scripted:${plan}`, '--out', plan), 2, plan, /the script of USA.*an input; refusing to overwrite it/);
    expect(readFileSync(plan, 'utf8')).toBe(PLAN);
  });

  it('--scenario S.json --out S.json is refused (also through another spelling of the same path)', async () => {
    const s = JSON.parse(readFileSync(join(CONTENT_DIR, 'scenarios', 'rare-earth-gambit.json'), 'utf8'));
    for (const k of Object.keys(s.files)) s.files[k] = join(CONTENT_DIR, s.files[k].replace('../', ''));
    const S = at('S.json');
    writeFileSync(S, JSON.stringify(s));
    const before = readFileSync(S, 'utf8');
    refused(await cli('run', '--turns', '1', '--scenario', S, '--out', S), 2, S, /the scenario file/);
    refused(await cli('run', '--turns', '1', '--scenario', S, '--out', join(TMP, '.', 'x', '..', 'S.json')), 2, 'S.json', /the scenario file/);
    refused(await cli('run', '--turns', '1', '--scenario', S, '--out', join(CONTENT_DIR, 'countries.json')), 2, 'countries.json', /a content file of the scenario/);
    expect(readFileSync(S, 'utf8')).toBe(before);
  });

  it('fork replay.json --out replay.json is refused and the replay is unchanged', async () => {
    const rep = at('fork-replay.json');
    expect((await cli('run', '--turns', '2', '--format', 'jsonl', '--out', rep)).code).toBe(0);
    const before = readFileSync(rep, 'utf8');
    refused(await cli('fork', rep, '--at', '1', '--runs', '1', '--agents', 'CHN=hawk', '--out', rep), 2, rep, /the replay.*an input/);
    expect(readFileSync(rep, 'utf8')).toBe(before);
  });

  it('--csv equal to --out is refused (selfplay and merge), before any game', async () => {
    const o = at('same.jsonl');
    refused(await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--out', o, '--csv', o), 2, '--csv', /the same file as --out/);
    refused(await cli('merge', '--out', o, '--csv', o, plan), 2, '--csv', /the same file as --out/);
    expect(existsSync(o)).toBe(false);
    clean(TMP);
  });

  it('an output that is a directory, under a file or in a read-only place is refused at once in one line naming the path and the reason (run, --csv, merge, schema)', async () => {
    const dir = at('a-dir');
    mkdirSync(dir);
    const underFile = join(plan, 'x.json');
    const sp = ['selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--out', at('sp.jsonl')];
    refused(await cli('run', '--turns', '1', '--out', dir), 2, dir, /it is a directory/);
    refused(await cli('run', '--turns', '1', '--out', underFile), 2, underFile, /plan\.json is a file, not a directory/);
    refused(await cli(...sp, '--csv', dir), 2, dir, /it is a directory/);
    refused(await cli(...sp, '--csv', underFile), 2, underFile, /is a file, not a directory/);
    refused(await cli('merge', '--out', underFile, plan), 2, underFile, /is a file, not a directory/);
    refused(await cli('schema', '--out', plan), 2, plan, /it is a file, not a directory/);
    refused(await cli('schema', '--out', join(underFile, 'schemas')), 2, 'schemas', /is a file, not a directory/);
    refused(await cli('run', '--turns', '1', '--out', '/dev/null'), 2, '/dev/null', /not a regular file/);
    const ro = readOnlyPlace();
    if (ro) {
      refused(await cli('run', '--turns', '1', '--out', join(ro, 'r.json')), 2, join(ro, 'r.json'), /does not take new files \((permission denied|the file system is read-only)\)/);
      refused(await cli(...sp, '--csv', join(ro, 'sub', 'r.csv')), 2, 'r.csv', /does not take new files/);
      refused(await cli('schema', '--out', join(ro, 'schemas')), 2, 'schemas', /does not take new files/);
    }
    clean(TMP);
  });

  it('selfplay --out DIR/x.jsonl makes DIR when it does not exist (it crashed with ENOENT)', async () => {
    const r = await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--out', at('new', 'deeper', 'x.jsonl'));
    expect(endProblem(r)).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(at('new', 'deeper')).sort()).toEqual(['x.csv', 'x.jsonl']);
  });

  it('a write that fails half way leaves no temporary file, and the error is one line naming the path', () => {
    const f = at('half.txt');
    function* pieces() {
      yield 'a\n';
      throw new Error('the stream broke');
    }
    expect(() => writeFileAtomic(f, pieces())).toThrow('the stream broke');
    expect(existsSync(f)).toBe(false);
    clean(TMP);
    expect(() => writeFileAtomic(join(plan, 'x'), 'x')).toThrow(/^cannot write .*plan\.json\/x: a part of the path is a file, not a directory$/);
  });

  it('SIGINT while a temporary file exists removes it and exits 130', async () => {
    const target = at('sigint.json');
    const code = `const { AtomicWriter } = await import('./src/cli/io.ts'); const w = new AtomicWriter(${JSON.stringify(target)}); w.line('half'); w.close(); process.stdout.write('ready\\n'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d) => String(d).includes('ready') && res());
      child.on('exit', () => rej(new Error('the child ended early')));
    });
    expect(readdirSync(TMP).some((f) => f.startsWith('sigint.json.tmp-'))).toBe(true);
    const exit = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    child.kill('SIGINT');
    expect(await exit).toBe(130);
    expect(readdirSync(TMP).filter((f) => f.startsWith('sigint.json'))).toEqual([]);
  });

  it('a kill between the final renames never leaves a new JSONL beside a stale CSV (the JSONL is put in place last)', async () => {
    const o = at('pair.jsonl');
    expect((await cli('selfplay', '--games', '2', '--turns', '1', '--seed', '3', '--workers', '1', '--no-progress', '--out', o)).code).toBe(0);
    const lines = readFileSync(o, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultLine);
    for (const killAt of [at('pair.csv'), o]) {
      writeFileSync(o, 'stale jsonl\n');
      writeFileSync(at('pair.csv'), 'stale csv\n');
      const seen: string[] = [];
      expect(() =>
        writeResults(o, undefined, lines, (p) => {
          seen.push(p);
          if (p === killAt) throw new Error('killed');
        }),
      ).toThrow('killed');
      expect(seen).toContain(killAt);
      // whatever the CSV is now, no JSONL claims to go with it
      expect(existsSync(o)).toBe(false);
      clean(TMP);
    }
  });
});

describe('batches are honest', () => {
  const sp = (out: string, ...more: string[]) => cli('selfplay', '--games', '4', '--turns', '1', '--seed', '9', '--workers', '1', '--no-progress', '--out', out, ...more);
  /** A journal as an interrupted run leaves it: the header and the first `n` games of a finished run's output. */
  async function journalOf(out: string, n: number, ...more: string[]): Promise<string> {
    const full = at(`full-${more.join('_').replace(/\W/g, '')}.jsonl`);
    if (!existsSync(full)) expect((await sp(full, ...more)).code).toBe(0);
    const shard = more.includes('--shard') ? more[more.indexOf('--shard') + 1] : null;
    const agents = more.includes('--agents') ? { ...persona, USA: more[more.indexOf('--agents') + 1].slice(4) } : persona;
    const lines = readFileSync(full, 'utf8').trim().split('\n').slice(0, n);
    writeFileSync(`${out}.partial`, journalText({ seed: 9, games: 4, turns: 1, shard, agents, scripts: hashesOf(loadScripts(agents)) }, lines, content.hash));
    return full;
  }

  it('rerunning without --resume on a journal asks for --resume or --fresh and keeps the journal; --resume finishes, --fresh starts again', async () => {
    const o = at('j1.jsonl');
    const full = await journalOf(o, 2);
    const kept = readFileSync(`${o}.partial`, 'utf8');
    refused(await sp(o), 2, `${o}.partial`, /add --resume to finish it, or --fresh/);
    expect(readFileSync(`${o}.partial`, 'utf8')).toBe(kept);
    expect((await sp(o, '--resume')).code).toBe(0);
    expect(readFileSync(o, 'utf8')).toBe(readFileSync(full, 'utf8'));
    await journalOf(o, 1);
    expect((await sp(o, '--fresh')).code).toBe(0);
    expect(readFileSync(o, 'utf8')).toBe(readFileSync(full, 'utf8'));
    refused(await sp(o, '--resume', '--fresh'), 2, '--fresh', /give one of them/);
  });

  it("shard 2/2 will not resume shard 1/2's journal: the message names the shard", async () => {
    const o = at('j2.jsonl');
    await journalOf(o, 1, '--shard', '1/2');
    refused(await sp(o, '--shard', '2/2', '--resume'), 2, 'belongs to another batch', /shard 2\/2 here, 1\/2 in the journal/);
  });

  it('a journal is refused after its script was edited: the message names the script', async () => {
    const o = at('j3.jsonl');
    const s = at('j3-script.json');
    writeFileSync(s, PLAN);
    await journalOf(o, 1, '--agents', `USA=scripted:${s}`);
    writeFileSync(s, JSON.stringify({ turns: { 1: { tariffs: { JPN: { autos: 12 } } } } }));
    refused(await sp(o, '--agents', `USA=scripted:${s}`, '--resume'), 2, 'belongs to another batch', new RegExp(`the script ${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} has changed`));
  });

  it('journal lines are checked against the batch: an added game 999, a wrong seed, a line twice, a line not a result', async () => {
    const o = at('j4.jsonl');
    await journalOf(o, 2);
    const j = readFileSync(`${o}.partial`, 'utf8').trim().split('\n');
    const game1 = j[2].slice(17);
    const edit = (f: (l: Record<string, unknown>) => void) => {
      const l = JSON.parse(game1);
      f(l);
      return journalLine(JSON.stringify(l));
    };
    for (const [extra, why] of [
      [edit((l) => (l.game = 999)), /game 999 is not one of this run's games/],
      [edit((l) => (l.seed = 77)), /has seed 77, not 10/],
      [j[2], /game 1 appears twice/],
      [edit((l) => ((l.scores as Record<string, unknown>).JPN = null)), /not a result line \(scores\.JPN/],
      // (a line whose checksum does not match is damage, not another batch: resume keeps the rest, tests/journal-damage.test.ts)
    ] as const) {
      writeFileSync(`${o}.partial`, [...j, extra].join('\n') + '\n');
      refused(await sp(o, '--resume'), 1, `${o}.partial line 4`, why);
    }
  });

  it('merge checks game ranges and shard membership: a changed game number, a game outside the batch or its shard', async () => {
    for (const k of [1, 2]) expect((await sp(at(`m${k}.jsonl`), '--shard', `${k}/2`)).code).toBe(0);
    const m1 = readFileSync(at('m1.jsonl'), 'utf8').trim().split('\n');
    for (const [game, why] of [
      [2, /game 2 appears twice/],
      [1, /game 1 does not belong to shard 1\/2/],
      [999, /game 999 is outside the batch's games 0-3/],
    ] as const) {
      const l = JSON.parse(m1[0]);
      l.game = game;
      writeFileSync(at('t1.jsonl'), [JSON.stringify(l), ...m1.slice(1)].join('\n') + '\n');
      refused(await cli('merge', '--out', at('merged.jsonl'), at('t1.jsonl'), at('m2.jsonl')), 1, 't1.jsonl line', why);
    }
    const huge = JSON.parse(m1[0]);
    huge.shard = '1/99999999';
    writeFileSync(at('t1.jsonl'), JSON.stringify(huge) + '\n');
    refused(await cli('merge', '--out', at('merged.jsonl'), at('t1.jsonl')), 1, 't1.jsonl', /not a shard of a batch of 4 games/);
    expect(existsSync(at('merged.jsonl'))).toBe(false);
    expect((await cli('merge', '--out', at('merged.jsonl'), at('m2.jsonl'), at('m1.jsonl'))).code).toBe(0);
  });

  it('--games, --seed and --shard are limited to what runs exactly, with a message suggesting shards', async () => {
    refused(await cli('selfplay', '--games', '10000000'), 2, '--games', /more than 100000.*--shard K\/N for N of at least 100.*gambit merge/);
    refused(await cli('selfplay', '--games', '3', '--seed', '9007199254740990'), 2, '--seed', /up to 9007199254740990 \+ 2, beyond 9007199254740991/); // (…990 + 3 rounds to …992: a sum's check let it pass)
    refused(await cli('selfplay', '--games', '10', '--seed', '9007199254740993'), 2, '--seed', /between 0 and 9007199254740991/);
    refused(await cli('selfplay', '--games', '10', '--shard', '1/99999999999999999999'), 2, '--shard', /K\/N/);
    refused(await cli('selfplay', '--games', '10', '--shard', '1/11'), 2, '--shard', /more shards than games/);
    refused(await cli('selfplay', '--games', '20000000', '--shard', '1/20'), 2, '--games', /1000000 games in one run/);
  });

  it('results stream to disk: lines are written as they come, never gathered into one string', () => {
    const o = at('stream.jsonl');
    const line = JSON.parse(readFileSync(at('m2.jsonl'), 'utf8').split('\n')[0]) as ResultLine;
    let tmpSeen = 0;
    function* lines() {
      for (let g = 0; g < 3; g++) {
        if (g > 0 && readdirSync(TMP).some((f) => f.startsWith('stream.jsonl.tmp-'))) tmpSeen++;
        yield { ...line, game: g };
      }
    }
    expect(writeResults(o, undefined, lines())).toBe(3);
    expect(tmpSeen).toBe(2);
    expect(readFileSync(o, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});

describe('replays are untrusted input', () => {
  const r = playGame(content, 5, makeSeats(content, persona), { turns: 3, hashes: true, ledger: false });
  const replay = makeReplay(content, 5, persona, r);
  const write = (name: string, v: unknown) => (writeFileSync(at(name), JSON.stringify(v)), at(name));

  it('a replay records its turn count and final hash, and verifyReplay requires them', () => {
    expect(replay).toMatchObject({ version: 2, turns: 3, finalHash: r.hashes[2] });
    expect(verifyReplay(content, replay)).toEqual({ ok: true, turns: 3 });
    const { turns: _t, ...noTurns } = replay;
    expect(verifyReplay(content, noTurns as typeof replay).ok).toBe(false);
  });

  it('a scenario id is never a path: "../../../etc/passwd" or a file path is refused without reading it', async () => {
    for (const id of ['../../../etc/passwd', '/etc/passwd', join(CONTENT_DIR, 'scenarios', 'rare-earth-gambit.json'), 'constructor', '__proto__']) {
      const f = write('evil.json', { ...replay, scenarioId: id });
      for (const run of [await cli('replay', 'verify', f), await cli('fork', f, '--at', '1', '--agents', 'CHN=hawk', '--runs', '1')]) {
        refused(run, 1, 'evil.json', /is not a built-in scenario.*give --scenario PATH/);
        expect(run.stderr).not.toMatch(/root:/);
      }
    }
  });

  it('a replay cut to fewer turns, consistently or not, even to 0, fails verification', async () => {
    const cut = (n: number, keepRecord: boolean) => ({ ...replay, orders: replay.orders.slice(0, n), hashes: replay.hashes.slice(0, n), ...(keepRecord ? {} : { turns: n, finalHash: replay.hashes[n - 1] ?? '' }) });
    for (const [n, keep] of [[2, true], [0, true], [0, false]] as const) {
      const v = await cli('replay', 'verify', write('cut.json', cut(n, keep)));
      expect(endProblem(v)).toBeNull();
      expect(v.code, v.stdout + v.stderr).toBe(1);
      expect(v.stdout + v.stderr).toMatch(/cut or padded|\$\.turns: expected a number at least 1/);
    }
  });

  it('a replay missing a seat\'s agent is refused, naming it (the fuzz suite found fork printing "CHN=undefined")', async () => {
    const { CHN: _chn, ...others } = replay.agents;
    const f = write('noagents.json', { ...replay, agents: others });
    const run = await cli('fork', f, '--at', '1', '--runs', '1', '--agents', 'CHN=hawk');
    refused(run, 1, 'noagents.json', /\$\.agents\.CHN: expected string/);
    expect(run.stdout).not.toMatch(/undefined/);
  });

  it('an engine version that differs is named clearly', async () => {
    refused(await cli('replay', 'verify', write('ev.json', { ...replay, engineVersion: '9.9.9' })), 1, 'ev.json', /recorded by engine version "9\.9\.9", and this is engine version/);
    refused(await cli('replay', 'verify', write('v1.json', { ...replay, version: 1 })), 1, 'v1.json', /format version 1; this program reads version 2/);
  });
});

describe('every input file has a size cap; a script is read once per batch', () => {
  const sparse = (name: string, mb: number) => (writeFileSync(at(name), ''), truncateSync(at(name), mb * 1024 * 1024), at(name));

  it('a script over 4 MB, or /dev/zero, is refused with the limit (not read until memory runs out)', async () => {
    refused(await cli('run', '--turns', '1', '--agents', `JPN=scripted:${sparse('big-script.json', 50)}`), 1, 'big-script.json', /too large \(50 MB; the limit is 4 MB\)/);
    refused(await cli('run', '--turns', '1', '--agents', 'JPN=scripted:/dev/zero'), 1, '/dev/zero', /too large \(more than the limit of 4 MB\)/);
  });

  it('content, replay, save and journal caps', async () => {
    const v = await cli('validate', sparse('big-content.json', 17));
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/big-content\.json: \$: expected a file of at most 16 MB, found a file of 17\.0 MB/);
    refused(await cli('replay', 'verify', sparse('big-replay.json', 40)), 1, 'big-replay.json', /too large \(40 MB; the limit is 32 MB\)/);
    const s = new SessionCore(content);
    expect(s.start({ scenarioId: 'rare-earth-gambit', country: 'JPN', agents: persona, turns: 2, seed: 1 }).ok).toBe(true);
    const l = s.load(' '.repeat(17 * 1024 * 1024));
    expect(l.ok).toBe(false);
    if (!l.ok) expect(l.error).toMatch(/too large to be a save \(17\.0 MB; a save is at most 16 MB\)/);
    const o = at('long.jsonl');
    writeFileSync(`${o}.partial`, `{"game":0,"x":"${'x'.repeat(70_000)}"}\n`);
    refused(await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--out', o, '--resume'), 1, 'long.jsonl.partial', /line 1 is longer than 64 KB/);
  });

  it('a script is read once per batch, not once per game', () => {
    const f = at('once.json');
    writeFileSync(f, PLAN);
    const agents = { ...persona, USA: `scripted:${f}` };
    const scripts = hashesOf(loadScripts(agents));
    const task: GameTask = { scenario: 'rare-earth-gambit', game: 0, seed: 1, agents, turns: 1, run: '0000000000000000', runGames: 2, scripts };
    expect(playOne(task).agents.USA).toBe(`scripted:${f}`);
    writeFileSync(f, 'not read again');
    expect(playOne({ ...task, game: 1, seed: 2 }).agents.USA).toBe(`scripted:${f}`);
  });
});

describe('rough messages', () => {
  it('1e999 (Infinity) is "expected a finite number", not "found number null"; a range error says the range, not "Too small"', async () => {
    const f = at('inf.json');
    writeFileSync(f, '{"turns":{"1":{"defenseSpendingPct":1e999}}}');
    for (const r of [await cli('run', '--turns', '1', '--agents', `JPN=scripted:${f}`), await cli('validate', f)]) {
      expect(r.stdout + r.stderr).toMatch(/\$\.turns\["1"\]\.defenseSpendingPct: expected a finite number, found a number too large to represent/);
      expect(r.stdout + r.stderr).not.toMatch(/null/);
    }
    writeFileSync(f, '{"turns":{"1":{"tariffs":{"USA":{"autos":-5}}}}}');
    const r = await cli('run', '--turns', '1', '--agents', `JPN=scripted:${f}`);
    expect(r.stderr).toMatch(/expected a number at least 0, found number -5/);
    expect(r.stderr).not.toMatch(/Too small/);
  });

  it('script turns beyond the game are refused; beyond --turns, noted on stderr', async () => {
    const f = at('late.json');
    writeFileSync(f, JSON.stringify({ turns: { 1: {}, 41: { defenseSpendingPct: 2 } } }));
    refused(await cli('run', '--turns', '1', '--agents', `JPN=scripted:${f}`), 2, 'late.json', /orders for turn 41, beyond the scenario's 40 turns/);
    writeFileSync(f, JSON.stringify({ turns: { 1: {}, 5: { defenseSpendingPct: 2 } } }));
    const r = await cli('run', '--turns', '2', '--format', 'jsonl', '--agents', `JPN=scripted:${f}`);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^gambit: note: scripted:.*late\.json gives orders up to turn 5, but only 2 turns are played/);
  });

  it('two JPN= agents are refused, not the last one winning silently', async () => {
    refused(await cli('run', '--agents', 'JPN=hawk,JPN=planner'), 2, '--agents', /JPN is given twice \(JPN=hawk and JPN=planner\)/);
    refused(await cli('fork', at('fork-replay.json'), '--at', '0', '--agents', 'CHN=hawk,chn=planner'), 2, '--agents', /CHN is given twice/);
  });

  it('fork reads the replay before it asks for --at or --agents, and a missing --at names the replay\'s turns', async () => {
    refused(await cli('fork', at('no-such-replay.json'), '--agents', 'CHN=hawk'), 2, 'no-such-replay.json', /cannot read it/);
    refused(await cli('fork', at('fork-replay.json'), '--agents', 'CHN=hawk'), 2, '--at', /0 \(the start\) to 1 in .*fork-replay\.json \(2 turns played\)/);
    refused(await cli('fork', at('fork-replay.json'), '--at', '0'), 2, '--agents', /say which countries play differently/);
  });
});
