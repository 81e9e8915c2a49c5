// A batch's journal (OUT.partial): a header naming everything that decides the batch's results, then one result line
// per finished game. An interrupted batch resumes from it; a journal of another batch is refused, naming what
// differs, and never emptied unless --fresh says so. Damaged lines are dropped (a copy of the journal kept) and their
// games played again.
import { appendFileSync, closeSync, constants as fsConstants, copyFileSync, existsSync, openSync, readSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { hashValue, type CountryId } from '../../engine/index.ts';
import { hashString } from '../../engine/hash.ts';
import { UsageError } from './errors.ts';
import { LineReader } from './files.ts';
import { AtomicWriter, FileError, makeFolderFor, reason } from './io.ts';
import { parseResultLine } from './results.ts';
import type { ResultLine } from './batch.ts';

/** Everything that decides a batch's results. The `run` id of its result lines is the hash of all but the shard, so
 * the shards of one batch share it. */
export interface BatchIdentity {
  scenario: string;
  contentHash: string;
  seed: number;
  games: number;
  turns: number | null;
  agents: Record<CountryId, string>;
  /** script path -> hash of its contents */
  scripts: Record<string, string>;
  shard: string | null;
  engineVersion: string;
}

export const JOURNAL_FORMAT = 'rare-earth-gambit-journal';

export function identityRun(id: BatchIdentity): string {
  const { shard: _s, ...rest } = id;
  return hashValue(rest);
}

/** In words, what differs between this batch and a journal's. */
export function identityDiff(here: BatchIdentity, there: Partial<BatchIdentity>): string[] {
  const out: string[] = [];
  const show = (v: unknown) => (v === null || v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v));
  const names: Record<keyof BatchIdentity, string> = { scenario: 'scenario', contentHash: 'content hash', seed: 'seed', games: 'games', turns: 'turns', agents: 'agents', scripts: 'scripts', shard: 'shard', engineVersion: 'engine version' };
  for (const k of Object.keys(names) as (keyof BatchIdentity)[]) {
    if (k === 'scripts' || k === 'agents') continue;
    if (hashValue(here[k] ?? null) !== hashValue(there[k] ?? null)) out.push(`${names[k]} ${show(here[k])} here, ${show(there[k])} in the journal`);
  }
  const a = here.agents;
  const b = (there.agents ?? {}) as Record<string, string>;
  for (const c of Object.keys(a)) if (a[c as CountryId] !== b[c]) out.push(`${c} is ${a[c as CountryId]} here, ${b[c] ?? 'nobody'} in the journal`);
  const sb = (there.scripts ?? {}) as Record<string, string>;
  for (const [p, h] of Object.entries(here.scripts)) if (Object.hasOwn(sb, p) && sb[p] !== h) out.push(`the script ${p} has changed since`);
  return out;
}

export interface JournalPlan {
  path: string;
  identity: BatchIdentity;
  resume: boolean;
  fresh: boolean;
  /** does game g belong to this run (the batch's range and this shard)? */
  mine: (game: number) => boolean;
  /** how many games this run plays */
  size: number;
  /** the result names of the seats (persona -> persona-usa) */
  names: Record<CountryId, string>;
  /** where the warning about damaged lines goes (default: stderr) */
  warn?: (message: string) => void;
}

/**
 * Where each finished game's result line sits in the journal: its byte offset, not its text, so a run of 100,000
 * games holds a number per game in memory instead of every line (the output is written from the journal at the end,
 * streamed in game order).
 */
export class JournalIndex {
  private readonly at = new Map<number, number>();
  /** the journal's length in bytes: where the next line goes */
  bytes = 0;
  constructor(readonly path: string) {}
  get size(): number {
    return this.at.size;
  }
  has(game: number): boolean {
    return this.at.has(game);
  }
  /** record a result line whose text starts at byte `offset` */
  set(game: number, offset: number): void {
    this.at.set(game, offset);
  }
  /** append a finished game's line to the journal and index it */
  append(game: number, text: string): void {
    const line = journalLine(text) + '\n';
    try {
      appendFileSync(this.path, line);
    } catch (e) {
      throw new FileError(`cannot write ${this.path}: ${reason(e)}`);
    }
    this.set(game, this.bytes + JOURNAL_CHECKSUM_BYTES);
    this.bytes += Buffer.byteLength(line);
  }
  /** The result lines of these games, in this order, read back from the journal one at a time. */
  *lines(games: Iterable<number>): Generator<string> {
    const fd = openSync(this.path, 'r');
    let buf = Buffer.allocUnsafe(4096);
    try {
      for (const g of games) {
        const off = this.at.get(g);
        if (off === undefined) throw new Error(`the journal ${this.path} holds no line for game ${g}`);
        let n = readSync(fd, buf, 0, buf.length, off);
        let nl = buf.subarray(0, n).indexOf(10);
        while (nl < 0 && n === buf.length) {
          buf = Buffer.allocUnsafe(buf.length * 2); // a longer line than any so far: read it again, whole
          n = readSync(fd, buf, 0, buf.length, off);
          nl = buf.subarray(0, n).indexOf(10);
        }
        yield buf.toString('utf8', 0, nl < 0 ? n : nl);
      }
    } finally {
      closeSync(fd);
    }
  }
}

/** A journal line is the 16-hex-digit checksum, a space, then the result line. */
const JOURNAL_CHECKSUM_BYTES = 17;

/** Any journal: what its header names (`identity`), how a resumed journal's identity differs from this run's, and how a
 * line's text is checked and keyed (the key of each finished unit of work: a game number, an experiment's task). */
export interface JournalSpec<I extends object> {
  path: string;
  identity: I;
  resume: boolean;
  fresh: boolean;
  /** in words, what differs between this run and the journal's header */
  differs: (there: Partial<I>) => string[];
  /** check a result line's text (its checksum already matched) against the run; returns its key, or throws a
   * FileError naming `where` (a line that does not fit the run: exit 1); `done` holds the keys so far */
  entry: (text: string, where: string, done: JournalIndex) => number;
  /** what the runs are called in messages: "batch", "experiment" */
  what?: string;
  /** where the warning about damaged lines goes (default: stderr) */
  warn?: (message: string) => void;
}

/** Open a batch's journal: start it, or resume it after checking every line. Returns the index of finished games. */
export function openJournal(p: JournalPlan): JournalIndex {
  const run = identityRun(p.identity);
  return openJournalWith({
    path: p.path,
    identity: p.identity,
    resume: p.resume,
    fresh: p.fresh,
    warn: p.warn,
    differs: (there) => identityDiff(p.identity, there),
    entry: (text, where, done) => {
      const label = `--resume: ${p.path}`;
      const l: ResultLine = parseResultLine(text, where);
      if (l.run !== run) throw new UsageError(`${label} belongs to another batch (its games were played with another scenario, content, seed, games, turns, agents, scripts or engine version); add --fresh to discard it`);
      if ((l.shard ?? null) !== p.identity.shard) throw new FileError(`${where}: a game of shard ${l.shard ?? 'none'}, and this run is shard ${p.identity.shard ?? 'none'}`);
      if (!p.mine(l.game)) throw new FileError(`${where}: game ${l.game} is not one of this run's games (0-${p.identity.games - 1}${p.identity.shard ? `, shard ${p.identity.shard}` : ''})`);
      if (l.seed !== p.identity.seed + l.game) throw new FileError(`${where}: game ${l.game} has seed ${l.seed}, not ${p.identity.seed + l.game}`);
      for (const [c, a] of Object.entries(p.names)) if (l.agents[c as CountryId] !== a) throw new FileError(`${where}: game ${l.game} has ${c}=${l.agents[c as CountryId]}, not ${a}`);
      if (done.has(l.game)) throw new FileError(`${where}: game ${l.game} appears twice`);
      if (done.size >= p.size) throw new FileError(`${where}: more games than this run plays`);
      return l.game;
    },
  });
}

/** Open any journal (JournalSpec): start it, or resume it after checking every line; damaged lines are dropped
 * (keepGoodLines). Returns the index of finished units. */
export function openJournalWith<I extends object>(p: JournalSpec<I>): JournalIndex {
  const done = new JournalIndex(p.path);
  const what = p.what ?? 'batch';
  const exists = existsSync(p.path);
  if (exists && !p.resume && !p.fresh)
    throw new UsageError(`${p.path} holds the journal of an interrupted run; add --resume to finish it, or --fresh to discard it and start again`);
  if (!exists || p.fresh) {
    // --resume with nothing to resume (a job retried with the same command, a run that had finished): said, then played
    if (!exists && p.resume) (p.warn ?? ((m: string) => process.stderr.write(`gambit: ${m}\n`)))(`--resume: no journal at ${p.path}, so no interrupted run to finish; playing the whole ${what}`);
    try {
      makeFolderFor(p.path);
      const header = JSON.stringify({ journal: JOURNAL_FORMAT, version: 1, identity: p.identity }) + '\n';
      writeFileSync(p.path, header);
      done.bytes = Buffer.byteLength(header);
    } catch (e) {
      throw new FileError(`cannot write ${p.path}: ${reason(e)}`);
    }
    return done;
  }
  const label = `--resume: ${p.path}`;
  const r = new LineReader(p.path, label);
  const first = r.next();
  let header: { journal?: unknown; identity?: Partial<I> } | null = null;
  try {
    header = first === null ? null : JSON.parse(first);
  } catch {
    header = null;
  }
  if (!header || typeof header !== 'object' || header.journal !== JOURNAL_FORMAT || !header.identity || typeof header.identity !== 'object')
    throw new FileError(`${label}: not a journal of this program (its first line is not a journal header); add --fresh to discard it and start again`);
  const diff = p.differs(header.identity);
  if (diff.length) throw new UsageError(`${label} belongs to another ${what}: ${diff.slice(0, 4).join('; ')}; add --fresh to discard it and start again`);
  const damaged: number[] = [];
  const check = (line: string, lineNo: number, start: number) => {
    const m = /^([0-9a-f]{16}) (.*)$/.exec(line);
    if (!m || hashString(m[2]) !== m[1]) {
      damaged.push(lineNo); // its unit is not indexed, so it is played again; the other lines are kept
      return;
    }
    done.set(p.entry(m[2], `${label} line ${lineNo}`, done), start + JOURNAL_CHECKSUM_BYTES);
  };
  for (let start = r.end, t = r.next(); t !== null; start = r.end, t = r.next()) if (t.trim()) check(t, r.lineNo, start);
  if (damaged.length) return keepGoodLines(p, damaged);
  // an interrupted write can leave half a line at the end: cut it off, or the next result would be glued to it
  if (r.partial !== null)
    try {
      truncateSync(p.path, r.end);
    } catch (e) {
      throw new FileError(`cannot write ${p.path}: ${reason(e)}`);
    }
  done.bytes = r.end;
  return done;
}

/** A journal with damaged lines (disk trouble, an edit by hand): the original is copied beside it (PATH.damaged-N,
 * never overwriting an earlier copy), the journal is rewritten with its good lines only, and the units of the damaged
 * lines, now missing from it, are played again; a warning names each damaged line and the copy. */
function keepGoodLines<I extends object>(p: JournalSpec<I>, damaged: number[]): JournalIndex {
  let n = 1;
  while (existsSync(`${p.path}.damaged-${n}`)) n++;
  const copy = `${p.path}.damaged-${n}`;
  try {
    copyFileSync(p.path, copy, fsConstants.COPYFILE_EXCL);
  } catch (e) {
    throw new FileError(`cannot keep a copy of the damaged journal as ${copy}: ${reason(e)}; nothing was changed`);
  }
  const bad = new Set(damaged);
  const w = new AtomicWriter(p.path);
  try {
    const r = new LineReader(copy, `--resume: ${copy}`);
    for (let t = r.next(); t !== null; t = r.next()) if (!bad.has(r.lineNo) && t.trim()) w.line(t);
    w.commit();
  } catch (e) {
    w.abort();
    throw e;
  }
  const shown = damaged.slice(0, 10).join(', ') + (damaged.length > 10 ? `, ... (${damaged.length} in all)` : '');
  (p.warn ?? ((m: string) => process.stderr.write(`gambit: ${m}\n`)))(
    `--resume: ${p.path} line${damaged.length > 1 ? 's' : ''} ${shown} ${damaged.length > 1 ? 'are' : 'is'} damaged (checksum does not match); the games on ${damaged.length > 1 ? 'them' : 'it'} will be played again and every other line is kept; the journal as it was is kept in ${copy}`,
  );
  return openJournalWith(p);
}

/** A finished game's line as the journal keeps it: a checksum of the result line, a space, the line. The checksum
 * finds a line damaged or edited by hand (not a forgery: anyone can compute it). */
export function journalLine(text: string): string {
  return `${hashString(text)} ${text}`;
}

/** Remove a journal that holds no finished game (a batch that failed at once leaves nothing to resume). */
export function dropEmptyJournal(path: string, done: number): void {
  if (done === 0) rmSync(path, { force: true });
}
