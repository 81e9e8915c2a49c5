// Scenario lookup for CLI commands: a bad id or path is a usage error (exit 2), bad content a content error (exit 1).
import { existsSync, statSync } from 'node:fs';
import type { Content } from '../../engine/index.ts';
import { bundlePaths, listScenarios, loadContent, scenarioPath } from '../content/load.ts';
import { UsageError } from './errors.ts';
import type { InputFile } from './files.ts';

export function loadScenarioContent(idOrPath: string): Content {
  const path = scenarioPath(idOrPath);
  const known = () => listScenarios().map((s) => s.id).join(', ');
  if (!existsSync(path)) {
    // a path (ends in .json or has a slash) is named as the file that is not there; a bare word as an unknown id
    if (idOrPath.endsWith('.json') || idOrPath.includes('/')) throw new UsageError(`--scenario ${idOrPath}: no such file (${path}; a scenario is a path to a .json file or a built-in id: ${known()})`);
    throw new UsageError(`--scenario: no scenario ${JSON.stringify(idOrPath)} (built in: ${known()}; or give a path to a .json file)`);
  }
  if (statSync(path).isDirectory()) throw new UsageError(`--scenario ${idOrPath}: a directory, not a scenario file (give the path of its .json file)`);
  return loadContent(idOrPath);
}

/** The files a command reads for its scenario and agents: no output may be one of them. */
export function inputFiles(scenario: string | undefined, agents: Record<string, string> = {}): InputFile[] {
  const out: InputFile[] = [];
  if (scenario !== undefined) {
    const [sp, ...parts] = bundlePaths(scenario);
    out.push({ path: sp, what: 'the scenario file' });
    for (const p of parts) out.push({ path: p, what: 'a content file of the scenario' });
  }
  for (const [c, n] of Object.entries(agents)) if (n.startsWith('scripted:')) out.push({ path: n.slice(9), what: `the script of ${c}` });
  return out;
}
