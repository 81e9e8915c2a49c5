// What the deals in force hold the player to, said before the turn ends: beside a tariff a deal caps, an export control
// a deal keeps open and the defence spending a deal floors, the commitment ("Deal D9 with the United States caps your
// tariff on its cars at 0%: more breaks the deal"), and above End turn each deal the draft's orders would break. A
// play-tester set a tariff over a deal's cap with nothing saying so, and the turn broke the deal. Which order breaks
// which deal is the engine's own test (engine/commitments.ts violates(), the one engine/deals.ts applies at the turn's
// end), not a copy of it.
import { bindingCommitments, violates, type Commitment, type CountryId, type CountryOrders, type CountryView, type RegionId, type StageKey, type TariffGood } from '../../engine/lite.ts';
import { h } from './dom.ts';
import { lang, num, t } from './i18n.ts';
import { countryIn, goodName, levelName, stageAttr } from './labels.ts';

/** One commitment of the player's, with its deal and the partner it is owed to. */
export interface Bind {
  id: string;
  partner: CountryId;
  k: Commitment;
}

/** The commitments that bind this turn's orders: the deals in force that the turn's end checks (engine/deals.ts
 * dealTurn; a deal whose term has run ends before the check, and one accepted this turn binds from the next). */
export function binds(view: CountryView): Bind[] {
  const next = view.turn + 1;
  const out: Bind[] = [];
  for (const d of view.deals) if (d.status === 'active' && d.endTurn >= next) for (const b of bindingCommitments(view.country, [d], next)) out.push({ id: d.id, ...b });
  return out;
}

type Of<T extends Commitment['type']> = Bind & { k: Extract<Commitment, { type: T }> };
const isOf = <T extends Commitment['type']>(b: Bind, type: T): b is Of<T> => b.k.type === type;

/** The cap on the tariff on `good` from `partner` that binds (the lowest), or null. */
export function capOn(view: CountryView, partner: RegionId, good: TariffGood): Of<'tariffCap'> | null {
  let best: Of<'tariffCap'> | null = null;
  for (const b of binds(view)) if (isOf(b, 'tariffCap') && b.partner === partner && b.k.good === good && (!best || b.k.max < best.k.max)) best = b;
  return best;
}

/** The deal that keeps the exports of `stage` to `partner` open, or null. */
export function openOn(view: CountryView, partner: RegionId, stage: StageKey): Bind | null {
  return binds(view).find((b) => isOf(b, 'openExports') && b.partner === partner && b.k.stage === stage) ?? null;
}

/** The defence floor that binds (the highest), or null. */
export function floorOf(view: CountryView): Of<'defenseFloor'> | null {
  let best: Of<'defenseFloor'> | null = null;
  for (const b of binds(view)) if (isOf(b, 'defenseFloor') && (!best || b.k.minPct > best.k.minPct)) best = b;
  return best;
}

/** A percentage with its decimals' trailing zeros dropped ("0", "14", "1.8", "2.25"). */
const pct = (v: number, d = 1) => num(v, d).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');

/** The commitment in words, for the line beside its field. */
export function bindNote(b: Bind): string {
  const k = b.k;
  const who = countryIn(b.partner);
  if (k.type === 'tariffCap') return t('panel.bindCap', { id: b.id, who, good: goodName(k.good), max: pct(k.max) });
  if (k.type === 'openExports') return t('panel.bindOpen', { id: b.id, who, what: stageAttr(k.stage) });
  if (k.type === 'defenseFloor') return t('panel.bindFloor', { id: b.id, who, min: pct(k.minPct, 2) });
  return '';
}

/** The line beside a field a deal binds (its id `bind-…`, which the field names in aria-describedby); `breaks`: the
 * draft's order breaks it (the line says so in the warning colour). */
export function bindLine(b: Bind, testid: string, breaks: boolean): HTMLElement {
  return h('p', { class: `hint bind${breaks ? ' breaks' : ''}`, id: testid, 'data-testid': testid }, bindNote(b));
}

/** A table row under a partner's row, holding the lines of the deals that bind its fields. */
export const bindRow = (lines: HTMLElement[], colspan: number): HTMLElement | null => (lines.length ? h('tr', { class: 'bind-row' }, h('td', { colspan }, ...lines)) : null);

/** The commitments the draft's orders break, in the deals' order (a deal the orders break twice is here twice: each
 * order that breaks it; breachLines() says the deal once). */
export function broken(view: CountryView, draft: CountryOrders): Bind[] {
  const me = view.country;
  return binds(view).filter((b) => violates(me, b.partner, [b.k], { [me]: draft }));
}

/** How the draft breaks a commitment, in words. */
function how(b: Bind, draft: CountryOrders): string {
  const k = b.k;
  const who = countryIn(b.partner);
  if (k.type === 'tariffCap') return t('panel.breachCap', { who, good: goodName(k.good), v: pct(draft.tariffs?.[b.partner]?.[k.good] ?? draft.tariffs?.['*']?.[k.good] ?? 0), max: pct(k.max) });
  if (k.type === 'openExports') {
    const v = draft.exportControls?.[b.partner]?.[k.stage] ?? draft.exportControls?.['*']?.[k.stage];
    return t('panel.breachOpen', { who, what: stageAttr(k.stage), level: typeof v === 'object' ? levelName('licensed') : levelName(v ?? 'open') });
  }
  if (k.type === 'defenseFloor') return t('panel.breachFloor', { v: pct(draft.defenseSpendingPct ?? 0, 2), min: pct(k.minPct, 2) });
  return '';
}

/** One warning above End turn for each deal the draft's orders break, naming every order that breaks it: a deal two
 * orders break breaks once at the turn's end (engine/deals.ts), so it is one line, not two. */
export function breachLines(view: CountryView, draft: CountryOrders): string[] {
  const byDeal = new Map<string, Bind[]>();
  for (const b of broken(view, draft)) byDeal.set(b.id, [...(byDeal.get(b.id) ?? []), b]);
  // the orders' clauses one after another: "…; …" in English, sentences in Japanese (each ends in a verb)
  const sep = lang() === 'ja' ? '。' : '; ';
  return [...byDeal.values()].map((bs) => t('panel.breach', { id: bs[0]!.id, who: countryIn(bs[0]!.partner), how: bs.map((b) => how(b, draft)).join(sep) }));
}

// the list drawn last (one is on the page at a time), refreshed by one document listener: a listener a list, removed
// at the next change once its list had gone, piled up while pushes redrew the panel between a student's edits
let refresh: (() => void) | null = null;
let listening = false;

/** The list above End turn: the deals the draft breaks, kept up to date as the orders change (each field's change
 * event reaches the document after the panel has put it into the draft). Empty and hidden when none is broken. */
export function breachList(view: CountryView, draft: CountryOrders, over = false): HTMLElement {
  const ul = h('ul', { class: 'issues breaches', role: 'status', 'data-testid': 'deal-breaches' });
  const fill = () => {
    while (ul.firstChild) ul.firstChild.remove();
    if (!over) for (const line of breachLines(view, draft)) ul.append(h('li', {}, line));
  };
  fill();
  refresh = null;
  if (over || !binds(view).length || typeof document.addEventListener !== 'function') return ul;
  refresh = () => void (ul.isConnected && fill());
  if (!listening) {
    listening = true;
    document.addEventListener('change', () => refresh?.());
  }
  return ul;
}

/** What the country that would give a term does now, set beside the term of an offer or a proposal ("a cap of 5% on the
 * tariff on cars (now 15%)"): a play-tester's offer of "magnet exports kept open", which Japan already kept, read as a
 * give, and Malaysia's cap of 5% on a tariff it had just set to 0% could not be judged. '' for terms with no level now
 * (an investment, an offtake). `by` gives the term, owed to `to` (engine/commitments.ts). */
export function termNow(view: CountryView, by: CountryId, to: CountryId, k: { type: string; [key: string]: unknown }): string {
  const pol = by === view.country ? view.self.policies : view.others[by]?.policies;
  if (!pol) return '';
  if (k.type === 'tariffCap') return t('panel.termNow', { v: `${num(pol.tariffs[to]?.[k.good as TariffGood] ?? 0, 1).replace(/[.,]0$/, '')}%` });
  if (k.type === 'openExports') return t('panel.termNow', { v: levelName(pol.controls[to]?.[k.stage as StageKey]?.level ?? 'open') });
  if (k.type === 'defenseFloor') return t('panel.termNow', { v: `${num(pol.defensePct, 2)}%` });
  return '';
}
