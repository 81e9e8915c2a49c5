// The opening of the analysis report: for each player with a choice, which strategy does best and how sure that is
// (a margin is sure when its 95% interval stays clear of 0), and which profile is an equilibrium and how firmly, in words
// a newcomer can act on before the tables that follow.
import type { AnalysisResult } from './analyze.ts';
import { caveatWords, overstated } from './resample-caveat.ts';

type Row = AnalysisResult['bestResponses'][number];
/** A best response where one strategy alone was played against those others (the rest unknown): best of one, no best. */
export const onlyOnePlayed = (b: { best: string[]; margin: number | null; unknown: string[] }): boolean => b.best.length === 1 && b.margin === null && b.unknown.length > 0;

/** A figure for prose: 3 significant digits, never in exponent form for the sizes a score takes. */
const fig = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(1) : String(Number(v.toPrecision(3))));
/** Two figures of a range to the same decimals, the finer of the two (fig drops a trailing zero: "0.71 to 0.772"). */
function figs(a: number, b: number): [string, string] {
  const [x, y] = [fig(a), fig(b)];
  if (/e/.test(x + y)) return [x, y];
  const d = Math.max(...[x, y].map((f) => f.split('.')[1]?.length ?? 0));
  return [a.toFixed(d), b.toFixed(d)];
}
const half = (c: [number, number]) => (c[1] - c[0]) / 2;
/** A margin with its 95% interval, or without one when the table gives none (1 game a profile). */
const withCi = (m: number, c: [number, number] | null | undefined) => (c != null ? `${fig(m)} ±${fig(half(c))}` : `${fig(m)} (no interval: 1 game per profile)`);
const clear = (c: [number, number] | null | undefined) => c != null && c[0] > 0;
const pc = (x: number) => `${Math.round(100 * x)}%`;

/** One player's answer to "what should I play?", in one or two sentences; and the cases with no best, where one
 * strategy alone was played (a --sample tournament), said after it. */
function playerLine(player: string, rows: Row[], label: (r: Row) => string, caveat: string): string {
  const alone = rows.filter(onlyOnePlayed).length;
  const compared = rows.filter((r) => !onlyOnePlayed(r));
  // the answer is over the cases where strategies were compared ("whatever the others play" of the cases with one
  // strategy alone would claim what nothing shows; counting them in made a best everywhere read "it depends")
  if (!alone) return answerLine(player, rows, label, caveat, 'whatever the others play');
  if (!compared.some((r) => r.best.length > 0)) return `${player}: nothing known (one strategy played at most in every case).`;
  // "more" cases, with the whole count: "of 3 cases ... No best in 1 of the 4 cases" read as two counts of one thing
  return `${answerLine(player, compared, label, caveat, 'wherever it was compared')} No best in ${alone} more case${alone > 1 ? 's' : ''} (${rows.length} in all), where one strategy alone was played.`;
}

function answerLine(player: string, rows: Row[], label: (r: Row) => string, caveat: string, whatever: string): string {
  const n = rows.length;
  const known = rows.filter((r) => r.best.length > 0);
  if (!known.length) return `${player}: nothing known (every profile with its strategies is missing).`;
  const wins = new Map<string, Row[]>(); // rows where the strategy is among the best (alone or tied)
  for (const r of known) for (const st of r.best) wins.set(st, [...(wins.get(st) ?? []), r]);
  const ties = known.filter((r) => r.best.length > 1);
  const order = [...wins.entries()].sort((a, b) => b[1].length - a[1].length);
  const [top, topRows] = order[0];
  // cases where no profile with any of the player's strategies was played (a --sample tournament): nothing known there,
  // said, so "best in 1 of 3 cases" is not read as losing the other two
  const blank = n - known.length;
  const blankWords = blank ? `nothing played in ${blank === 1 ? 'the other' : `the other ${blank}`}: profiles missing` : '';
  let what: string;
  if (topRows.length === known.length && blank) {
    // best (or tied for best) in every case where anything was played
    const tiedWith = [...new Set(ties.flatMap((r) => r.best.filter((st) => st !== top)))];
    what = `${top}, in every case known (${known.length} of ${n}; ${blankWords})${ties.length ? `, tied with ${tiedWith.join(' and ')} in ${ties.length}` : ''}`;
  } else if (topRows.length === n) {
    // best (or tied for best) whatever the others play
    const tiedWith = [...new Set(ties.flatMap((r) => r.best.filter((st) => st !== top)))];
    // the tied cases named, unless it is all of them (the partner too when there are several)
    const tied = ties.map((r) => [tiedWith.length > 1 ? r.best.filter((st) => st !== top).join(' and ') : '', label(r) ? `against ${label(r)}` : ''].filter(Boolean).join(' ')).filter(Boolean);
    const which = ties.length < n && tied.length ? ` (${tied.join('; ')})` : '';
    what = `${top}, ${whatever}${n > 1 ? ` (all ${n} cases)` : ''}${ties.length ? `, tied with ${tiedWith.join(' and ')} in ${ties.length === n ? 'all' : ties.length}${which}` : ''}`;
  } else {
    // alone best in some cases, a tie in others
    const sole = new Map<string, Row[]>();
    for (const r of known) if (r.best.length === 1) sole.set(r.best[0], [...(sole.get(r.best[0]) ?? []), r]);
    const against = (rs: Row[]) => (rs.length === 1 && n <= 6 && label(rs[0]) ? ` (against ${label(rs[0])})` : '');
    const parts = [...sole.entries()].sort((a, b) => b[1].length - a[1].length).map(([st, rs]) => `${st} in ${rs.length}${against(rs)}`);
    const shown = parts.slice(0, 3);
    if (parts.length > 3) shown.push(`${parts.length - 3} more`);
    // every tied case named (the strategies that tie, and against what), as the cases that are not sure are below
    const tieCase = (r: Row) => `${r.best.join(' and ')}${label(r) ? ` against ${label(r)}` : ''}`;
    if (ties.length) shown.push(ties.length === 1 ? `a tie of ${ties[0].best.join(' and ')} in 1${against(ties)}` : `ties in ${ties.length} (${ties.map(tieCase).join('; ')})`);
    what = `it depends on the others: best is ${shown.join(', ')} of ${n} cases${blank ? `, ${blankWords}` : ''}`;
  }
  // rows where some strategy's profile is missing: best among those played only
  const partial = known.filter((r) => r.unknown.length > 0).length;
  if (partial) what += ` (${partial === n ? 'all' : `${partial} of them`} among the strategies played only: profiles are missing)`;
  const margins = known.filter((r) => r.margin !== null && r.best.length === 1);
  if (!margins.length) return `${player}: ${what}.`;
  const sure = margins.filter((r) => clear(r.marginCi95));
  const noCi = margins.every((r) => r.marginCi95 == null);
  const lo = Math.min(...margins.map((r) => r.margin!));
  const hi = Math.max(...margins.map((r) => r.margin!));
  const by = lo === hi ? `by ${fig(lo)} point${fig(lo) === '1' ? '' : 's'}` : `by ${figs(lo, hi).join(' to ')} points`; // "by 1 points" read wrong
  if (noCi) return `${player}: ${what}, ${by}; how sure cannot be said (1 game per profile).`;
  if (sure.length === margins.length)
    return `${player}: ${what}, ${by}; sure in ${margins.length === n ? 'every case' : margins.length === 1 ? 'the one case with a margin' : `each of the ${margins.length} cases with a margin`} (95% interval${margins.length > 1 ? 's' : ''} clear of 0).`;
  // every case whose margin's interval takes in 0, closest first (not only the closest: each is a case to play more)
  const unsure = margins.filter((r) => !clear(r.marginCi95)).sort((a, b) => a.margin! - b.margin!);
  // sure in none: said first, so "whatever the others play" is not read as a finding (an analyst's review)
  const head = sure.length
    ? `${player}: ${what}, ${by}; sure in ${sure.length} of ${margins.length} ${margins.length === n ? 'cases' : `case${margins.length > 1 ? 's' : ''} with a margin`}.`
    : `${player}: not sure of any lead yet. Ahead: ${what}, ${by}.`;
  // a case that stays best in (nearly) every resample all the same: why that does not make it sure
  const held = unsure.filter((r) => overstated(r.marginCi95, r.stability));
  const though = held.length ? ` ${unsure.length === 1 ? 'It stays' : held.length === unsure.length ? 'Each stays' : `${held.length} of them ${held.length === 1 ? 'stays' : 'stay'}`} best in ${stabilityRange(held.map((r) => r.stability!))} of resamples, but ${caveat}.` : '';
  if (unsure.length === 1) {
    const [c] = unsure;
    return `${head} Not sure${label(c) ? ` against ${label(c)}` : ''}: ${c.best[0]} leads the next best by ${withCi(c.margin!, c.marginCi95)} points, an interval that takes in 0.${though}`;
  }
  const each = unsure.map((r, i) => {
    const who = i === 0 ? `${r.best[0]} leads the next best ` : r.best[0] !== unsure[i - 1].best[0] ? `${r.best[0]} ` : '';
    return `${label(r) ? `against ${label(r)}, ` : ''}${who}by ${withCi(r.margin!, r.marginCi95)}${i === 0 ? ' points' : ''}`;
  });
  return `${head} Not sure in ${unsure.length === margins.length ? 'all ' : ''}${unsure.length}, each an interval that takes in 0: ${each.join('; ')}.${though}`;
}

/** The share of resamples a case or cases stay best in: "100%" when they all do, "77% or more" when they differ (it read
 * "100% or more"). */
export function stabilityRange(xs: number[]): string {
  const lo = Math.min(...xs);
  return xs.every((x) => pc(x) === pc(lo)) ? pc(lo) : `${pc(lo)} or more`;
}

/**
 * The report's opening lines (unwrapped; the caller wraps them). `label` names a profile of the other players as the
 * report does elsewhere (one-strategy players left out).
 */
export function summaryLines(r: AnalysisResult, othersLabel: (r: Row) => string, profileLabel: (label: string) => string): string[] {
  const L: string[] = [];
  const choosers = r.players.filter((p) => r.strategies[p].length > 1);
  const caveat = caveatWords(r.gamesPerProfile, r.pairing?.basis === 'paired');
  L.push('Scores are points (in a tournament\'s table, each game\'s score: its objective against the game on the same seed with every seat at the status quo, averaged over the turns); a margin is how far the best strategy is ahead of the next best, and "sure" means its 95% interval stays clear of 0.');
  if (!choosers.length) L.push('No player has more than one strategy: there is nothing to choose.');
  for (const p of choosers)
    L.push(
      playerLine(
        p,
        r.bestResponses.filter((b) => b.player === p),
        othersLabel,
        caveat,
      ),
    );
  const eqs = r.equilibria.equilibria;
  const conf = r.confidence?.equilibria ?? [];
  const open = r.equilibria.unverified.length;
  if (!eqs.length && open)
    L.push(`Equilibrium: none that can be claimed: ${open} profile${open > 1 ? 's' : ''} could be one, but some of ${open > 1 ? 'their' : 'its'} deviations were not played (under "Not claimed" below); a full tournament would tell.`);
  else if (!eqs.length) L.push('Equilibrium: no profile in which every player already plays a best response (see the replicator and alpha-rank sections for where play settles).');
  for (const [i, e] of eqs.slice(0, 3).entries()) {
    const c = conf.find((x) => x.label === e.label);
    const ci = c?.minMarginCi95 ?? null;
    const firm =
      !choosers.length || e.minMargin === null
      ? ''
      : e.minMargin <= r.tolerance && e.closest
        ? `; weak: ${e.closest.player} would do as well with ${e.closest.strategy} (a tie)`
        : ci === null
        ? `; the closest deviation loses ${fig(e.minMargin)} point${fig(e.minMargin) === '1' ? '' : 's'}, with no interval`
        : clear(ci)
          ? `; firm: the closest deviation loses ${withCi(e.minMargin, ci)} points`
          : overstated(ci, c?.stable)
            ? `; not firm: the closest deviation loses only ${withCi(e.minMargin, ci)} points, an interval that takes in 0; it stays an equilibrium in ${pc(c!.stable)} of resamples, but ${caveat} (more games per profile would tell)`
            : `; not firm: the closest deviation loses only ${withCi(e.minMargin, ci)} points, an interval that takes in 0 (more games per profile would tell)`;
    L.push(`Equilibrium${eqs.length > 1 ? ` ${i + 1} of ${eqs.length}` : ''}: ${profileLabel(e.label)}: no player gains by changing strategy alone${firm}.`);
  }
  if (eqs.length > 3) L.push(`… and ${eqs.length - 3} more pure equilibria, in the table below.`);
  return L;
}

/** How many of `rows` strategy `st` leads alone by a margin whose 95% interval is clear of 0 (the "sure" count of the
 * text's and the HTML's best responses). */
export function surelyAhead(rows: readonly Row[], st: string): number {
  return rows.filter((b) => b.best.length === 1 && b.best[0] === st && clear(b.marginCi95)).length;
}

/** Under the replicator's and α-Rank's results (`subject`: what is said of them, "The replicator's shares"): both
 * take the mean scores as exact, so where best responses lead by margins within noise, or with no interval at all (1
 * game a profile), their shares are not sure either (an analyst read "persona 97.3%" resting on a 0.01-point lead
 * ±0.18). '' when every lead with an interval is clear of 0. Ties (several best) are not leads and are not counted. */
export function sharesCaveat(r: AnalysisResult, subject: string): string {
  const leads = r.bestResponses.filter((b) => (r.strategies[b.player]?.length ?? 0) > 1 && b.best.length === 1 && !onlyOnePlayed(b)); // (one strategy alone leads nothing)
  if (leads.length && leads.every((b) => b.marginCi95 == null)) return `${subject} take the mean scores as exact, and with 1 game per profile no lead has an interval: how sure they are cannot be said.`;
  const rows = leads.filter((b) => b.marginCi95 != null);
  const unsure = rows.filter((b) => !(b.marginCi95![0] > 0)).length;
  if (!unsure) return '';
  const who = unsure === rows.length ? (rows.length === 1 ? 'the one best response with an interval leads' : `all ${rows.length} best responses with an interval lead`) : unsure === 1 ? `one of the ${rows.length} best responses with an interval leads` : `${unsure} of the ${rows.length} best responses with an interval lead`;
  return `${subject} take the mean scores as exact: ${who} by a margin whose 95% interval takes in 0, so what rests on ${unsure === 1 ? 'it' : 'them'} is not sure either.`;
}
