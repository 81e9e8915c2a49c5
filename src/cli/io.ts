// Files the CLI writes: always to a temporary file first, then renamed, so nothing is left half-written.
import { closeSync, openSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** A line-by-line writer that only puts the file in place when closed successfully. */
export class AtomicLineWriter {
  private fd: number;
  private tmp: string;
  constructor(private path: string) {
    mkdirSync(dirname(path) || '.', { recursive: true });
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
  }
  line(s: string): void {
    writeSync(this.fd, s + '\n');
  }
  commit(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.tmp, { force: true });
  }
}
