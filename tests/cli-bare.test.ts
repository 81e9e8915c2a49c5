// `gambit` and `gambit replay` without a command: they list the commands and end with a usage error, not silence and
// exit 0 (commander's help for them went to an error writer that printed nothing).
import { describe, expect, it } from 'vitest';
import { cli, endProblem } from './cli-inproc.ts';

describe('a command given without its subcommand', () => {
  it('gambit alone lists the commands on stdout and exits 2 with one line naming what is missing', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: gambit \[options\] \[command\]/);
    expect(r.stdout).toMatch(/^ {2}run \[options\]/m);
    expect(r.stderr).toBe('gambit: no command given to gambit: choose one from the list above (gambit --help shows it too)\n');
    expect(endProblem(r)).toBeNull();
  });

  it('gambit replay alone lists verify and exits 2', async () => {
    const r = await cli('replay');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: gambit replay \[options\] \[command\]/);
    expect(r.stdout).toMatch(/^ {2}verify \[options\] <file>/m);
    expect(r.stderr).toBe('gambit: no command given to gambit replay: choose one from the list above (gambit replay --help shows it too)\n');
    expect(endProblem(r)).toBeNull();
  });

  it('asking for help still answers on stdout with exit 0 and nothing on stderr', async () => {
    for (const args of [['--help'], ['help'], ['replay', '--help'], ['help', 'replay']]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: gambit /);
      expect(r.stderr, args.join(' ')).toBe('');
    }
  });
});
