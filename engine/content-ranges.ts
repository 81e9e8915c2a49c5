// Physical ranges of content numbers, checked after the schema: finite everywhere, positive where a zero or a negative
// would divide by nothing or turn a quantity upside down, and below sane ceilings so no product overflows.
import type { ContentIssue, ContentKind } from './content.ts';

interface Limit {
  min?: number;
  /** min is exclusive: the number must be above it */
  above?: boolean;
  max?: number;
  int?: boolean;
}

const share: Limit = { min: 0, max: 1 };
const pct: Limit = { min: 0, max: 100 };
const negOrZero: Limit = { min: -20, max: 0 };
const quarters: Limit = { min: 0, max: 400 };
/** tonnes a year of one region's plants, stocks or uses (the world mines about 4e5 t of rare-earth oxide a year) */
const tonnes: Limit = { min: 0, max: 1e7 };
/** a multiplier or elasticity of the macro model */
const mult: Limit = { min: 0, max: 10 };

/** Every number in every content file, whatever its place: finite and no bigger than this (the largest, the rest of
 * the world's car demand, is about 4e7). */
export const MAX_MAGNITUDE = 1e9;

/** Limits by compiled path; `*` stands for any key or index. Sourced numbers' ranges ({v, src, range}) are held to the
 * same limits, so a sweep cannot sample outside them. */
const LIMITS: Partial<Record<ContentKind, [string, Limit][]>> = {
  countries: [
    ['regions.*.gdpUsdBn', { min: 1, max: 1e6 }],
    ['regions.*.trendGrowth', { min: -0.2, max: 0.5 }],
    ['regions.*.defensePct', { min: 0, max: 50 }],
    ['regions.*.approval', pct],
    ['regions.*.mining.reo', tonnes],
    ['regions.*.refining.*', tonnes],
    ['regions.*.magnets', tonnes],
    ['regions.*.magnetDemand.*', tonnes],
    ['regions.*.oxideOtherUse.*', tonnes],
    ['regions.*.carDemand', { min: 0, max: 1e8 }],
    ['regions.*.carSourcing.*', share],
    ['regions.*.otherExports.*', { min: 0, max: 1e5 }],
    ['regions.*.stockpile.*', tonnes],
    ['regions.*.budgetPctGdp', pct],
    ['regions.*.debtPctGdp', { min: 0, max: 1000 }],
    ['regions.*.fiscalSpacePts', { min: 1, max: 1000 }],
    ['regions.*.objectives.*', { min: 0, max: 100 }],
  ],
  goods: [
    ['markets.*.basePrice', { min: 0, above: true, max: 1e4 }],
    ['markets.*.shortRunElasticity', negOrZero],
    ['markets.*.longRunElasticity', negOrZero],
    ['markets.*.inventoryWeeks', { min: 0, max: 520 }],
    ['markets.*.licenceDelayWeeks', { min: 0, max: 520 }],
    ['markets.*.freightUsdPerKg', { min: 0, max: 1e4 }],
    ['markets.*.cashCost.*', { min: 0, max: 1e5 }],
    ['market.sanityMultiple', { min: 1, above: true, max: 1e6 }],
    ['market.calibrationMargin', { min: 0, above: true, max: 10 }], // zero: a supply curve over nothing
    ['market.stockpileWtpMultiple', { min: 0, above: true, max: 1000 }],
    ['market.storage.elasticity', { min: 0, max: 100 }],
    ['market.storage.hoardOnControl', { min: 0, max: 100 }],
    ['market.storage.hoardQuarters', quarters],
    ['market.storage.hoardPerTension', share],
    ['market.transship.*', share],
    ['market.distrust.premiumShare', { min: 0, max: 10 }],
    ['market.distrust.halfLifeQuarters', { min: 0, above: true, max: 400 }],
    ['uses.magnet.*.wtpMultiple', { min: 0, above: true, max: 1000 }],
    ['uses.magnet.*.elasticity', negOrZero],
    ['uses.oxideOther.wtpMultiple', { min: 0, above: true, max: 1000 }],
    ['uses.oxideOther.elasticity', negOrZero],
    ['magnetRecipe.light', { min: 0, above: true, max: 1 }],
    ['magnetRecipe.heavy', share],
    ['refiningRecovery', { min: 0, above: true, max: 1 }],
    ['autos.sigma', { min: 0, above: true, max: 20 }],
    ['autos.demandElasticity', negOrZero],
    ['autos.exportValueUsd', { min: 0, above: true, max: 1e6 }],
    ['autos.magnetKgPerEv', { min: 0, max: 100 }],
    ['autos.magnetKgPerIce', { min: 0, max: 100 }],
    ['supplyResponse.priceTrigger', { min: 0, above: true, max: 100 }],
    ['supplyResponse.leadQuarters', quarters],
    ['supplyResponse.mineLeadQuarters', quarters],
    ['supplyResponse.capexPerTpy.*', { min: 0, above: true, max: 1e9 }],
    ['supplyResponse.investRate', share],
    ['supplyResponse.maxProfitability', { min: 0, max: 100 }],
    ['supplyResponse.controlPersistenceQuarters', quarters],
    ['supplyResponse.pricePersistenceQuarters', quarters],
    ['supplyResponse.exitAfterQuarters', quarters],
    ['supplyResponse.recyclingPerPremium', share],
    ['supplyResponse.thriftPerPremium', share],
    ['supplyResponse.demandGrowthPerYear', { min: -0.5, max: 1 }],
    ['supplyResponse.capacityGrowthPerYear', { min: -0.5, max: 1 }],
  ],
  rules: [
    ['macro.exportMultiplier', mult],
    ['macro.investmentMultiplier', mult],
    ['macro.defenseMultiplier', mult],
    ['macro.defenseTaxDrag', mult],
    ['macro.defenseTaxDoubling', { min: 0, above: true, max: 10 }],
    ['macro.magnetDependentShare', share],
    ['macro.tariffDeadweight', mult],
    ['macro.reSectorValueShare', mult],
    ['macro.capitalReturn', share],
    ['macro.tradeElasticity', { min: 0, above: true, max: 50 }],
    ['security.capabilityPerUsdBn', { min: 0, max: 100 }],
    ['security.depreciation', { min: 0, above: true, max: 1 }],
    ['politics.*', { min: 0, max: 100 }],
    ['environment.*', { min: 0, max: 1000 }],
    ['environment.decay', { min: 0, above: true, max: 1 }],
    ['diplomacy.*', pct],
    ['budget.carryCap', { min: 1, max: 40 }],
    ['planner.horizon', { min: 1, max: 40, int: true }],
    ['supplyRisk.restrictionLicensed', { min: 0, above: true, max: 10 }],
    ['supplyRisk.restrictionBanned', { min: 0, above: true, max: 10 }],
    ['supplyRisk.governance.*', { min: 0, max: 10 }],
    ['supplyRisk.scale', { min: 0, above: true, max: 100 }],
    ['trade.otherSigma', { min: 0, above: true, max: 20 }],
    ['trade.freightShareRe', share],
    ['trade.freightShareCars', share],
    ['trade.blockedLanePenalty', mult],
    ['trade.tensionTradeDrag', share],
    ['leverage.escalationPts', { min: 0, max: 500 }],
    ['leverage.escalationTrigger', { min: 0, max: 500 }],
    ['leverage.ripeTurns', { min: 1, max: 40, int: true }],
    ['leverage.truceTurns', { min: 1, max: 40, int: true }],
    ['leverage.dealTurns', { min: 1, max: 40, int: true }],
    ['leverage.acceptTolerance', { min: 0, max: 100 }],
    ['leverage.reportStep', { min: 0, above: true, max: 2 }],
  ],
  projects: [
    ['types.*.capacity', tonnes],
    ['types.*.costUsdBn', { min: 0, above: true, max: 1000 }],
    ['types.*.leadQuarters', quarters],
    ['types.*.rampUp.quarters', { min: 1, max: 40 }],
    ['types.*.envPerQuarter', { min: 0, max: 1000 }],
    ['deepSea.prior.*', { min: 0, above: true, max: 1000 }],
    ['deepSea.stages.*.costUsdBn', { min: 0, max: 1000 }],
    ['deepSea.stages.*.quarters', quarters],
    ['deepSea.stages.*.liftTonnesReo', tonnes],
    ['deepSea.design.*', { min: 0, above: true, max: 1e6 }],
    ['deepSea.design.daysPerYear', { min: 0, above: true, max: 366 }],
    ['deepSea.retry.quarters', quarters],
    ['deepSea.seabed.approvalPerPoint', { min: 0, max: 10 }],
    ['deepSea.seabed.suspendPerPoint', { min: 0, max: 1 }],
  ],
  scenario: [
    ['policies.*.defenseSpendingPct', { min: 0, max: 10 }],
    ['tension.*.value', pct],
    ['calibrationTariffs.*.pct', { min: 0, max: 500 }],
    ['baselineTension', pct],
  ],
  events: [
    ['events.*.effects.*.factor', { min: 0, max: 100 }],
    ['events.*.effects.*.pct', { min: -100, max: 100 }],
    ['events.*.effects.*.delta', { min: -100, max: 100 }],
    ['events.*.effects.*.tonnes', tonnes],
    ['events.*.effects.*.quarters', { min: -40, max: 40 }],
  ],
  map: [
    ['latNorth', { min: -90, max: 90 }],
    ['lonWest', { min: -360, max: 360 }],
    ['degPerCellX', { min: 0, above: true, max: 360 }],
    ['degPerCellY', { min: 0, above: true, max: 180 }],
  ],
  personas: [
    ['personas.*.defenseTargetPct', { min: 0, max: 10 }],
    ['personas.*.defenseStepPct', { min: 0, max: 10 }],
    ['personas.*.coercion.tariffTrigger', { min: 0, max: 500 }],
    ['personas.*.answer.tariffPts', { min: 0, max: 500 }],
  ],
};

function describeLimit(l: Limit): string {
  const lo = l.min === undefined ? '' : l.above ? `above ${l.min}` : `at least ${l.min}`;
  const hi = l.max === undefined ? '' : `at most ${l.max}`;
  return `${l.int ? 'a whole number' : 'a number'} ${[lo, hi].filter(Boolean).join(' and ')}`.trim();
}

function within(v: number, l: Limit): boolean {
  if (!Number.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) return false;
  if (l.int && !Number.isInteger(v)) return false;
  if (l.min !== undefined && (l.above ? v <= l.min : v < l.min)) return false;
  return l.max === undefined || v <= l.max;
}

export function pathText(path: readonly (string | number)[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return s;
}

function childAt(v: unknown, k: string | number): unknown {
  return v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string | number, unknown>)[k] : undefined;
}

/** Each number at a pattern, with its path, the raw JSON at that place (a sourced {v, src, range} or a bare number). */
function* at(value: unknown, raw: unknown, pattern: readonly string[], path: (string | number)[] = []): Generator<[(string | number)[], unknown, unknown]> {
  if (pattern.length === 0) {
    yield [path, value, raw];
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = pattern;
  const keys: (string | number)[] = head !== '*' ? [head] : Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const k of keys) {
    const v = childAt(value, k);
    if (v !== undefined) yield* at(v, childAt(raw, k), rest, [...path, k]);
  }
}

function found(v: unknown): string {
  return typeof v === 'number' && !Number.isFinite(v) ? `number ${String(v)}` : `${typeof v} ${JSON.stringify(v)}`;
}

/** Issues for numbers outside their physical limits in one parsed content file (`raw` is the file's JSON, for paths). */
export function rangeIssues(kind: ContentKind, file: string, value: unknown, raw: unknown): ContentIssue[] {
  const out: ContentIssue[] = [];
  const seen = new Set<string>();
  const check = (path: (string | number)[], v: unknown, r: unknown, l: Limit) => {
    const sourced = r !== null && typeof r === 'object' && !Array.isArray(r);
    const p = pathText(sourced ? [...path, 'v'] : path);
    if (typeof v === 'number' && !within(v, l) && !seen.has(p)) {
      seen.add(p);
      out.push({ file, path: p, expected: l.max === undefined ? `${describeLimit(l)}, finite and at most ${MAX_MAGNITUDE} in size` : describeLimit(l), found: found(v) });
    }
    const range = sourced ? childAt(r, 'range') : undefined;
    if (Array.isArray(range))
      range.forEach((x, i) => {
        const rp = pathText([...path, 'range', i]);
        if (typeof x === 'number' && !within(x, l) && !seen.has(rp)) {
          seen.add(rp);
          out.push({ file, path: rp, expected: `a range inside the limits of the number: ${describeLimit(l)}`, found: found(x) });
        }
      });
  };
  for (const [pattern, limit] of LIMITS[kind] ?? []) for (const [path, v, r] of at(value, raw, pattern.split('.'))) check(path, v, r, limit);
  // and every other number: finite and of a sane size
  const walk = (v: unknown, r: unknown, path: (string | number)[]) => {
    if (typeof v === 'number') check(path, v, r, {});
    else if (v !== null && typeof v === 'object') for (const k of Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v)) walk(childAt(v, k), childAt(r, k), [...path, k]);
  };
  walk(value, raw, []);
  return out;
}
