// An analyst's flags from shell variables that came out empty (`--out "$OUT"`, `--agents "$SPEC"`) are refused with one
// line naming the flag, not read as the flag left out (results on stdout instead of a file, personas in every seat,
// every opponent set of an experiment); and `gambit validate` refuses a script that every command playing it refuses.
// Each test failed before its fix.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, endProblem, expectRefused, type InRun } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-empty-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const at = (...p: string[]) => join(TMP, ...p);

/** A refusal: exit 2, nothing on stdout, one line on stderr naming `flag` and matching `why`. */
function refused(r: InRun, flag: string, why: RegExp): void {
  expectRefused(r, why, { name: flag });
}

describe('an empty flag value is refused, not taken for the flag left out', () => {
  it('selfplay --out "" (it printed the games on stdout and wrote no file)', async () => {
    refused(await cli('selfplay', '--games', '2', '--turns', '1', '--out', ''), '--out', /empty name/);
  });

  it('selfplay and merge --csv "" name --csv, not "--out (its CSV)"', async () => {
    refused(await cli('selfplay', '--games', '2', '--turns', '1', '--out', at('a.jsonl'), '--csv', ''), '--csv:', /empty name/);
    writeFileSync(at('s.jsonl'), '');
    refused(await cli('merge', at('s.jsonl'), '--out', at('m.jsonl'), '--csv', ''), '--csv:', /empty name/);
    expect(readdirSync(TMP).sort()).toEqual(['s.jsonl']);
  });

  it('run, selfplay, tournament and fork --agents "" (personas played in every seat)', async () => {
    for (const args of [
      ['run', '--turns', '1'],
      ['selfplay', '--games', '2', '--turns', '1'],
      ['tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '2', '--turns', '1', '--out', at('t')],
    ]) {
      const r = await cli(...args, '--agents', '');
      refused(r, '--agents', /an empty value; give COUNTRY=NAME pairs/);
      expect(r.stderr).toContain('or leave --agents out for persona in every seat');
    }
    expect(readdirSync(TMP)).not.toContain('t');
    // an agent "scripted:" with no path (an unset variable after it): said so, not "scripted:: cannot read it"
    refused(await cli('run', '--turns', '1', '--agents', 'JPN=scripted:'), '--agents', /JPN=scripted: names no file; give the script's path after "scripted:"/);
    expect((await cli('run', '--turns', '2', '--out', at('rep.json'))).code).toBe(0);
    refused(await cli('fork', at('rep.json'), '--at', '1', '--agents', ''), '--agents', /an empty value/);
    // left out, fork still says what it needs
    refused(await cli('fork', at('rep.json'), '--at', '1'), '--agents', /say which countries play differently/);
    rmSync(at('rep.json'));
  });

  it('experiment --opponents "" (it played every opponent set, the planners\' hour included) and --out ""', async () => {
    refused(await cli('experiment', 'thesis', '--seeds', '2', '--opponents', '', '--out', at('x')), '--opponents', /an empty value; name one or more of personas, us-pressure, china-coercion, planners/);
    refused(await cli('experiment', 'thesis', '--seeds', '2', '--out', ''), '--out', /empty name/);
    expect(readdirSync(TMP)).not.toContain('x');
  });
});

describe('validate and play agree on a script\'s turns', () => {
  it('orders for a turn beyond the scenario: validate said ok, run refused the same file', async () => {
    const f = at('late.json');
    writeFileSync(f, JSON.stringify({ turns: { '3': { defenseSpendingPct: 1.5 }, '50': { tariffs: { CHN: { autos: 5 } } } } }));
    for (const arg of [f, `JPN=${f}`]) {
      const v = await cli('validate', arg);
      expect(v.code, v.stdout).toBe(1);
      expect(v.stdout.trim()).toBe(`${f}: $.turns["50"]: expected a turn the scenario plays (1 to 40), found turn 50, beyond the scenario's 40 turns`);
    }
    const r = await cli('run', '--turns', '1', '--agents', `JPN=scripted:${f}`);
    refused(r, `scripted:${f}`, /orders for turn 50, beyond the scenario's 40 turns/);
    const ok = at('ok.json');
    writeFileSync(ok, JSON.stringify({ turns: { '40': { defenseSpendingPct: 1.5 } } }));
    expect((await cli('validate', `JPN=${ok}`)).code).toBe(0);
    // its help names the turns, and its default once
    const help = (await cli('validate', '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('the scenario whose turns, project types and limits a script is checked against (default: "rare-earth-gambit")');
  });
});

describe('--resume with no journal', () => {
  it('says there was nothing to resume before playing the whole batch (it played it silently)', async () => {
    const r = await cli('selfplay', '--games', '2', '--turns', '1', '--no-progress', '--out', at('r.jsonl'), '--resume');
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`gambit: --resume: no journal at ${at('r.jsonl.partial')}, so no interrupted run to finish; playing the whole batch`);
    expect(r.stderr).toContain('2 games written');
  });

  it('beside an output this batch already finished, says so and plays nothing (it played the whole batch again); another batch is played', async () => {
    const out = at('done.jsonl');
    expect((await cli('selfplay', '--games', '2', '--turns', '1', '--no-progress', '--out', out)).code).toBe(0);
    const before = [readFileSync(out, 'utf8'), statSync(out).mtimeMs];
    const again = await cli('selfplay', '--games', '2', '--turns', '1', '--no-progress', '--out', out, '--resume');
    expect(endProblem(again), again.stderr).toBeNull();
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(`gambit: --resume: ${out} already holds every game of this batch (2 games) and its CSV is there; nothing to play (--fresh plays it again)\n`);
    expect([readFileSync(out, 'utf8'), statSync(out).mtimeMs]).toEqual(before);
    // three games are another batch: played, replacing the files, as before
    const other = await cli('selfplay', '--games', '3', '--turns', '1', '--no-progress', '--out', out, '--resume');
    expect(other.code).toBe(0);
    expect(other.stderr).toContain('no journal at');
    expect(other.stderr).toContain('3 games written');
  });
});
