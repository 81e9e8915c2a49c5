// The gambit CLI: run, selfplay, replay verify, validate, agents, scenarios, schema. Bad flags: one line, exit 2.
import { Command, CommanderError, Help, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { AgentOrdersError, ContentError, formatIssue } from '../../engine/index.ts';
import { UsageError } from './args.ts';
import { cmdAgents, cmdReplayVerify, cmdRun, cmdScenarios, cmdSchema, cmdValidate } from './commands.ts';
import { cmdSelfplay } from './selfplay.ts';
import { cmdMerge } from './results.ts';
import { FileError, plainWords, polishIssue } from './errors.ts';
import { reason, underStopSignals } from './io.ts';
import { cmdTournament, mergeTournament } from './tournament.ts';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cmdSweep, sweepMethod } from './sweep.ts';
import { cmdSobol } from './sobol.ts';
import { cmdFork } from './fork.ts';
import { cmdReport } from './report.ts';
import { cmdAnalyze } from './analyze.ts';
import { cmdExperiment, experimentsHelp } from './experiment.ts';
import type { LocatedOrdersError } from './batch.ts';

function program(out: { code: number; help?: string }): Command {
  const p = new Command('gambit')
    .description('Rare Earth Gambit: a deterministic geopolitical trade game about rare earths, from the command line.')
    .exitOverride()
    .showSuggestionAfterError(true)
    // a required option says so in its command's help (an analyst met --games-per-profile only as an error)
    .configureHelp({
      optionDescription(this: Help, o: Option) {
        const d = Help.prototype.optionDescription.call(this, o);
        return o.mandatory ? `${d} (required)` : d;
      },
    })
    // errors are written by main, one line each; writeErr only gets the help commander shows for a command given
    // without its subcommand (`gambit`, `gambit replay`), which main then prints
    .configureOutput({ writeErr: (s) => void (out.help = (out.help ?? '') + s), outputError: () => {} });
  const scenario = () => new Option('--scenario <id|path>', 'scenario id (see `gambit scenarios`) or a path to a scenario file').default('rare-earth-gambit');
  const workers = () => new Option('--workers <n>', 'threads to play on: this one and N-1 worker threads, started once a batch is long enough to repay them (default: the machine\'s cores; at most 64, or the cores if more; a warning above the cores); results are identical for any number');
  p.command('run')
    .description('play one game and print a per-turn summary and final scores')
    .addOption(scenario())
    .option('--seed <n>', 'seed (whole number)', '1')
    .option('--turns <n>', 'play only the first N turns')
    .option('--agents <spec>', 'agents per country, e.g. JPN=planner,CHN=hawk (others: persona)')
    .addOption(new Option('--format <fmt>', 'table for people, jsonl for programs').choices(['table', 'jsonl']).default('table'))
    .option('--out <replay.json>', 'write a replay (orders and state hash per turn)')
    .action((o) => {
      out.code = cmdRun(o);
    });
  p.command('selfplay')
    .summary('play many seeded games; one JSON line per game')
    .description('play many seeded games; one JSON line per game. Scores are points against one status-quo game per seed (the batch yardstick, cached), so they differ from `run`, which scores each seat against its own yardstick; a seat’s best responses are the same (README, The model, 12. Scoring). Each line splits each score by objective (scoreBy); with --out the run ends with the mean scores and their split')
    .addOption(scenario())
    .requiredOption('--games <n>', 'how many games')
    .option('--seed <n>', 'first seed; game k uses seed+k', '1')
    .option('--turns <n>', 'play only the first N turns of each game')
    .option('--agents <spec>', 'agents per country, e.g. JPN=planner,CHN=hawk (others: persona)')
    .option('--out <results.jsonl>', 'write results (JSONL, and CSV beside it) instead of printing them')
    .option('--csv <results.csv>', 'where to write the CSV (default: beside --out)')
    .addOption(workers())
    .option('--resume', 'continue an interrupted run from its journal, OUT.partial')
    .option('--fresh', 'discard the journal of an interrupted run (OUT.partial) and start again')
    .option('--shard <K/N>', 'play only shard K of N of the games (for job arrays); combine with `gambit merge`')
    .option('--no-progress', 'no progress: neither the bar on a terminal nor, elsewhere (a log, CI), a line a minute')
    .action(async (o) => {
      out.code = await underStopSignals(() => cmdSelfplay(o));
    });
  p.command('merge <files...>')
    .description('combine shard outputs (selfplay result files, or tournament shard directories); refuses missing or duplicate shards')
    .requiredOption('--out <path>', 'merged JSONL (CSV beside it), or for tournament shards the output directory')
    .option('--csv <results.csv>', 'where to write the CSV (selfplay)')
    .action((files: string[], o) => {
      const shards = files.filter((f) => existsSync(join(f, 'tournament.json')));
      // a tournament shard with a self-play file is refused as a mix (it was said as "a directory with no
      // tournament.json" of the folder that had one); a path that is not there, or a folder without one, is said so
      const file = files.find((f) => !shards.includes(f) && existsSync(f) && !statSync(f).isDirectory());
      if (shards.length && file) throw new UsageError(`merge: ${shards[0]} is a tournament shard directory and ${file} is not: merge takes self-play shard files, or tournament shard directories, not both`);
      out.code = shards.length ? mergeTournament(files, o.out) : cmdMerge(files, o);
    });
  p.command('tournament')
    .description('play every profile of agent pools N times; write a payoff table with 95% intervals, and the mean scores of each varying seat’s agents split by objective')
    .addOption(scenario())
    .option('--pool <COUNTRY=a,b,c>', 'agents to try for a country (repeat the flag per country)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .requiredOption('--games-per-profile <n>', 'games per profile (seeds seed..seed+n-1, the same for every profile)')
    .option('--seed <n>', 'first seed', '1')
    .option('--agents <spec>', 'fixed agents for countries without a pool (default persona)')
    .option('--sample <k>', 'play a seeded sample of k profiles instead of all')
    .option('--turns <n>', 'play only the first N turns of each game')
    .addOption(workers())
    .requiredOption('--out <dir>', 'directory for payoffs.json, payoffs.csv, games.jsonl, games.csv')
    .option('--shard <K/N>', 'play only shard K of N of the games; combine the shard directories with gambit merge')
    .option('--no-progress', 'no progress: neither the bar on a terminal nor, elsewhere (a log, CI), a line a minute')
    .action(async (o) => {
      out.code = await underStopSignals(() => cmdTournament(o));
    });
  p.command('analyze <table>')
    .description('treat a tournament payoff table as a game: best responses, equilibria and their confidence, replicator dynamics, alpha-rank')
    .option('--samples <n>', 'resamples for the confidence figures (0 to skip)', '500')
    .option('--seed <n>', 'seed for the resampling', '1')
    .addOption(new Option('--format <fmt>', 'text for people, json for programs').choices(['text', 'json']).default('text'))
    .option('--out <analysis.json>', 'also write the result as JSON (gambit report reads it)')
    .action((file: string, o) => {
      out.code = cmdAnalyze(file, o);
    });
  p.command('sweep')
    .description('vary content parameters (one at a time, a Latin hypercube, or Sobol indices over their ranges) and rank them by how much they move outcomes')
    .addOption(scenario())
    .option('--method <oat|lhs|sobol>', 'one at a time (default), a Latin hypercube (--lhs N), or Sobol indices (first-order and total) over the ranged assumptions')
    .option('--param <PATH=v1,v2,...>', 'a numeric content parameter and values, e.g. goods.autos.sigma=1.5,2.3,3 (repeat per parameter); for sobol PATH (its range in the content) or PATH=lo,hi, default every ranged parameter', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--lhs <n>', 'a Latin hypercube of n samples over each parameter\'s [min, max] instead of one at a time')
    .option('--n <N>', 'sobol: base samples, a power of 2 (N(k+2) sample points for k parameters; default 32)')
    .option('--bootstrap <n>', 'sobol: bootstrap resamples for the 95% intervals (default 1000)')
    .option('--games <n>', 'games per variant or sample point (common seeds); required for oat and lhs, default 1 for sobol')
    .option('--seed <n>', 'first seed', '1')
    .option('--agents <spec>', 'agents (default persona)')
    .option('--turns <n>', 'play only the first N turns')
    .addOption(workers())
    .requiredOption('--out <dir>', 'directory for sweep.json and sweep.csv (sobol: sobol.json, sobol.csv and sobol.md)')
    .option('--no-progress', 'no progress: neither the bar on a terminal nor, elsewhere (a log, CI), a line a minute')
    .action(async (o) => {
      out.code = await underStopSignals(() => (sweepMethod(o) === 'sobol' ? cmdSobol(o) : cmdSweep(o)));
    });
  p.command('fork <replay>')
    .description('from a replay at a turn, play N seeded continuations with other agents and report the outcome differences')
    .option('--at <turn>', 'turn to fork from (0 = the start; required, checked against the replay\'s turns)')
    .option('--agents <spec>', 'who plays differently, e.g. CHN=hawk or JPN=scripted:plan.json (required)')
    .option('--runs <n>', 'seeded continuations', '20')
    .option('--seed <n>', 'seed for the continuations\' events', '1')
    .option('--scenario <id|path>', 'scenario (default: the replay\'s)')
    .option('--out <fork.json>', 'write the result as JSON')
    .option('--no-progress', 'no progress: neither the bar on a terminal nor, elsewhere (a log, CI), a line a minute')
    .action((file: string, o) => {
      out.code = cmdFork(file, o);
    });
  p.command('experiment <name>')
    .description('a named experiment from content/experiments/ (e.g. thesis): each strategy of a seat against each set of opponents over seeds; writes NAME.json, NAME.csv and report.html')
    .option('--seeds <n>', "seeds per cell, 2 to 1000 (an interval needs two; default: the experiment's)")
    .option('--opponents <ids>', 'only these opponent sets, comma-separated (default: all; listed below)')
    .option('--out <dir>', 'output directory (required)')
    .addOption(workers())
    .option('--resume', 'continue an interrupted run from its journal, OUT/NAME.json.partial')
    .option('--fresh', 'discard the journal of an interrupted run (OUT/NAME.json.partial) and start again')
    .option('--force', 'replace a report.html in --out that gambit did not write (refused otherwise, before a game is played)')
    .option('--no-progress', 'no progress: neither the bar on a terminal nor, elsewhere (a log, CI), a line a minute')
    .addHelpText('after', () => `\n${experimentsHelp()}`)
    .action(async (name: string, o) => {
      out.code = await underStopSignals(() => cmdExperiment(name, o));
    });
  p.command('report <dir>')
    .description('write DIR/report.html (self-contained: tables and SVG charts) and CSV from the outputs in DIR: payoffs.json (and analysis.json, else analyzed afresh), sweep.json, forks (*.fork.json, or any *.json gambit fork wrote), self-play *.jsonl; or an experiment\'s report again from its NAME.json. A report gambit wrote is replaced ("replaced:"); another report.html is not')
    .option('--force', 'replace DIR/report.html even if gambit did not write it')
    .action((dir: string, o: { force?: boolean }) => {
      out.code = cmdReport(dir, o);
    });
  const replay = p.command('replay').description('replay files');
  replay
    .command('verify <file>')
    .description('re-run a replay; exit 0 if every turn hash matches, else name the first turn that differs and exit 1')
    .option('--scenario <id|path>', 'scenario to verify against (default: the one the replay names)')
    .action((file, o) => {
      out.code = cmdReplayVerify(file, o);
    });
  p.command('validate <paths...>')
    .description('check content, scenario or script files (COUNTRY=PATH checks a script as that seat\'s); every error names the file, JSON path, what was expected and what was found')
    .addOption(new Option('--scenario <id|path>', 'the scenario whose turns, project types and limits a script is checked against').default('rare-earth-gambit'))
    .action((paths: string[], o: { scenario: string }) => {
      out.code = cmdValidate(paths, o.scenario);
    });
  p.command('agents')
    .description('list the built-in agents')
    .addOption(scenario())
    .action((o) => {
      out.code = cmdAgents(o);
    });
  p.command('scenarios')
    .description('list the built-in scenarios')
    .action(() => {
      out.code = cmdScenarios();
    });
  p.command('schema')
    .description('write JSON Schemas for the content files (for editors)')
    .option('--out <dir>', 'directory', 'content/schema')
    .action((o) => {
      out.code = cmdSchema(o);
    });
  return p;
}

/** Commander checks required options before unknown ones, so `selfplay --gmes 5` said "--games not specified" and
 * never named the misspelt flag: the unknown option's error (with its "Did you mean --games?"), if there is one. */
function unknownFirst(p: Command, argv: string[]): CommanderError | null {
  const sub = p.commands.find((c) => c.name() === argv[0]);
  const flag = sub?.parseOptions(argv.slice(1)).unknown.find((u) => u.startsWith('-'));
  if (!sub || !flag) return null;
  // commander's own message, with its suggestion (unknownOption is not in its typings)
  const own = (sub as unknown as { unknownOption?: (f: string) => never }).unknownOption;
  try {
    if (own) own.call(sub, flag);
  } catch (u) {
    if (u instanceof CommanderError) return u;
  }
  return new CommanderError(2, 'commander.unknownOption', `error: unknown option '${flag}'`);
}

/** "too many arguments for 'tournament'. Expected 0 arguments but got 1." named neither the word nor where it was
 * (an analyst's `--pool JPN status-quo`): the first word that is no option's value, and what came before it. Commander
 * reads an option's value as the next word, so a word after one that has it already is stray. */
function strayArgument(argv: string[]): CommanderError | null {
  let cmd: Command = program({ code: 0 });
  let i = 0;
  for (let c = cmd.commands.find((x) => x.name() === argv[i]); c; c = cmd.commands.find((x) => x.name() === argv[i])) [cmd, i] = [c, i + 1];
  if (!i) return null;
  // the operands' places, each option's value skipped (the same word can be a value earlier: `run --turns 1 1`)
  const places: number[] = [];
  for (let k = i; k < argv.length; k++) {
    const w = argv[k]!;
    if (w === '--') break;
    if (!w.startsWith('-') || w === '-') places.push(k);
    else if (!w.includes('=')) {
      const o = cmd.options.find((x) => x.long === w || x.short === w);
      if (o && (o.required || o.optional)) k++;
    }
  }
  const at = places[cmd.registeredArguments.length];
  if (at === undefined) return null;
  const prev = argv[at - 1];
  const afterValue = at - 2 >= i && cmd.options.some((x) => (x.long === argv[at - 2] || x.short === argv[at - 2]) && (x.required || x.optional));
  const before = afterValue ? `${argv[at - 2]} ${prev}` : at > i ? prev : '';
  return new CommanderError(2, 'commander.excessArguments', `${argv.slice(0, i).join(' ')}: a word too many, ${JSON.stringify(argv[at])}${before ? ` (after '${before}')` : ''}${afterValue ? ': an option takes one word (quote a value with spaces; lists join with commas, as --agents JPN=hub,CHN=hawk)' : ''}`);
}

export async function main(argv: string[]): Promise<number> {
  const out: { code: number; help?: string } = { code: 0 };
  const p = program(out);
  try {
    await p.parseAsync(argv, { from: 'user' });
    return out.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.help' && e.exitCode !== 0 && out.help) {
        // `gambit` or `gambit replay` alone: what there is to choose from, and a usage error (not silence and exit 0)
        process.stdout.write(out.help);
        const cmd = /^Usage: (\S+(?: [a-z]+)*)/.exec(out.help)?.[1] ?? 'gambit';
        process.stderr.write(`gambit: no command given to ${cmd}: choose one from the list above (${cmd} --help shows it too)\n`);
        return 2;
      }
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      const err = (e.code === 'commander.missingMandatoryOptionValue' && unknownFirst(p, argv)) || (e.code === 'commander.excessArguments' && strayArgument(argv)) || e;
      // one line, as every other error: "unknown option '--gmes' (Did you mean --games?)"
      const msg = err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
      if (err.code === 'commander.executeSubCommandAsync' || msg === '(outputHelp)') return 0;
      process.stderr.write(`gambit: ${msg}${err.code === 'commander.missingArgument' || err.code === 'commander.unknownCommand' ? ' (see gambit --help)' : ''}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`gambit: ${e.message}\n`);
      return 2;
    }
    if (e instanceof AgentOrdersError) {
      const who = Object.entries(e.agents).map(([c, a]) => `${c}=${a}`).join(', ') || 'the agents';
      const where = (e as LocatedOrdersError).where;
      process.stderr.write(`gambit: ${where ? `${where}, ` : ''}turn ${e.turn}: the orders of ${who} were refused: ${e.refusal.issues.map((i) => plainWords(`${i.path}: ${i.message}`)).join('; ')}\n`);
      return 1;
    }
    if (e instanceof ContentError) {
      process.stderr.write(`gambit: the content has errors:\n${e.issues.map(polishIssue).map(formatIssue).join('\n')}\n`);
      return 1;
    }
    if (e instanceof FileError) {
      process.stderr.write(`gambit: ${e.message}\n`);
      return 1;
    }
    const errno = e as NodeJS.ErrnoException;
    if (errno && typeof errno.code === 'string' && typeof errno.syscall === 'string') {
      process.stderr.write(`gambit: cannot ${errno.syscall} ${errno.path ?? ''}: ${reason(e)}\n`.replace(' :', ':'));
      return 1;
    }
    // a bug: one line, not a stack trace (GAMBIT_DEBUG=1 shows it), and an exit code no input should cause
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`gambit: internal error: ${err.name}: ${err.message.split('\n')[0]} (a bug; please report it as docs/SECURITY.md says${process.env.GAMBIT_DEBUG ? '' : '; GAMBIT_DEBUG=1 shows where'})\n`);
    if (process.env.GAMBIT_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 70;
  }
}

export const PACKAGE_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
