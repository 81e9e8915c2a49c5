// One rule for input files, in every command (docs/SECURITY.md, src/cli/errors.ts): a path that cannot be used as
// one (no such file or directory, a directory where a file goes) exits 2, as a bad flag or value does; a file that was
// opened and is refused for what it holds (over its size cap, not JSON, not of its kind, damaged) exits 1. Each
// refusal is one line naming the file, and the cap when it is the size. Before, a file over its cap exited 2 from
// analyze, merge, replay verify, run and --resume, and 1 from report; a file that was not JSON 2 from analyze and 1
// from report; a damaged shard line 2 from merge; an empty or missing report directory 1.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, endProblem, type InRun } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-exit-codes-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const at = (...p: string[]) => join(TMP, ...p);
const MB = 1024 * 1024;
/** A file of `mb` MB that takes no disk (sparse). */
const sparse = (path: string, mb: number) => (writeFileSync(path, ''), truncateSync(path, mb * MB), path);

function said(r: InRun, code: number, ...parts: (string | RegExp)[]): void {
  expect(endProblem(r), r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  for (const p of parts) typeof p === 'string' ? expect(lines[0]).toContain(p) : expect(lines[0]).toMatch(p);
}

let shard1 = '';
let tourney = '';
beforeAll(async () => {
  // a shard of a self-play batch and a shard of a tournament, to damage
  shard1 = at('s1.jsonl');
  expect((await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--shard', '1/2', '--out', shard1)).code).toBe(0);
  tourney = at('t1');
  expect((await cli('tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '1', '--turns', '1', '--workers', '1', '--no-progress', '--shard', '1/2', '--out', tourney)).code).toBe(0);
}, 60_000);

describe('a file over its size cap exits 1 from every command, naming the file and the cap', () => {
  it('analyze and report: a payoff table', async () => {
    mkdirSync(at('big-table'));
    const f = sparse(at('big-table', 'payoffs.json'), 400);
    said(await cli('analyze', f), 1, `${f}: too large (400 MB; the limit is 384 MB)`);
    said(await cli('report', at('big-table')), 1, `${f}: too large (400 MB; the limit is 384 MB)`);
  });

  it('merge: a shard line past 64 KB, and a tournament shard whose tournament.json is past 64 MB', async () => {
    const f = at('long-line.jsonl');
    writeFileSync(f, `{"game":0,"x":"${'x'.repeat(70_000)}"}\n`);
    said(await cli('merge', '--out', at('m.jsonl'), f), 1, f, 'line 1 is longer than 64 KB');
    const d = at('t-big');
    mkdirSync(d);
    writeFileSync(join(d, 'games.jsonl'), readFileSync(join(tourney, 'games.jsonl')));
    sparse(join(d, 'tournament.json'), 65);
    said(await cli('merge', '--out', at('m-dir'), d), 1, join(d, 'tournament.json'), 'too large (65 MB; the limit is 64 MB)');
  });

  it('replay verify, a script, and a journal line on --resume', async () => {
    const rep = sparse(at('big-replay.json'), 40);
    said(await cli('replay', 'verify', rep), 1, `${rep}: too large (40 MB; the limit is 32 MB)`);
    const plan = sparse(at('big-plan.json'), 5);
    said(await cli('run', '--turns', '1', '--agents', `JPN=scripted:${plan}`), 1, `scripted:${plan}: too large (5 MB; the limit is 4 MB)`);
    const o = at('long.jsonl');
    writeFileSync(`${o}.partial`, `{"game":0,"x":"${'x'.repeat(70_000)}"}\n`);
    said(await cli('selfplay', '--games', '2', '--turns', '1', '--workers', '1', '--no-progress', '--out', o, '--resume'), 1, `${o}.partial`, 'line 1 is longer than 64 KB');
  });
});

describe('a file that is not what it should be exits 1; a path that is not there exits 2', () => {
  it('not JSON: analyze, report, replay verify, a script', async () => {
    mkdirSync(at('not-json'));
    const f = at('not-json', 'payoffs.json');
    writeFileSync(f, '{"format": ');
    said(await cli('analyze', f), 1, `${f}: not valid JSON`);
    said(await cli('report', at('not-json')), 1, `${f}: not valid JSON`);
    said(await cli('replay', 'verify', f), 1, `${f}: not valid JSON`);
    said(await cli('run', '--turns', '1', '--agents', `JPN=scripted:${f}`), 1, `scripted:${f}: not valid JSON`);
  });

  it('not of its kind: a result file for a replay, a damaged shard line, a script against its schema', async () => {
    said(await cli('replay', 'verify', shard1), 1, shard1);
    const lines = readFileSync(shard1, 'utf8');
    const bad = at('bad-shard.jsonl');
    writeFileSync(bad, lines.replace('"game":0', '"game":"zero"'));
    said(await cli('merge', '--out', at('m2.jsonl'), bad), 1, `${bad} line 1: not a result line`);
    const plan = at('bad-plan.json');
    writeFileSync(plan, JSON.stringify({ turns: { 1: { tariffs: { CHN: { autos: 'high' } } } } }));
    said(await cli('run', '--turns', '1', '--agents', `JPN=scripted:${plan}`), 1, `${plan}: $.turns["1"].tariffs.CHN.autos`);
    // analyze given what a batch writes beside its payoff table: said what the file is, and which file analyze reads
    const table = 'analyze reads a payoff table: the payoffs.json that `gambit tournament --out DIR` writes in DIR';
    said(await cli('analyze', shard1), 1, `${shard1}: this is a file of game results, one game a line`, table);
    said(await cli('analyze', join(tourney, 'games.jsonl')), 1, 'this is a file of game results', table);
    const csv = at('payoffs.csv');
    writeFileSync(csv, 'profile,agent_AUS,agent_CHN,games,mean_AUS\n0,persona,hawk,20,-1.2373\n'); // a tournament's CSV, cut short
    said(await cli('analyze', csv), 1, `${csv}: this is a CSV file, for spreadsheets`, table);
    const selfplayCsv = at('selfplay.csv');
    writeFileSync(selfplayCsv, 'game,seed,agent_AUS,agent_CHN,score_AUS\n0,1,persona-aus,hawk,-1.74\n'); // a self-play run's CSV, cut short
    said(await cli('analyze', selfplayCsv), 1, `${selfplayCsv}: this is a CSV file, for spreadsheets`, table);
    // another file gambit writes, known by its format (a sweep.json gave five schema lines)
    const sweep = at('sweep.json');
    writeFileSync(sweep, JSON.stringify({ format: 'rare-earth-gambit-sweep', version: 1, ranking: [] }));
    said(await cli('analyze', sweep), 1, `${sweep}: this is a sweep's results (\`gambit sweep\`; \`gambit report\` on its folder summarises them)`, table);
  });

  it('no such file or directory, a directory for a file, a directory with nothing to report: exit 2', async () => {
    const none = at('no-such.json');
    said(await cli('analyze', none), 2, none);
    said(await cli('replay', 'verify', none), 2, none);
    said(await cli('merge', '--out', at('m3.jsonl'), none), 2, none);
    said(await cli('run', '--turns', '1', '--agents', `JPN=scripted:${none}`), 2, none);
    said(await cli('analyze', TMP), 2, TMP, 'directory');
    said(await cli('merge', '--out', at('m4.jsonl'), TMP), 2, TMP, 'a directory with no tournament.json, so not a tournament shard');
    // an experiment into a batch's directory (here a tournament shard's): refused before a game, its files untouched
    const before = readdirSync(tourney).sort();
    said(await cli('experiment', 'thesis', '--seeds', '2', '--opponents', 'personas', '--no-progress', '--out', tourney), 2, `--out ${tourney}: holds batch outputs (games.jsonl), and one report.html cannot be the report of both`);
    expect(readdirSync(tourney).sort()).toEqual(before);
    // a tournament shard and a self-play shard together, in either order: the mix is named (an analyst's review: the
    // tournament's folder was said to have no tournament.json)
    for (const files of [[tourney, shard1], [shard1, tourney]]) said(await cli('merge', '--out', at('m5.jsonl'), ...files), 2, `merge: ${tourney} is a tournament shard directory and ${shard1} is not: merge takes self-play shard files, or tournament shard directories, not both`);
    said(await cli('report', at('nowhere')), 2, at('nowhere'), 'no such directory');
    mkdirSync(at('empty'));
    said(await cli('report', at('empty')), 2, at('empty'), 'nothing to report');
    // a batch's journal alone (a run that did not finish) is named, with what to do
    writeFileSync(at('empty', 'r.jsonl.partial'), '');
    said(await cli('report', at('empty')), 2, at('empty'), 'r.jsonl.partial is the journal of a batch that did not finish: run the same command with --resume to finish it, then report');
  });
});
