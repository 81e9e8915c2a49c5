// `gambit analyze TABLE`: the payoff table as a five-player general-sum game: best responses, equilibria with their
// confidence, replicator dynamics, alpha-rank and deviation gains (the maths is in src/analysis/).
import { hashValue } from '../../engine/index.ts';
import { analyzeTable, formatAnalysis, parsePayoffTable, PayoffTableError } from '../analysis/index.ts';
import { int } from './args.ts';
import { LIMITS, checkOutputs, parseJsonText, readTextCapped, resultLinesWhy } from './files.ts';
import { FileError } from './errors.ts';
import { writeFileAtomic } from './io.ts';

export function cmdAnalyze(file: string, o: { out?: string; format: 'text' | 'json'; samples: string; seed: string }): number {
  if (o.out !== undefined) checkOutputs([{ path: o.out, flag: '--out' }], [{ path: file, what: 'the payoff table' }]);
  const raw = readTextCapped(file, file, LIMITS.table);
  const other = notAPayoffTable(raw);
  if (other) throw new FileError(`${file}: ${other}; analyze reads a payoff table: the payoffs.json that \`gambit tournament --out DIR\` writes in DIR (\`gambit merge\` for a tournament's shards)`);
  const json = parseJsonText(raw, file);
  const kind = otherGambitFile(json);
  if (kind) throw new FileError(`${file}: this is ${kind}; analyze reads a payoff table: the payoffs.json that \`gambit tournament --out DIR\` writes in DIR (\`gambit merge\` for a tournament's shards)`);
  let table;
  try {
    table = parsePayoffTable(json);
  } catch (e) {
    if (e instanceof PayoffTableError) {
      const words = (m: string) => (/received undefined$/.test(m) ? 'missing' : m.replace(/^Invalid input: /, '').replace(/, received /, ', found ').replace(/^Unrecognized keys?: /, 'an unknown key: '));
      const shown = e.issues.slice(0, 5).map((i) => `gambit: ${file}: ${i.path}: ${words(i.message)}`);
      if (e.issues.length > 5) shown.push(`gambit: ${file}: and ${e.issues.length - 5} more problems`);
      process.stderr.write(shown.join('\n') + '\n');
      return 1;
    }
    throw e;
  }
  const samples = int('--samples', 0, 100_000)(o.samples);
  const seed = int('--seed', 0)(o.seed);
  const result = { ...analyzeTable(table, { confidence: samples > 0 ? { samples, seed } : false }), table: hashValue(table) };
  const text = o.format === 'json' ? JSON.stringify(result, null, 1) : formatAnalysis(result);
  if (o.out) writeFileAtomic(o.out, JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(text + (o.out ? `\nwritten: ${o.out}` : '') + '\n'); // as the other commands name what they wrote
  return 0;
}

/** What a file an analyst may well pass by mistake is, when it is not a payoff table: the per-game lines self-play and
 * tournaments write (JSON Lines), or a CSV (a tournament's payoffs.csv, a self-play run's). Undefined for anything else (then the usual checks speak). */
function notAPayoffTable(text: string): string | undefined {
  const first = text.slice(0, text.indexOf('\n') + 1 || text.length).trim();
  const results = resultLinesWhy(text);
  if (results) return results;
  if (/^profile,/.test(first) || /^[A-Za-z_]+(,[A-Za-z_]+)+$/.test(first)) return 'this is a CSV file, for spreadsheets';
  return undefined;
}

/** What another file gambit writes is, by its "format" (an analyst passed a sweep's sweep.json and got five schema
 * lines): undefined for a payoff table or anything else (then the table's checks speak). */
function otherGambitFile(json: unknown): string | undefined {
  const format = json && typeof json === 'object' && !Array.isArray(json) ? (json as { format?: unknown }).format : undefined;
  const what: Record<string, string> = {
    'rare-earth-gambit-sweep': 'a sweep\'s results (`gambit sweep`; `gambit report` on its folder summarises them)',
    'rare-earth-gambit-sobol': 'a Sobol sweep\'s indices (`gambit sweep --method sobol`; its sobol.md reads them out)',
    'rare-earth-gambit-experiment': 'an experiment\'s results (`gambit experiment`; its report.html reads them out)',
    'rare-earth-gambit-analysis': 'an analysis that `gambit analyze --out` wrote, not the payoff table it analysed',
    'rare-earth-gambit-tournament': 'a tournament\'s description, not its results',
    'rare-earth-gambit-replay': 'a game\'s replay (`gambit run --out`; `gambit replay` reads it)',
    'rare-earth-gambit-save': 'a game saved in the browser (its Load button reads it)',
    'rare-earth-gambit-fork': 'fork\'s results (`gambit fork`)',
  };
  return typeof format === 'string' ? what[format] : undefined;
}
