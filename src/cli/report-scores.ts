// A tournament's games in `gambit report`: games.jsonl's lines round each score to 0.01 of a point (as self-play's
// do), while payoffs.json keeps every game's unrounded score (since tournaments aggregate them), so the report's
// histograms and pooled figures of the tournament's games take their scores from the table where it has them.
import type { PayoffTable } from '../analysis/index.ts';

/** The part of a result line this needs. */
interface Line {
  game: number;
  seed: number;
  scores: Record<string, number>;
}

const r2 = (x: number) => Math.round(x * 100) / 100; // as roundResult rounds a score
const onGrid = (x: number) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
const rounded = (why: string) => `Scores are games.jsonl’s, rounded to 0.01 a game: ${why}.`;

/** Gives each of a tournament's games.jsonl lines, as they are read, its game's unrounded scores from payoffs.json: game
 * g is seed g mod n of profile floor(g / n) (n games a profile, as the tournament writes both), and must have that seed
 * and scores that round to the line's own. If any line does not fit, or the table has no unrounded per-seed scores,
 * the lines' own scores stand for every game. `sentence()` says which scores the figures are of, and why when they
 * are rounded. */
export class TournamentScores {
  /** decided by the table alone, before any line */
  private readonly fixed: string | null;
  private failed: string | null = null;
  constructor(private readonly table: PayoffTable) {
    if (table.profiles.some((r) => !r.seeds || !r.scores)) this.fixed = rounded('payoffs.json has no per-seed scores (a table from before tournaments kept them)');
    else if (table.profiles.every((r) => table.players.every((p) => r.scores![p].every(onGrid))))
      this.fixed = 'Scores are payoffs.json’s per-seed scores, every one a multiple of 0.01 as games.jsonl’s lines are (a table from before tournaments kept unrounded scores, or one whose games all score round numbers, such as all at the status quo).';
    else this.fixed = null;
  }
  /** Whether lines are still looked up in the table (not when the table decides alone, or once a line did not fit). */
  get active(): boolean {
    return this.fixed === null && this.failed === null;
  }
  /** The line's game's unrounded scores (the line's countries, in its order), or null when it does not fit the table:
   * then no line's are used. */
  exact(l: Line): Record<string, number> | null {
    if (!this.active) return null;
    const n = this.table.gamesPerProfile;
    const row = this.table.profiles[Math.floor(l.game / n)];
    const k = l.game % n;
    if (!row || row.games !== n || row.seeds![k] !== l.seed) return this.fail(`game ${l.game} (seed ${l.seed}) is not one of payoffs.json’s games, so the two files may not be of one tournament`);
    const exact: Record<string, number> = {};
    for (const [c, s] of Object.entries(l.scores)) {
      const e = row.scores![c]?.[k];
      if (e === undefined || !(e === s || r2(e) === s)) return this.fail(`game ${l.game}’s score of ${c}, ${s}, is not payoffs.json’s ${e ?? '(none)'} rounded, so the two files may not be of one tournament`);
      exact[c] = e;
    }
    return exact;
  }
  private fail(why: string): null {
    this.failed = rounded(why);
    return null;
  }
  /** Which scores the figures are of: the lines' own (and why) or each game's unrounded one. */
  sentence(): string {
    return this.fixed ?? this.failed ?? 'Scores are each game’s own, unrounded, from payoffs.json’s per-seed scores (games.jsonl’s lines round them to 0.01); the other figures are games.jsonl’s.';
  }
}
