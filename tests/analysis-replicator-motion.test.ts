// A replicator run that has not settled says what is true of it: a population still drifting slowly one way (which
// share, from and to what over the last steps, where it heads), or cycling; not a bare "did not converge".
import { describe, expect, it } from 'vitest';
import { analyzeTable, formatAnalysis, replicatorDynamics, type PayoffTable } from '../src/analysis/index.ts';
import { motionInWords } from '../src/analysis/replicator.ts';

/** Two players; B's "b" beats its "a" by only `edge` points whatever A does (a near-tie, as the USA's persona and
 * tit-for-tat in the README's tournament); A's "y" beats "x" by 1. */
function nearTie(edge: number): PayoffTable {
  const cells: Record<string, [number, number]> = { 'x,a': [0, 1], 'x,b': [0, 1 + edge], 'y,a': [1, 1], 'y,b': [1, 1 + edge] };
  const profiles = Object.entries(cells).map(([k, [ua, ub]]) => {
    const [A, B] = k.split(',');
    return { strategies: { A, B }, games: 1, mean: { A: ua, B: ub }, sd: { A: 0, B: 0 } };
  });
  return { format: 'rare-earth-gambit-payoffs', version: 1, scenario: 'test', seed: 1, gamesPerProfile: 1, players: ['A', 'B'], strategies: { A: ['x', 'y'], B: ['a', 'b'] }, profiles };
}

describe('replicator dynamics that have not settled', () => {
  it('a slow drift is named as one: the share that moves, from and to what, and the best response it heads for', () => {
    const r = replicatorDynamics(nearTie(0.005), { steps: 2000 });
    if (!r.available) throw new Error(r.reason);
    expect(r.converged).toBe(false);
    const m = r.motion!;
    expect(m).toMatchObject({ kind: 'drift', window: 200, player: 'B', heading: 'b' });
    expect(m.strategy === 'b' ? m.to > m.from : m.to < m.from).toBe(true);
    expect(Math.abs(m.to - m.from)).toBeGreaterThan(1e-6);
    expect(m.to).toBeCloseTo(r.final.B[m.strategy], 10);
    expect(motionInWords(m, r.steps)).toMatch(/^still drifting slowly after 2000 steps, not cycling: over the last 200, B (b rose|a fell) from 0\.\d+ to 0\.\d+ \([+-]\d.*\); B is heading towards b, its best response to the final mix$/);
    const text = formatAnalysis(analyzeTable(nearTie(0.005), { confidence: false, replicator: { steps: 2000 } }));
    expect(text).toContain('Not settled: still drifting slowly after 2000 steps, not cycling');
    expect(text).not.toMatch(/did not converge/i);
  });

  it('matching pennies cycles, and is called cycling', () => {
    const pennies = nearTie(0);
    pennies.profiles = [
      { strategies: { A: 'x', B: 'a' }, games: 1, mean: { A: 1, B: -1 }, sd: { A: 0, B: 0 } },
      { strategies: { A: 'x', B: 'b' }, games: 1, mean: { A: -1, B: 1 }, sd: { A: 0, B: 0 } },
      { strategies: { A: 'y', B: 'a' }, games: 1, mean: { A: -1, B: 1 }, sd: { A: 0, B: 0 } },
      { strategies: { A: 'y', B: 'b' }, games: 1, mean: { A: 1, B: -1 }, sd: { A: 0, B: 0 } },
    ];
    const r = replicatorDynamics(pennies, { start: { A: { x: 0.8, y: 0.2 }, B: { a: 0.3, b: 0.7 } }, steps: 20000 });
    if (!r.available) throw new Error(r.reason);
    expect(r.motion?.kind).toBe('cycle');
    expect(r.motion!.travelled).toBeGreaterThan(2 * Math.abs(r.motion!.to - r.motion!.from));
    expect(motionInWords(r.motion!, r.steps)).toMatch(/^still cycling after 20000 steps: over the last 2000, .* back and forth; the time average is the better summary$/);
  });

  it('a run that converged carries no motion', () => {
    const r = replicatorDynamics(nearTie(1), { steps: 5000 });
    if (!r.available) throw new Error(r.reason);
    expect(r.converged).toBe(true);
    expect(r.motion).toBeUndefined();
  });
});
