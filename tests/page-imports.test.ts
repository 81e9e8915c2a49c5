// The browser page loads no schema library, immutable-update library or turn code: those live in the Web Worker
// (src/session/worker.ts), and the page takes the vocabularies and lane routing from engine/lite.ts. Each of them
// loaded by the page cost some 10-35 KB gzipped before the map shows (`npm run ui-report`: 445 KB against a 400 KB
// budget before engine/lite.ts, 402 KB after). This walks the page's import graph from src/ui/main.ts, static and
// dynamic imports, type-only imports left out, and names the path by which a forbidden module comes in.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** Modules the page loads only in a lazy chunk for a reason given here, and does not follow. */
const LAZY: Record<string, string> = {
  'src/content/locale.ts': 'the Japanese content text checker, loaded with the Japanese text only',
  'src/render/dev.ts': 'the map developer page (vite dev only)',
};

/** What a module imports for its values (not `import type`, not `export type`), as written. */
export function valueImports(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const stmt = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (let m; (m = stmt.exec(code)); ) {
    if (m[2]) continue; // import type ... / export type ...
    const names = m[3].replace(/[{}\s]/g, '');
    if (m[3].trim().startsWith('{') && names.split(',').filter(Boolean).every((n) => n.startsWith('type'))) continue;
    out.push(m[4]);
  }
  for (const m of code.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

function walk(entry: string): Map<string, string[]> {
  // module -> the import path that first reached it
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (!/\.(ts|mts|js|mjs)$/.test(file) || file.startsWith('npm:')) continue;
    for (const written of valueImports(readFileSync(join(ROOT, file), 'utf8'))) {
      const spec = written.split('?')[0]; // ../../docs/MODEL.md?raw
      let id: string;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const abs = spec.startsWith('/') ? join(ROOT, spec) : resolve(dirname(join(ROOT, file)), spec);
        if (!existsSync(abs)) throw new Error(`${file} imports ${spec}, which is not there`);
        id = relative(ROOT, abs);
      } else {
        id = `npm:${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`;
      }
      if (seen.has(id) || LAZY[id]) continue;
      seen.set(id, [...seen.get(file)!, id]);
      queue.push(id);
    }
  }
  return seen;
}

describe('the browser page loads none of the engine turn', () => {
  it('reads value imports, leaving type-only ones out', () => {
    const src = [
      "import type { A } from './a.ts';",
      "import { type B, type C } from './b.ts';",
      "import { D, type E } from './d.ts';",
      "export type { F } from './f.ts';",
      "export * from './g.ts';",
      "import './h.css';",
      "// import { X } from './commented.ts';",
      "const m = await import('./lazy.ts');",
      'import {\n  K,\n  L,\n} from "./multi.ts";',
    ].join('\n');
    expect(valueImports(src)).toEqual(['./d.ts', './g.ts', './multi.ts', './h.css', './lazy.ts']);
  });

  it('src/ui/main.ts reaches no zod, immer, seedrandom or engine turn module', () => {
    const graph = walk('src/ui/main.ts');
    // the walk does reach the page's own code and the light engine entry (a walk that found nothing would pass below)
    expect(graph.has('src/ui/game.ts')).toBe(true);
    expect(graph.has('src/render/map.ts')).toBe(true);
    expect(graph.has('engine/lite.ts')).toBe(true);
    expect(graph.has('npm:pixi.js')).toBe(true);
    const forbidden = ['npm:zod', 'npm:immer', 'npm:seedrandom', 'engine/index.ts', 'engine/schema.ts', 'engine/turn.ts', 'engine/content.ts', 'engine/map-schema.ts'];
    const found = forbidden.filter((f) => graph.has(f)).map((f) => graph.get(f)!.join(' -> '));
    expect(found).toEqual([]);
  });

  it('the worker does reach the engine (the walk sees what it should)', () => {
    const graph = walk('src/session/worker.ts');
    expect(graph.has('npm:zod')).toBe(true);
    expect(graph.has('engine/turn.ts')).toBe(true);
  });
});
