// The Node versions the project supports, and that CI tests each (moved from hardening-files.test.ts, issue 13).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-run.ts';

describe('current Node', () => {
  it('package.json engines names Node 20, 22 and 24; .ci/run runs npm test under Node 20 and again under Node 24, and verifies replays under Node 24', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toMatch(/\^20\.\d+\.\d+ \|\| \^22\.\d+\.\d+ \|\| \^24/);
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/\nnpm test\n/);
    expect(ci).toMatch(/\nnpx -y -p node@24 -c '[^'\n]*\bnpm test'\n/);
    expect(ci).toMatch(/node@24 node\)[\s\S]*replay verify/);
  });
});
