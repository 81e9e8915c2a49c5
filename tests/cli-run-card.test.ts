// `gambit run`'s final table measures GDP change and approval from the start of the game, as `selfplay` does
// (outcomes.gdpGrowthPct, from the state's ref): it used to start from the end of turn 1, so the same game showed
// Malaysia's GDP +3.7% in `run` and +4.82% in `selfplay`, and approval "from" a turn-1 figure, not the briefing's.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, createGame } from '../engine/index.ts';
import { loadContent } from '../src/content/load.ts';
import { cli } from './cli-inproc.ts';

describe('run: the final table', () => {
  it('gives the same GDP change as selfplay for the same game, and approval from the game’s start', async () => {
    const run = await cli('run', '--seed', '1', '--turns', '3');
    expect(run.code, run.stderr).toBe(0);
    const self = await cli('selfplay', '--games', '1', '--seed', '1', '--turns', '3', '--workers', '1', '--no-progress');
    expect(self.code, self.stderr).toBe(0);
    const growth = JSON.parse(self.stdout.trim().split('\n')[0]!).outcomes.gdpGrowthPct as Record<string, number>;
    const start = createGame(loadContent('rare-earth-gambit'), 1);
    for (const c of COUNTRIES) {
      const row = new RegExp(`^${c} +\\S+ +\\S+ \\| +(-?[\\d.]+)% \\| +(\\d+) -> +(\\d+) \\|`, 'm').exec(run.stdout.split('Final scores')[1]!);
      expect(row, c).not.toBeNull();
      expect(Math.abs(Number(row![1]) - growth[c]!), `${c}: ${row![1]}% against ${growth[c]}%`).toBeLessThanOrEqual(0.06); // one decimal against two
      expect(Number(row![2]), c).toBe(Math.round(start.regions[c].approval));
    }
  }, 60_000);
});
