// A tournament's --sample draws profile numbers and makes only the profiles drawn (the full list of 59,049 profiles
// was built first). The draw is the same seeded shuffle, so a sample names the profiles it named before: pinned here
// from the code that built the list (4fe337e), with the tournament's id, which hashes them with the content's hash
// (re-pinned whenever the content changes: last for the EV events' target, carMagnets).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GENERAL = 'status-quo,persona,free-trader,protectionist,hawk,tit-for-tat,diversifier,random,planner';

describe('tournament --sample', () => {
  it('names the profiles the seeded shuffle of the full list named, in the full list order', () => {
    const pools = ['JPN', 'CHN', 'USA', 'AUS', 'MYS'].flatMap((c) => ['--pool', `${c}=${GENERAL}`]);
    // shard 1 of 3 of a 3-profile sample: one game of one turn is played, and tournament.json lists the whole sample
    const r = spawnSync(process.execPath, ['bin/gambit.mjs', 'tournament', ...pools, '--sample', '3', '--games-per-profile', '1', '--turns', '1', '--workers', '1', '--no-progress', '--shard', '1/3', '--out', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: TEST_ENV });
    expect(r.status, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'tournament.json'), 'utf8'));
    expect(spec.profilesInAll).toBe(59_049);
    expect(spec.profiles).toEqual([
      { AUS: 'persona', CHN: 'tit-for-tat', JPN: 'protectionist', MYS: 'diversifier', USA: 'persona' },
      { AUS: 'persona', CHN: 'diversifier', JPN: 'tit-for-tat', MYS: 'diversifier', USA: 'free-trader' },
      { AUS: 'diversifier', CHN: 'tit-for-tat', JPN: 'planner', MYS: 'planner', USA: 'protectionist' },
    ]);
    expect(Object.keys(spec.profiles[0])).toEqual(['AUS', 'CHN', 'JPN', 'MYS', 'USA']);
    expect(spec.id).toBe('5e2fd298c156b0d2'); // a hash of the content and the engine's version among the rest: moves with any content change or version (last: ENGINE_VERSION 0.2.0)
  }, 90_000);
});
