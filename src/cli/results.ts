// Self-play result files: every line checked (schema, finite numbers, game range, shard membership), written as a
// JSONL and CSV pair that appears as one unit, and `gambit merge`, which streams shards into one file in game order.
import { statSync } from 'node:fs';
import { z } from 'zod';
import { COUNTRIES, OBJECTIVES, type CountryId, type ObjectiveKey } from '../../engine/index.ts';
import { CSV_HEADER, csvRow, type ResultLine } from './batch.ts';
import { FileError, UsageError, issueInWords } from './errors.ts';
import { checkOutputs, LineReader } from './files.ts';
import { AtomicWriter, commitTogether } from './io.ts';
import { MAX_GAMES, MAX_SHARDS, shardSize, type Shard } from './batch-options.ts';
import { plural, splitLines } from './table.ts';
import { halfWidth95 } from '../analysis/stats.ts';

const isDirectory = (f: string) => statSync(f, { throwIfNoEntry: false })?.isDirectory() ?? false;

const num = z.number().refine(Number.isFinite, 'a finite number');
const per = <T extends z.ZodType>(t: T) => z.object(Object.fromEntries(COUNTRIES.map((c) => [c, t])) as Record<CountryId, T>).strict();
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ResultLineSchema = z
  .object({
    game: whole,
    seed: whole,
    agents: per(z.string().max(4096)),
    scores: per(num),
    scoreBy: per(z.object(Object.fromEntries(OBJECTIVES.map((k) => [k, num])) as Record<ObjectiveKey, typeof num>).strict()).optional(), // absent in older files
    outcomes: z
      .object({
        turns: z.number().int().min(1).max(1000),
        gdpGrowthPct: per(num),
        approval: per(num),
        jpnMinMagnetSupply: num,
        finalPrices: z.object({ 'oxide.light': num.optional(), 'oxide.heavy': num, magnet: num }).strict(), // NdPr: absent in older files
        events: z.number().int().min(0),
      })
      .strict(),
    run: z.string().regex(/^[0-9a-f]{16}$/),
    runGames: z.number().int().min(1).max(MAX_GAMES),
    shard: z.string().regex(/^\d{1,16}\/\d{1,16}$/).optional(),
  })
  .strict();

/** Parse and check one result line; the parsed object keeps the file's key order (zod's output would not). */
export function parseResultLine(text: string, where: string): ResultLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FileError(`${where}: not valid JSON`);
  }
  const r = ResultLineSchema.safeParse(json);
  if (!r.success) {
    throw new FileError(`${where}: not a result line (${issueInWords(r.error.issues[0])})`);
  }
  return json as ResultLine;
}

export function csvPathFor(out: string, csv?: string): string {
  return csv ?? out.replace(/\.jsonl?$/i, '') + '.csv';
}

/**
 * Write a batch's JSONL and CSV from result lines in game order, streamed (a million games never become one string),
 * as one unit: both are written to temporary files, then the CSV is put in place and the JSONL last (the old JSONL is
 * removed first), so a kill never leaves a new JSONL beside a stale CSV. `beforeRename` is a hook for tests.
 */
export function writeResults(out: string, csv: string | undefined, lines: Iterable<ResultLine>, beforeRename?: (path: string) => void): number {
  const j = new AtomicWriter(out);
  let c: AtomicWriter | null = null;
  let n = 0;
  try {
    c = new AtomicWriter(csvPathFor(out, csv));
    c.line(CSV_HEADER.join(','));
    for (const l of lines) {
      j.line(JSON.stringify(l));
      c.line(csvRow(l));
      n++;
    }
    commitTogether([c, j], beforeRename);
  } catch (e) {
    j.abort();
    c?.abort();
    throw e;
  }
  return n;
}

/** The mean score and its split by objective per country over a batch's lines, added one at a time (a line from a
 * file written before the split was kept, without `scoreBy`, is left out of the split and said to be). */
export class SplitMeans {
  private n = 0;
  private withSplit = 0;
  private readonly score = Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number>;
  // Welford's running mean and sum of squared deviations, for the score's 95% interval (the summary printed means alone)
  private readonly run = Object.fromEntries(COUNTRIES.map((c) => [c, { m: 0, s: 0 }])) as Record<CountryId, { m: number; s: number }>;
  private readonly by = Object.fromEntries(COUNTRIES.map((c) => [c, Object.fromEntries(OBJECTIVES.map((k) => [k, 0]))])) as Record<CountryId, Record<ObjectiveKey, number>>;

  add(l: ResultLine): void {
    this.n++;
    for (const c of COUNTRIES) {
      this.score[c] += l.scores[c];
      const r = this.run[c];
      const d = l.scores[c] - r.m;
      r.m += d / this.n;
      r.s += d * (l.scores[c] - r.m);
    }
    if (!l.scoreBy) return;
    this.withSplit++;
    for (const c of COUNTRIES) for (const k of OBJECTIVES) this.by[c][k] += l.scoreBy[c][k];
  }

  /** The table, a row per country (their agents beside them), or nothing when no line carried the split. */
  lines(agents: Record<CountryId, string>): string[] {
    if (!this.withSplit) return [];
    const some = this.withSplit < this.n ? `; ${this.n - this.withSplit} older lines without the split left out of it` : '';
    return [
      `mean scores over ${plural(this.n, 'game')}, split by objective (points; ±95%: half the score's 95% t-interval${this.n < 2 ? ', which one game cannot give' : ''}; a split adds up to its score, to rounding${some}):`,
      ...splitLines('country', COUNTRIES.map((c) => ({ label: `${c} ${agents[c]}`, score: this.score[c] / this.n, ci: halfWidth95(this.n > 1 ? Math.sqrt(this.run[c].s / (this.n - 1)) : 0, this.n), by: Object.fromEntries(OBJECTIVES.map((k) => [k, this.by[c][k] / this.withSplit])) as Record<ObjectiveKey, number> }))),
    ];
  }
}

/** One shard file read in order: lines are checked as they come. */
interface ShardFile {
  file: string;
  shard: Shard;
  lines: number;
}

/** `gambit merge --out OUT SHARD...`: combine shard outputs of one batch into one file in game order. Every line is
 * checked: one batch, one shard per file, every game number in the batch's range and in its shard, in order, each
 * once, with the batch's seeds; every shard present once. Nothing is held in memory but one line per shard. A file
 * refused for what it holds exits 1 (FileError); files that do not make one batch (a shard missing or given twice,
 * another batch's) or a file that is not there, 2 (UsageError), as a bad command line. */
export function cmdMerge(files: string[], o: { out: string; csv?: string }): number {
  checkOutputs(
    [
      { path: o.out, flag: '--out' },
      { path: csvPathFor(o.out, o.csv), flag: o.csv !== undefined ? '--csv' : '--out (its CSV)' },
    ],
    files.map((f) => ({ path: f, what: 'a shard being merged' })),
  );
  if (files.length > MAX_SHARDS) throw new UsageError(`merge: ${files.length} files; a batch has at most ${MAX_SHARDS} shards`);
  let run: string | null = null;
  let total = 0;
  let n = 0;
  let seedOffset: number | null = null;
  const byShard = new Map<number, ShardFile>();
  // first pass: check every line of every file
  for (const f of files) {
    if (isDirectory(f)) throw new UsageError(`merge: ${f}: a directory with no tournament.json, so not a tournament shard (merge takes self-play shard files, or tournament shard directories)`);
    const r = new LineReader(f, `merge: ${f}`);
    let shard: Shard | null = null;
    let tag = '';
    let last = -1;
    let count = 0;
    for (let t = r.next(); t !== null; t = r.next()) {
      if (!t.trim()) continue;
      const where = `merge: ${f} line ${r.lineNo}`;
      const l = parseResultLine(t, where);
      if (!l.shard) throw new FileError(`${where} has no shard (was it run with --shard K/N?)`);
      if (run === null) {
        run = l.run;
        total = l.runGames;
      }
      if (l.run !== run || l.runGames !== total) throw new UsageError(`${where} comes from another batch (run ${l.run}, expected ${run})`);
      if (!shard) {
        const [k, nn] = l.shard.split('/').map(Number);
        if (!(k >= 1 && k <= nn && nn <= Math.min(total, MAX_SHARDS))) throw new FileError(`${where}: shard ${l.shard} is not a shard of a batch of ${total} games`);
        shard = { k, n: nn };
        tag = l.shard;
        n ||= nn;
        if (nn !== n) throw new UsageError(`merge: ${f} is shard ${tag} but others are of ${n}`);
        const dup = byShard.get(k);
        if (dup) throw new UsageError(`merge: shard ${k}/${n} appears twice (${dup.file} and ${f})`);
      } else if (l.shard !== tag) throw new FileError(`merge: ${f} mixes shards ${tag} and ${l.shard}`);
      if (l.game >= total) throw new FileError(`${where}: game ${l.game} is outside the batch's games 0-${total - 1}`);
      if (l.game % shard.n !== shard.k - 1) throw new FileError(`${where}: game ${l.game} does not belong to shard ${tag} (its games are ${shard.k - 1}, ${shard.k - 1 + shard.n}, ...)`);
      if (l.game <= last) throw new FileError(`${where}: game ${l.game} ${l.game === last ? 'appears twice' : 'is out of order'}`);
      seedOffset ??= l.seed - l.game;
      if (l.seed - l.game !== seedOffset) throw new FileError(`${where}: game ${l.game} has seed ${l.seed}, but the batch gives game g the seed ${seedOffset} + g`);
      last = l.game;
      count++;
    }
    if (r.partial !== null) throw new FileError(`merge: ${f} ends in half a line (was it cut off?)`);
    if (!shard) throw new FileError(`merge: ${f} is empty`);
    const want = shardSize(total, shard);
    if (count !== want) throw new FileError(`merge: ${f} (shard ${tag}) holds ${count} of its ${want} games; the shard is incomplete`);
    byShard.set(shard.k, { file: f, shard, lines: count });
  }
  const missing: number[] = [];
  for (let k = 1; k <= n && missing.length <= 10; k++) if (!byShard.has(k)) missing.push(k);
  if (missing.length) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).map((k) => `${k}/${n}`).join(', ')}${missing.length > 10 ? ', ...' : ''}`);
  // second pass: game g is the next line of shard (g % n) + 1
  const readers = Array.from({ length: n }, (_, i) => new LineReader(byShard.get(i + 1)!.file, `merge: ${byShard.get(i + 1)!.file}`, undefined, 8 * 1024));
  function* inOrder(): Generator<ResultLine> {
    for (let g = 0; g < total; g++) {
      const r = readers[g % n];
      let t = r.next();
      while (t !== null && !t.trim()) t = r.next();
      if (t === null) throw new FileError(`merge: ${r.path} changed while it was merged`);
      const l = parseResultLine(t, `merge: ${r.path} line ${r.lineNo}`);
      if (l.game !== g) throw new FileError(`merge: ${r.path} changed while it was merged`);
      const { shard: _s, ...rest } = l;
      yield rest as ResultLine;
    }
  }
  writeResults(o.out, o.csv, inOrder());
  process.stderr.write(`${total} games from ${n} shards written to ${o.out} and ${csvPathFor(o.out, o.csv)}\n`);
  return 0;
}
