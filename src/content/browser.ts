// Content for browser hosts: the JSON files bundled by Vite, resolved the way src/content/load.ts does on disk.
import { compileContent, type Content, type RawBundle } from '../../engine/index.ts';

const top = import.meta.glob('/content/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
const scenarios = import.meta.glob('/content/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

function resolvePath(from: string, rel: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const p of rel.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

export function browserScenarios(): { id: string; name: string; turns: number }[] {
  return Object.keys(scenarios)
    .sort()
    .map((k) => {
      const s = scenarios[k] as { id: string; name: string; turns: number };
      return { id: s.id, name: s.name, turns: s.turns };
    });
}

const cache = new Map<string, Content>();
export function browserContent(id: string): Content {
  const hit = cache.get(id);
  if (hit) return hit;
  const path = `/content/scenarios/${id}.json`;
  const sc = scenarios[path] as { files: Record<string, string> } | undefined;
  if (!sc) throw new Error(`no scenario ${id}`);
  const part = (kind: string) => {
    const p = resolvePath(path, sc.files[kind]);
    return { file: p.slice(1), json: top[p] };
  };
  const bundle = {
    scenario: { file: path.slice(1), json: sc },
    countries: part('countries'),
    goods: part('goods'),
    rules: part('rules'),
    projects: part('projects'),
    events: part('events'),
    map: part('map'),
    personas: part('personas'),
  } as RawBundle;
  const c = compileContent(bundle);
  cache.set(id, c);
  return c;
}
