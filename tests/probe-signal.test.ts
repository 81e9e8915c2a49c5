// The CLI checks that an output's directory takes new files by creating a probe file there and removing it at once.
// A Ctrl-C between the two left the probe behind (the fuzz test's Ctrl-C at a random moment found
// `.gambit-probe-2464-0`): before the first temporary file no signal handler is installed, so the signal ended the
// process wherever it was. Here a process probes over and over and is interrupted many times; no probe may be left.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'probe-signal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the output probe', () => {
  it('leaves no probe file when Ctrl-C lands in it', async () => {
    const script = join(dir, 'probe.ts');
    writeFileSync(script, `import { probeFile } from ${JSON.stringify(join(ROOT, 'src/cli/io.ts'))};
let i = 0;
const step = () => { for (let k = 0; k < 50; k++) probeFile(${JSON.stringify(join(dir, 'out'))} + '/.gambit-probe-' + process.pid + '-' + i++); setImmediate(step); };
process.stdout.write('ready\\n');
step();
`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'out'));
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((res) => child.stdout.once('data', () => res()));
      await new Promise((r) => setTimeout(r, 150 + 40 * round));
      const done = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
      // a Ctrl-C that lands inside a probe is dropped (the probe's own handler is already off): send until it stops
      const again = setInterval(() => child.kill('SIGINT'), 20);
      child.kill('SIGINT');
      const code = await done;
      clearInterval(again);
      expect(code === 130 || code === null, `exit ${code}`).toBe(true);
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
    }
  }, 120_000);
});
