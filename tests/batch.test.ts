// Batch self-play as analysts use it: worker threads, shards and merge, resume after an interruption, CSV for pandas/R.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_ENV } from './cli-run.ts';
import { journalText } from './cli-inproc.ts';
import { journalLine } from '../src/cli/journal.ts';
import { content } from './helpers.ts';
import { fromWire, toWire } from '../src/cli/batch.ts';
import { UsageError } from '../src/cli/args.ts';
import { AgentOrdersError, ContentError, InvalidOrdersError } from '../engine/index.ts';

const root = new URL('..', import.meta.url).pathname;
const gambit = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/gambit.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: TEST_ENV });
const dir = mkdtempSync(join(tmpdir(), 'gambit-batch-'));
const common = ['selfplay', '--games', '6', '--turns', '4', '--seed', '21', '--no-progress'];

describe('batch self-play', () => {
  it('writes identical JSONL and CSV with one, two and three workers, from the prebuilt bundles and through tsx', () => {
    const a = gambit(...common, '--workers', '1', '--out', join(dir, 'w1.jsonl'));
    const b = gambit(...common, '--workers', '2', '--out', join(dir, 'w2.jsonl'));
    const c = gambit(...common, '--workers', '3', '--out', join(dir, 'w3.jsonl'));
    // the command and its worker threads run from the TypeScript sources through tsx, as when esbuild is missing
    const d = spawnSync(process.execPath, [join(root, 'bin/gambit.mjs'), ...common, '--workers', '3', '--out', join(dir, 'w3tsx.jsonl')], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...TEST_ENV, GAMBIT_WORKER_BUNDLE: '0', GAMBIT_CLI_BUNDLE: '0' } });
    for (const r of [a, b, c, d]) expect(r.status, r.stderr).toBe(0);
    for (const w of ['w2', 'w3', 'w3tsx']) {
      expect(readFileSync(join(dir, `${w}.jsonl`), 'utf8'), w).toBe(readFileSync(join(dir, 'w1.jsonl'), 'utf8'));
      expect(readFileSync(join(dir, `${w}.csv`), 'utf8'), w).toBe(readFileSync(join(dir, 'w1.csv'), 'utf8'));
    }
    const lines = readFileSync(join(dir, 'w1.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.game)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(lines.map((l) => l.seed)).toEqual([21, 22, 23, 24, 25, 26]);
    const csv = readFileSync(join(dir, 'w1.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(7);
    const header = csv[0].split(',');
    expect(header).toContain('score_JPN');
    for (const row of csv.slice(1)) {
      const cells = row.split(',');
      expect(cells).toHaveLength(header.length);
      expect(Number.isFinite(Number(cells[header.indexOf('score_JPN')]))).toBe(true);
    }
    expect(existsSync(join(dir, 'w1.jsonl.partial'))).toBe(false);
  }, 120_000);

  it('shards run separately and merged give the same results as one run; missing or duplicate shards are refused', () => {
    for (const k of [1, 2, 3]) expect(gambit(...common, '--workers', '1', '--shard', `${k}/3`, '--out', join(dir, `s${k}.jsonl`)).status).toBe(0);
    const m = gambit('merge', '--out', join(dir, 'merged.jsonl'), join(dir, 's3.jsonl'), join(dir, 's1.jsonl'), join(dir, 's2.jsonl'));
    expect(m.status, m.stderr).toBe(0);
    expect(readFileSync(join(dir, 'merged.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'w1.jsonl'), 'utf8'));
    const missing = gambit('merge', '--out', join(dir, 'x.jsonl'), join(dir, 's1.jsonl'), join(dir, 's3.jsonl'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/missing shard 2\/3/);
    const dup = gambit('merge', '--out', join(dir, 'x.jsonl'), join(dir, 's1.jsonl'), join(dir, 's1.jsonl'), join(dir, 's2.jsonl'), join(dir, 's3.jsonl'));
    expect(dup.stderr).toMatch(/appears twice/);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  }, 120_000);

  it('resumes an interrupted run from its journal and ends with the same file', () => {
    const full = readFileSync(join(dir, 'w1.jsonl'), 'utf8').split('\n');
    // an interrupted run: three games journalled, the fourth cut mid-line, no output file yet
    writeFileSync(join(dir, 'r.jsonl.partial'), journalText({ seed: 21, games: 6, turns: 4 }, full.slice(0, 3), content.hash) + journalLine(full[3]).slice(0, 40));
    const r = gambit(...common, '--workers', '2', '--out', join(dir, 'r.jsonl'), '--resume');
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'w1.jsonl'), 'utf8'));
    expect(existsSync(join(dir, 'r.jsonl.partial'))).toBe(false);
    // a journal from another batch is refused, naming what differs
    writeFileSync(join(dir, 'q.jsonl.partial'), journalText({ seed: 21, games: 6, turns: 4 }, full.slice(0, 1), content.hash));
    const q = gambit('selfplay', '--games', '6', '--turns', '5', '--seed', '21', '--no-progress', '--out', join(dir, 'q.jsonl'), '--resume');
    expect(q.status).toBe(2);
    expect(q.stderr).toMatch(/belongs to another batch: turns 5 here, 4 in the journal/);
  }, 120_000);

  it('rejects a bad --shard or --workers in one line', () => {
    for (const bad of [['--shard', '4/3'], ['--shard', 'x'], ['--workers', '0']]) {
      const r = gambit(...common, ...bad);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('rebuilds the CLI\'s error classes after the trip back from a worker thread (a clean one-line message, not a stack)', () => {
    const trip = (e: unknown) => fromWire(structuredClone(toWire(e)));
    const u = trip(new UsageError('--agents: no agent called hawkk'));
    expect(u).toBeInstanceOf(UsageError);
    expect(u.message).toBe('--agents: no agent called hawkk');
    const c = trip(new ContentError([{ file: 'content/goods.json', path: '$.autos.sigma', expected: 'a number', found: '"x"' }]));
    expect(c).toBeInstanceOf(ContentError);
    expect((c as ContentError).issues[0].path).toBe('$.autos.sigma');
    const refusal = new InvalidOrdersError([{ country: 'JPN', path: '$.JPN.tariffs.USA.autos', message: 'must be 0-100' }]);
    const a = trip(new AgentOrdersError(3, { JPN: 'scripted:x.json' }, refusal));
    expect(a).toBeInstanceOf(AgentOrdersError);
    expect(a.message).toBe(new AgentOrdersError(3, { JPN: 'scripted:x.json' }, refusal).message);
    const o = trip(new RangeError('boom'));
    expect([o.name, o.message]).toEqual(['RangeError', 'boom']);
  });
});

