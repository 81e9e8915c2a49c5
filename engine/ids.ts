// The fixed vocabularies of the game: countries, regions, stages, goods. Every loop over them uses these sorted arrays.

export const COUNTRIES = ['AUS', 'CHN', 'JPN', 'MYS', 'USA'] as const;
export type CountryId = (typeof COUNTRIES)[number];
/** The five playable countries plus the passive rest of the world. */
export const REGIONS = ['AUS', 'CHN', 'JPN', 'MYS', 'ROW', 'USA'] as const;
export type RegionId = (typeof REGIONS)[number];

export const GROUPS = ['light', 'heavy'] as const;
export type Group = (typeof GROUPS)[number];

/** Traded rare-earth stages. ore.* and oxide.* are tonnes of NdPr (light) or Dy+Tb (heavy) content; magnet is tonnes of NdFeB magnet. */
export const STAGES = ['ore.light', 'ore.heavy', 'oxide.light', 'oxide.heavy', 'magnet'] as const;
export type StageKey = (typeof STAGES)[number];

/** Stage names for people (news, reports). */
export const STAGE_NAMES: Record<StageKey, string> = { 'ore.light': 'NdPr ore', 'ore.heavy': 'Dy/Tb ore', 'oxide.light': 'NdPr oxide', 'oxide.heavy': 'Dy/Tb oxide', magnet: 'magnets' };

export const TARIFF_GOODS = ['autos', 'magnets', 'oxide', 'ore', 'other'] as const;
export type TariffGood = (typeof TARIFF_GOODS)[number];
/** Tariff goods named for people (news, the tariff panel): every traded stage of a kind shares one tariff line. */
export const TARIFF_GOOD_NAMES: Record<TariffGood, string> = { autos: 'cars', magnets: 'magnets', oxide: 'oxides', ore: 'ore', other: 'other goods' };

/** Uses of magnets. */
export const USES = ['cars', 'defense', 'electronics', 'wind', 'other'] as const;
export type Use = (typeof USES)[number];

export const HEADLINES = ['gdp', 'autoProduction', 'autoExports', 'magnetSupplyRatio', 'approval', 'security'] as const;
export type Headline = (typeof HEADLINES)[number];

/** The objectives a score is split by, in the order they are summed. */
export const OBJECTIVES = ['gdp', 'security', 'approval', 'autoProduction', 'supplySecurity', 'independence', 'environment'] as const;
export type ObjectiveKey = (typeof OBJECTIVES)[number];

export const PROJECT_KINDS = ['mine', 'refinery', 'magnetPlant', 'recycling', 'thrifting', 'stockpile', 'stake', 'deepSeaMud'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export function isCountry(x: unknown): x is CountryId {
  return typeof x === 'string' && (COUNTRIES as readonly string[]).includes(x);
}
export function isRegion(x: unknown): x is RegionId {
  return typeof x === 'string' && (REGIONS as readonly string[]).includes(x);
}

/** The tariff good that applies to a traded stage. */
export function tariffGoodOf(stage: StageKey): TariffGood {
  if (stage === 'magnet') return 'magnets';
  return stage.startsWith('ore') ? 'ore' : 'oxide';
}

/** "2025Q4" plus n quarters. */
export function addQuarters(date: string, n: number): string {
  const m = /^(\d{4})Q([1-4])$/.exec(date);
  if (!m) throw new Error(`bad date ${date}: expected YYYYQn`);
  const idx = Number(m[1]) * 4 + (Number(m[2]) - 1) + n;
  return `${Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
}

/** A record over the six regions built with a fixed shape (fast in V8, keys in REGIONS order). */
export function regionRecord<T>(f: (r: RegionId, i: number) => T): Record<RegionId, T> {
  return { AUS: f('AUS', 0), CHN: f('CHN', 1), JPN: f('JPN', 2), MYS: f('MYS', 3), ROW: f('ROW', 4), USA: f('USA', 5) };
}

/** A record over the five countries built with a fixed shape. */
export function countryRecord<T>(f: (c: CountryId, i: number) => T): Record<CountryId, T> {
  return { AUS: f('AUS', 0), CHN: f('CHN', 1), JPN: f('JPN', 2), MYS: f('MYS', 3), USA: f('USA', 4) };
}
