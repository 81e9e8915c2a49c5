// One walk of a dotted content path (keys with dots such as "oxide.heavy" matched greedily): pathKeys in batch.ts, and
// leafAt on it, which both a sweep's overrides (withOverrides) and the check of its values against the content's rules
// (param-check.ts) use. param-check had its own near-copy of the walk (leafOf), free to drift from the one the games
// are played with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leafAt, pathKeys, readParam, withOverrides } from '../src/cli/batch.ts';
import { checkParamValues } from '../src/cli/param-check.ts';
import { loadContent, readBundle } from '../src/content/load.ts';
import { ROOT } from './cli-run.ts';

describe('leafAt', () => {
  const tree = { markets: { 'oxide.heavy': { shortRunElasticity: -0.25, range: [1, 2] } }, n: 3 };
  it('ends where pathKeys does: the object holding the last key, and the key', () => {
    expect(pathKeys(tree, 'markets.oxide.heavy.shortRunElasticity')).toEqual(['markets', 'oxide.heavy', 'shortRunElasticity']);
    const at = leafAt(tree, 'markets.oxide.heavy.shortRunElasticity')!;
    expect(at.parent).toBe(tree.markets['oxide.heavy']);
    expect(at.key).toBe('shortRunElasticity');
    expect(leafAt(tree, 'n')).toEqual({ parent: tree, key: 'n' });
  });
  it('is null for a path that leads nowhere, through a number, or to an inherited key', () => {
    expect(leafAt(tree, 'markets.oxide.light.shortRunElasticity')).toBeNull();
    expect(leafAt(tree, 'n.x')).toBeNull();
    expect(leafAt(tree, 'markets.toString')).toBeNull();
  });
});

describe('the sweep walks paths one way', () => {
  it('a dotted key is overridden and checked at the same place', () => {
    const content = loadContent('rare-earth-gambit');
    const path = 'goods.markets.oxide.heavy.shortRunElasticity';
    expect(readParam(withOverrides(content, { [path]: -0.3 }), path)).toBe(-0.3);
    const raw = readBundle('rare-earth-gambit');
    expect(() => checkParamValues(raw, [{ path, values: [-0.3] }])).not.toThrow();
    expect(() => checkParamValues(raw, [{ path: 'goods.autos.sigma', values: [-5] }])).toThrow(/--param goods\.autos\.sigma=-5: the content does not allow it/);
  });
  it('param-check.ts has no walk of its own', () => {
    const src = readFileSync(join(ROOT, 'src/cli/param-check.ts'), 'utf8');
    expect(src).toMatch(/import \{ leafAt \} from '\.\/batch\.ts'/);
    expect(src).not.toMatch(/function leafOf|while \(!Object\.prototype\.hasOwnProperty/);
  });
});
