// English: the glossary and the start screen (moved out of en.ts to keep it under 400 lines; the same catalogue). The
// glossary here has every term's name and the opponent types' entries (the start screen's); the other entries are in
// en-later.ts, loaded before the glossary opens.

export const enGlossary = {
  title: 'Glossary',
  onlyFor: '{{name}}: {{country}} only (opponent)',
  terms: {
    REO: ['REO'],
    NdPr: ['NdPr'],
    DyTb: ['Dy/Tb'],
    NdFeB: ['NdFeB magnet'],
    separation: ['Separation (refining)'],
    licence: ['Export licence'],
    ban: ['Export ban'],
    offtake: ['Offtake'],
    thrift: ['Thrifting'],
    deal: ['Deal (D12)'],
    tariff: ['Tariff'],
    stockpile: ['Stockpile'],
    magnetSupply: ['Magnet supply'],
    pp: ['pp (percentage points)'],
    security: ['Security, capability and tension'],
    supplyRisk: ['Supply risk and supply independence'],
    yardstick: ['Yardstick and score'],
    persona: ['Persona (opponent)', 'A country played as it has behaved on record: its habits with tariffs, export controls and deals, from sources.'],
    planner: ['Planner (opponent)', 'Tries about ten candidate policies each turn, plays each forward eight turns in the engine, and keeps the best for its country.'],
    hawk: ['Hawk (opponent)', 'Uses export controls and tariffs hard as leverage and answers pressure with pressure.'],
    'free-trader': ['Free trader (opponent)', 'Lowers tariffs and keeps exports open.'],
    protectionist: ['Protectionist (opponent)', 'Raises tariffs to protect its own industry.'],
    'tit-for-tat': ['Tit for tat (opponent)', 'Does to each partner what that partner did to it last turn.'],
    diversifier: ['Diversifier (opponent)', 'Invests to buy less from China: mines, separation, recycling, stockpiles.'],
    'status-quo': ['Status quo (opponent)', 'Keeps every policy as it is: the yardstick.'],
    random: ['Random (opponent)', 'Valid but random orders, for testing.'],
  },
};

export const enStart = {
  briefingAria: 'briefing',
  /** what each objective measures (the English comes from the session's briefing; this is the Japanese screen's) */
  objectiveMeaning: {
    gdp: 'GDP growth against the status-quo path (points = percent)',
    security: 'security index, 0-100: your defence capability and a share of your allies’, against your rivals’, which count more the higher the tension with them',
    approval: 'government approval, 0-100, leaving out the part that economic growth brought (growth already counts under GDP)',
    autoProduction: 'car output against the start (points = percent)',
    supplySecurity: 'magnets obtained as a share of magnets wanted, x100',
    independence: 'independence of rare-earth supply, 0-100: 100 when your ore, oxide and magnets come from many reliable suppliers, lower the more they come from few, or from ones with weak governance or export controls (the EU’s supply-risk method turned around; recycling and thrifting help)',
    environment: 'pollution from mining, separation and seabed work (counts against)',
  },
  /** opponents that only one country can be: the country's other personas and the thesis strategies (name, what it does) */
  agentVariant: {
    'usa-negotiator': ['Negotiator', 'The recorded US persona, but it weighs each deal offered to it by playing it forward in the engine; it says why it refuses and counters with less tariff relief.'],
    'jpn-hub': ['Processing hub (strategy)', 'Builds separation and magnet plants for allied ore and offers the US separated oxide for a cap on its car tariff; holds defence at 1.8% of GDP, raised only in answer to China\'s build-up.'],
    'jpn-mud': ['Deep-sea mud (strategy)', 'Puts its budget into the Minamitorishima mud programme and the heavy separation its ore needs; no deal.'],
    'jpn-defence': ['Defence alignment (strategy)', 'Raises defence to 2% of GDP as fast as approval allows; no rare-earth programme, no deal.'],
    'jpn-all': ['All three (strategy)', 'The hub, the mud and defence at 2% of GDP together, with the oxide-for-tariff offer to the US.'],
  },
  briefingArgument: 'The argument',
  briefingLevers: 'What you can do',
  briefingScore: 'What the score measures',
  briefingOtherSeat: 'This scenario is written for {{seat}}; you are playing {{you}}. The end screen compares paths only for {{seat}}.',
  lede: 'Rare earths, cars and security in the Indo-Pacific, 2025-2035. Pick a country, set its policy each quarter, and beat doing nothing.',
  scenario: 'Scenario',
  yourCountry: 'Your country',
  opponents: 'Opponents',
  opponentHint: 'What each opponent type does:',
  turns: 'Turns (quarters)',
  seed: 'Seed',
  start: 'Start game',
  loadFile: 'Load a saved game…',
  resumeWhat: 'Resume autosaved game ({{country}}, turn {{turn}} of {{turns}})',
  resume: 'Resume autosaved game',
  olderSaves: 'Earlier autosaves:',
  olderSave: '{{country}}, turn {{turn}} of {{turns}}',
  /** a finished game's autosave */
  resumeOver: 'Resume autosaved game ({{country}}, game over after {{turns}} turns)',
  olderSaveOver: '{{country}}, game over after {{turns}} turns',
  olderUnknown: 'an earlier game',
  errors: 'Fix these first:',
  badSeed: 'The seed must be a whole number, 0 or more.',
  badTurns: 'The game needs from 1 to {{max}} turns.',
  briefing: 'Briefing: {{name}}',
  yourCountryIs: 'Your country: {{name}}',
  scored: 'How you are scored',
  objectives: 'Your objectives',
  scoreText: 'Your score is your weighted objectives measured against the same game in which you do nothing (the other countries still play, and react to that): 0 means “as good as doing nothing”.',
  levers: 'Your levers',
  docLink: 'During the game the score shows split by these objectives. How each is computed, and the sources and assumptions behind every mechanism:',
  length_one: 'This game: {{count}} quarter ({{years}}), from {{from}}.',
  length_other: 'This game: {{count}} quarters ({{years}}), from {{from}}.',
  noBuild: 'No project started in a game this short is finished before it ends (the quickest takes {{q}} quarters to build, from the quarter after it is ordered): investment pays only in a longer game.',
  years_one: '{{years}} year',
  years_other: '{{years}} years',
};

/** Notes added after reviews (kept here to keep en.ts under 400 lines). */
export const enNotes = {
  /** a deep-sea mud stage paused for budget (the Invest tab's Running list) */
  mudNeeds: 'waiting for budget: needs {{cost}} to resume; {{left}} of this turn’s budget is left',
  /** a deep-sea stage that ends this turn, and the next one it starts (the Invest tab's Running list) */
  mudNext: 'If this stage passes at the end of this turn, the {{stage}} starts at once and takes {{cost}} from what your orders leave of this turn’s budget ({{left}}); with less left, it waits for budget.',
  /** the Deals tab once the game is over */
  offersClosed: 'The game is over: offers can no longer be answered.',
  proposalsClosed: 'The game is over: no more deals can be proposed.',
  /** the Deals tab with as many proposals queued as a turn takes (ORDER_LIMITS.proposals) */
  proposalsFull: 'At most {{count}} proposals a turn: remove one to propose another.',
  /** the other policy tabs once the game is over (read-only, as the Deals tab) */
  ordersClosed: 'The game is over: orders can no longer be given.',
  /** the toast on loading a finished game (not "turn 40 of 40 is next") */
  loadedOver: 'Loaded: the game is over after {{total}} turns. “See the results” shows the end screen.',
};
