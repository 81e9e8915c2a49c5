// The README's example of what `gambit run --seed 1` prints is the command's own output: every line of it (a line
// ending in "..." by what comes before) is a line the command prints. The example had drifted from three model changes
// (its Dy/Tb price, its price story and the US score's sign) before this check.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

describe("the README's run example", () => {
  it('is what run --seed 1 prints, line for line', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /What `run --seed 1` prints \(abridged\):\n\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(block, 'the example block').not.toBeNull();
    const shown = block![1].split('\n').filter((l) => l.trim() !== '...');
    expect(shown.length).toBeGreaterThan(6);
    const r = spawnSync(process.execPath, ['bin/gambit.mjs', 'run', '--seed', '1'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
    expect(r.status, r.stderr).toBe(0);
    const printed = r.stdout.split('\n');
    for (const l of shown) {
      const found = l.endsWith('...') ? printed.some((p) => p.startsWith(l.slice(0, -3))) : printed.includes(l);
      expect(found, l).toBe(true);
    }
  }, 180_000);
});
