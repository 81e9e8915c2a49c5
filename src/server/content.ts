// Content for the server: each built-in scenario compiled once (classes name scenarios by id, never by path).
import { builtinScenarioPath, listScenarios, loadContent } from '../content/load.ts';
import { quickestBuild } from '../../engine/lite.ts';
import type { Content } from '../../engine/index.ts';

const cache = new Map<string, Content>();

export function contentFor(id: string): Content {
  const hit = cache.get(id);
  if (hit) return hit;
  const path = builtinScenarioPath(id);
  if (!path) throw new Error(`no scenario ${JSON.stringify(id.slice(0, 80))}; the scenarios are ${listScenarios().map((s) => s.id).join(', ')}`);
  const c = loadContent(path);
  cache.set(id, c);
  return c;
}

/** The built-in scenarios; `quickestBuildQuarters`: the shortest lead time of a project that takes any (a stockpile
 * lot is bought at once), which the class form sets against the class's length: in a shorter class no project started
 * in the game is finished before it ends. */
export function scenarioList(): { id: string; name: string; turns: number; quickestBuildQuarters: number | null }[] {
  return listScenarios().map((s) => {
    return { id: s.id, name: s.name, turns: s.turns, quickestBuildQuarters: quickestBuild(Object.values(contentFor(s.id).projects.types)) };
  });
}
