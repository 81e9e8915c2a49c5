// The order vitest starts the test files in. On a fresh clone (no timings cached) vitest starts the largest files
// first, so small but slow browser and classroom files came last: a fresh-clone CI run of 685 s ended with
// classroom-e2e-rejoin (91 s) running alone. The files known to be slow (durations of that run, longest first) go
// first, in this order; the rest as vitest orders them. A file renamed or gone here is only not moved forward.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const SLOW_FIRST = [
  'e2e-words', // 179 s
  'classroom-e2e', // 124 s
  'e2e', // 77 s
  'classroom-e2e-teacher', // 75 s
  'classroom-restart', // 64 s
  'e2e-player', // 52 s
  'cli', // 46 s
  'classroom-access', // 44 s
  'strategy', // 39 s
  'fuzz', // 31 s
  'classroom-storage', // 27 s
  'classroom-security', // 24 s
  'classroom-e2e-rejoin', // 24 s (91 s when it ran last)
  'e2e-gambit', // 23 s
  'classroom-multiprocess', // 22 s
  'classroom-e2e-expiry', // 21 s
  'experiment-batch', // 21 s
].map((name) => `/tests/${name}.test.ts`);

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b)); // a stable sort: the rest keep vitest's order
  }
}
