// The flags every batch command shares (--scenario, --seed, --turns, --workers), checked the same way everywhere.
import { availableParallelism } from 'node:os';
import type { Content } from '../../engine/index.ts';
import { int } from './args.ts';
import { loadScenarioContent } from './content.ts';

export interface BatchFlags {
  scenario: string;
  seed: string;
  turns?: string;
  workers?: string;
}

export function batchSetup(o: BatchFlags): { content: Content; seed: number; turns: number | undefined; workers: number } {
  const content = loadScenarioContent(o.scenario);
  return {
    content,
    seed: int('--seed', 0)(o.seed),
    turns: o.turns === undefined ? undefined : int('--turns', 1, content.scenario.turns)(o.turns),
    workers: o.workers === undefined ? availableParallelism() : int('--workers', 1, 256)(o.workers),
  };
}
