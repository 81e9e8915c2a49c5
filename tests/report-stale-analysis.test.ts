// `gambit report` refuses an analysis.json that is not of the payoffs.json beside it. A tournament played again into
// the same directory (the same pools, other games or turns) left the old analysis there, and the report drew the new
// payoff table under the old table's equilibria and margins, exit 0 (an analyst's play-test). `gambit analyze` now
// records the table's hash; an analysis written before it is told by its seed and games a profile.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-stale-analysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gambit = (...args: string[]) => spawnSync(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
const tournament = (turns: number, games: number) => gambit('tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', String(games), '--turns', String(turns), '--workers', '1', '--no-progress', '--out', dir);

describe('report with an analysis.json of another payoff table', () => {
  it('is refused, naming the file and how to redo the analysis; an analysis of this table is drawn', () => {
    expect(tournament(2, 2).status).toBe(0);
    const analysis = join(dir, 'analysis.json');
    const a = gambit('analyze', join(dir, 'payoffs.json'), '--samples', '20', '--out', analysis);
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(readFileSync(analysis, 'utf8')).table).toMatch(/^[0-9a-f]{16}$/);
    const ok = gambit('report', dir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);

    // the same pools, seeds and games, one more turn: only the table's hash tells the tables apart
    expect(tournament(3, 2).status).toBe(0);
    const stale = gambit('report', dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`${analysis}: it is the analysis of another payoff table than payoffs.json (its table hash differs`);
    expect(stale.stderr).toContain(`gambit analyze ${join(dir, 'payoffs.json')} --out ${analysis}`);

    // an analysis.json from before the hash was recorded: told apart by its games a profile
    const old = JSON.parse(readFileSync(analysis, 'utf8'));
    delete old.table;
    writeFileSync(analysis, JSON.stringify(old));
    expect(tournament(3, 3).status).toBe(0);
    const older = gambit('report', dir);
    expect(older.status).toBe(1);
    expect(older.stderr).toContain('seed 1, 2 games a profile, against seed 1, 3');
  }, 240_000);
});
