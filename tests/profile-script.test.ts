// `npm run profile` (scripts/profile.ts): its summary of a V8 CPU profile, its whole run on a couple of games, and
// its refusals of bad arguments.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { summarise, type CpuProfile } from '../scripts/profile-run.ts';

const root = new URL('../', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/profile.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('profile summary', () => {
  it('counts self time at the sampled frame and inclusive time once a sample, recursion included', () => {
    // root -> game -> solve -> solve (recursion) ; game -> pow
    const frame = (functionName: string) => ({ functionName, url: 'x.mjs', lineNumber: 0 });
    const p: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2] },
        { id: 2, callFrame: frame('game'), children: [3, 5] },
        { id: 3, callFrame: frame('solve'), children: [4] },
        { id: 4, callFrame: frame('solve') },
        { id: 5, callFrame: frame('pow') },
      ],
      startTime: 0,
      endTime: 10,
      samples: [4, 4, 3, 5, 2],
    };
    const s = summarise(p);
    expect(s.total).toBe(5);
    expect(Object.fromEntries(s.self)).toEqual({ solve: 3, pow: 1, game: 1 });
    expect(Object.fromEntries(s.incl)).toEqual({ '(root)': 5, game: 5, solve: 3, pow: 1 });
    // focused on solve: only the three samples with solve on the stack count; the total stays every sample
    const f = summarise(p, 'solve');
    expect(f.total).toBe(5);
    expect(Object.fromEntries(f.self)).toEqual({ solve: 3 });
    expect(Object.fromEntries(f.incl)).toEqual({ '(root)': 3, game: 3, solve: 3 });
  });
});

describe('npm run profile', () => {
  it('profiles two status-quo games and lists the engine under both headings', () => {
    const r = run('status-quo', '--count', '2', '--warm', '0', '--top', '5');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^profile of 2 status-quo games after 0 to warm up: node v\d+/);
    const incl = r.stdout.split('inclusive time')[1];
    expect(incl).toMatch(/%\s+playGame\n/);
    expect(r.stdout.split('self time')[1].split('inclusive')[0].match(/%\s+\S+/g)?.length).toBe(5);
  }, 60_000);

  it('refuses a bad workload, count or option, naming it', () => {
    const a = run('bogus');
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('unknown workload "bogus"; one of status-quo, personas, planner');
    const b = run('--count', '1.5');
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--count needs a whole number, at least 1; got "1.5"');
    const d = run('status-quo', '--count', '1', '--warm', '0', '--focus', 'noSuchFunction');
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('--focus: no sample has "noSuchFunction" on its stack');
    const c = run('--nope');
    expect(c.status).toBe(2);
    expect(c.stderr).toContain("Unknown option '--nope'");
  }, 60_000);
});
