// The files a command reads and writes, checked before any work starts: outputs must be writable places that are not
// directories, not under a file, and not the same file as any input (compared by real path and by inode); inputs are
// read with a size cap (a 50 MB script or /dev/zero is refused in one line, not read until memory runs out).
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { NON_FINITE, jsonSyntaxMessage, nonFiniteAt } from '../content/load.ts';
import { FileError, UsageError } from './errors.ts';
import { probeFile, reason } from './io.ts';

const MB = 1024 * 1024;

/** Size caps on input files, by kind (bytes). Far above any real file, far below what would exhaust memory. */
export const LIMITS = {
  script: 4 * MB,
  content: 16 * MB,
  replay: 32 * MB,
  save: 16 * MB,
  /** a payoff table (`analyze`, `report`): the largest `gambit merge` writes, MAX_MERGED_GAMES games (each a seed and
   * five unrounded scores, one a line: at most about 180 bytes) over up to MAX_TOURNAMENT_PROFILES profiles (names,
   * means and sds: under 1 KB each), is under 300 MB (tests/table-size.test.ts); below V8's longest string, 512 MB */
  table: 384 * MB,
  /** a tournament shard's tournament.json (at most MAX_TOURNAMENT_PROFILES profiles: a few MB) */
  tournamentSpec: 64 * MB,
  /** one line of a journal or results file (a result line is about 1 KB) */
  resultLine: 64 * 1024,
} as const;

export function mb(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Read a whole input file as text, refusing directories, devices that never end, and anything over `cap` bytes.
 * `label` starts each message (the path, or how the file was named: scripted:plan.json). A path that cannot be opened
 * or is a directory is a UsageError (exit 2); a file over its cap, or one that fails while read, a FileError (exit 1). */
export function readTextCapped(path: string, label: string, cap: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new UsageError(`${label}: cannot read it (${reason(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(`${label}: it is a directory, not a file`);
    if (st.isFile() && st.size > cap) throw new FileError(`${label}: too large (${mb(st.size)}; the limit is ${mb(cap)})`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const b = Buffer.allocUnsafe(Math.min(cap + 1 - total, MB) || 1);
      let n: number;
      try {
        n = readSync(fd, b, 0, b.length, null);
      } catch (e) {
        throw new FileError(`${label}: cannot read it (${reason(e)})`);
      }
      if (n === 0) break;
      chunks.push(b.subarray(0, n));
      total += n;
      if (total > cap) throw new FileError(`${label}: too large (more than the limit of ${mb(cap)})`);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** What a file of game results is, said to a command that wanted another kind of file (analyze, replay verify): the
 * per-game lines self-play and tournaments write (JSON Lines); undefined for anything else. */
export function resultLinesWhy(text: string): string | undefined {
  const first = text.slice(0, text.indexOf('\n') + 1 || text.length).trim();
  // a result line is under 64 KB (the journal's limit); a longer first line is no result line, and is not parsed twice
  if (!first.startsWith('{') || first.length >= 65_536) return undefined;
  try {
    const line = JSON.parse(first) as Record<string, unknown>;
    if (line && typeof line === 'object' && 'scores' in line && 'agents' in line) return 'this is a file of game results, one game a line, as selfplay and tournament write (`gambit report` on its folder summarises it)';
  } catch {
    // not one JSON object on its first line: not JSON Lines
  }
  return undefined;
}

/** Parse JSON text from a file; bad JSON and numbers beyond the largest double are refused in one line (exit 1). */
export function parseJsonText(text: string, label: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FileError(`${label}: not valid JSON (${jsonSyntaxMessage(text, e)})`);
  }
  const bad = nonFiniteAt(json);
  if (bad) throw new FileError(`${label}: ${bad}: expected a finite number, found ${NON_FINITE}`);
  return json;
}

// ---- outputs ----

export interface OutputTarget {
  path: string;
  /** the flag it came from, for the message (--out, --csv) */
  flag: string;
  /** a directory the command writes files into (then `inside` names them) */
  dir?: boolean;
  inside?: string[];
}

export interface InputFile {
  path: string;
  /** what it is, for the message: "the script of USA", "the scenario file" */
  what: string;
}

/** The nearest existing ancestor of an absolute path (the path itself if it exists). */
function nearestExisting(abs: string): string {
  let p = abs;
  while (!statOrNull(p)) {
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
  return p;
}

/** A path with its existing part resolved to the real path, so a.json, ./a.json, a symlink to it and dir/../a.json
 * compare equal. */
export function canonicalPath(p: string): string {
  const abs = resolve(p);
  const anc = nearestExisting(abs);
  let real: string;
  try {
    real = realpathSync(anc);
  } catch {
    real = anc;
  }
  return join(real, relative(anc, abs));
}

function display(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

let probes = 0;
/** Whether new files can be created in a directory: try one (access() says yes to root on a read-only /sys). */
function probeDir(dir: string): string | null {
  const p = join(dir, `.gambit-probe-${process.pid}-${probes++}`);
  try {
    probeFile(p);
    return null;
  } catch (e) {
    return reason(e);
  }
}

/**
 * Check every output before any work starts. Each must be a place a file (or directory) can be written: not a
 * directory where a file goes, not a device, not under a file, in a directory that exists or can be created and takes
 * new files; no output may be the same file as an input or as another output. Throws a one-line UsageError.
 */
export function checkOutputs(outputs: OutputTarget[], inputs: InputFile[]): void {
  const ins = inputs
    .map((i) => ({ ...i, st: statOrNull(i.path) }))
    .filter((i) => i.st?.isFile())
    .map((i) => ({ ...i, canon: canonicalPath(i.path) }));
  const seen: { canon: string; label: string }[] = [];
  for (const o of outputs) {
    const label = `${o.flag} ${o.path}`;
    if (!o.path.trim()) throw new UsageError(`${o.flag}: give a path, not an empty name`);
    if (o.path.includes('\0')) throw new UsageError(`${o.flag}: the path contains a NUL character`);
    const abs = resolve(o.path);
    const st = statOrNull(abs);
    if (o.dir) {
      if (st && !st.isDirectory()) throw new UsageError(`${label}: it is a file, not a directory`);
    } else {
      if (st?.isDirectory()) throw new UsageError(`${label}: it is a directory; give a file name`);
      if (st && !st.isFile()) throw new UsageError(`${label}: not a regular file (a device, pipe or socket); give a file name`);
      if (o.path.endsWith('/')) throw new UsageError(`${label}: ends in a slash; give a file name`);
    }
    const anc = nearestExisting(o.dir && st ? abs : dirname(abs));
    const ancSt = statOrNull(anc);
    if (!ancSt?.isDirectory()) throw new UsageError(`${label}: cannot write there: ${display(anc)} is a file, not a directory`);
    const why = probeDir(anc);
    if (why) throw new UsageError(`${label}: cannot write there: ${display(anc)} does not take new files (${why})`);
    const targets = o.dir ? (o.inside ?? []).map((n) => join(abs, n)) : [abs];
    for (const t of targets) {
      const canon = canonicalPath(t);
      const tst = statOrNull(t);
      for (const i of ins)
        if (canon === i.canon || (tst && tst.dev === i.st!.dev && tst.ino === i.st!.ino))
          throw new UsageError(`${label}: ${o.dir ? `${basename(t)} in it is` : 'that is'} ${i.what} (${i.path}), an input; refusing to overwrite it`);
      const dup = seen.find((s) => s.canon === canon);
      if (dup) throw new UsageError(`${label}: the same file as ${dup.label}; give them different names`);
      seen.push({ canon, label });
    }
  }
}

// ---- reading line by line (journals, results files): bounded memory however long the file ----

/** Reads a file's lines in chunks, never holding more than a chunk and one line; a line over `maxLine` bytes is
 * refused (exit 1; a path that is not a file, exit 2). The file is reopened for each chunk, so many readers (one per
 * shard in a merge) hold no descriptors. */
export class LineReader {
  lineNo = 0;
  /** bytes up to the end of the last complete line returned */
  end = 0;
  /** an unterminated last line (an interrupted write), once the end is reached */
  partial: string | null = null;
  private pos = 0;
  private pending: Buffer = Buffer.alloc(0);
  private eof = false;
  constructor(
    readonly path: string,
    /** starts each message: "journal out.jsonl.partial", "merge: s1.jsonl" */
    readonly label: string,
    readonly maxLine: number = LIMITS.resultLine,
    private readonly chunk = 64 * 1024,
  ) {
    const st = statOrNull(path);
    if (!st) throw new UsageError(`${label}: no such file`);
    if (!st.isFile()) throw new UsageError(`${label}: ${st.isDirectory() ? 'it is a directory' : 'not a regular file'}`);
  }
  /** The next complete line (without its newline), or null at the end. */
  next(): string | null {
    for (;;) {
      const nl = this.pending.indexOf(10);
      if (nl > this.maxLine || (nl < 0 && this.pending.length > this.maxLine))
        throw new FileError(`${this.label}: line ${this.lineNo + 1} is longer than ${mb(this.maxLine)}; not a file this program wrote`);
      if (nl >= 0) {
        const line = this.pending.subarray(0, nl).toString('utf8');
        this.pending = this.pending.subarray(nl + 1);
        this.lineNo++;
        this.end += nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.pending.length) this.partial = this.pending.toString('utf8');
        this.pending = Buffer.alloc(0);
        return null;
      }
      const b = Buffer.allocUnsafe(this.chunk);
      let n: number;
      try {
        const fd = openSync(this.path, 'r');
        try {
          n = readSync(fd, b, 0, b.length, this.pos);
        } finally {
          closeSync(fd);
        }
      } catch (e) {
        throw new FileError(`${this.label}: cannot read it (${reason(e)})`);
      }
      if (n === 0) this.eof = true;
      else {
        this.pos += n;
        this.pending = this.pending.length ? Buffer.concat([this.pending, b.subarray(0, n)]) : Buffer.from(b.subarray(0, n));
      }
    }
  }
}

/** The first `n` bytes of a file as text ('' when it cannot be read). */
export function head(path: string, n: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const b = Buffer.alloc(n);
    return b.subarray(0, readSync(fd, b, 0, n, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

/** Whether the file at `path` is a report gambit wrote (the batch report or an experiment's): it may be replaced. */
export function gambitReport(path: string): boolean {
  return /<meta name="generator" content="gambit|<title>Rare Earth Gambit: batch report<\/title>|<p class="sub">gambit experiment /.test(head(path, 64 * 1024));
}

/** A report.html about to be written over: a directory there is refused (no --force writes a file over it), and so is
 * a file gambit did not write (someone's page) unless `force`. Said before any work is done. */
export function refuseForeignReport(path: string, force: boolean | undefined, label: string): void {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return; // nothing there (or not reachable: writing it will say why)
  }
  if (st.isDirectory()) throw new UsageError(`${label}: ${path} is a directory, where the report goes; move it away`);
  if (!force && !gambitReport(path)) throw new UsageError(`${label}: ${path} is there and is not a report gambit wrote; move it away, or give --force to replace it`);
}

/** What the file at `path` held before a run writes `text` there: nothing, the same, or something else. A run says
 * "written:" or "replaced:" by it, and names the files an earlier run made from the other content. */
export function earlierFile(path: string, text: string): 'none' | 'same' | 'other' {
  if (!existsSync(path)) return 'none';
  try {
    return readFileSync(path, 'utf8') === text ? 'same' : 'other';
  } catch {
    return 'other';
  }
}
