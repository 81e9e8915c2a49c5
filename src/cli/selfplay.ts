// `gambit selfplay` and `gambit merge`: seeded games on worker threads, written in game order whatever the worker count;
// a journal (OUT.partial) lets an interrupted run resume, and the output file appears only when complete.
import { existsSync, rmSync } from 'node:fs';
import { COUNTRIES, ENGINE_VERSION, type CountryId } from '../../engine/index.ts';
import { UsageError, int, loadScripts, makeSeats, parseAgentSpec, resolvedNames, scriptTurnNotes } from './args.ts';
import type { GameTask, ResultLine } from './batch.ts';
import { STOP_SIGNALS, interruptedLine, playUntilStopped } from './io.ts';
import { progress } from './progress-log.ts';
import { playScheduled } from './pool.ts';
import { MAX_GAMES, batchSetup, checkRunSize, checkSeeds, parseShard, shardSize } from './batch-options.ts';
import { inputFiles } from './content.ts';
import { LineReader, checkOutputs } from './files.ts';
import { dropEmptyJournal, identityRun, openJournal, type BatchIdentity } from './journal.ts';
import { SplitMeans, csvPathFor, parseResultLine, writeResults } from './results.ts';
import { plural } from './table.ts';

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
  fresh?: boolean;
  shard?: string;
}

export async function cmdSelfplay(o: SelfplayOptions): Promise<number> {
  if (o.resume && o.fresh) throw new UsageError('--resume and --fresh: give one of them (finish the interrupted run, or start again)');
  // an empty --out (an unset shell variable) is refused, not taken for no --out, which prints the results instead
  if (o.out !== undefined && !o.out.trim()) throw new UsageError('--out: give a path, not an empty name (leave --out out to print the results on stdout)');
  // --out x.csv wrote JSONL into x.csv and the CSV into x.csv.csv (an analyst's review)
  if (o.out && /\.csv$/i.test(o.out.trim())) throw new UsageError(`--out ${o.out}: --out names the JSONL results (a game a line); its CSV is written beside it. Give --out ${o.out.trim().replace(/\.csv$/i, '.jsonl')}, and the CSV is ${o.out.trim()} (or name the CSV with --csv)`);
  if ((o.resume || o.fresh) && !o.out) throw new UsageError(`--${o.resume ? 'resume' : 'fresh'} needs --out (the journal lives beside the output file)`);
  if (o.csv !== undefined && !o.out) throw new UsageError('--csv needs --out (without --out the results go to stdout as JSONL)');
  const { content, seed: seed0, turns, workers } = batchSetup(o);
  const games = int('--games', 1, MAX_GAMES)(o.games);
  const shard = parseShard(o.shard, games);
  const size = shardSize(games, shard);
  checkRunSize(size, games);
  checkSeeds(seed0, games);
  const names = parseAgentSpec(o.agents);
  const journal = o.out ? `${o.out}.partial` : null;
  // every output checked before any work starts: writable, not a directory, not an input, not each other
  if (o.out)
    checkOutputs(
      [
        { path: o.out, flag: '--out' },
        { path: csvPathFor(o.out, o.csv), flag: o.csv !== undefined ? '--csv' : '--out (its CSV)' },
        { path: journal!, flag: '--out (its journal)' },
      ],
      inputFiles(o.scenario, names),
    );
  const scripts = loadScripts(names, content); // each script read once for the batch; the games name it by hash
  const seats = makeSeats(content, names, scripts);
  for (const n of scriptTurnNotes(content, scripts, turns)) process.stderr.write(`gambit: ${n}\n`);
  const scriptHashes = Object.fromEntries(Object.entries(scripts).map(([p, s]) => [p, s.hash]));
  const tag = shard ? `${shard.k}/${shard.n}` : null;
  const identity: BatchIdentity = { scenario: content.scenario.id, contentHash: content.hash, seed: seed0, games, turns: turns ?? null, agents: names, scripts: scriptHashes, shard: tag, engineVersion: ENGINE_VERSION };
  const run = identityRun(identity);
  const mineOf = (g: number) => Number.isSafeInteger(g) && g >= 0 && g < games && (!shard || g % shard.n === shard.k - 1);
  const mine: number[] = [];
  for (let g = shard ? shard.k - 1 : 0; g < games; g += shard ? shard.n : 1) mine.push(g);
  const task = (g: number): GameTask => ({ scenario: o.scenario, game: g, seed: seed0 + g, agents: names, turns, run, runGames: games, scripts: scriptHashes, ...(tag ? { shard: tag } : {}) });

  // --resume with no journal beside an output this batch already finished: said, and nothing played or rewritten (it
  // played the whole batch again, replacing the files, for a job retried after it had ended)
  if (o.resume && o.out && !existsSync(journal!) && finishedBatch(o.out, csvPathFor(o.out, o.csv), run, mine)) {
    process.stderr.write(`gambit: --resume: ${o.out} already holds every game of this batch (${plural(mine.length, 'game')}) and its CSV is there; nothing to play (--fresh plays it again)\n`);
    return 0;
  }
  const done = journal ? openJournal({ path: journal, identity, resume: Boolean(o.resume), fresh: Boolean(o.fresh), mine: mineOf, size, names: resolvedNames(seats) }) : null;
  const resumed = done?.size ?? 0;
  const todo = done ? mine.filter((g) => !done.has(g)) : mine;

  const bar = progress(o.progress, 'selfplay', mine.length, resumed);
  let finished = 0;
  // stdout: print in game order as soon as the next game is ready
  const pending = new Map<number, string>();
  let nextOut = 0;
  const emit = (text: string) => {
    const game = (JSON.parse(text) as ResultLine).game;
    if (done) done.append(game, text);
    else {
      pending.set(game, text);
      while (nextOut < mine.length && pending.has(mine[nextOut])) {
        process.stdout.write(pending.get(mine[nextOut])! + '\n');
        pending.delete(mine[nextOut]);
        nextOut++;
      }
    }
    finished++;
    bar.update(resumed + finished);
  };

  // Ctrl-C or SIGTERM (a job scheduler's limit, a container stopped): hand out no more games, let the running ones end
  // and keep them in the journal; a second signal exits at once (the journal's last line may then be cut, which
  // --resume discards and plays again)
  const sig = await playUntilStopped(
    // tasks made as they are handed out: a 100,000-game run holds no list of them
    (stopped) => playScheduled({ tasks: { length: todo.length, at: (i) => task(todo[i]) }, workers, onResult: (line) => emit(line), stopped }),
    { after: () => bar.stop(), onError: () => done && dropEmptyJournal(done.path, done.size) },
  );
  if (sig) {
    // a journal with no game in it (stopped before the first ended) is no use to --resume, and would refuse a plain rerun
    if (done && done.size === 0) dropEmptyJournal(done.path, 0);
    const kept = !journal
      ? `; ${finished} of ${mine.length} games were written to stdout`
      : done!.size === 0
        ? ` before any game ended; nothing kept, nothing written: run the command again`
        : `; ${done!.size} of ${mine.length} games are kept in ${journal}; run the same command with --resume to finish`;
    process.stderr.write(interruptedLine('selfplay', sig, kept));
    return STOP_SIGNALS[sig];
  }
  if (o.out && done) {
    // streamed in game order from the journal's lines, one at a time; JSONL and CSV appear together
    const had = existsSync(o.out);
    const means = new SplitMeans();
    const n = writeResults(o.out, o.csv, (function* () {
      for (const text of done.lines(mine)) {
        const l = JSON.parse(text) as ResultLine;
        means.add(l);
        yield l;
      }
    })());
    rmSync(journal!, { force: true });
    process.stderr.write(`${plural(n, 'game')} written to ${o.out} and ${csvPathFor(o.out, o.csv)}${had ? ' (replacing the earlier files)' : ''}\n`);
    // what the scores came from, in brief (the files hold it per game: scoreBy, score_<objective>_<country>)
    if (n) process.stderr.write(['', ...means.lines(resolvedNames(seats)), ''].join('\n') + '\n');
    // the files' score columns do not say against what: an analyst read a seat's -5 as its own failing
    process.stderr.write(`${SCORE_WORDS}\n`);
  }
  return 0;
}

/** Whether `out` holds exactly this batch's games, in order (each line's batch id and game), and its CSV exists: any
 * line that cannot be read, or another batch's, says no (the run then goes on as before). */
function finishedBatch(out: string, csv: string, run: string, mine: number[]): boolean {
  if (!existsSync(out) || !existsSync(csv)) return false;
  try {
    const r = new LineReader(out, out);
    let i = 0;
    for (let text = r.next(); text !== null; text = r.next()) {
      const l = parseResultLine(text, `${out}:${r.lineNo}`);
      if (l.run !== run || l.game !== mine[i]) return false;
      i++;
    }
    if (i !== mine.length || r.partial !== null) return false;
    // the CSV beside it has a row a game under its header (a --csv naming another batch's file is not taken for it)
    const rows = new LineReader(csv, csv);
    let n = 0;
    while (rows.next() !== null) n++;
    return n === mine.length + 1 && rows.partial === null;
  } catch {
    return false;
  }
}

/** What a batch's scores are, said beside its files (README, The model, 12. Scoring). */
export const SCORE_WORDS = "scores: points against one all-status-quo game a seed (the batch yardstick), so a seat's score counts what the others did to it too; run scores a seat against the same game with only that seat doing nothing. The two differ by an offset set by the other seats' agents and the seed, so a seat's ranking of its own strategies is the same (README, The model, 12. Scoring)";

export type { CountryId };
export { COUNTRIES };
