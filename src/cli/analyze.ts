// `gambit analyze TABLE`: the payoff table as a five-player general-sum game: best responses, equilibria with their
// confidence, replicator dynamics, alpha-rank and deviation gains (the maths is in src/analysis/).
import { readFileSync } from 'node:fs';
import { analyzeTable, formatAnalysis, parsePayoffTable, PayoffTableError } from '../analysis/index.ts';
import { UsageError, int } from './args.ts';
import { writeFileAtomic } from './io.ts';

export function cmdAnalyze(file: string, o: { out?: string; format: 'text' | 'json'; samples: string; seed: string }): number {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  let table;
  try {
    table = parsePayoffTable(json);
  } catch (e) {
    if (e instanceof PayoffTableError) {
      process.stderr.write(e.issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n') + '\n');
      return 1;
    }
    throw e;
  }
  const samples = int('--samples', 0, 100_000)(o.samples);
  const seed = int('--seed', 0)(o.seed);
  const result = analyzeTable(table, { confidence: samples > 0 ? { samples, seed } : false });
  const text = o.format === 'json' ? JSON.stringify(result, null, 1) : formatAnalysis(result);
  process.stdout.write(text + '\n');
  if (o.out) writeFileAtomic(o.out, JSON.stringify(result, null, 1) + '\n');
  return 0;
}
