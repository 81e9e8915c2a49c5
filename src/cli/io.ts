// Files the CLI writes: always to a temporary file first (streamed, never built as one string), then renamed, so
// nothing is left half-written. Temporary files are removed on every way out: an error, process exit, SIGINT, SIGTERM.
import { closeSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { FileError } from './errors.ts';

export { FileError };

/** Makes the folder `path` goes in, as `mkdir -p` does, and says so on stderr when it was not there (a mistyped --out
 * folder is seen, not made in silence). */
export function makeFolderFor(path: string): void {
  const dir = dirname(path) || '.';
  const top = mkdirSync(dir, { recursive: true });
  if (top === undefined) return;
  process.stderr.write(`gambit: made the folder ${dir}\n`);
  if (!made.length) process.on('exit', (code) => void (code !== 0 && removeMadeFolders()));
  made.push({ top: resolve(top), dir: resolve(dir), given: dir });
}

/** The folders this process made (makeFolderFor), each the first one made and the deepest. A command that fails
 * removes those still empty: a self-play whose script was refused left an empty --out folder behind (an analyst's
 * review); a folder with anything in it (a batch's journal, kept to resume) stays. */
const made: { top: string; dir: string; given: string }[] = [];
function removeMadeFolders(): void {
  removeTemps(); // a temporary file left in a folder made here goes first (this exit listener may run before that one)
  for (const { top, dir, given } of made.splice(0).reverse()) {
    let gone = '';
    for (let d = dir; d.length >= top.length; d = dirname(d)) {
      try {
        rmdirSync(d); // an empty folder only: ENOTEMPTY otherwise, and it stays with its parents
      } catch {
        break;
      }
      gone = d;
      if (d === top) break;
    }
    // (as "made the folder" named it: relative when the path given was)
    if (gone) process.stderr.write(`gambit: removed the folder ${isAbsolute(given) ? gone : relative(process.cwd(), gone) || '.'} it had made (nothing was written to it)\n`);
  }
}

/** The reason of a file system error in words. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
    case 'EEXIST': // from making the directories on the way: one of them is a file
      return 'a part of the path is a file, not a directory';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EIO':
      return 'an input/output error';
    case 'EBUSY':
      return 'the file is busy';
    case 'EXDEV':
      return 'the temporary file is on another device';
    default:
      return code ?? ((e as Error | undefined)?.message ?? String(e)).split('\n')[0];
  }
}

// ---- temporary files: removed on every exit path ----
const temps = new Set<string>();
let hooked = false;
let heldInterrupts = 0;

function rmQuiet(p: string): void {
  try {
    rmSync(p, { force: true });
  } catch {
    /* a path that cannot exist (under a file) or cannot be removed: nothing more to do */
  }
}

export function removeTemps(): void {
  for (const t of temps) rmQuiet(t);
  temps.clear();
}

/** Exit codes for the signals we clean up after: 128 + the signal's number, as a shell reports them. */
const SIGNALS: [NodeJS.Signals, number][] = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** Handlers are installed with the first temporary file, not before: a signal handler in Node runs only between
 * synchronous steps, so installing it at start would keep Ctrl-C from stopping a long synchronous game at once. */
function track(tmp: string): void {
  temps.add(tmp);
  if (hooked) return;
  hooked = true;
  process.on('exit', removeTemps);
  for (const [sig, code] of SIGNALS)
    process.on(sig, () => {
      if (sig !== 'SIGHUP' && heldInterrupts > 0) return; // a batch answers Ctrl-C and SIGTERM itself (it keeps its journal)
      // not silent: what was being written, if anything, is not (its temporary file goes; an older file stays as it was)
      const writing = [...temps].map((t) => t.replace(/\.tmp-\d+$/, ''));
      process.stderr.write(`gambit: interrupted${sig === 'SIGINT' ? '' : ` (${sig})`}${writing.length ? ` while writing ${writing.join(', ')}: not written` : ''}\n`);
      removeTemps();
      process.exit(code);
    });
}

/** Create the file `p` and remove it at once (a probe that a directory takes new files). Before the first temporary
 * file no signal handler is installed, so a signal would end the process between the two and leave the probe behind.
 * Handlers that do nothing are installed for the probe alone: a handled signal waits for the synchronous code to end,
 * and they are taken off before it could run, so a Ctrl-C (or a SIGTERM) that lands inside the probe's few
 * microseconds is dropped (press it again), never a file left. Throws what open throws. */
export function probeFile(p: string): void {
  const wait = (): void => {};
  const own = hooked ? [] : SIGNALS.map(([sig]) => (process.on(sig, wait), sig));
  try {
    closeSync(openSync(p, 'wx'));
    rmQuiet(p);
  } finally {
    for (const sig of own) process.off(sig, wait);
  }
}

/** While held, SIGINT and SIGTERM are left to the caller's own handler (a batch that stops cleanly); returns the
 * release. */
export function holdInterrupts(): () => void {
  heldInterrupts++;
  let released = false;
  return () => {
    if (!released) heldInterrupts--;
    released = true;
  };
}

/** The signals a batch stops on cleanly: Ctrl-C, and SIGTERM (kill, a job scheduler's time limit or preemption, a
 * container being stopped), each with the exit code a shell reports for it. */
export const STOP_SIGNALS: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };
export type StopSignal = keyof typeof STOP_SIGNALS;

/** The one line a batch prints when a stop signal ends it: "selfplay: interrupted (SIGTERM); <what was kept>". */
export function interruptedLine(label: string, sig: StopSignal, kept: string): string {
  return `${label}: interrupted${sig === 'SIGINT' ? '' : ` (${sig})`}${kept}\n`;
}

/** A stop signal, once one has come: the first Ctrl-C or SIGTERM is noted; a second exits at once with its code. */
interface StopWatch {
  signal: StopSignal | null;
  release: () => void;
}
function watchStopSignals(): StopWatch {
  const w: StopWatch = { signal: null, release: () => {} };
  const off = onStopSignals((sig) => {
    if (w.signal) process.exit(STOP_SIGNALS[sig]);
    w.signal = sig;
  });
  let on = true;
  w.release = () => {
    if (on) off();
    on = false;
  };
  return w;
}

let armed: StopWatch | null = null;

/** Runs a batch command with the stop signals noted from its start until its play ends (playUntilStopped releases
 * them), not only once its games start: a Ctrl-C while it loads, checks or prints its header (an analyst's play-test:
 * right after the first output) ended the process silently, as Node's default does, leaving an empty journal behind.
 * Now the batch plays no game and says so. */
export async function underStopSignals<T>(run: () => Promise<T>): Promise<T> {
  const w = watchStopSignals();
  armed = w;
  try {
    return await run();
  } finally {
    armed = null;
    w.release();
  }
}

/** Runs a batch's play under the stop signals: the first Ctrl-C or SIGTERM (a job scheduler's limit, a container
 * stopped) sets the flag the play polls through `stopped()`, so it hands out no more games and lets the running ones
 * end; a second signal exits at once with the signal's code. A signal that came before (underStopSignals) means no
 * game is played. Either way the handlers are released and `after` runs (a progress bar stopped); on an error
 * `onError` runs first (an empty journal dropped). Resolves with the signal that stopped the play, or null when it
 * ran to the end. (selfplay, tournament, sweep and experiment all stop this way.) */
export async function playUntilStopped(play: (stopped: () => boolean) => Promise<void>, hooks: { after?: () => void; onError?: () => void } = {}): Promise<StopSignal | null> {
  const outer = armed;
  const w = outer ?? watchStopSignals();
  try {
    if (!w.signal) await play(() => w.signal !== null);
  } catch (e) {
    hooks.onError?.();
    throw e;
  } finally {
    // the play is over: a signal from now on (the analysis, the outputs written) is not noted for a play that will
    // not read it, but ends the process as before (a file being written says so: `track`)
    w.release();
    if (armed === outer) armed = null;
    hooks.after?.();
  }
  return w.signal;
}

/** Calls `onStop` with the signal on each Ctrl-C or SIGTERM until released (and holds the temporary files' own
 * handlers meanwhile); returns the release. */
export function onStopSignals(onStop: (sig: StopSignal) => void): () => void {
  const release = holdInterrupts();
  const handlers = (Object.keys(STOP_SIGNALS) as StopSignal[]).map((sig) => [sig, () => onStop(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  return () => {
    for (const [sig, h] of handlers) process.off(sig, h);
    release();
  };
}

/** The temporary files in existence now (tests). */
export function liveTemps(): string[] {
  return [...temps];
}

const FLUSH_AT = 1 << 20;

/** A file written through a temporary file: `write` as often as needed (buffered, streamed to disk), then `commit`
 * renames it into place, or `abort` removes it. Errors are FileErrors naming the path. */
export class AtomicWriter {
  readonly tmp: string;
  private fd: number | null = null;
  private buf: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    try {
      makeFolderFor(path);
      track(this.tmp);
      this.fd = openSync(this.tmp, 'w');
    } catch (e) {
      this.abort();
      throw new FileError(`cannot write ${path}: ${reason(e)}`);
    }
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }
  line(s: string): void {
    this.write(s + '\n');
  }
  private flush(): void {
    if (!this.buf.length) return;
    const text = this.buf.join('');
    this.buf = [];
    this.size = 0;
    try {
      writeSync(this.fd!, text);
    } catch (e) {
      this.abort();
      throw new FileError(`cannot write ${this.path}: ${reason(e)}`);
    }
  }
  /** Everything written and closed, ready to be renamed. */
  close(): void {
    this.flush();
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
      this.fd = null;
    } catch (e) {
      this.abort();
      throw new FileError(`cannot write ${this.path}: ${reason(e)}`);
    }
  }
  /** Put the file in place. */
  rename(): void {
    try {
      renameSync(this.tmp, this.path);
      temps.delete(this.tmp);
    } catch (e) {
      this.abort();
      throw new FileError(`cannot write ${this.path}: ${reason(e)}`);
    }
  }
  commit(): void {
    this.close();
    this.rename();
  }
  abort(): void {
    if (this.fd !== null)
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    this.fd = null;
    rmQuiet(this.tmp);
    temps.delete(this.tmp);
  }
}

/** Write a whole file atomically from a string or, for big outputs, from an iterable of pieces (streamed). */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  const w = new AtomicWriter(path);
  try {
    if (typeof content === 'string') w.write(content);
    else for (const piece of content) w.write(piece);
    w.commit();
  } catch (e) {
    w.abort();
    throw e;
  }
}

/**
 * Put several files in place as one unit. All are written and closed first; then the last one's old version is
 * removed, the others are renamed, and the last is renamed last. The last file (a batch's JSONL) is the mark of a
 * complete set: a kill at any point leaves either the whole new set, or the others without it, never a new JSONL
 * beside a stale CSV. `beforeRename` is a hook for tests.
 */
export function commitTogether(writers: AtomicWriter[], beforeRename?: (path: string) => void): void {
  try {
    for (const w of writers) w.close();
    const last = writers[writers.length - 1];
    rmSync(last.path, { force: true });
    for (const w of writers) {
      beforeRename?.(w.path);
      w.rename();
    }
  } catch (e) {
    for (const w of writers) w.abort();
    throw e instanceof FileError ? e : new FileError(`cannot write ${writers.at(-1)!.path}: ${reason(e)}`);
  }
}
