// Generators for the fuzz suite (tests/fuzz.test.ts): command lines over every command's flags with good, bad and
// hostile values; scripted orders; mutations of replays, saves, journals and shard files; and the checks that any
// run ended well: exit 0 with valid output, or exit 1 or 2 with a clear message, and no file changed that was input.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { hashString } from '../engine/hash.ts';

/** Tokens in generated values, replaced per run: OUT is a fresh output path, the others fixture files. */
export interface Fixture {
  dir: string;
  out: string;
  script: string;
  replay: string;
  scenario: string;
  shard1: string;
  shard2: string;
  table: string;
  content: string;
}

const INTS = ['0', '1', '2', '-1', '1.5', '1e3', '0x10', '', 'abc', '9007199254740993', '99999999999999999999', ' 1', '+1', '007', 'NaN', 'Infinity'];
const TURNS = ['1', '2', '0', '-1', '41', 'x', '1.0', '99999999999999999999', ''];
const AGENTS = ['JPN=hawk', 'JPN=planner,CHN=hawk', 'JPN=hawk,JPN=planner', 'XXX=hawk', 'JPN=', '=hawk', 'JPN=constructor', 'JPN=__proto__', 'USA=toString', 'JPN=scripted:@SCRIPT', 'JPN=scripted:/dev/zero', 'JPN=scripted:@DIR', 'JPN=scripted:@MISSING', 'JPN=scripted:@REPLAY', 'jpn=random', 'CHN=persona-jpn', ',', 'JPN=hawk,'];
const SCENARIOS = ['rare-earth-gambit', 'japans-gambit', 'nope', '../../../etc/passwd', '@SCENARIO', '@DIR', '/dev/zero', '__proto__', 'constructor', '@MISSING.json', '@SCRIPT'];
const OUTS = ['@OUT.json', '@OUT.jsonl', '@OUT/deeper/x.json', '@DIR', '@SCRIPT', '@REPLAY', '@SCENARIO', '@SHARD1', '/dev/null', '/sys/gambit-fuzz.json', '@SCRIPT/x.json', '', '.', '@CONTENT/countries.json'];
const FILES = ['@SCRIPT', '@REPLAY', '@SCENARIO', '@SHARD1', '@SHARD2', '@TABLE', '@DIR', '@MISSING', '/dev/zero', '/dev/null', '@CONTENT/map.json', '@CONTENT/countries.json', ''];
const SHARDS = ['1/2', '2/2', '3/2', '0/1', 'x', '1/99999999999999999999', '1/1', '2/1', '1/0', '1/4'];

type Flags = Record<string, string[] | 'bool'>;

/** Each command's flags and the values tried for them; `fixed` is always given (so no run can take minutes). */
const COMMANDS: { cmd: string[]; args?: string[][]; flags: Flags; fixed?: string[] }[] = [
  { cmd: ['run'], flags: { '--seed': INTS, '--turns': TURNS, '--agents': AGENTS, '--format': ['table', 'jsonl', 'xml', ''], '--scenario': SCENARIOS, '--out': OUTS }, fixed: ['--turns', '1'] },
  {
    cmd: ['selfplay'],
    flags: { '--games': ['1', '2', '0', '-1', 'abc', '10000000', '1e2', '99999999999999999999'], '--seed': INTS, '--turns': TURNS, '--agents': AGENTS, '--scenario': SCENARIOS, '--out': OUTS, '--csv': OUTS, '--workers': ['1', '0', '257', 'x'], '--shard': SHARDS, '--resume': 'bool', '--fresh': 'bool' },
    fixed: ['--turns', '1', '--no-progress', '--games', '1', '--workers', '1'],
  },
  { cmd: ['merge'], args: [['@SHARD1', '@SHARD2'], ['@SHARD2', '@SHARD1'], ['@SHARD1'], ['@SHARD1', '@SHARD1', '@SHARD2'], ['@SCRIPT'], ['@DIR'], ['@MISSING'], ['/dev/zero']], flags: { '--out': OUTS, '--csv': OUTS }, fixed: ['--out', '@OUT.jsonl'] },
  { cmd: ['replay', 'verify'], args: FILES.map((f) => [f]), flags: { '--scenario': SCENARIOS } },
  {
    cmd: ['fork'],
    args: [['@REPLAY'], ['@SCRIPT'], ['@MISSING'], ['@DIR']],
    flags: { '--at': ['0', '1', '2', '-1', 'x', ''], '--agents': AGENTS, '--runs': ['1', '0', 'x', '100001', '-1'], '--seed': INTS, '--scenario': SCENARIOS, '--out': OUTS },
    fixed: ['--at', '1', '--runs', '1', '--agents', 'CHN=hawk'],
  },
  { cmd: ['validate'], args: [...FILES.map((f) => [f]), ['@SCRIPT', '@REPLAY']], flags: {} },
  { cmd: ['schema'], flags: { '--out': ['@OUT', '@DIR', '@SCRIPT', '@SCRIPT/x', '/sys/gambit-fuzz', ''] }, fixed: ['--out', '@OUT'] },
  { cmd: ['agents'], flags: { '--scenario': SCENARIOS } },
  { cmd: ['scenarios'], flags: {} },
  { cmd: ['analyze'], args: FILES.map((f) => [f]), flags: { '--samples': ['0', '1', 'x', '-1', '100001'], '--seed': INTS, '--format': ['text', 'json', 'x'], '--out': OUTS }, fixed: ['--samples', '0'] },
  {
    cmd: ['tournament'],
    flags: { '--pool': ['JPN=hawk,status-quo', 'JPN=hawk,hawk', 'XXX=a', 'JPN=', 'JPN=scripted:@SCRIPT,hawk', 'JPN=__proto__'], '--games-per-profile': ['1', '0', 'x', '100001'], '--seed': INTS, '--turns': TURNS, '--out': OUTS, '--shard': SHARDS, '--sample': ['1', '0', 'x', '3'] },
    fixed: ['--turns', '1', '--no-progress', '--workers', '1', '--games-per-profile', '1', '--out', '@OUT'],
  },
  {
    cmd: ['sweep'],
    flags: { '--param': ['goods.autos.sigma=1.5,3', 'x=1', 'goods.autos.sigma=abc', '__proto__.x=1', 'constructor=1', 'goods.autos.sigma=1e999'], '--games': ['1', '0', 'x', '100001'], '--method': ['oat', 'lhs', 'x'], '--lhs': ['2', '1', 'x'], '--out': OUTS },
    fixed: ['--turns', '1', '--no-progress', '--workers', '1', '--games', '1', '--out', '@OUT', '--param', 'goods.autos.sigma=2'],
  },
  { cmd: ['experiment'], args: [['nope'], ['__proto__'], ['../thesis'], ['']], flags: { '--seeds': ['2', '1', 'x'], '--out': OUTS }, fixed: ['--out', '@OUT'] },
  { cmd: ['report'], args: [['@DIR'], ['@SCRIPT'], ['@MISSING']], flags: {} },
  { cmd: ['bogus'], flags: {} },
  { cmd: [], args: [['--help'], ['--version'], ['-h'], ['help', 'run'], ['run', '--help'], ['']], flags: {} },
];

/** A command line with tokens (@OUT, @SCRIPT, ...) still in it. */
export const argvArb: fc.Arbitrary<string[]> = fc.constantFrom(...COMMANDS).chain((c) =>
  fc
    .tuple(
      c.args ? fc.constantFrom(...c.args) : fc.constant<string[]>([]),
      fc.subarray(Object.keys(c.flags), { maxLength: Math.min(4, Object.keys(c.flags).length) }).chain((names) => fc.tuple(...names.map((n) => (c.flags[n] === 'bool' ? fc.constant([n]) : fc.constantFrom(...(c.flags[n] as string[])).map((v) => [n, v]))))),
    )
    .map(([args, flags]) => [...c.cmd, ...args, ...(c.fixed ?? []), ...flags.flat()]),
);

/** Replace tokens: @OUT gets a fresh name per run. */
export function resolveArgv(argv: string[], f: Fixture, run: number): string[] {
  return argv.map((a) =>
    a
      .replace(/@OUT/g, join(f.out, `o${run}`))
      .replace(/@SCRIPT/g, f.script)
      .replace(/@REPLAY/g, f.replay)
      .replace(/@SCENARIO/g, f.scenario)
      .replace(/@SHARD1/g, f.shard1)
      .replace(/@SHARD2/g, f.shard2)
      .replace(/@TABLE/g, f.table)
      .replace(/@DIR/g, f.dir)
      .replace(/@CONTENT/g, f.content)
      .replace(/@MISSING/g, join(f.dir, 'missing')),
  );
}

// ---- scripted orders ----
const INF = '__INF__';
/** Mostly good values (so many scripts get past the checks and into the engine), some hostile ones. */
const mostly = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>, weight = 12) => fc.oneof({ weight, arbitrary: good }, { weight: 1, arbitrary: bad });
const num = mostly(fc.constantFrom(0, 1, 2.5, 10, 20, 30, 50, 0.5, 2, 1.5, 100), fc.oneof(fc.constantFrom(500, 501, -1, 1e308, 49, 150, 151, INF as unknown as number), fc.double({ min: -1e6, max: 1e6, noNaN: true })));
const partner = mostly(fc.constantFrom('USA', 'CHN', 'JPN', 'AUS', 'MYS', 'ROW', '*'), fc.constantFrom('XXX', '__proto__', 'constructor', 'toString'));
const good = mostly(fc.constantFrom('autos', 'magnets', 'oxide', 'ore', 'other'), fc.constantFrom('x', '__proto__'));
const stage = mostly(fc.constantFrom('ore.light', 'ore.heavy', 'oxide.light', 'oxide.heavy', 'magnet'), fc.constantFrom('x', 'valueOf'));
const control = fc.oneof(fc.constantFrom<unknown>('open', 'banned', 'closed'), fc.record({ licensed: num }));
const commitment = fc.oneof(
  fc.record({ type: fc.constant('tariffCap'), good, max: num }),
  fc.record({ type: fc.constant('openExports'), stage }),
  fc.record({ type: fc.constant('investment'), usdBn: num }),
  fc.record({ type: fc.constant('offtake'), stage, share: num }),
  fc.record({ type: fc.constant('defenseFloor'), minPct: num }),
  fc.record({ type: fc.constantFrom('nope', 'constructor') }),
);
const projectType = mostly(fc.constantFrom('mine.new', 'mine.expansion', 'refinery.light', 'refinery.heavy', 'magnetPlant', 'recycling', 'thrifting', 'stockpile.light', 'stockpile.heavy', 'deepSeaMud'), fc.constantFrom('constructor', 'toString', '__proto__', 'nope'));
const orders = fc.record(
  {
    tariffs: fc.dictionary(partner, fc.dictionary(good, num, { maxKeys: 3 }), { maxKeys: 3 }),
    exportControls: fc.dictionary(partner, fc.dictionary(stage, control, { maxKeys: 2 }), { maxKeys: 2 }),
    defenseSpendingPct: num,
    rareEarthOutputPct: num,
    investments: fc.array(fc.record({ type: projectType, host: partner, units: fc.constantFrom(1, 2, 0, 21, 1.5) }, { requiredKeys: ['type'] }), { maxLength: 2 }),
    stockpileRelease: fc.record({ light: num, heavy: num }, { requiredKeys: [] }),
    deals: fc.record(
      {
        propose: fc.array(fc.record({ to: partner, give: fc.array(commitment, { maxLength: 2 }), get: fc.array(commitment, { maxLength: 2 }), termTurns: num }), { maxLength: 1 }),
        accept: fc.array(fc.constantFrom('D1', 'D6', 'x', '__proto__'), { maxLength: 2 }),
        why: fc.dictionary(fc.constantFrom('D1', 'x'), fc.string({ maxLength: 210 }), { maxKeys: 1 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
const ordersOrJunk = mostly(orders, fc.record({ bogus: fc.jsonValue({ maxDepth: 1 }) }) as unknown as typeof orders, 6);
const turnKey = mostly(fc.constantFrom('1', '2', '3'), fc.constantFrom('40', '41', '0', '01', '-1', '1.5', '99999999999999999999', '__proto__', 'constructor'));

/** The text of a scripted orders file: mostly scripts, some junk, some cut short. */
export const scriptTextArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: fc.record({ turns: fc.dictionary(turnKey, ordersOrJunk, { maxKeys: 3 }), description: fc.string({ maxLength: 20 }) }, { requiredKeys: ['turns'] }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
    fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
  )
  .map(([v, cut]) => {
    const text = JSON.stringify(v).replaceAll(`"${INF}"`, '1e999');
    return cut === null ? text : text.slice(0, cut % (text.length + 1));
  });

// ---- mutations of JSON documents (replays, saves, journal and shard lines) ----
export type Mutation = { path: (string | number)[]; op: 'set' | 'delete'; value?: unknown };
const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>('../../../etc/passwd', '/etc/passwd', '__proto__', 'constructor', '', 0, -1, 1.5, 999, 1e308, null, true, [], {}, 'x'.repeat(300), '0000000000000000', 'rare-earth-gambit', 'japans-gambit', '9.9.9', 2, 1, 3, '1', 'CHN'),
);

/** Up to three changes at paths chosen from `paths` (the keys of the document worth changing). */
export function mutationsArb(paths: (string | number)[][]): fc.Arbitrary<Mutation[]> {
  return fc.array(
    fc.record({ path: fc.constantFrom(...paths), op: fc.constantFrom<'set' | 'delete'>('set', 'set', 'set', 'delete'), value: hostile }),
    { minLength: 1, maxLength: 3 },
  );
}

export function applyMutations<T>(doc: T, ms: Mutation[]): T {
  const copy = structuredClone(doc) as unknown;
  for (const m of ms) {
    let o = copy as Record<string | number, unknown>;
    for (const k of m.path.slice(0, -1)) {
      if (o === null || typeof o !== 'object') break;
      o = o[k] as Record<string | number, unknown>;
    }
    if (o === null || typeof o !== 'object') continue;
    const last = m.path[m.path.length - 1];
    if (m.op === 'delete') delete o[last];
    else Object.defineProperty(o, last, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/** Every path into a JSON document down to `depth` levels (arrays: their first three items). */
export function pathsOf(v: unknown, depth: number, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (depth === 0 || v === null || typeof v !== 'object') return out;
  const keys: (string | number)[] = Array.isArray(v) ? [0, 1, 2].filter((i) => i < v.length) : Object.keys(v);
  for (const k of keys) {
    out.push([...prefix, k]);
    out.push(...pathsOf((v as Record<string | number, unknown>)[k], depth - 1, [...prefix, k]));
  }
  return out;
}

/** Line-level damage to a file of lines: drop, repeat, swap, replace with junk, cut at a byte, a changed field. */
export const lineOpsArb = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('drop' as const), i: fc.nat(6) }),
    fc.record({ op: fc.constant('repeat' as const), i: fc.nat(6) }),
    fc.record({ op: fc.constant('swap' as const), i: fc.nat(6), j: fc.nat(6) }),
    fc.record({ op: fc.constant('junk' as const), i: fc.nat(6), text: fc.constantFrom('', 'x', '{', '{}', '[]', 'null', '{"game":1e999}', '{"__proto__":{"game":0}}') }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('field' as const), i: fc.nat(6), resign: fc.boolean(), path: fc.constantFrom<string[]>(['game'], ['seed'], ['run'], ['runGames'], ['shard'], ['agents', 'JPN'], ['scores', 'USA'], ['outcomes', 'turns'], ['outcomes', 'finalPrices', 'magnet'], ['identity', 'seed'], ['identity', 'shard'], ['identity', 'scripts'], ['journal'], ['bogus']), value: hostile }),
  ),
  { minLength: 1, maxLength: 3 },
);

export interface LineOp {
  op: 'drop' | 'repeat' | 'swap' | 'junk' | 'cut' | 'field';
  i?: number;
  j?: number;
  at?: number;
  text?: string;
  path?: string[];
  value?: unknown;
  /** a journal line's checksum recomputed after the change (a deliberate forgery), else left stale */
  resign?: boolean;
}

/** Did the changes forge a value (a score or outcome) with a fresh checksum? Undetectable without playing again. */
export function forgesValues(ops: LineOp[]): boolean {
  return ops.some((o) => o.op === 'field' && o.resign && (o.path![0] === 'scores' || o.path![0] === 'outcomes'));
}

export function applyLineOps(text: string, ops: LineOp[]): string {
  let lines = text.replace(/\n$/, '').split('\n');
  let cut: number | null = null;
  for (const o of ops) {
    const i = (o.i ?? 0) % Math.max(1, lines.length);
    if (o.op === 'drop') lines.splice(i, 1);
    else if (o.op === 'repeat') lines.splice(i, 0, lines[i] ?? '');
    else if (o.op === 'swap') {
      const j = (o.j ?? 0) % Math.max(1, lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    } else if (o.op === 'junk') lines[i] = o.text!;
    else if (o.op === 'cut') cut = o.at!;
    else if (o.op === 'field') {
      try {
        const m = /^([0-9a-f]{16}) (.*)$/.exec(lines[i] ?? '');
        const changed = JSON.stringify(applyMutations(JSON.parse(m ? m[2] : lines[i]), [{ path: o.path!, op: 'set', value: o.value }]));
        lines[i] = m ? `${o.resign ? hashString(changed) : m[1]} ${changed}` : changed;
      } catch {
        /* a line that is not JSON: leave it */
      }
    }
  }
  lines = lines.filter((l) => l !== undefined);
  const out = lines.join('\n') + '\n';
  return cut === null ? out : out.slice(0, cut % (out.length + 1));
}

// ---- checks ----

export function sha(path: string): string {
  try {
    const st = statSync(path);
    return st.isFile() ? createHash('sha1').update(readFileSync(path)).digest('hex') : 'dir';
  } catch {
    return 'absent';
  }
}

/** Nulls or non-numbers where numbers belong, anywhere but a fork's undefined interval (ci95 of a single run). */
export function badValues(v: unknown, path = '$'): string | null {
  if (v === null) return /ci95\[\d\]$/.test(path) ? null : path;
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (typeof v === 'string') return /^(NaN|Infinity|-Infinity|undefined)$/.test(v) ? path : null;
  if (typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    const p = badValues(x, Array.isArray(v) ? `${path}[${k}]` : `${path}.${k}`);
    if (p) return p;
  }
  return null;
}

/** What is wrong with the files a successful run wrote into `dir`, or null. */
export function badOutputs(dir: string): string | null {
  if (!existsSync(dir)) return null;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, name);
    if (/\.tmp-\d+$|\.gambit-probe/.test(name)) return `a temporary file was left: ${name}`;
    if (!statSync(p).isFile()) continue;
    const text = readFileSync(p, 'utf8');
    if (/\bNaN\b/.test(text)) return `NaN in ${name}`;
    try {
      if (name.endsWith('.json') && !text.startsWith('game,seed,')) {
        const bad = badValues(JSON.parse(text));
        if (bad) return `${name}: a null or bad number at ${bad}`;
      } else if (name.endsWith('.jsonl') && !text.startsWith('{\n'))
        for (const l of text.split('\n').filter(Boolean)) {
          const bad = badValues(JSON.parse(l));
          if (bad) return `${name}: a null or bad number at ${bad}`;
        }
    } catch (e) {
      return `${name} is not valid JSON: ${(e as Error).message}`;
    }
  }
  return null;
}

/** What is wrong with a successful run's stdout, or null: JSON lines must parse and hold no null or bad number. */
export function badStdout(stdout: string): string | null {
  if (/\b(NaN|undefined)\b|\[object Object\]/.test(stdout)) return `NaN, undefined or [object Object] on stdout`;
  for (const l of stdout.split('\n'))
    if (l.startsWith('{')) {
      try {
        const bad = badValues(JSON.parse(l));
        if (bad) return `stdout: a null or bad number at ${bad}`;
      } catch {
        return `stdout: a line that starts like JSON but is not: ${l.slice(0, 80)}`;
      }
    }
  return null;
}
