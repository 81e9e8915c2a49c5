// The US and China on the leverage track (engine/leverage.ts), as their personas play it: once an escalation has run
// `ripeTurns` (both sides hurt: Zartman's ripeness), the side with more to lose offers a truce at the Nash bargaining
// terms (China keeps heavy oxide and magnets open to the US; the US caps its tariff on China's other goods, lower by
// the concession); the other side accepts terms within a tolerance of the Nash terms, and otherwise refuses with its
// reason and counters at the Nash terms. A truce about to end is renewed as a longer deal by the side with more to
// lose, as the 90-day Geneva truce was extended and Busan's was set for a year. China does not start a squeeze on the
// US when the US has less to lose: coercion that cannot extract a concession is not worth its cost. Personas also keep
// the commitments of their active deals (no retaliation above a tariff cap, no control on exports promised open).
import type { CountryId, StageKey } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryOrders } from '../schema.ts';
import type { Deal } from '../state.ts';
import type { CountryView } from '../view.ts';
import { isTruce, truceTerms } from '../leverage.ts';

type DealOrders = NonNullable<CountryOrders['deals']>;

const capOf = (d: Deal): number => {
  const us = d.from === 'USA' ? d.give : d.get;
  const k = us.find((x) => x.type === 'tariffCap' && x.good === 'other');
  return k && k.type === 'tariffCap' ? k.max : Infinity;
};

/** Whether China squeezing the US could extract anything: only when the US has more to lose. True for every other
 * pair (the track is the US-China one) and before the track has a reading. */
export function squeezePays(view: CountryView, partner: CountryId): boolean {
  if (view.country !== 'CHN' || partner !== 'USA' || !view.track) return true;
  return view.track.usHand < 0;
}

/** The track's moves for a US or Chinese persona this turn: answers to truce offers, and offers of its own. */
export function truceMoves(content: Content, view: CountryView): DealOrders | undefined {
  const me = view.country;
  const t = view.track;
  if ((me !== 'USA' && me !== 'CHN') || !t) return undefined;
  const open = view.deals.filter((d) => d.status === 'proposed' && isTruce(d));
  const exposed = me === 'USA' ? t.usCost > t.chinaCost : t.chinaCost >= t.usCost;
  // no truce offer to answer and nothing to offer (the side with less to lose offers nothing): no moves, found
  // before the terms are worked out
  if (!open.length && !exposed) return undefined;
  const L = content.rules.leverage;
  const other: CountryId = me === 'USA' ? 'CHN' : 'USA';
  const usTariff = (me === 'USA' ? view.self : view.others.USA).policies.tariffs.CHN.other;
  const terms = truceTerms(content, t, usTariff);
  const offer = (termTurns: number) => ({ to: other, give: me === 'USA' ? terms.us : terms.china, get: me === 'USA' ? terms.china : terms.us, termTurns });
  const accept: string[] = [];
  const reject: string[] = [];
  const why: Record<string, string> = {};
  const propose: DealOrders['propose'] = [];
  for (const d of open.filter((x) => x.to === me)) {
    const cap = capOf(d);
    const ok = me === 'CHN' ? cap <= terms.cap + L.acceptTolerance : cap >= terms.cap - L.acceptTolerance;
    if (ok) {
      accept.push(d.id);
      why[d.id] = `near the Nash terms (a cap of ${terms.cap}%): escalation would cost the US USD ${Math.round(t.usCost)} bn a year and China USD ${Math.round(t.chinaCost)} bn; US hand ${t.usHand.toFixed(2)}`;
    } else {
      reject.push(d.id);
      why[d.id] = `a cap of ${cap}% is ${me === 'CHN' ? 'too little relief' : 'too much relief'}; the Nash terms are ${terms.cap}% (US hand ${t.usHand.toFixed(2)}); counter-offer at ${terms.cap}%`;
      propose.push(offer(d.termTurns));
    }
  }
  if (!open.length && exposed) {
    const active = view.deals.find((d) => d.status === 'active' && isTruce(d));
    const hostile = view.tension[me][other] > 72;
    if (t.phase === 'escalation' && view.turn - t.since + 1 >= L.ripeTurns) propose.push(offer(Math.round(L.truceTurns)));
    else if (active && view.turn + 1 >= active.endTurn && !hostile) propose.push(offer(Math.round(L.dealTurns)));
  }
  if (!accept.length && !reject.length && !propose.length) return undefined;
  return { ...(accept.length ? { accept } : {}), ...(reject.length ? { reject } : {}), ...(Object.keys(why).length ? { why } : {}), ...(propose.length ? { propose } : {}) };
}

/** Orders brought within the commitments of our active deals: tariffs no higher than a cap we gave, no control on
 * exports we promised to keep open (a persona does not break a deal by its routine moves). */
export function keepCommitments(view: CountryView, o: CountryOrders): CountryOrders {
  const me = view.country;
  let tariffs = o.tariffs;
  let controls = o.exportControls;
  for (const d of view.deals) {
    if (d.status !== 'active') continue;
    const mine = d.from === me ? d.give : d.to === me ? d.get : [];
    const partner = (d.from === me ? d.to : d.from) as CountryId;
    for (const k of mine) {
      if (k.type === 'tariffCap' && tariffs?.[partner]?.[k.good] !== undefined && (tariffs[partner]![k.good] as number) > k.max) tariffs = { ...tariffs, [partner]: { ...tariffs[partner], [k.good]: k.max } };
      if (k.type === 'openExports' && controls?.[partner]?.[k.stage as StageKey] !== undefined && controls[partner]![k.stage as StageKey] !== 'open') {
        const { [k.stage]: _drop, ...rest } = controls[partner] as Record<string, unknown>;
        controls = { ...controls, [partner]: rest as NonNullable<CountryOrders['exportControls']>[CountryId] };
      }
    }
  }
  return tariffs === o.tariffs && controls === o.exportControls ? o : { ...o, tariffs, exportControls: controls };
}
