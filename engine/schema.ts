// Zod schemas for every content file. The engine defines them; hosts load JSON and pass it here to be checked and compiled.
import { z } from 'zod';
import { COUNTRIES, REGIONS, STAGES, TARIFF_GOODS, PROJECT_KINDS } from './ids.ts';
import { N, Frac } from './sourced.ts';
import { DeepSeaSchema } from './deepsea-schema.ts';
import { LeverageSchema } from './leverage-schema.ts';
import { ORDER_ID, ORDER_LIMITS as OL, ORDER_TEXT } from './limits.ts'; // every order list and id is bounded
export { N }; // sourced numbers {v, src, range?} live in sourced.ts

const countryEnum = z.enum(COUNTRIES);
const regionEnum = z.enum(REGIONS);
const stageEnum = z.enum(STAGES);
const tariffGoodEnum = z.enum(TARIFF_GOODS);
const byRegion = <T extends z.ZodType>(t: T) => z.object(Object.fromEntries(REGIONS.map((r) => [r, t])) as Record<(typeof REGIONS)[number], T>).strict();
const partialByRegion = <T extends z.ZodType>(t: T) =>
  z.object(Object.fromEntries(REGIONS.map((r) => [r, t.optional()])) as Record<(typeof REGIONS)[number], z.ZodOptional<T>>).strict();

export const MarketSchema = z
  .object({
    basePrice: N, // USD/kg
    shortRunElasticity: N,
    longRunElasticity: N,
    inventoryWeeks: N,
    licenceDelayWeeks: N,
    /** sea freight on the shortest open lane, USD/kg; longer lanes pay in proportion */
    freightUsdPerKg: N,
    /** producers' cash cost by region, USD/kg: for ore the mining cost, for oxide and magnets the conversion cost less inputs */
    cashCost: byRegion(N),
  })
  .strict();

const UseSchema = z.object({ wtpMultiple: N, elasticity: N }).strict();
export const GoodsFileSchema = z
  .object({
    markets: z.object(Object.fromEntries(STAGES.map((s) => [s, MarketSchema])) as Record<(typeof STAGES)[number], typeof MarketSchema>).strict(),
    /** the market model: bounds, expectations, storage and transshipment (engine/market/) */
    market: z
      .object({
        sanityMultiple: N, calibrationMargin: N, stockpileWtpMultiple: N,
        expectationSpeed: Frac,
        planOnLastPrice: Frac,
        storage: z.object({ elasticity: N, adjust: Frac, hoardOnControl: N, hoardQuarters: N, hoardPerTension: N }).strict(),
        transship: z.object({ wedgeShare: N, penaltyShare: N, detectShare: N }).strict(),
        distrust: z.object({ premiumShare: N, halfLifeQuarters: N, contagion: Frac }).strict(),
      })
      .strict(),
    /** demand by use: willingness to pay (a multiple of the 2024 price) and short-run elasticity */
    uses: z
      .object({
        magnet: z.object({ carsEv: UseSchema, carsIce: UseSchema, defense: UseSchema, wind: UseSchema, electronics: UseSchema, other: UseSchema }).strict(),
        oxideOther: UseSchema,
      })
      .strict(),
    magnetRecipe: z.object({ light: N, heavy: N }).strict(),
    refiningRecovery: Frac,
    autos: z
      .object({
        sigma: N,
        passThrough: Frac,
        adjustSpeed: Frac,
        demandElasticity: N,
        exportValueUsd: N,
        valueAddedShare: Frac,
        magnetKgPerEv: N,
        magnetKgPerIce: N,
      })
      .strict(),
    supplyResponse: z
      .object({
        priceTrigger: N,
        leadQuarters: N,
        mineLeadQuarters: N,
        /** capital cost of new capacity, USD per t/yr of output (content for ore) */
        capexPerTpy: z.object({ mine: N, refinery: N, magnet: N }).strict(),
        capitalRecovery: Frac,
        investRate: N,
        maxProfitability: N,
        attrition: Frac,
        controlPersistenceQuarters: N,
        pricePersistenceQuarters: N,
        exitAfterQuarters: N,
        exitShare: Frac,
        recyclingPerPremium: N,
        maxRecyclingShare: Frac,
        thriftPerPremium: N,
        maxThrift: Frac,
        demandAdjustSpeed: Frac,
        demandGrowthPerYear: N,
        capacityGrowthPerYear: N,
        /** where privately financed capacity is built when prices are high: share by region */
        hosts: z.object({ mine: partialByRegion(Frac), refinery: partialByRegion(Frac), magnet: partialByRegion(Frac) }).strict(),
      })
      .strict(),
  })
  .strict();

export const RulesFileSchema = z
  .object({
    macro: z
      .object({
        gapPersistence: Frac,
        exportMultiplier: N,
        investmentMultiplier: N,
        defenseMultiplier: N,
        defenseFade: Frac,
        defenseTaxDrag: N,
        defenseTaxDoubling: N,
        magnetDependentShare: N,
        tariffDeadweight: N,
        reSectorValueShare: N,
        capitalReturn: N,
        tradeElasticity: N,
      })
      .strict(),
    security: z
      .object({ capabilityPerUsdBn: N, depreciation: Frac, allyWeight: Frac, heavyMagnetNeed: Frac, armsReaction: Frac }).strict(),
    politics: z
      .object({
        adjustSpeed: Frac,
        growthWeight: N,
        jobsWeight: N,
        priceWeight: N,
        environmentWeight: N,
        securityWeight: N,
        tariffPainWeight: N,
        budgetApprovalFloor: N,
      })
      .strict(),
    environment: z
      .object({ perKtMined: N, perKtRefined: N, perKtSeabed: N, decay: Frac, licenceThreshold: N }).strict(),
    diplomacy: z
      .object({
        tensionDecay: Frac,
        tariffTension: N,
        banTension: N,
        licenceTension: N,
        buildupTension: N,
        dealRelief: N,
        leakTension: N,
        breachTrust: N, controlTrust: N.optional(), // an ally's trust below allyTrust while coerced (rules written before it: 0)
        breachTension: N,
        trustRecovery: N, allyTrust: N, // trust returns toward allyTrust between allies, 50 otherwise
      })
      .strict(),
    budget: z.object({ carryCap: N }).strict(),
    planner: z.object({ horizon: N, discount: Frac, coercionChance: Frac }).strict(),
    fiscal: z.object({ consolidation: Frac, defenseDebtShare: Frac }).strict(),
    supplyRisk: z.object({ restrictionLicensed: N, restrictionBanned: N, substitution: Frac, governance: byRegion(N), scale: N }).strict(),
    trade: z
      .object({ otherSigma: N, otherAdjustSpeed: Frac, freightShareRe: N, freightShareCars: N, blockedLanePenalty: N, tensionTradeDrag: N })
      .strict(),
    leverage: LeverageSchema,
  })
  .strict();

export const ObjectivesSchema = z
  .object({
    gdp: N,
    security: N,
    approval: N,
    autoProduction: N,
    supplySecurity: N,
    independence: N,
    environment: N,
  })
  .strict();

export const RegionSpecSchema = z
  .object({
    name: z.string(),
    gdpUsdBn: N,
    trendGrowth: N,
    defensePct: N,
    approval: N,
    mining: z.object({ reo: N, lightFrac: Frac, heavyFrac: Frac }).strict(),
    refining: z.object({ light: N, heavy: N }).strict(),
    magnets: N,
    magnetDemand: z.object({ defense: N, electronics: N, wind: N, other: N }).strict(),
    oxideOtherUse: z.object({ light: N, heavy: N }).strict(),
    evShare: Frac,
    carDemand: N,
    carSourcing: partialByRegion(N),
    /** exports of all other goods by destination, USD bn / yr */
    otherExports: partialByRegion(N),
    stockpile: z.object({ light: N, heavy: N }).strict(),
    budgetPctGdp: N,
    /** general government gross debt, % of GDP */
    debtPctGdp: N,
    /** points of GDP of extra debt at which new programmes stop */
    fiscalSpacePts: N,
    allies: z.array(regionEnum),
    rivals: z.array(regionEnum),
    objectives: ObjectivesSchema.optional(),
  })
  .strict();

export const CountriesFileSchema = z.object({ regions: byRegion(RegionSpecSchema) }).strict();
export const ProjectTypeSchema = z
  .object({
    kind: z.enum(PROJECT_KINDS),
    label: z.string(),
    description: z.string(),
    stage: stageEnum.optional(),
    capacity: N, // t/yr added (mine: t REO; refinery: t oxide; magnet plant: t magnet; recycling: t oxide/yr; thrifting: fraction; stockpile: t)
    costUsdBn: N,
    leadQuarters: N,
    delayRisk: Frac,
    successChance: Frac,
    hosts: z.array(countryEnum).optional(),
    /** most units one country may have built or building at once (stockpiles: per turn) */
    maxUnitsPerCountry: z.number().int().min(1),
    envPerQuarter: N,
    /** deepSeaMud and mines: composition of the ore, overriding the host's */
    lightFrac: Frac.optional(),
    heavyFrac: Frac.optional(),
    /** mines, refineries, magnet plants: firstShare of capacity at completion, all of it after `quarters` (MODEL.md S10) */
    rampUp: z.object({ firstShare: Frac, quarters: N }).strict().optional(),
  })
  .strict();
export const ProjectsFileSchema = z
  .object({ stakeOfftakeShare: Frac, types: z.record(z.string().max(OL.idChars).regex(/^[a-z][a-zA-Z.]*$/), ProjectTypeSchema), deepSea: DeepSeaSchema })
  .strict();

// ---- events ----
const Cond = z
  .object({
    metric: z.string().regex(/^[A-Za-z0-9_.>]+$/, 'a dotted path such as prices.oxide.heavy.world or countries.MYS.pollution'),
    op: z.enum(['<', '<=', '>', '>=', '==', '!=']),
    value: z.union([z.number(), z.string()]),
  })
  .strict();
export const EffectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('capacityShock'), region: regionEnum, stage: stageEnum, factor: N }).strict(),
  z.object({ kind: z.literal('closeStrait'), strait: z.string() }).strict(),
  z.object({ kind: z.literal('demandShock'), region: regionEnum, target: z.enum(['cars', 'carMagnets', 'electronics', 'wind', 'defense', 'other']), factor: N }).strict(),
  z.object({ kind: z.literal('licenceSuspension'), region: regionEnum, stage: stageEnum }).strict(),
  z.object({ kind: z.literal('approval'), country: countryEnum, delta: N }).strict(),
  z.object({ kind: z.literal('tension'), a: countryEnum, b: countryEnum, delta: N }).strict(),
  z.object({ kind: z.literal('heavyIntensity'), factor: N }).strict(),
  z.object({ kind: z.literal('gdpShock'), country: regionEnum, pct: N }).strict(),
  z.object({ kind: z.literal('projectDelay'), projectType: z.string(), quarters: N }).strict(),
  z.object({ kind: z.literal('pollution'), region: regionEnum, delta: N }).strict(),
  z.object({ kind: z.literal('capacityGain'), region: regionEnum, stage: stageEnum, tonnes: N, delayQuarters: z.number().int().min(0).max(40).optional() }).strict(),
]);
export type Effect = z.infer<typeof EffectSchema>;
export const EventSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    text: z.string(),
    window: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
    chance: Frac, // per turn while conditions hold
    once: z.boolean(),
    durationTurns: z.number().int().min(0),
    conditions: z.array(Cond),
    effects: z.array(EffectSchema).min(1),
    source: z.string().min(3),
  })
  .strict();
export const EventsFileSchema = z.object({ events: z.array(EventSchema) }).strict();

// ---- personas ----
export const PersonaSchema = z
  .object({
    country: countryEnum,
    label: z.string(),
    description: z.string(),
    retaliation: Frac, // how readily it answers a tariff or ban with its own
    tradeOpenness: Frac,
    defenseTargetPct: N,
    defenseStepPct: N,
    investTypes: z.array(z.string()),
    investShare: Frac, // share of the available budget spent per turn
    controlsAs: z.enum(['leverage', 'never', 'retaliate']),
    /** when to use export controls as leverage: a partner's tariffs on us this many points (trade-weighted mean) above
     * their level at the start of the game, with licences at this share of normal volume */
    coercion: z.object({ tariffTrigger: N, licenceShare: Frac, source: z.string().min(3) }).strict().optional(),
    /** the answer to a new export control on us: more of the budget, to these project types (hosted abroad where a
     * host is named: stakes like Japan's in Lynas), extra tariff points on the coercer, stockpile releases when short */
    answer: z
      .object({ investShare: Frac, investTypes: z.array(z.string()), hosts: z.record(z.string(), regionEnum).optional(), tariffPts: N, releaseStockpile: z.boolean(), source: z.string().min(3) })
      .strict()
      .optional(),
    /** how it answers packages: a rule of thumb (default) or engine rollouts with counter-offers */
    dealValuation: z.enum(['rule', 'rollout']).optional(),
    /** a standing offer made every `everyTurns` turns from `firstTurn` (replaces the generic offers) */
    proposal: z.object({ firstTurn: z.number().int().min(1), everyTurns: z.number().int().min(1), deal: z.lazy(() => DealProposalSchema) }).strict().optional(),
    source: z.string().min(3),
  })
  .strict();
export const PersonasFileSchema = z.object({ personas: z.record(z.string().regex(/^[a-z0-9-]+$/), PersonaSchema) }).strict();

// ---- orders (also used by scripted agents and scenario starting policies) ----
export const ControlSpecSchema = z.union([
  z.literal('open'),
  z.literal('banned'),
  z.object({ licensed: z.number().min(0).max(1) }).strict(),
]);
const partnerKey = z.union([countryEnum, z.literal('ROW'), z.literal('*')]);
export const TariffOrdersSchema = z.partialRecord(partnerKey, z.object(Object.fromEntries(TARIFF_GOODS.map((g) => [g, z.number().min(0).max(500).optional()]))).strict());
export const ControlOrdersSchema = z.partialRecord(partnerKey, z.object(Object.fromEntries(STAGES.map((s) => [s, ControlSpecSchema.optional()]))).strict());
export const CommitmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tariffCap'), good: tariffGoodEnum, max: z.number().min(0).max(500) }).strict(),
  z.object({ type: z.literal('openExports'), stage: stageEnum }).strict(),
  z.object({ type: z.literal('investment'), usdBn: z.number().min(0).max(1000) }).strict(),
  z.object({ type: z.literal('offtake'), stage: stageEnum, share: z.number().min(0).max(1) }).strict(),
  z.object({ type: z.literal('defenseFloor'), minPct: z.number().min(0).max(10) }).strict(),
]);
export const DealProposalSchema = z
  .object({
    to: countryEnum,
    give: z.array(CommitmentSchema).max(OL.commitments),
    get: z.array(CommitmentSchema).max(OL.commitments),
    termTurns: z.number().int().min(1).max(40),
  })
  .strict();
export const InvestmentOrderSchema = z
  .object({
    type: z.string().max(OL.idChars).regex(ORDER_ID),
    host: countryEnum.optional(),
    units: z.number().int().min(1).max(20).optional(),
  })
  .strict();
export const CountryOrdersSchema = z
  .object({
    tariffs: TariffOrdersSchema.optional(),
    exportControls: ControlOrdersSchema.optional(),
    defenseSpendingPct: z.number().min(0).max(10).optional(),
    /** production quotas on the country's own mines and separators, % of normal capacity (a dominant producer
     * floods the market above 100 to undercut newcomers, or withholds supply below it) */
    rareEarthOutputPct: z.number().min(50).max(150).optional(),
    investments: z.array(InvestmentOrderSchema).max(OL.investments).optional(),
    stockpileRelease: z.object({ light: z.number().min(0).optional(), heavy: z.number().min(0).optional() }).strict().optional(),
    /** deep-sea programmes of the country's own to stop (project ids): no later stage is paid, what was paid is spent */
    stopProgrammes: z.array(z.string().max(40).regex(ORDER_ID)).max(10).optional(),
    deals: z
      .object({
        propose: z.array(DealProposalSchema).max(OL.proposals).optional(),
        accept: z.array(z.string().max(OL.idChars).regex(ORDER_ID)).max(OL.answers).optional(),
        reject: z.array(z.string().max(OL.idChars).regex(ORDER_ID)).max(OL.answers).optional(),
        break: z.array(z.string().max(OL.idChars).regex(ORDER_ID)).max(OL.answers).optional(),
        why: z.record(z.string().max(OL.idChars).regex(ORDER_ID), z.string().max(200).regex(ORDER_TEXT)).refine((o) => Object.keys(o).length <= OL.reasons, `at most ${OL.reasons} reasons`).meta({ maxProperties: OL.reasons }).optional(), // the answerer's reasons by deal id, in the news
      })
      .strict()
      .optional(),
  })
  .strict();
export const OrdersSchema = z.object(Object.fromEntries(COUNTRIES.map((c) => [c, CountryOrdersSchema.optional()]))).strict();

export const ScenarioFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    description: z.string(),
    start: z.string().regex(/^\d{4}Q[1-4]$/, 'a quarter such as "2025Q4" (a year, Q, then 1 to 4)'),
    turns: z.number().int().min(1).max(200),
    quartersPerTurn: z.number().int().min(1).max(4),
    files: z
      .object({
        countries: z.string(),
        goods: z.string(),
        rules: z.string(),
        projects: z.string(),
        events: z.string(),
        map: z.string(),
        personas: z.string(),
      })
      .strict(),
    policies: z.object(Object.fromEntries(COUNTRIES.map((c) => [c, z.object({ tariffs: TariffOrdersSchema, exportControls: ControlOrdersSchema, defenseSpendingPct: N }).strict()]))).strict(),
    offtakes: z.array(z.object({ from: regionEnum, to: countryEnum, stage: stageEnum, share: Frac, untilTurn: z.number().int() }).strict()),
    projects: z.array(
      z.object({ type: z.string(), owner: countryEnum, host: countryEnum, remainingQuarters: z.number().int().min(0), units: z.number().int().min(1), stage: z.string().optional(), note: z.string() }).strict(),
    ),
    deals: z.array(
      z.object({ a: countryEnum, b: countryEnum, aGives: z.array(CommitmentSchema), bGives: z.array(CommitmentSchema), untilTurn: z.number().int(), note: z.string() }).strict(),
    ),
    tension: z.array(z.object({ a: countryEnum, b: countryEnum, value: N }).strict()),
    /** tariffs in force when countries.json's car sourcing was measured; pairs not listed use the starting policies */
    calibrationTariffs: z.array(z.object({ importer: countryEnum, partner: regionEnum, good: tariffGoodEnum, pct: N }).strict()),
    baselineTension: N,
  })
  .strict();

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
export type GoodsFile = z.infer<typeof GoodsFileSchema>;
export type RulesFile = z.infer<typeof RulesFileSchema>;
export type CountriesFile = z.infer<typeof CountriesFileSchema>;
export type RegionSpec = z.infer<typeof RegionSpecSchema>;
export type ProjectsFile = z.infer<typeof ProjectsFileSchema>;
export type ProjectType = z.infer<typeof ProjectTypeSchema>;
export type EventsFile = z.infer<typeof EventsFileSchema>;
export type GameEvent = z.infer<typeof EventSchema>;
export type PersonasFile = z.infer<typeof PersonasFileSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type CountryOrders = z.infer<typeof CountryOrdersSchema>;
export type Orders = z.infer<typeof OrdersSchema>;
export type ControlSpec = z.infer<typeof ControlSpecSchema>;
export type Commitment = z.infer<typeof CommitmentSchema>;
export type DealProposal = z.infer<typeof DealProposalSchema>;
