// A tournament's payoffs.json and a sweep's sweep.json say how many turns each game played (--turns; null for the
// whole game), and the report says it: an 8-turn run could not be told from a 40-turn one (an analyst's play-test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';
import { parsePayoffTable } from '../src/analysis/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-report-turns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gambit = (...args: string[]) => spawnSync(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('turns in the batch outputs and the report', () => {
  it('a tournament of 2-turn games and a sweep of 1-turn games say so', () => {
    const t = join(dir, 't');
    expect(gambit('tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '2', '--turns', '2', '--workers', '1', '--no-progress', '--out', t).status).toBe(0);
    const table = JSON.parse(readFileSync(join(t, 'payoffs.json'), 'utf8'));
    expect(table.turns).toBe(2);
    expect(parsePayoffTable(table).turns).toBe(2);
    expect(gambit('report', t).status).toBe(0);
    expect(text(readFileSync(join(t, 'report.html'), 'utf8'))).toContain('2 games each of 2 turns.');

    const s = join(dir, 's');
    expect(gambit('sweep', '--param', 'goods.autos.sigma=2,2.6', '--games', '1', '--turns', '1', '--workers', '1', '--no-progress', '--out', s).status).toBe(0);
    expect(JSON.parse(readFileSync(join(s, 'sweep.json'), 'utf8')).turns).toBe(1);
    expect(gambit('report', s).status).toBe(0);
    expect(text(readFileSync(join(s, 'report.html'), 'utf8'))).toContain('× 1 game of 1 turn on common seeds');
  }, 240_000);

  it('a table written before turns were recorded still reads, and says nothing of them', () => {
    const old = { format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'rare-earth-gambit', seed: 1, gamesPerProfile: 1, players: ['JPN'], strategies: { JPN: ['persona'] }, profiles: [{ strategies: { JPN: 'persona' }, games: 1, mean: { JPN: 0 }, sd: { JPN: 0 } }] };
    expect(parsePayoffTable(old).turns).toBeUndefined();
  });
});
