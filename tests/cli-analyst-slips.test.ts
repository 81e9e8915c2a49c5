// An analyst's slips from a walkthrough (2026-12-07), each refused in one line that names what is wrong and where, with
// nothing written: --out x.csv (it wrote JSONL into x.csv and the CSV into x.csv.csv), --games 0 (it named a bound of
// 1,000,000,000 no run allows), "hub" for jpn-hub (no hint), a stray word after an option ("too many arguments"), game
// results given to replay verify ("not valid JSON ... line 2") and a replay given as a script (eleven schema lines).
// Each failed before its fix.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectRefused, type InRun } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-slips-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const at = (...p: string[]) => join(TMP, ...p);

/** Refused: exit `code`, nothing on stdout, one line on stderr matching `why`. */
function refused(r: InRun, why: RegExp, code = 2): void {
  expectRefused(r, why, { code });
}

describe("an analyst's slips", () => {
  it('selfplay --out x.csv: refused, saying what --out names and the path to give', async () => {
    refused(await cli('selfplay', '--games', '2', '--turns', '1', '--out', at('e7.csv')), /--out .*e7\.csv: --out names the JSONL results .* Give --out .*e7\.jsonl, and the CSV is .*e7\.csv/);
    expect(readdirSync(TMP)).toEqual([]);
  });

  it('--games 0 names the lower bound alone', async () => {
    refused(await cli('selfplay', '--games', '0', '--turns', '1'), /^gambit: --games must be 1 or more, got 0$/);
    refused(await cli('selfplay', '--games', '-5', '--turns', '1'), /--games must be 1 or more, got -5/);
  });

  it("an experiment's strategy name for a Japanese agent: did you mean jpn-hub?", async () => {
    refused(await cli('selfplay', '--games', '1', '--turns', '1', '--agents', 'JPN=hub'), /unknown agent "hub" \(did you mean jpn-hub\?\)/);
    refused(await cli('selfplay', '--games', '1', '--turns', '1', '--agents', 'JPN=mud'), /\(did you mean jpn-mud\?\)/);
  });

  it('a word no option takes: named, with what came before it', async () => {
    refused(await cli('tournament', '--pool', 'JPN', 'status-quo', '--games-per-profile', '2', '--out', at('t')), /^gambit: tournament: a word too many, "status-quo" \(after '--pool JPN'\): an option takes one word/);
    refused(await cli('run', '--turns', '1', 'extra'), /^gambit: run: a word too many, "extra" \(after '--turns 1'\)/);
    refused(await cli('replay', 'verify', 'a.json', 'b.json'), /^gambit: replay verify: a word too many, "b\.json" \(after 'a\.json'\)$/); // no option's value: no word of options
    refused(await cli('run', '--turns', '1', '1'), /^gambit: run: a word too many, "1" \(after '--turns 1'\): an option takes one word/); // the second 1, not --turns' own
    expect(existsSync(at('t'))).toBe(false);
  });

  it('game results given to replay verify, and a replay given as a script, say what the file is', async () => {
    const out = at('g.jsonl');
    expect((await cli('selfplay', '--games', '2', '--turns', '1', '--out', out, '--no-progress')).code).toBe(0);
    refused(await cli('replay', 'verify', out), /g\.jsonl: not a replay file: this is a file of game results, one game a line/, 1);
    const replay = at('r.json');
    expect((await cli('run', '--turns', '1', '--out', replay)).code).toBe(0);
    refused(await cli('selfplay', '--games', '1', '--turns', '1', '--agents', `JPN=scripted:${replay}`), /r\.json: this is a replay \(gambit run --out writes them\), not a scripted agent's orders/, 1);
  });
});
