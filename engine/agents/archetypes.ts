// Built-in agents: status-quo and the generic archetypes (free-trader, protectionist, hawk, tit-for-tat, diversifier).
import { REGIONS, STAGES, TARIFF_GOODS, type CountryId, type StageKey, type TariffGood } from '../ids.ts';
import type { CountryView } from '../view.ts';
import type { CountryOrders } from '../schema.ts';
import type { Agent } from './types.ts';
import { answerDeals, defenseToward, investIn, merge, partners, rivalsOf } from './common.ts';
import { projectType } from '../own.ts';

export const statusQuo: Agent = { name: 'status-quo', needsView: false, decide: () => ({}) };

export const freeTrader: Agent = {
  name: 'free-trader',
  needsView: true,
  decide({ content, view }) {
    const tariffs: NonNullable<CountryOrders['tariffs']> = { '*': { autos: 0, magnets: 0, oxide: 0, ore: 0, other: 0 } };
    const exportControls: NonNullable<CountryOrders['exportControls']> = { '*': Object.fromEntries(STAGES.map((s) => [s, 'open'])) };
    return merge({ tariffs, exportControls, investments: investIn(content, view, ['recycling', 'refinery.light'], 0.2) }, { deals: answerDeals(view, 3) });
  },
};

type Tariffs = NonNullable<CountryOrders['tariffs']>;
const PROTECT = { autos: 25, magnets: 25, oxide: 10, ore: 5, other: 20 } as const;

/** `floor` on every good from every partner, or the tariff in force where it is higher: a partner's own entry keeps
 * those (a '*' alone wrote the floor over them, so the protectionist US cut its 100% on Chinese cars to 25%). */
export function tariffsAtLeast(view: CountryView, floor: Readonly<Record<TariffGood, number>>): Tariffs {
  const tariffs: Tariffs = { '*': { ...floor } };
  const now = view.self.policies.tariffs;
  for (const r of REGIONS) {
    if (r === view.country) continue;
    const higher = TARIFF_GOODS.filter((g) => now[r][g] > floor[g]);
    if (higher.length) tariffs[r] = Object.fromEntries(TARIFF_GOODS.map((g) => [g, Math.max(floor[g], now[r][g])]));
  }
  return tariffs;
}

export const protectionist: Agent = {
  name: 'protectionist',
  needsView: true,
  decide({ content, view }) {
    const tariffs = tariffsAtLeast(view, PROTECT);
    return merge({ tariffs, investments: investIn(content, view, ['magnetPlant', 'refinery.light', 'refinery.heavy', 'mine.expansion'], 0.4) }, { deals: answerDeals(view, -3) });
  },
};

export const hawk: Agent = {
  name: 'hawk',
  needsView: true,
  decide({ content, view }) {
    const rivals = rivalsOf(content, view.country);
    const exportControls: NonNullable<CountryOrders['exportControls']> = {};
    for (const r of rivals) exportControls[r] = { 'oxide.heavy': 'banned', magnet: { licensed: 0.5 }, 'ore.heavy': 'banned' };
    const tariffs: NonNullable<CountryOrders['tariffs']> = {};
    // raised to 25% where lower, never cut (a rival's tariff already above it stands)
    for (const r of rivals) {
      const now = view.self.policies.tariffs[r];
      tariffs[r] = { magnets: Math.max(25, now.magnets), other: Math.max(25, now.other) };
    }
    return merge({
      defenseSpendingPct: defenseToward(view, 4, 0.5),
      exportControls: rivals.length ? exportControls : undefined,
      tariffs: rivals.length ? tariffs : undefined,
      investments: investIn(content, view, ['stockpile.heavy', 'refinery.heavy', 'magnetPlant'], 0.5),
      deals: answerDeals(view, -5),
    });
  },
};

/** Answers each partner's stance toward it last turn: their tariffs and export controls, mirrored. Opens cooperatively. */
export const titForTat: Agent = {
  name: 'tit-for-tat',
  needsView: true,
  decide({ view }) {
    const tariffs: NonNullable<CountryOrders['tariffs']> = {};
    const exportControls: NonNullable<CountryOrders['exportControls']> = {};
    const others = partners(view);
    // indexed: for-of over the kept (frozen) list allocates an iterator result a step (agents/persona.ts)
    for (let k = 0; k < others.length; k++) {
      const p = others[k];
      const theirs = view.others[p].policies;
      const t = theirs.tariffs[view.country];
      tariffs[p] = { autos: t.autos, magnets: t.magnets, oxide: t.oxide, ore: t.ore, other: t.other };
      const ctl: Partial<Record<StageKey, 'open' | 'banned' | { licensed: number }>> = {};
      for (const s of STAGES) {
        const c = theirs.controls[view.country][s];
        ctl[s] = c.level === 'open' ? 'open' : c.level === 'banned' ? 'banned' : { licensed: c.share };
      }
      exportControls[p] = ctl;
    }
    return merge({ tariffs, exportControls, deals: answerDeals(view, 0) });
  },
};

/** Buys security of supply: stakes in non-Chinese mines and separation, recycling, stockpiles, thrifting. */
export const diversifier: Agent = {
  name: 'diversifier',
  needsView: true,
  decide({ content, view }) {
    const hostFor = (type: string): CountryId | undefined => {
      const t = projectType(content, type);
      if (t?.hosts && !t.hosts.includes(view.country)) return t.hosts.includes('AUS') ? 'AUS' : t.hosts[0];
      return undefined;
    };
    const types = ['refinery.heavy', 'recycling', 'stockpile.heavy', 'mine.expansion', 'thrifting', 'refinery.light'];
    return merge({ investments: investIn(content, view, types, 0.7, hostFor), deals: answerDeals(view, 2) });
  },
};
