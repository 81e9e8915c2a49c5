// Renders an AnalysisResult as a plain-text report that fits a 100-column terminal.
import type { AnalysisResult } from './analyze.ts';
import { onlyOnePlayed, sharesCaveat, summaryLines, surelyAhead } from './summary.ts';
import { caveatWords, overstated, resamplePct } from './resample-caveat.ts';
import { motionInWords } from './replicator.ts';
import type { Mix, Profile } from './table.ts';

export interface FormatOptions {
  /** Line width (default 100). */
  width?: number;
  /** Best-response rows shown per player (default 12; the JSON has them all). */
  maxRows?: number;
  /** α-Rank profiles shown (default 8). */
  topProfiles?: number;
}

/** A number in at most about 7 characters: 4 significant digits, exponent form when very large or small. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return Number.isInteger(v) ? String(v) : v.toPrecision(4); // trailing zeros kept: a column read 0.397 above 0.4468
}

const pct = resamplePct;

const clip = (s: string, w: number) => (s.length <= w ? s : w <= 1 ? s.slice(0, w) : `${s.slice(0, w - 1)}…`);

/** A cell's text in lines of at most `w` characters, broken at spaces (a word longer than a line at `w`). */
function cellLines(s: string, w: number): string[] {
  if (s.length <= w) return [s];
  const out: string[] = [];
  let cur = '';
  for (const word of s.split(' ')) {
    let rest = word;
    while (rest.length > w) {
      if (cur) out.push(cur), (cur = '');
      out.push(rest.slice(0, w));
      rest = rest.slice(w);
    }
    if (cur && cur.length + 1 + rest.length > w) out.push(cur), (cur = '');
    cur = cur ? `${cur} ${rest}` : rest;
  }
  if (cur) out.push(cur);
  return out;
}

/** Columns padded to their widest cell; while the table is wider than `width` the widest column narrows (to 6 at
 * least), and a cell wider than its column wraps onto the next lines at its spaces: nothing is cut off (clipped cells
 * made rows of `analyze` that differed only at their ends read the same: "AUS=persona CHN=…"). */
export function textTable(headers: string[], rows: string[][], width: number, right: boolean[] = [], indent = '  '): string[] {
  const w = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const total = () => indent.length + w.reduce((a, b) => a + b, 0) + 2 * (w.length - 1);
  while (total() > width) {
    const c = w.indexOf(Math.max(...w));
    if (w[c] <= 6) break;
    w[c] -= Math.min(w[c] - 6, total() - width);
  }
  const lines = (cells: string[]): string[] => {
    const parts = w.map((x, c) => cellLines(cells[c] ?? '', x));
    const n = Math.max(...parts.map((p) => p.length));
    return Array.from({ length: n }, (_, k) => (indent + parts.map((p, c) => (right[c] ? (p[k] ?? '').padStart(w[c]) : (p[k] ?? '').padEnd(w[c]))).join('  ')).trimEnd());
  };
  return [...lines(headers), indent + w.map((x) => '-'.repeat(x)).join('  '), ...rows.flatMap(lines)];
}

/** Words of `text` wrapped to `width`, continuation lines indented by `pad`; nothing is cut off. */
function words(text: string, width: number, pad: string): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur.trim() && (cur + w).length > width) {
      lines.push(cur.trimEnd());
      cur = pad;
    }
    cur += w + ' ';
  }
  lines.push(cur.trimEnd());
  return lines;
}

/**
 * Items joined by `sep` after a prefix, wrapped at item boundaries to `width` with a hanging indent; an item too long
 * for a line of its own is wrapped at its spaces. Nothing is clipped: a cut-off line would lose the figure at its end.
 */
function wrap(first: string, parts: string[], width: number, sep = ', '): string[] {
  const pad = ' '.repeat(Math.min(first.length + 1, 24));
  const lines: string[] = [];
  let cur = first + (parts.length ? ' ' : '');
  let empty = true;
  parts.forEach((p, i) => {
    const piece = p + (i < parts.length - 1 ? sep : '');
    if (!empty && (cur + piece).trimEnd().length > width) {
      lines.push(cur.trimEnd());
      cur = pad;
    }
    if ((cur + piece).trimEnd().length > width) {
      const broken = words(cur + piece, width, pad);
      lines.push(...broken.slice(0, -1));
      cur = broken[broken.length - 1];
    } else cur += piece;
    empty = false;
  });
  lines.push(cur.trimEnd());
  return lines;
}

/** A line of prose, wrapped (not clipped) to `width`. */
const para = (text: string, width: number, pad = '    ') => words(text, width, pad);

const label = (p: Profile) => Object.entries(p).map(([k, v]) => `${k}=${v}`).join(' ');

function mixLines(mix: Mix, width: number, indent = '    '): string[] {
  return Object.entries(mix).flatMap(([player, probs]) =>
    wrap(`${indent}${player.padEnd(6)}`, Object.entries(probs).map(([s, p]) => `${s} ${p.toFixed(3)}`), width, '  '),
  );
}

const heading = (title: string, width: number, suffix = '') => {
  const h = clip(title.toUpperCase() + suffix, width);
  return ['', h, '='.repeat(h.length)];
};

/** The plain-text report: best responses, equilibria with confidence, replicator, α-Rank and deviation gains. */
export function formatAnalysis(r: AnalysisResult, opts: FormatOptions = {}): string {
  const W = opts.width ?? 100;
  const maxRows = opts.maxRows ?? 12;
  const L: string[] = [];
  const ci = r.confidence;
  // the table's seed is its first: a profile's games are on seeds seed..seed+n-1 (an analyst read "seed 1" as the only one)
  const seeds = r.gamesPerProfile > 1 ? `seeds ${r.seed}-${r.seed + r.gamesPerProfile - 1}` : `seed ${r.seed}`;
  // a shortened game said where its figures are read (an analyst took 16-turn results for whole games)
  const turns = typeof r.turns === 'number' ? `, ${r.turns} turn${r.turns === 1 ? '' : 's'} a game` : '';
  L.push(...para(`Payoff analysis: scenario ${r.scenario}, ${r.gamesPerProfile} game${r.gamesPerProfile === 1 ? '' : 's'} per profile (${seeds})${turns}`, W));
  L.push(...wrap('Players:', r.players, W, ' '));
  for (const p of r.players) L.push(...wrap(`  ${p.padEnd(6)}`, r.strategies[p], W));
  // A player with one strategy plays it in every profile: left out of the profiles below, so that they fit.
  const fixed = new Set(r.players.filter((q) => r.strategies[q].length === 1 && r.players.length > 1).map((q) => `${q}=${r.strategies[q][0]}`));
  const short = (l: string) => l.split(' ').filter((x) => !fixed.has(x)).join(' ') || l;
  const lab = (q: Profile) => short(label(q));
  if (fixed.size) L.push(...wrap('Left out of the profiles below (one strategy each):', [...fixed], W, ' '));
  const p = r.profiles;
  L.push(...para(`Profiles: ${p.known} of ${p.total} known${p.missingCount ? `, ${p.missingCount} missing` : ' (full factorial)'}; tie tolerance ${num(r.tolerance)} (scores closer than this are equal: rounding, not a lead)`, W));
  if (p.missingCount) {
    L.push('  Missing (unknown, never estimated):');
    for (const m of p.missing) L.push(...para(`    ${lab(m)}`, W, '      '));
    if (p.missing.length < p.missingCount) L.push(`    … and ${p.missingCount - p.missing.length} more`);
  }
  L.push(...wrap('Comparisons:', r.pairing.description.split(' '), W, ' '));
  for (const n of r.notes) L.push(...wrap('Note:', n.split(' '), W, ' '));
  // the half-width of a 95% interval, marked p or u only when the table mixes paired and unpaired comparisons
  const half = (c: [number, number] | null | undefined, basis: string | null | undefined) =>
    c ? `±${num((c[1] - c[0]) / 2)}${r.pairing.basis === 'mixed' && basis ? ` ${basis[0]}` : ''}` : '-';

  const caveat = caveatWords(r.gamesPerProfile, r.pairing.basis === 'paired');
  L.push(...heading('In short', W));
  for (const line of summaryLines(r, (b) => (label(b.others) && short(label(b.others))) || '', short)) L.push(...para(`  ${line}`, W));

  L.push(...heading('Best responses', W));
  if (r.bestResponses.some((b) => b.marginCi95 != null)) L.push(...para('Best: the highest mean score; sure: ahead by a margin whose 95% interval is clear of 0.', W));
  for (const player of r.players) {
    if (r.strategies[player].length === 1) {
      L.push(...para(`${player}: a single strategy (${r.strategies[player][0]}), nothing to choose`, W));
      continue;
    }
    const rows = r.bestResponses.filter((b) => b.player === player);
    const counts = new Map<string, number>();
    const unsure = new Map<string, number>(); // of those, rows where some alternative is unknown (best among the known)
    // a case where one strategy alone was played (a --sample tournament) has no best: it was called "best" unopposed
    // (an analyst's review)
    const alone = rows.filter(onlyOnePlayed).length;
    for (const b of rows)
      for (const s of onlyOnePlayed(b) ? [] : b.best) {
        counts.set(s, (counts.get(s) ?? 0) + 1);
        if (b.unknown.length) unsure.set(s, (unsure.get(s) ?? 0) + 1);
      }
    // of each strategy's cases, those it leads alone by a margin whose 95% interval is clear of 0 (with intervals)
    const withCi = rows.some((b) => b.marginCi95 != null);
    const sure = (st: string) => surelyAhead(rows, st);
    const summary = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([s, c]) => {
        const notes = [...(unsure.get(s) ? [`${unsure.get(s)} of them among known strategies only`] : []), ...(withCi ? [`sure in ${sure(s)}`] : [])];
        return `${s} ${c}/${rows.length}${notes.length ? ` (${notes.join('; ')})` : ''}`;
      });
    // the cases with no best, each kind said apart (with no best anywhere, "best in none known in 3/4" was printed)
    const blank = rows.filter((b) => b.best.length === 0).length;
    const none = [...(alone ? [`one strategy alone played in ${alone}/${rows.length}`] : []), ...(blank ? [`nothing played in ${blank}/${rows.length}`] : [])];
    L.push(...wrap(summary.length ? `${player}: best in` : `${player}: no best known;`, [...summary, ...none], W, '; '));
    const shown = rows.slice(0, maxRows).map((b) => [
      (label(b.others) && short(label(b.others))) || '(no other players)',
      onlyOnePlayed(b) ? `only ${b.best[0]}` : b.best.join(' = ') || '?',
      num(b.value),
      num(b.margin),
      half(b.marginCi95, b.marginBasis),
      // alone among those played (no margin): nothing to be stable against, not "100%"
      b.margin === null ? '-' : `${pct(b.stability)}${overstated(b.marginCi95, b.stability) ? '*' : ''}`,
      b.unknown.length ? b.unknown.join(', ') : '',
    ]);
    L.push(...textTable(['others play', 'best', 'mean', 'margin', '±95%', 'stable', 'unknown'], shown, W, [false, false, true, true, true, true, false]));
    if (rows.slice(0, maxRows).some((b) => overstated(b.marginCi95, b.stability))) L.push(...para(`  *: stable, yet the ±95% interval takes in 0, so not sure: ${caveat}.`, W));
    if (rows.length > maxRows) L.push(`  … ${rows.length - maxRows} more rows in the JSON result`);
  }

  const eq = r.equilibria;
  L.push(...heading('Pure equilibria', W, ` (tolerance ${num(eq.tolerance)})`));
  if (!eq.equilibria.length)
    L.push(
      eq.profiles.known === 0
        ? '  None: no profile is known.'
        : eq.unverified.length
          ? '  None verified: every other known profile has a profitable deviation.'
          : '  None: in every profile some player gains by deviating alone.',
    );
  else {
    const rows = eq.equilibria.map((e) => {
      const c = ci?.equilibria.find((x) => x.label === e.label);
      return [short(e.label), num(e.minMargin), c ? half(c.minMarginCi95, c.basis) : '-', c ? (c.z === null ? (c.minMarginSe === 0 ? 'exact' : '-') : num(c.z)) : '-', c ? `${pct(c.stable)} of ${c.samples}${overstated(c.minMarginCi95, c.stable) ? '*' : ''}` : '-'];
    });
    L.push(...textTable(['profile', 'min margin', '±95%', 'z', 'stable'], rows, W, [false, true, true, true, true]));
    const how = {
      paired: 'seed by seed (the mean of the per-seed differences, a t interval over the seeds)',
      unpaired: 'with the two profiles taken as independent (no per-seed scores: see Comparisons above)',
      mixed: 'seed by seed where both profiles share seeds (p), else as independent means (u)',
    }[r.pairing.basis];
    L.push(...para(`  min margin: the closest deviation loses this much; ±95%: its 95% interval and z: the margin over its standard error, both ${how}.`, W));
    if (eq.equilibria.some((e) => ((c) => c && overstated(c.minMarginCi95, c.stable))(ci?.equilibria.find((x) => x.label === e.label)))) L.push(...para(`  *: stable, yet the ±95% interval takes in 0, so not firm: ${caveat}.`, W));
  }
  if (eq.unverified.length) {
    L.push('  Not claimed (no known profitable deviation, but these deviations are missing):');
    for (const u of eq.unverified) L.push(...wrap(`    ${short(u.label)} needs`, u.missing.map(lab), W, '; '));
  }
  if (ci?.others.length) L.push(...wrap('  Equilibria only in some resamples:', ci.others.map((o) => `${short(o.label)} (${pct(o.frequency)})`), W, '; '));
  if (ci) L.push(...para(`  Resamples with no pure equilibrium: ${pct(ci.noEquilibrium)} of ${ci.samples} (seed ${ci.seed}; ${ci.resampling.description}).`, W));
  else L.push(...para('  No z or stability figures: nothing was resampled (--samples 0, or profiles of 1 game: see the notes).', W));

  const rep = r.replicator;
  if (rep) {
    L.push(...heading('Replicator dynamics', W));
    if (!rep.available) L.push(`  Unavailable: ${rep.reason}.`);
    else {
      const caveat = sharesCaveat(r, r.alphaRank?.available ? "The replicator's shares and Alpha-Rank's masses below" : "The replicator's shares");
      if (caveat) L.push(...para(`  ${caveat}`, W));
      const extra = rep.runs.length > 1 ? `, plus ${rep.runs.length - 1} random starts` : '';
      L.push(...para(`  ${rep.method}, ${rep.steps} steps of dt ${rep.dt} (payoffs divided by their range, ${num(rep.payoffScale)} points, so the step does not depend on the units), from ${rep.startKind === 'uniform' ? 'the uniform mix' : 'the given start'}${extra}`, W));
      const end = rep.converged ? `Converged${rep.pure ? ` to the pure profile ${lab(rep.pure)}` : ' to a mixed rest point'}` : rep.motion ? `Not settled: ${motionInWords(rep.motion, rep.steps, num)}` : 'Not settled';
      L.push(...wrap(' ', `${end}; regret of the final mix ${num(rep.regret)}${rep.converged ? '' : `, of the time average ${num(rep.averageRegret)}`}`.split(' '), W, ' '));
      L.push('  Final mix:', ...mixLines(rep.final, W));
      if (!rep.converged) L.push('  Time average:', ...mixLines(rep.average, W));
      const ends = new Map<string, number>();
      for (const run of rep.runs.slice(1)) {
        const k = run.pure ? lab(run.pure) : run.converged ? 'a mixed rest point' : run.motion?.kind === 'cycle' ? 'still cycling' : `still drifting${run.motion ? `, ${run.motion.player} towards ${run.motion.heading}` : ''}`;
        ends.set(k, (ends.get(k) ?? 0) + 1);
      }
      if (ends.size) L.push(...wrap('  Random starts ended at:', [...ends.entries()].map(([k, c]) => `${k} (${c})`), W, '; '));
    }
  }

  const ar = r.alphaRank;
  if (ar) {
    L.push(...heading('Alpha-Rank', W));
    if (!ar.available) L.push(`  Unavailable: ${ar.reason}.`);
    else {
      L.push(...wrap(' ', ar.note.split(' '), W, ' '));
      const caveat = rep?.available ? '' : sharesCaveat(r, "Alpha-Rank's masses");
      if (caveat) L.push(...para(`  ${caveat}`, W));
      const rows = ar.top.slice(0, opts.topProfiles ?? 8).map((t, i) => [String(i + 1), t.mass.toFixed(4), short(t.label)]);
      L.push(...textTable(['rank', 'mass', 'profile'], rows, W, [true, true, false]));
      const car = ci?.alphaRank;
      if (car) L.push(...para('stable' in car ? `  Resampled: ${short(car.label)} is ${car.description}.` : `  Resampling of the top profile skipped: ${car.skipped}.`, W));
      L.push('  Marginals:', ...mixLines(ar.marginals, W));
    }
  }

  const tp = r.topProfile;
  if (tp) {
    const d = tp.deviations;
    L.push(...heading(`Deviation gains at the ${tp.source === 'alpha-rank' ? 'top alpha-rank' : 'least-regret known'} profile`, W));
    L.push(...para(`  ${short(d.label)}${d.complete ? '' : '  (some deviations unknown)'}`, W));
    const rows = d.players.map((x) => [
      x.player,
      x.strategy,
      num(x.payoff),
      x.bestDeviation ?? '-',
      num(x.bestGain),
      half(x.bestGainCi95, x.basis),
      num(x.regret),
      x.unknown.join(', '),
    ]);
    L.push(...textTable(['player', 'plays', 'payoff', 'best deviation', 'gain', '±95%', 'regret', 'unknown'], rows, W, [false, false, true, false, true, true, true, false]));
  }
  return L.join('\n') + '\n';
}
