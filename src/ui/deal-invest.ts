// What a deal's pledged investment is and does to the two economies, in figures. A pledge of USD 550 bn beside a
// budget of 2 read as a bill the budget could never pay (hence panel.investHint, said once); and a new player read the
// standing US-Japan deal's "USD 550 bn of investment" with only those general words under it (capital moved, the
// giver's potential output lowered by as much) and could not tell what it did to Japan a quarter. The figures are the
// engine's rule (engine/macro.ts: each turn's share of the pledge, times rules.macro.capitalReturn, moves from the
// giver's potential output to the host's, and stays moved), read off the deal's terms and the snapshot's capitalReturn.
import type { CountryId } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { lang, num, t } from './i18n.ts';
import { countryIn, countryOwn, money, sentence } from './labels.ts';

interface Term {
  type: string;
  [k: string]: unknown;
}
/** A deal as the Deals tab lists it (one received, one of the player's, or a proposal queued, `from` the player). */
export interface InvestDeal {
  from: CountryId;
  to: CountryId;
  give: Term[];
  get: Term[];
  termTurns: number;
  /** absent for a proposal queued this turn */
  status?: string;
  startTurn?: number;
  endTurn?: number;
}

/** The turns a deal's investment moves in that fall in the game: a deal in force from its start to its end; an offer
 * (answered at the end of turn `now`) from `now`, a proposal queued this turn (answered a turn later) from `now + 1`, each
 * for its term (engine/deals.ts dealInvestmentFlows). */
function turnsInGame(d: InvestDeal, now: number, lastTurn: number): number {
  const start = d.status === 'active' ? d.startTurn! : d.status === undefined ? now + 1 : now;
  const end = d.status === 'active' ? d.endTurn! : start + d.termTurns - 1;
  return Math.max(0, Math.min(end, lastTurn) - start + 1);
}

/** A share of GDP, %: a tenth of a point, or two significant digits below that (a small pledge read "0.0% of Japan's
 * GDP"). */
export function sharePct(v: number): string {
  return num(v, v >= 0.1 || v <= 0 ? 1 : Math.max(1, Math.ceil(-Math.log10(v)) + 1));
}

/** One sentence per pledge of investment among `deals`, figures and all; `gdp` is a country's GDP now, USD bn a year;
 * `now` the turn being played, `lastTurn` the game's last (a pledge the game ends before moving whole says so). */
export function investLines(deals: InvestDeal[], capitalReturn: number, gdp: (c: CountryId) => number | undefined, now: number, lastTurn: number): string[] {
  const out: string[] = [];
  for (const d of deals)
    for (const [giver, host, list] of [[d.from, d.to, d.give], [d.to, d.from, d.get]] as const)
      for (const k of list) {
        if (k.type !== 'investment' || typeof k.usdBn !== 'number' || !(d.termTurns > 0)) continue;
        const moved = capitalReturn * k.usdBn; // a year, once the whole pledge has moved
        const g = gdp(giver);
        const inGame = turnsInGame(d, now, lastTurn);
        let line = t('panel.investEach', {
          giver: sentence(countryIn(giver)),
          giverIn: countryIn(giver),
          giverOwn: countryOwn(giver),
          host: countryIn(host),
          total: money(k.usdBn),
          turns: t('panel.nTurns', { count: d.termTurns }),
          per: money(k.usdBn / d.termTurns),
          step: money((capitalReturn * k.usdBn) / d.termTurns),
          moved: money(moved),
          share: g ? sharePct((moved / g) * 100) : '?',
        });
        if (inGame < d.termTurns) line += `${lang() === 'ja' ? '' : ' '}${t('panel.investInGame', { turns: t('panel.nTurns', { count: inGame }), moved: money((capitalReturn * k.usdBn * inGame) / d.termTurns) })}`;
        if (!out.includes(line)) out.push(line);
      }
  return out;
}

/** The Deals tab's note on investment: what it is, then what each pledge listed does; nothing without a pledge. */
export function investNote(deals: InvestDeal[], capitalReturn: number, gdp: (c: CountryId) => number | undefined, now: number, lastTurn: number): HTMLElement | '' {
  const lines = investLines(deals, capitalReturn, gdp, now, lastTurn);
  return lines.length ? h('p', { class: 'hint', 'data-testid': 'invest-hint' }, [t('panel.investHint'), ...lines].join(lang() === 'ja' ? '' : ' ')) : '';
}
