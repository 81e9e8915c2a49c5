// The gambit CLI: run, selfplay, replay verify, validate, agents, scenarios, schema. Bad flags: one line, exit 2.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AgentOrdersError, ContentError } from '../../engine/index.ts';
import { UsageError } from './args.ts';
import { cmdAgents, cmdReplayVerify, cmdRun, cmdScenarios, cmdSchema, cmdValidate } from './commands.ts';
import { cmdMerge, cmdSelfplay } from './selfplay.ts';

function program(out: { code: number }): Command {
  const p = new Command('gambit')
    .description('Rare Earth Gambit: a deterministic geopolitical trade game about rare earths, from the command line.')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: () => {}, outputError: () => {} });
  const scenario = () => new Option('--scenario <id|path>', 'scenario id (see `gambit scenarios`) or a path to a scenario file').default('rare-earth-gambit');
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
    .description('play many seeded games; one JSON line per game')
    .addOption(scenario())
    .requiredOption('--games <n>', 'how many games')
    .option('--seed <n>', 'first seed; game k uses seed+k', '1')
    .option('--turns <n>', 'play only the first N turns of each game')
    .option('--agents <spec>', 'agents per country, e.g. JPN=planner,CHN=hawk (others: persona)')
    .option('--out <results.jsonl>', 'write results (JSONL, and CSV beside it) instead of printing them')
    .option('--csv <results.csv>', 'where to write the CSV (default: beside --out)')
    .option('--workers <n>', 'worker threads (default: the machine\'s cores); results are identical for any number')
    .option('--resume', 'continue an interrupted run from OUT.partial')
    .option('--shard <K/N>', 'play only shard K of N of the games (for job arrays); combine with `gambit merge`')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (o) => {
      out.code = await cmdSelfplay(o);
    });
  p.command('merge <files...>')
    .description('combine the outputs of selfplay shards (--shard K/N); refuses missing or duplicate shards')
    .requiredOption('--out <results.jsonl>', 'merged JSONL (and CSV beside it)')
    .option('--csv <results.csv>', 'where to write the CSV')
    .action((files: string[], o) => {
      out.code = cmdMerge(files, o);
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
    .description('check content, scenario or script files; every error names the file, JSON path, what was expected and what was found')
    .action((paths: string[]) => {
      out.code = cmdValidate(paths);
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

export async function main(argv: string[]): Promise<number> {
  const out = { code: 0 };
  const p = program(out);
  try {
    await p.parseAsync(argv, { from: 'user' });
    return out.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      const msg = e.message.replace(/^error: /, '');
      if (e.code === 'commander.executeSubCommandAsync' || msg === '(outputHelp)') return 0;
      process.stderr.write(`gambit: ${msg}${e.code === 'commander.missingArgument' || e.code === 'commander.unknownCommand' ? ' (see gambit --help)' : ''}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`gambit: ${e.message}\n`);
      return 2;
    }
    if (e instanceof AgentOrdersError) {
      process.stderr.write(`gambit: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ContentError) {
      process.stderr.write(`gambit: the content has errors:\n${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export const PACKAGE_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
void basename;
