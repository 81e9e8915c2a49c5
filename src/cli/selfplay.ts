// `gambit selfplay` and `gambit merge`: seeded games on worker threads, written in game order whatever the worker count;
// a journal (OUT.partial) lets an interrupted run resume, and the output file appears only when complete.
import { appendFileSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { COUNTRIES, type CountryId } from '../../engine/index.ts';
import { UsageError, int, makeSeats, parseAgentSpec } from './args.ts';
import { CSV_HEADER, csvRow, runId, type GameTask, type ResultLine } from './batch.ts';
import { writeFileAtomic } from './io.ts';
import { playScheduled } from './pool.ts';
import { batchSetup } from './batch-options.ts';

export interface SelfplayOptions {
  scenario: string;
  games: string;
  seed: string;
  turns?: string;
  agents?: string;
  out?: string;
  csv?: string;
  progress: boolean;
  workers?: string;
  resume?: boolean;
  shard?: string;
}

export function parseShard(s: string | undefined): { k: number; n: number } | null {
  if (!s) return null;
  const m = /^(\d+)\/(\d+)$/.exec(s);
  if (!m) throw new UsageError(`--shard must look like K/N (1 <= K <= N), got ${JSON.stringify(s)}`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new UsageError(`--shard must look like K/N with 1 <= K <= N, got ${s}`);
  return { k, n };
}

function csvPathFor(out: string, csv?: string): string {
  return csv ?? out.replace(/\.jsonl?$/i, '') + '.csv';
}

export function writeResults(out: string, csv: string | undefined, lines: ResultLine[]): void {
  const sorted = [...lines].sort((a, b) => a.game - b.game);
  writeFileAtomic(out, sorted.map((l) => JSON.stringify(l)).join('\n') + (sorted.length ? '\n' : ''));
  writeFileAtomic(csvPathFor(out, csv), [CSV_HEADER.join(','), ...sorted.map(csvRow)].join('\n') + '\n');
}

export async function cmdSelfplay(o: SelfplayOptions): Promise<number> {
  const { content, seed: seed0, turns, workers } = batchSetup(o);
  const games = int('--games', 1, 10_000_000)(o.games);
  const shard = parseShard(o.shard);
  if (o.resume && !o.out) throw new UsageError('--resume needs --out (the journal lives beside the output file)');
  const names = parseAgentSpec(o.agents);
  makeSeats(content, names); // checks every name before any work starts
  const run = runId(content, { seed: seed0, games, agents: names, turns });
  const mine: number[] = [];
  for (let g = 0; g < games; g++) if (!shard || g % shard.n === shard.k - 1) mine.push(g);
  const task = (g: number): GameTask => ({ scenario: o.scenario, game: g, seed: seed0 + g, agents: names, turns, run, runGames: games, ...(shard ? { shard: `${shard.k}/${shard.n}` } : {}) });

  const journal = o.out ? `${o.out}.partial` : null;
  const done = new Map<number, ResultLine>();
  if (journal && o.resume && existsSync(journal)) {
    const kept = readFileSync(journal, 'utf8');
    // an interrupted write can leave half a line at the end: cut it off, or the next result would be glued to it
    if (kept.length && !kept.endsWith('\n')) truncateSync(journal, Buffer.byteLength(kept.slice(0, kept.lastIndexOf('\n') + 1)));
    for (const text of kept.split('\n')) {
      if (!text.trim()) continue;
      let l: ResultLine;
      try {
        l = JSON.parse(text) as ResultLine;
      } catch {
        continue; // the last line of an interrupted write
      }
      if (l.run !== run) throw new UsageError(`--resume: ${journal} belongs to another batch (different scenario, seed, games, agents or turns)`);
      done.set(l.game, l);
    }
  } else if (journal) writeFileSync(journal, '');
  const todo = mine.filter((g) => !done.has(g));

  const bar =
    o.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'selfplay [{bar}] {value}/{total} games | {rate} games/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(mine.length, done.size, { rate: '0' });
  const t0 = performance.now();
  let finished = 0;
  // stdout: print in game order as soon as the next game is ready
  const pending = new Map<number, string>();
  let nextOut = 0;
  const order = mine;
  const emit = (lines: string[]) => {
    for (const text of lines) {
      const l = JSON.parse(text) as ResultLine;
      done.set(l.game, l);
      if (journal) appendFileSync(journal, text + '\n');
      else pending.set(l.game, text);
    }
    if (!journal)
      while (nextOut < order.length && pending.has(order[nextOut])) {
        process.stdout.write(pending.get(order[nextOut])! + '\n');
        pending.delete(order[nextOut]);
        nextOut++;
      }
    finished += lines.length;
    bar?.update(done.size, { rate: (finished / ((performance.now() - t0) / 1000)).toFixed(1) });
  };

  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSigint);
  try {
    await playScheduled({ tasks: todo.map(task), workers, onResult: (line) => emit([line]), stopped: () => interrupted });
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar?.stop();
  }
  if (interrupted) {
    process.stderr.write(`selfplay: interrupted; ${done.size} of ${mine.length} games are kept in ${journal ?? '(stdout)'}${journal ? '; run the same command with --resume to finish' : ''}\n`);
    return 130;
  }
  if (o.out) {
    writeResults(o.out, o.csv, [...done.values()]);
    rmSync(journal!, { force: true });
    process.stderr.write(`${done.size} games written to ${o.out} and ${csvPathFor(o.out, o.csv)}\n`);
  }
  return 0;
}

/** `gambit merge --out OUT SHARD...`: combine shard outputs of one batch; refuse missing, duplicate or foreign shards. */
export function cmdMerge(files: string[], o: { out: string; csv?: string }): number {
  const lines: ResultLine[] = [];
  const shards = new Map<string, string>();
  let run: string | null = null;
  let total = 0;
  let n = 0;
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`merge: no such file ${f}`);
    const text = readFileSync(f, 'utf8').split('\n').filter((x) => x.trim());
    if (!text.length) throw new UsageError(`merge: ${f} is empty`);
    let shardOfFile: string | null = null;
    text.forEach((t, i) => {
      let l: ResultLine;
      try {
        l = JSON.parse(t) as ResultLine;
      } catch {
        throw new UsageError(`merge: ${f} line ${i + 1} is not JSON`);
      }
      if (!l.shard) throw new UsageError(`merge: ${f} line ${i + 1} has no shard (was it run with --shard K/N?)`);
      run ??= l.run;
      total ||= l.runGames;
      if (l.run !== run) throw new UsageError(`merge: ${f} comes from another batch (run ${l.run}, expected ${run})`);
      if (shardOfFile && l.shard !== shardOfFile) throw new UsageError(`merge: ${f} mixes shards ${shardOfFile} and ${l.shard}`);
      shardOfFile = l.shard;
      lines.push(l);
    });
    const [k, nn] = shardOfFile!.split('/').map(Number);
    n ||= nn;
    if (nn !== n) throw new UsageError(`merge: ${f} is shard ${shardOfFile} but others are of ${n}`);
    if (shards.has(String(k))) throw new UsageError(`merge: shard ${k}/${n} appears twice (${shards.get(String(k))} and ${f})`);
    shards.set(String(k), f);
  }
  const missing: number[] = [];
  for (let k = 1; k <= n; k++) if (!shards.has(String(k))) missing.push(k);
  if (missing.length) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')}`);
  const seen = new Set<number>();
  for (const l of lines) {
    if (seen.has(l.game)) throw new UsageError(`merge: game ${l.game} appears twice`);
    seen.add(l.game);
  }
  if (seen.size !== total) throw new UsageError(`merge: ${seen.size} of ${total} games present; a shard is incomplete`);
  const clean = lines.map(({ shard: _s, ...rest }) => rest as ResultLine);
  writeResults(o.out, o.csv, clean);
  process.stderr.write(`${total} games from ${n} shards written to ${o.out}\n`);
  return 0;
}

export type { CountryId };
export { COUNTRIES };
