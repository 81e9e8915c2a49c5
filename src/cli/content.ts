// Scenario lookup for CLI commands: a bad id or path is a usage error (exit 2), bad content a content error (exit 1).
import { existsSync } from 'node:fs';
import type { Content } from '../../engine/index.ts';
import { listScenarios, loadContent, scenarioPath } from '../content/load.ts';
import { UsageError } from './args.ts';

export function loadScenarioContent(idOrPath: string): Content {
  if (!existsSync(scenarioPath(idOrPath))) {
    const known = listScenarios().map((s) => s.id).join(', ');
    throw new UsageError(`--scenario: no scenario ${JSON.stringify(idOrPath)} (built in: ${known}; or give a path to a .json file)`);
  }
  return loadContent(idOrPath);
}
