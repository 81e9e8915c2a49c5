// Multi-population replicator dynamics on a payoff table, with expected payoffs and regret of mixed strategies.
import seedrandom from 'seedrandom';
import { indexTable, mixRecord, payoffRange, type GameIndex, type Mix, type Profile, type TableLike } from './table.ts';

export interface ReplicatorOptions {
  /** Integration steps (default 5000). */
  steps?: number;
  /** Step length in units of (payoff range)⁻¹: payoffs are divided by the table's payoff range (default 0.05). */
  dt?: number;
  /** Number of extra random starts, each drawn uniformly from the product of simplices (default 0). */
  starts?: number;
  /** Seed of the random starts (default 1). */
  seed?: number | string;
  /** First start instead of the uniform mix; missing players or strategies count as 0 before normalising. */
  start?: Mix;
  /** 'rk4' (default): classic Runge–Kutta step of the replicator equation; 'euler': the plain Euler step. */
  method?: 'rk4' | 'euler';
  /** Converged when no probability moves more than this over the last 10% of steps (default 1e-6). */
  convergenceTolerance?: number;
}

export interface ReplicatorRun {
  start: Mix;
  final: Mix;
  /** Time average of the mix over all steps: in zero-sum games the orbit cycles and this tends to the equilibrium. */
  average: Mix;
  converged: boolean;
  /** The pure profile the run ended at (every player's top probability > 0.999), else null. */
  pure: Profile | null;
  /** Largest gain any player gets from a pure deviation against the final mix (0 at a Nash equilibrium). */
  regret: number;
  /** Per player, that gain. */
  playerRegret: Record<string, number>;
  /** Regret of the time-averaged mix. */
  averageRegret: number;
  /** When not converged, how the mix still moves over the last 10% of steps: the share that moved most (`from` at the
   * window's start, `to` at the end), whether the shares go round (cycling: their path over the window at least twice
   * their net change) or drift one way, and where the drifting player heads: its best response to the final mix and
   * what it gains over that player's mix. Absent when converged. */
  motion?: ReplicatorMotion;
}

export interface ReplicatorMotion {
  kind: 'drift' | 'cycle';
  /** steps in the window measured */
  window: number;
  player: string;
  strategy: string;
  from: number;
  to: number;
  /** the share's path length over the window (the sum of its step-by-step moves) */
  travelled: number;
  /** the player's best response to the final mix, and its gain over the player's mix there */
  heading: string;
  headingGain: number;
}

export type ReplicatorResult =
  | { available: false; reason: string; missing: number }
  | ({
      available: true;
      steps: number;
      dt: number;
      method: 'rk4' | 'euler';
      payoffScale: number;
      /** Whether the first run started from the uniform mix or from opts.start. */
      startKind: 'uniform' | 'given';
      /** Every run, the first one (also spread at the top level) then the random starts. */
      runs: ReplicatorRun[];
    } & ReplicatorRun);

type State = Float64Array[];

/**
 * Expected payoff of each pure strategy of each player against the others' mixes, over the full factorial:
 * U[i][s] = Σ over profiles with s_i = s of Π_{j≠i} x_j(s_j) · u_i(profile). Requires every profile known.
 */
export function strategyValues(g: GameIndex, x: State): Float64Array[] {
  const n = g.players.length;
  const U = g.pools.map((pool) => new Float64Array(pool.length));
  const digits = new Array<number>(n).fill(0);
  const pre = new Float64Array(n + 1);
  const suf = new Float64Array(n + 1);
  for (let id = 0; id < g.size; id++) {
    pre[0] = 1;
    for (let j = 0; j < n; j++) pre[j + 1] = pre[j] * x[j][digits[j]];
    suf[n] = 1;
    for (let j = n - 1; j >= 0; j--) suf[j] = suf[j + 1] * x[j][digits[j]];
    for (let i = 0; i < n; i++) {
      const w = pre[i] * suf[i + 1];
      if (w !== 0) U[i][digits[i]] += w * g.mean[id * n + i];
    }
    for (let j = n - 1; j >= 0; j--) {
      if (++digits[j] < g.pools[j].length) break;
      digits[j] = 0;
    }
  }
  return U;
}

/** Per player, the most it gains by switching to a pure strategy against the mix (max_s U_i[s] − x_i·U_i). */
export function mixRegrets(g: GameIndex, x: State): number[] {
  const U = strategyValues(g, x);
  return U.map((u, i) => {
    let avg = 0;
    let best = -Infinity;
    for (let s = 0; s < u.length; s++) {
      avg += x[i][s] * u[s];
      best = Math.max(best, u[s]);
    }
    return Math.max(0, best - avg);
  });
}

/** The most any player gains by a pure deviation against a mixed profile; null when profiles are missing. */
export function mixRegret(table: TableLike, mix: Mix): number | null {
  const g = indexTable(table);
  if (g.knownCount < g.size) return null;
  return Math.max(...mixRegrets(g, fromMix(g, mix)));
}

/** digits[id * n + i]: strategy index of player i in profile id, cached per index. */
const digitCache = new WeakMap<GameIndex, Int32Array>();
function digitTable(g: GameIndex): Int32Array {
  let t = digitCache.get(g);
  if (!t) {
    const n = g.players.length;
    t = new Int32Array(g.size * n);
    for (let id = 0; id < g.size; id++) for (let i = 0; i < n; i++) t[id * n + i] = Math.floor(id / g.strides[i]) % g.pools[i].length;
    digitCache.set(g, t);
  }
  return t;
}

/**
 * Replicator velocity ẋ_i(s) = x_i(s)(U_i[s] − x_i·U_i), payoffs divided by `scale`. Uses
 * x_i(s)·U_i[s] = Σ_{profiles with s_i = s} Π_j x_j(s_j)·u_i, so no division by x_i(s) is needed.
 */
function velocity(g: GameIndex, x: State, scale: number): State {
  const n = g.players.length;
  let w = Float64Array.of(1);
  for (let j = 0; j < n; j++) {
    const k = x[j].length;
    const next = new Float64Array(w.length * k);
    for (let a = 0; a < w.length; a++) for (let s = 0; s < k; s++) next[a * k + s] = w[a] * x[j][s];
    w = next;
  }
  const digits = digitTable(g);
  const V = x.map((xi) => new Float64Array(xi.length));
  const mean = g.mean;
  for (let id = 0; id < g.size; id++) {
    const wi = w[id];
    if (wi === 0) continue;
    for (let i = 0; i < n; i++) V[i][digits[id * n + i]] += wi * mean[id * n + i];
  }
  return x.map((xi, i) => {
    let total = 0;
    for (let s = 0; s < xi.length; s++) total += V[i][s];
    return xi.map((p, s) => (V[i][s] - p * total) / scale);
  });
}

const axpy = (x: State, a: number, v: State): State => x.map((xi, i) => xi.map((p, s) => p + a * v[i][s]));

/** Clamp tiny negative round-off to 0 and renormalise each player's mix. */
function project(x: State): State {
  return x.map((xi) => {
    let sum = 0;
    for (let s = 0; s < xi.length; s++) sum += (xi[s] = Math.max(0, xi[s]));
    return sum > 0 ? xi.map((p) => p / sum) : xi.map(() => 1 / xi.length);
  });
}

function step(g: GameIndex, x: State, dt: number, scale: number, method: 'rk4' | 'euler'): State {
  const k1 = velocity(g, x, scale);
  if (method === 'euler') return project(axpy(x, dt, k1));
  const k2 = velocity(g, axpy(x, dt / 2, k1), scale);
  const k3 = velocity(g, axpy(x, dt / 2, k2), scale);
  const k4 = velocity(g, axpy(x, dt, k3), scale);
  return project(x.map((xi, i) => xi.map((p, s) => p + (dt / 6) * (k1[i][s] + 2 * k2[i][s] + 2 * k3[i][s] + k4[i][s]))));
}

function fromMix(g: GameIndex, mix: Mix): State {
  return project(g.players.map((p, i) => Float64Array.from(g.pools[i], (s) => Math.max(0, mix[p]?.[s] ?? 0))));
}

function randomStart(g: GameIndex, rng: () => number): State {
  // Uniform on each simplex: normalised Exp(1) draws (a flat Dirichlet).
  return project(g.pools.map((pool) => Float64Array.from(pool, () => -Math.log(1 - rng()))));
}

function run(g: GameIndex, start: State, steps: number, dt: number, scale: number, method: 'rk4' | 'euler', convTol: number): ReplicatorRun {
  let x: State = start.map((xi) => Float64Array.from(xi));
  const sum = x.map((xi) => new Float64Array(xi.length));
  const window = Math.max(1, Math.ceil(steps / 10));
  let checkpoint: State = x;
  // each share's path length over the window (the sum of its step-by-step moves): much longer than its net change
  // when the mix goes round, about equal when it drifts one way
  const path = x.map((xi) => new Float64Array(xi.length));
  for (let t = 1; t <= steps; t++) {
    if (t === steps - window + 1) checkpoint = x;
    const prev = x;
    x = step(g, x, dt, scale, method);
    for (let i = 0; i < x.length; i++)
      for (let s = 0; s < x[i].length; s++) {
        sum[i][s] += x[i][s];
        if (t > steps - window) path[i][s] += Math.abs(x[i][s] - prev[i][s]);
      }
  }
  let moved = 0;
  let most: [number, number] = [0, 0];
  let longest = 0;
  let longestAt: [number, number] = [0, 0];
  for (let i = 0; i < x.length; i++)
    for (let s = 0; s < x[i].length; s++) {
      const d = Math.abs(x[i][s] - checkpoint[i][s]);
      if (d > moved) [moved, most] = [d, [i, s]];
      if (path[i][s] > longest) [longest, longestAt] = [path[i][s], [i, s]];
    }
  const avg = sum.map((si) => si.map((v) => v / Math.max(1, steps)));
  const regrets = mixRegrets(g, x);
  const playerRegret: Record<string, number> = {};
  g.players.forEach((p, i) => (playerRegret[p] = regrets[i]));
  const top = x.map((xi) => xi.indexOf(Math.max(...xi)));
  const isPure = x.every((xi, i) => xi[top[i]] > 0.999);
  const converged = moved <= convTol;
  let motion: ReplicatorMotion | undefined;
  if (!converged) {
    const kind = 2 * moved <= longest ? 'cycle' : 'drift';
    const [i, s] = kind === 'cycle' ? longestAt : most;
    const u = strategyValues(g, x)[i];
    const best = u.indexOf(Math.max(...u));
    motion = {
      kind,
      travelled: path[i][s],
      window: Math.min(window, steps),
      player: g.players[i],
      strategy: g.pools[i][s],
      from: checkpoint[i][s],
      to: x[i][s],
      heading: g.pools[i][best],
      headingGain: regrets[i],
    };
  }
  return {
    start: mixRecord(g, start),
    final: mixRecord(g, x),
    average: mixRecord(g, steps > 0 ? avg : x),
    converged,
    pure: isPure ? Object.fromEntries(g.players.map((p, i) => [p, g.pools[i][top[i]]])) : null,
    regret: Math.max(...regrets),
    playerRegret,
    averageRegret: Math.max(...mixRegrets(g, steps > 0 ? avg : x)),
    ...(motion ? { motion } : {}),
  };
}

/**
 * Discrete-time multi-population replicator dynamics, one population per player, from the uniform mix (or
 * `start`) and `starts` extra random starts. Needs the full factorial: with missing profiles the expected
 * payoffs are unknown and the result is `{ available: false }`. Deterministic for a given seed.
 */
export function replicatorDynamics(table: TableLike, opts: ReplicatorOptions = {}): ReplicatorResult {
  const g = indexTable(table);
  if (g.knownCount < g.size) {
    const missing = g.size - g.knownCount;
    return { available: false, reason: `${missing} of ${g.size} profiles are missing; expected payoffs need the full factorial`, missing };
  }
  const steps = opts.steps ?? 5000;
  const dt = opts.dt ?? 0.05;
  const method = opts.method ?? 'rk4';
  if (!(Number.isInteger(steps) && steps >= 0)) throw new Error('replicatorDynamics: steps must be a non-negative integer');
  if (!(dt > 0 && Number.isFinite(dt))) throw new Error('replicatorDynamics: dt must be a positive number');
  const scale = payoffRange(g) || 1;
  const rng = seedrandom.alea(String(opts.seed ?? 1));
  const starts: State[] = [opts.start ? fromMix(g, opts.start) : g.pools.map((pool) => new Float64Array(pool.length).fill(1 / pool.length))];
  for (let r = 0; r < (opts.starts ?? 0); r++) starts.push(randomStart(g, rng));
  const runs = starts.map((x0) => run(g, x0, steps, dt, scale, method, opts.convergenceTolerance ?? 1e-6));
  return { available: true, steps, dt, method, payoffScale: scale, startKind: opts.start ? 'given' : 'uniform', ...runs[0], runs };
}

/** A run that did not converge, in words: drifting one way (which share, from and to what, and where the player heads)
 * or cycling; `num` formats a number. */
export function motionInWords(m: ReplicatorMotion, steps: number, num: (v: number) => string = (v) => v.toPrecision(3)): string {
  const d = m.to - m.from;
  const change = `${m.player} ${m.strategy} ${d >= 0 ? 'rose' : 'fell'} from ${num(m.from)} to ${num(m.to)}`;
  if (m.kind === 'cycle')
    return `still cycling after ${steps} steps: over the last ${m.window}, ${change} but moved ${num(m.travelled)} in all, back and forth; the time average is the better summary`;
  const head = m.headingGain > 0 ? `; ${m.player} is heading towards ${m.heading}, its best response to the final mix` : '';
  return `still drifting slowly after ${steps} steps, not cycling: over the last ${m.window}, ${change} (${d >= 0 ? '+' : ''}${num(d)})${head}`;
}
