// Layer boundaries (after OpenFront.io's LayerBoundaries test): the engine stays pure and hermetic, and the browser layers use only its public face.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE = join(ROOT, 'engine');
const SRC = join(ROOT, 'src');
const MAX_LINES = 400;

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Source with comments removed: block comments, whole comment lines, and trailing `// ...` (not inside a URL like http://). */
function stripComments(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1')))
    .join('\n');
}

/** Every module specifier a source file names: static and type imports, re-exports, side-effect imports, import() and require(). */
function specifiers(src: string): string[] {
  const code = stripComments(src);
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

/** What an engine file must not import, with the reason; null if the import is fine. */
function engineImportProblem(file: string, spec: string): string | null {
  if (isNodeBuiltin(spec)) return `Node built-in ${spec}`;
  if (spec === 'pixi.js' || spec.startsWith('pixi.js/') || spec.startsWith('@pixi/')) return `renderer ${spec}`;
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    if (target === SRC || target.startsWith(SRC + '/')) return `host code ${spec}`;
    if (!target.startsWith(ENGINE + '/') && target !== ENGINE) return `outside engine/: ${spec}`;
  }
  if (/(^|\/)src(\/|$)/.test(spec)) return `host code ${spec}`;
  return null;
}

const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random'],
  [/\bDate\.now\b/, 'Date.now'],
  [/\bnew\s+Date\b/, 'new Date'],
  [/\bperformance\.now\b/, 'performance.now'],
  // the globals, not a property that happens to be called window (an event's `e.window.from`)
  [/(^|[^.\w$])document\./, 'document.'],
  [/(^|[^.\w$])window\./, 'window.'],
];

/** Math functions whose last bits differ between engines (Node 20 and 24's Math.pow, Chromium's exp, log, sin, cos,
 * asin): the engine uses engine/detmath.ts instead. `**` is Math.pow. + - * / and Math.sqrt are exact everywhere. */
const INEXACT_MATH = /\bMath\.(pow|exp|expm1|log|log1p|log2|log10|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b|\*\*(?!\/)/;

/** "line: what" for every clock, global RNG or DOM use outside comments. */
function forbiddenCalls(src: string): string[] {
  const out: string[] = [];
  stripComments(src)
    .split('\n')
    .forEach((line, i) => {
      for (const [re, what] of FORBIDDEN_CALLS) if (re.test(line)) out.push(`${i + 1}: ${what}`);
    });
  return out;
}

function lineCount(src: string): number {
  return src.replace(/\n+$/, '').split('\n').length;
}

const engineFiles = tsFiles(ENGINE);
const rel = (f: string) => relative(ROOT, f);
const source = new Map(engineFiles.map((f) => [f, readFileSync(f, 'utf8')]));

describe('the checker itself', () => {
  // the scans below pass vacuously if they cannot see a violation: prove they can
  it('finds every kind of import and ignores comments', () => {
    const src = [
      "// import fs from 'fs' (a comment: ignored)",
      "import { a } from './a.ts';",
      'import {',
      '  b,',
      "} from '../src/cli/io.ts';",
      "import type { C } from 'pixi.js';",
      "export * from './d.ts';",
      "import 'node:fs';",
      "const e = await import('path');",
      "const f = require('worker_threads');",
      "/* import x from 'os' */ const url = 'http://example.com'; // import 'crypto'",
    ].join('\n');
    expect(specifiers(src).sort()).toEqual(['../src/cli/io.ts', './a.ts', './d.ts', 'node:fs', 'path', 'pixi.js', 'worker_threads'].sort());
    const file = join(ENGINE, 'x.ts');
    expect(engineImportProblem(file, '../src/cli/io.ts')).toMatch(/host code/);
    expect(engineImportProblem(file, 'pixi.js')).toMatch(/renderer/);
    for (const m of ['fs', 'node:fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto']) expect(engineImportProblem(file, m), m).toMatch(/Node built-in/);
    for (const m of ['./ids.ts', './agents/index.ts', 'zod', 'immer', 'seedrandom', 'rot-js/lib/path/astar.js']) expect(engineImportProblem(file, m), m).toBeNull();
    expect(engineImportProblem(join(ENGINE, 'agents', 'x.ts'), '../ids.ts')).toBeNull();
    expect(engineImportProblem(join(ENGINE, 'agents', 'x.ts'), '../../src/ui/panel.ts')).toMatch(/host code/);
  });

  it('finds clock, RNG and DOM use outside comments only', () => {
    const src = [
      '// Math.random is banned here (comment)',
      'const a = Math.random();',
      'const t = Date.now(); // Date.now in a trailing comment',
      'const d = new Date(0);',
      ' * performance.now() inside a block comment? no: not in one',
      '/* window.alert() */',
      'document.title = "x";',
      'const u = "http://x"; const p = performance.now();',
      'if (e.window.to < turn || ev?.window.from) return;',
      'const w = window.innerWidth;',
    ].join('\n');
    expect(forbiddenCalls(src)).toEqual(['2: Math.random', '3: Date.now', '4: new Date', '5: performance.now', '7: document.', '8: performance.now', '10: window.']);
  });
});

describe('engine/', () => {
  it('has TypeScript files to check', () => {
    expect(engineFiles.length).toBeGreaterThan(10);
    expect(engineFiles).toContain(join(ENGINE, 'index.ts'));
  });

  it('imports nothing from src/, no pixi.js and no Node built-in module', () => {
    const bad: string[] = [];
    for (const f of engineFiles) for (const s of specifiers(source.get(f)!)) {
      const p = engineImportProblem(f, s);
      if (p) bad.push(`${rel(f)}: ${p}`);
    }
    expect(bad).toEqual([]);
  });

  it('never calls Math.random, Date.now, new Date or performance.now, and never touches document or window', () => {
    const bad: string[] = [];
    for (const f of engineFiles) for (const hit of forbiddenCalls(source.get(f)!)) bad.push(`${rel(f)}:${hit}`);
    expect(bad).toEqual([]);
  });

  it('uses engine/detmath.ts, never Math.pow, exp, log, sin, cos, asin and the like or **, whose bits differ between engines', () => {
    const bad: string[] = [];
    for (const f of engineFiles) {
      if (/detmath/.test(f)) continue;
      stripComments(source.get(f)!)
        .split('\n')
        .forEach((line, i) => INEXACT_MATH.test(line) && bad.push(`${rel(f)}:${i + 1}: ${line.trim()}`));
    }
    expect(bad).toEqual([]);
    expect(INEXACT_MATH.test('const y = Math.pow(x, 2);') && INEXACT_MATH.test('const y = x ** 2;') && !INEXACT_MATH.test('const y = Math.sqrt(x);')).toBe(true);
  });

  it('starts every file with a one-line // comment saying why it exists', () => {
    const bad = engineFiles.filter((f) => !/^\/\/ \S.{10,}/.test(source.get(f)!.split('\n')[0])).map(rel);
    expect(bad).toEqual([]);
  });

  // Finding: engine/map.ts is 458 lines (checked 2026-11-28), over the DESIGN.md convention of files under about
  // 400 lines. Remove `.fails` once it is split; the test after this one keeps every other file under the limit.
  it(`keeps engine/map.ts under ${MAX_LINES} lines`, () => {
    const f = join(ENGINE, 'map.ts');
    expect(existsSync(f) ? lineCount(readFileSync(f, 'utf8')) : 0, 'engine/map.ts lines').toBeLessThan(MAX_LINES);
  });

  it(`keeps every other file under ${MAX_LINES} lines`, () => {
    const over = engineFiles
      .filter((f) => rel(f) !== join('engine', 'map.ts'))
      .map((f) => ({ file: rel(f), lines: lineCount(source.get(f)!) }))
      .filter((x) => x.lines >= MAX_LINES);
    expect(over, `files of ${MAX_LINES}+ lines: ${over.map((x) => `${x.file} (${x.lines})`).join(', ')}`).toEqual([]);
  });
});

describe('the rest of the code', () => {
  it(`keeps every TypeScript file of src/, tests/ and scripts/ under ${MAX_LINES} lines (the engine's rule, held everywhere)`, () => {
    const files = ['src', 'tests', 'scripts'].flatMap((d) => tsFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(200);
    const over = files.map((f) => ({ file: rel(f), lines: lineCount(readFileSync(f, 'utf8')) })).filter((x) => x.lines >= MAX_LINES);
    expect(over, `files of ${MAX_LINES}+ lines: ${over.map((x) => `${x.file} (${x.lines})`).join(', ')}`).toEqual([]);
  });
});

describe('src/render and src/ui', () => {
  /** Imports from a host file that reach into engine/ other than through its entries: engine/index.ts, and
   * engine/lite.ts (the part the browser's page loads: tests/page-imports.test.ts). */
  function internalEngineImports(file: string, src: string): string[] {
    const out: string[] = [];
    for (const s of specifiers(src)) {
      if (!s.startsWith('.')) continue;
      const target = resolve(dirname(file), s);
      if (!(target === ENGINE || target.startsWith(ENGINE + '/'))) continue;
      if (target === ENGINE || target === join(ENGINE, 'index.ts') || target === join(ENGINE, 'index') || target === join(ENGINE, 'lite.ts')) continue;
      out.push(`${rel(file)}: ${s}`);
    }
    return out;
  }

  it('the check catches an import of an engine internal', () => {
    const f = join(SRC, 'ui', 'panel.ts');
    expect(internalEngineImports(f, "import { createGame } from '../../engine/index.ts';\nimport type { GameState } from '../../engine/state.ts';")).toEqual([
      `${join('src', 'ui', 'panel.ts')}: ../../engine/state.ts`,
    ]);
  });

  for (const layer of ['render', 'ui']) {
    const dir = join(SRC, layer);
    it.skipIf(!existsSync(dir))(`src/${layer} imports the engine only through engine/index.ts or engine/lite.ts, and never Node built-ins`, () => {
      const files = tsFiles(dir);
      const bad: string[] = [];
      for (const f of files) {
        const src = readFileSync(f, 'utf8');
        bad.push(...internalEngineImports(f, src));
        for (const s of specifiers(src)) if (isNodeBuiltin(s)) bad.push(`${rel(f)}: Node built-in ${s}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
