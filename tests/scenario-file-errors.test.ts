// An analyst's play-test: `--scenario /no/such.json` said "no scenario" instead of naming the missing file, and a
// scenario with a JSON syntax error V8 gives no position for ("Unexpected token 'x', ... is not valid JSON") was
// refused without its line and column. Both name the file and where; nothing is written.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../src/content/json-where.ts';
import { cli, endProblem } from './cli-inproc.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-scenario-errors-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('--scenario names a missing or malformed file', () => {
  it('a missing path: exit 2, names the file, writes nothing', async () => {
    const out = join(TMP, 'missing');
    mkdirSync(out);
    const none = join(TMP, 'no-such.json');
    for (const cmd of [['run', '--turns', '1'], ['selfplay', '--games', '2', '--turns', '1', '--no-progress', '--out', join(out, 'r.jsonl')]]) {
      const r = await cli(...cmd, '--scenario', none);
      expect(endProblem(r), r.stderr).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--scenario ${none}: no such file`);
      expect(r.stderr).not.toContain('no scenario');
    }
    expect(readdirSync(out)).toEqual([]);
    // a bare id still lists the built-in scenarios
    const id = await cli('run', '--turns', '1', '--scenario', 'atlantis');
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/no scenario "atlantis" \(built in: .*rare-earth-gambit/);
  });

  it('a directory for the scenario: exit 2, says so', async () => {
    const r = await cli('run', '--turns', '1', '--scenario', `${TMP}/`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a directory, not a scenario file');
  });

  it('a syntax error with no position in V8\'s message: the file, line and column; nothing written', async () => {
    const out = join(TMP, 'bad');
    mkdirSync(out);
    const bad = join(TMP, 'bad.json');
    writeFileSync(bad, '{\n  "id": "x",\n  "turns": five\n}\n');
    const r = await cli('selfplay', '--games', '2', '--turns', '1', '--no-progress', '--scenario', bad, '--out', join(out, 'r.jsonl'));
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code).toBe(1); // a file refused for what it holds, as in every command (README, tests/exit-codes)
    expect(r.stderr).toContain(`${bad}: $: expected valid JSON`);
    expect(r.stderr).toContain("Unexpected token 'i'"); // "five" reads as a "false" gone wrong at its 'i'
    expect(r.stderr).toContain('(line 3 column 13)');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('jsonErrorOffset', () => {
  it('nesting too deep for the position finder: the file refused as not JSON (exit 1), not an internal error', async () => {
    const deep = join(TMP, 'deep.json');
    writeFileSync(deep, '['.repeat(200_000) + 'x');
    expect(jsonErrorOffset('['.repeat(200_000) + 'x')).toBe(-1);
    const r = await cli('run', '--turns', '1', '--scenario', deep);
    expect(endProblem(r), r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('deep.json: $: expected valid JSON');
  });

  it('agrees with V8 wherever V8 names a position, and finds one where it does not', () => {
    const cases = ['{"id": "x"', '{"id":"x"} junk', '{"a":1,}', '{"a":01}', '{"a":"\\q"}', '{"a":-}', '{"a":"x\ny"}', '[1,2', '{"a" 1}'];
    for (const c of cases) {
      let pos = -2;
      try {
        JSON.parse(c);
      } catch (e) {
        pos = Number(/at position (\d+)/.exec((e as Error).message)?.[1] ?? c.length);
      }
      expect(jsonErrorOffset(c), c).toBe(pos);
    }
    expect(jsonErrorOffset('{"id": x}')).toBe(7);
    expect(jsonErrorOffset('{"a":[1,2,]}')).toBe(10);
    expect(jsonErrorOffset('{"a":tru}')).toBe(8);
    for (const ok of ['[1e5, -0.5, "x\\u00e9", true, null, {}]', '  {"a": {"b": []}}  \n', '0', '"s"']) expect(jsonErrorOffset(ok), ok).toBe(-1);
  });

  it('reads a number of any length, as JSON.parse does (a 500-digit number was read to its 400th digit)', () => {
    const long = `{"a": ${'9'.repeat(500)}.${'5'.repeat(300)}, "b": x}`;
    expect(() => JSON.parse(long)).toThrow();
    expect(jsonErrorOffset(long)).toBe(long.indexOf('x'));
    const fine = `[${'1'.repeat(1000)}e-5]`;
    expect(JSON.parse(fine)).toHaveLength(1);
    expect(jsonErrorOffset(fine)).toBe(-1);
  });
});
