// A tournament that `gambit merge` could never take (more than MAX_TOURNAMENT_PROFILES profiles, or more than
// MAX_MERGED_GAMES games in all) is refused when it starts, naming the flags and the cap, with nothing written: its
// shards were played to the end before, and only the merge refused them (a --sample of 100,001 profiles in two shards
// played 50,001 games each for nothing).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-shard-caps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command as a user runs it, given 20 s: before the fix it went on to play the games. */
function gambit(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gambit.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: TEST_ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GENERAL = ['status-quo', 'persona', 'free-trader', 'protectionist', 'hawk', 'tit-for-tat', 'diversifier', 'random', 'planner'];
/** 14 x 11 x 10 x 10 x 10 = 154,000 profiles: every agent that can sit in each seat. */
const POOLS = [
  ['JPN', [...GENERAL, 'jpn-all', 'jpn-defence', 'jpn-hub', 'jpn-mud', 'persona-jpn']],
  ['USA', [...GENERAL, 'persona-usa', 'usa-negotiator']],
  ['CHN', [...GENERAL, 'persona-chn']],
  ['AUS', [...GENERAL, 'persona-aus']],
  ['MYS', [...GENERAL, 'persona-mys']],
].flatMap(([c, a]) => ['--pool', `${c}=${(a as string[]).join(',')}`]);

describe('tournament refuses at the start what merge would refuse at the end', () => {
  it('--sample of more profiles than a tournament holds, with or without --shard', () => {
    for (const shard of [['--shard', '1/2'], []]) {
      const out = join(dir, `profiles${shard.length}`);
      const r = gambit('tournament', ...POOLS, '--sample', '100001', '--games-per-profile', '1', '--turns', '1', '--no-progress', ...shard, '--out', out);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^gambit: --sample 100001: /);
      expect(r.stderr).toContain('at most 100000 profiles');
      if (shard.length) expect(r.stderr).toContain('--shard 1/2');
      expect(existsSync(out)).toBe(false);
    }
  }, 60_000);

  it('more games in all than merge takes: --games-per-profile x profiles over 1,000,000', () => {
    const out = join(dir, 'games');
    const r = gambit('tournament', '--pool', `JPN=${GENERAL.slice(0, 9).join(',')},jpn-hub,jpn-mud`, '--games-per-profile', '100000', '--turns', '1', '--no-progress', '--shard', '1/11', '--out', out);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gambit: --games-per-profile 100000 x 11 profiles = 1100000 games: /);
    expect(r.stderr).toContain('at most 1000000 games');
    expect(r.stderr).toContain('--shard 1/11');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a sample at the cap still starts (it is refused only past it)', () => {
    const r = gambit('tournament', ...POOLS, '--sample', '100000', '--games-per-profile', '1', '--turns', '1', '--no-progress', '--shard', '1/10000', '--workers', '1', '--out', join(dir, 'at-cap'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/tournament: 100000 of 154000 profiles x 1 game = 100000 games, shard 1\/10000: 10 /);
  }, 60_000);
});
