// The policy panels: tariffs, export controls, defense, investments, stockpile, deals. They edit a draft of orders.
import { COUNTRIES, ORDER_LIMITS, REGIONS, TARIFF_GOODS, type CountryId, type RegionId } from '../../engine/lite.ts';
import type { CountryView } from '../../engine/lite.ts';
import type { ProjectInfo } from '../session/protocol.ts';
import { fmt, h } from './dom.ts';
import { proposeForm } from './deal-form.ts';
import { lang, num, t, t as tr } from './i18n.ts';
import { colon, comma, countryIn, countryName, dealStatus, goodName, money, sentence, stageAttr, stageName, termPast } from './labels.ts';
import { projectDescription, projectLabel } from './content-text.ts';
import { termLink } from './glossary.ts';
import { draftCost, lotCost, lotShare } from './lots.ts';
import { closedIf, closedLine, type Changed, type Draft } from './panel-common.ts';
import { bindLine, bindRow, capOn, termNow } from './deal-binds.ts';
import { investNote } from './deal-invest.ts';
import { runningList } from './running.ts';

export type { Draft } from './panel-common.ts';
export { draftCost, lotCost };
export { defensePanel } from './defence-panel.ts';

const partnersOf = (me: CountryId): RegionId[] => REGIONS.filter((r) => r !== me);

export function tariffPanel(view: CountryView, draft: Draft, changed: Changed, over = false): HTMLElement {
  const me = view.country;
  const rows = partnersOf(me).flatMap((p) => {
    // a deal's cap on a tariff is said under the partner's row, and turns to the warning colour when the field breaks it
    const notes: HTMLElement[] = [];
    const cells = TARIFF_GOODS.map((g) => {
      const cur = view.self.policies.tariffs[p][g];
      const val = draft.tariffs?.[p]?.[g] ?? cur;
      const cap = capOn(view, p, g);
      const note = cap ? bindLine(cap, `bind-tariff-${p}-${g}`, val > cap.k.max) : null;
      if (note) notes.push(note);
      return h(
        'td',
        {},
        h('input', {
          type: 'number',
          min: 0,
          max: 500,
          step: 0.5,
          value: val,
          class: val !== cur ? 'changed' : '',
          'aria-label': t('panel.tariffAria', { good: goodName(g), who: countryName(p) }),
          'aria-describedby': note ? `bind-tariff-${p}-${g}` : undefined,
          'data-testid': `policy-tariff-${p}-${g}`,
          onchange: (e: Event) => {
            const v = Number((e.target as HTMLInputElement).value);
            draft.tariffs ??= {};
            draft.tariffs[p] ??= {};
            if (v === cur) delete draft.tariffs[p]![g]; // back to the standing policy: no order
            else draft.tariffs[p]![g] = v;
            if (!Object.keys(draft.tariffs[p]!).length) delete draft.tariffs[p];
            if (!Object.keys(draft.tariffs).length) delete draft.tariffs;
            (e.target as HTMLElement).classList.toggle('changed', v !== cur);
            if (cap) note!.classList.toggle('breaks', v > cap.k.max);
            changed();
          },
        }),
        h('span', { 'aria-hidden': 'true' }, '%'), // a percentage, as the licence shares say (its label says so to a screen reader)
      );
    });
    return [h('tr', {}, h('th', { scope: 'row' }, countryName(p)), ...cells), bindRow(notes, TARIFF_GOODS.length + 1)];
  });
  return closedIf(over, h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Tariffs') },
    closedLine(over),
    h('p', { class: 'hint' }, t('panel.tariffHint'), termLink('tariff')),
    h('table', { class: 'grid tariffs' }, h('thead', {}, h('tr', {}, h('th', {}, t('panel.partner')), ...TARIFF_GOODS.map((g) => h('th', { scope: 'col' }, goodName(g))))), h('tbody', {}, ...rows)),
  ));
}

export { NEW_LICENCE_SHARE, controlsPanel, licenceShare, passedOn } from './controls-panel.ts';

/** Why one more unit cannot be added: it costs more than what is left of this turn's budget after the orders already
 * drafted (the figures the turn's validation uses; its error stays the final word on the orders as sent). */
export function overBudget(t: ProjectInfo, view: CountryView, draft: Draft, types: ProjectInfo[], budget: number): { unit: number; left: number } | null {
  const unit = lotCost(t, view);
  const left = Math.max(0, budget - draftCost(draft, types, view));
  return unit > left + 1e-9 ? { unit, left } : null;
}

/** Units of a project type the country holds (built or building, failed ones aside) and has ordered in this turn's
 * draft, and whether one more would pass the limit per country the turn's validation applies (stockpile lots have a
 * limit per order instead, so they are never full here). */
export function unitsHeld(t: ProjectInfo, view: CountryView, draft: Draft): { held: number; drafted: number; full: boolean } {
  const me = view.country;
  const held = view.projects.filter((p) => p.owner === me && p.type === t.type && p.status !== 'failed').reduce((a, p) => a + p.units, 0);
  const drafted = (draft.investments ?? []).filter((i) => i.type === t.type).reduce((a, i) => a + (i.units ?? 1), 0);
  return { held, drafted, full: !t.type.startsWith('stockpile') && held + drafted >= t.maxUnits };
}

/** Said of a project not finished in the game (36 quarters of deep-sea mud in an 8-turn game): the quarters left, this
 * turn's included. Building starts the turn after the order (engine/projects.ts), so 6 quarters from turn 1 of 6 end with turn 7. */
function pastEnd(t: ProjectInfo, view: CountryView, lastTurn: number): string {
  if (!Number.isFinite(lastTurn)) return '';
  const left = Math.max(0, lastTurn - view.turn) * view.quartersPerTurn;
  return !t.type.startsWith('stockpile') && !finishedInTime(t.leadQuarters, view.turn, lastTurn, view.quartersPerTurn) ? tr('panel.pastEnd', { count: left }) : '';
}

/** Whether a project of `lead` quarters ordered in the turn after `turnsPlayed` is finished by the end of `lastTurn`. */
export const finishedInTime = (lead: number, turnsPlayed: number, lastTurn: number, q: number): boolean => lead <= (lastTurn - turnsPlayed - 1) * q;

/** `lastTurn`: the game's turns (the session's, which may stop before the scenario's last). */
export function investmentPanel(view: CountryView, draft: Draft, changed: Changed, types: ProjectInfo[], budget: number, over = false, lastTurn = Infinity): HTMLElement {
  const me = view.country;
  const list = h('ul', { class: 'projects' });
  for (const t of types) {
    if (t.type === 'deepSeaMud' && me !== 'JPN') continue;
    const hosts = t.hosts && !t.hosts.includes(me) ? t.hosts : (t.hosts ?? (t.type.startsWith('stockpile') || t.type === 'thrifting' ? [me] : COUNTRIES));
    const name = projectLabel(t.type, t.label);
    const hostSel = h('select', { 'aria-label': tr('panel.whereBuild', { what: name }), 'data-testid': `invest-host-${t.type}` }, ...hosts.map((c) => h('option', { value: c, selected: c === me }, c === me ? tr('panel.home', { who: countryName(c) }) : tr('panel.stake', { who: countryName(c) })))) as HTMLSelectElement;
    const { held, drafted, full } = unitsHeld(t, view, draft);
    // shown (a player plans for it: unspent budget carries over), but not addable when it would not fit this turn
    const short = over ? null : overBudget(t, view, draft, types, budget); // no turn's budget once the game is over
    const why = full ? tr('panel.atLimit', { max: t.maxUnits }) : short ? tr('panel.overBudget', { cost: money(short.unit), left: money(short.left) }) : '';
    list.append(
      h(
        'li',
        {},
        h('div', { class: 'proj-head' }, h('b', {}, name), h('span', {}, t.type.startsWith('stockpile') ? tr('panel.lotCost', { cost: money(lotCost(t, view)) }) : tr('panel.projCost', { cost: money(t.costUsdBn), n: t.leadQuarters, pct: Math.round(t.successChance * 100) }))),
        h('div', { class: 'hint' }, [projectDescription(t.type, t.description), t.type === 'thrifting' ? tr('panel.addsThrift', { pct: Math.round(t.capacity * 100) }) : tr(t.type.startsWith('stockpile') ? 'panel.addsLot' : 'panel.addsCapacity', { n: fmt.int(t.capacity) }), t.type.startsWith('stockpile') ? `${tr('panel.lotLimit', { n: t.maxUnits })}${lang() === 'ja' ? '' : ' '}${tr(t.stage === 'oxide.heavy' ? 'panel.lotPaidHeavy' : t.stage === 'oxide.light' ? 'panel.lotPaidLight' : 'panel.lotPaid')}${lotShare(t, view)}` : drafted ? tr('panel.heldOfDrafted', { held, drafted, max: t.maxUnits }) : tr('panel.heldOf', { held, max: t.maxUnits }), t.type === 'deepSeaMud' && held > 0 ? tr('panel.mudAnother') : '', t.mud ? tr('panel.mudTotal', { first: money(t.mud.stageCostUsdBn[0] ?? t.costUsdBn), total: money(t.mud.stageCostUsdBn.reduce((a, b) => a + b, 0)), count: t.mud.stageCostUsdBn.length }) : '', pastEnd(t, view, lastTurn)].filter(Boolean).join(lang() === 'ja' ? '' : ' ')),
        h(
          'div',
          { class: 'row' },
          hostSel,
          h(
            'button',
            {
              type: 'button',
              'data-testid': `invest-${t.type}`,
              disabled: !!short || full,
              title: why || undefined,
              onclick: () => {
                draft.investments ??= [];
                const host = hostSel.value as CountryId;
                const hit = draft.investments.find((i) => i.type === t.type && (i.host ?? me) === host);
                if (hit) hit.units = (hit.units ?? 1) + 1;
                else draft.investments.push(host === me ? { type: t.type, units: 1 } : { type: t.type, units: 1, host });
                changed();
              },
            },
            tr('panel.add'),
          ),
        ),
        short ? h('div', { class: 'hint over-budget', 'data-testid': `invest-short-${t.type}` }, why) : '',
      ),
    );
  }
  return closedIf(over, h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Invest') },
    closedLine(over),
    h('h3', {}, t('panel.thisTurn')),
    (draft.investments ?? []).length
      ? h('ul', { class: 'cart' }, ...(draft.investments ?? []).map((i, k) => { const label = projectLabel(i.type, types.find((x) => x.type === i.type)?.label ?? i.type); return h('li', {}, `${i.units ?? 1} × ${label}${i.host ? t('panel.hostedIn', { where: countryIn(i.host) }) : ''} `, h('button', { type: 'button', 'aria-label': `${t('panel.remove')}: ${label}`, onclick: () => { draft.investments!.splice(k, 1); changed(); } }, t('panel.remove'))); }))
      : h('p', { class: 'hint' }, t('panel.nothingOrdered')),
    h('h3', {}, t('panel.running')),
    runningList(view, types, draft, changed, over, budget),
    h('h3', {}, t('panel.options')),
    list,
  ));
}

export function stockpilePanel(view: CountryView, draft: Draft, changed: Changed, over = false, types: ProjectInfo[] = []): HTMLElement {
  const s = view.self.stockpile;
  // lots bought in the Invest tab this turn, beside what is held (the tab said 30 t held with 20 t more ordered)
  const ordered = (stage: string) => (draft.investments ?? []).reduce((a, i) => { const ty = types.find((x) => x.type === i.type); return a + (ty?.type.startsWith('stockpile') && ty.stage === stage ? ty.capacity * (i.units ?? 1) : 0); }, 0);
  const held = (g: 'light' | 'heavy') => { const o = ordered(g === 'light' ? 'oxide.light' : 'oxide.heavy'); return `${num(s[g])} t${o > 0 ? t('panel.orderedToo', { n: num(o) }) : ''}`; };
  const mk = (g: 'light' | 'heavy') => {
    const what = stageName(g === 'light' ? 'oxide.light' : 'oxide.heavy');
    const input = h('input', { type: 'number', min: 0, max: Math.floor(s[g]), step: 1, value: draft.stockpileRelease?.[g] ?? 0, 'data-testid': `stockpile-release-${g}`, 'aria-label': t('panel.release', { what }) }) as HTMLInputElement;
    input.addEventListener('change', () => {
      draft.stockpileRelease ??= {};
      draft.stockpileRelease[g] = Number(input.value);
      changed();
    });
    return h('label', {}, `${t('panel.release', { what })} `, input);
  };
  return closedIf(over, h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Stockpile') },
    closedLine(over),
    h('dl', {}, h('dt', {}, t('panel.held', { what: stageName('oxide.light') })), h('dd', { 'data-testid': 'held-light' }, held('light')), h('dt', {}, t('panel.held', { what: stageName('oxide.heavy') })), h('dd', { 'data-testid': 'held-heavy' }, held('heavy'))),
    h('p', { class: 'hint' }, t('panel.stockHint'), termLink('stockpile')),
    // each label keeps its input beside it (the Dy/Tb field fell to the next line, away from its label)
    h('div', { class: 'row wrap' }, mk('light'), mk('heavy')),
  ));
}

/** The deals under "Your deals": those in force or ended, and the player's own proposals waiting for an answer (a
 * proposal made last turn is answered when this turn ends; it had vanished from the tab until then). Proposals to the
 * player are the offers above. */
export function yourDeals(view: CountryView): CountryView['deals'] {
  const me = view.country;
  return view.deals.filter((d) => (d.status === 'proposed' ? d.from === me : d.from === me || d.to === me));
}

/** The Deals tab's mark: how many offers to the player wait for an answer in the draft (none while the game is over);
 * an offer a player never opened the tab for ended "expired" unseen (a new player's review). */
export function offersBadge(view: CountryView, draft: Draft, over: boolean): HTMLElement[] {
  const answered = new Set([...(draft.deals?.accept ?? []), ...(draft.deals?.reject ?? [])]);
  const n = over ? 0 : view.deals.filter((d) => d.status === 'proposed' && d.to === view.country && !answered.has(d.id)).length;
  // the number seen, the words heard (a screen reader read the tab "Deals1")
  const words = t('panel.offersWaiting', { count: n });
  return n ? [h('span', { class: 'badge', 'data-testid': 'offers-waiting', title: words, 'aria-hidden': 'true' }, String(n)), h('span', { class: 'sr-only' }, ` (${words})`)] : [];
}

/** A deal's status in "Your deals": a proposal of the player's says who answers it, and when (one made in the last
 * turn never is: the game is over, and it said "answers it at the end of this turn"). */
export function yourDealStatus(d: CountryView['deals'][number], lastTurn: number, now = -Infinity, me?: CountryId): string {
  if (d.status === 'proposed') return d.proposedTurn >= lastTurn ? t('panel.lastTurn') : t('panel.awaiting', { who: countryIn(d.to) });
  // an offer left unanswered ends "expired", which read as a deal that had run its term (a new player's review)
  if (d.status === 'expired' && me) return d.to === me ? t('panel.expiredYours') : t('panel.expiredTheirs', { who: countryIn(d.to) });
  // the state calls a deal active until the turn after its last is played; in that turn it binds no longer (deal-binds.ts
  // asks endTurn >= next too), so it read "active until turn 13" on turn 14
  return d.status === 'active' && d.endTurn < now ? t('panel.ranTerm', { n: d.endTurn }) : dealStatus(d.status, d.endTurn, lastTurn);
}

/** `lastTurn`: the game's last turn (a deal that runs past it is in force for the rest of the game); `over`: the game
 * has ended, so an offer still pending can no longer be answered (it is listed without its buttons). */
export function dealsPanel(view: CountryView, draft: Draft, changed: Changed, lastTurn = Infinity, over = false, capitalReturn?: number): HTMLElement {
  const me = view.country;
  const received = view.deals.filter((d) => d.status === 'proposed' && d.to === me);
  const mine = yourDeals(view);
  const answer = (id: string, key: 'accept' | 'reject') => () => {
    draft.deals ??= {};
    for (const k of ['accept', 'reject'] as const) draft.deals[k] = (draft.deals[k] ?? []).filter((x) => x !== id);
    draft.deals[key] = [...(draft.deals[key] ?? []), id];
    changed();
  };
  const describe = (list: { type: string; [k: string]: unknown }[]) => describeTerms(list);
  // an offer's or a proposal's terms with what each side does now ("a cap of 5% on the tariff on cars (now 15%)")
  const terms = (by: CountryId, to: CountryId, list: { type: string; [k: string]: unknown }[]) => describeTerms(list, (k) => termNow(view, by, to, k));
  // a term that runs past the last turn is said as such a deal in force is: an offer is answered at the end of this
  // turn (view.turn + 1), a proposal made this turn at the end of the next; either is in force from its answer on
  const now = view.turn + 1;
  // a proposal made in the last turn would be answered after it: said so, not queued in silence
  const past = (n: number, answered: number) => (answered > lastTurn && answered === now + 1 ? t('panel.lastTurn') : termPast(answered <= lastTurn ? answered + n - 1 : null, lastTurn));
  const withTerm = (line: string, n: number, answered: number) => (past(n, answered) ? `${line}${colon()}${past(n, answered)}` : line);
  const offerLine = (d: CountryView['deals'][number]) => withTerm(t('panel.offer', { id: d.id, who: countryIn(d.from), give: terms(d.from, me, d.give), get: terms(me, d.from, d.get), term: t('panel.nTurns', { count: d.termTurns }) }), d.termTurns, now);
  return h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Deals') },
    h('h3', {}, t('panel.offers')),
    received.length
      ? over
        ? h('div', {}, h('p', { class: 'hint', 'data-testid': 'offers-closed' }, t('notes.offersClosed')), h('ul', {}, ...received.map((d) => h('li', {}, offerLine(d)))))
        : h('ul', {}, ...received.map((d) => offerItem(d, offerLine(d), draft, answer)))
      : h('p', { class: 'hint' }, t('panel.noneThisTurn')),
    h('h3', {}, t('panel.propose'), termLink('offtake')),
    over ? h('p', { class: 'hint', 'data-testid': 'proposals-closed' }, t('notes.proposalsClosed')) : (draft.deals?.propose ?? []).length >= ORDER_LIMITS.proposals ? h('p', { class: 'hint', 'data-testid': 'proposals-full' }, t('notes.proposalsFull', { count: ORDER_LIMITS.proposals })) : proposeForm(me, COUNTRIES.filter((c) => c !== me), (p) => {
      draft.deals ??= {};
      draft.deals.propose = [...(draft.deals.propose ?? []), p];
      changed();
    }, draft, (n) => past(n, now + 1), lastTurn - now, (c, st) => Object.values(view.flows[st as keyof typeof view.flows]?.[c] ?? {}).reduce((a, b) => a + b, 0)),
    (draft.deals?.propose ?? []).length
      ? h('ul', { class: 'cart' }, ...(draft.deals?.propose ?? []).map((p, k) => h('li', {}, `${withTerm(t('panel.queued', { who: countryIn(p.to), give: terms(me, p.to, p.give), get: terms(p.to, me, p.get), term: t('panel.nTurns', { count: p.termTurns }) }), p.termTurns, now + 1)} `, h('button', { type: 'button', 'aria-label': `${t('panel.remove')}: ${countryName(p.to)}`, onclick: () => { draft.deals!.propose!.splice(k, 1); changed(); } }, t('panel.remove')))))
      : over ? '' : h('p', { class: 'hint' }, t('panel.noProposal')),
    h('h3', {}, t('panel.yourDeals'), termLink('deal')),
    mine.length ? h('ul', {}, ...mine.map((d) => h('li', {}, t('panel.dealLine', { id: d.id, fromName: countryName(d.from), toName: countryName(d.to), from: sentence(countryIn(d.from)), to: countryIn(d.to), status: yourDealStatus(d, lastTurn, now, me), give: d.status === 'proposed' ? terms(d.from, d.to, d.give) : describe(d.give), get: d.status === 'proposed' ? terms(d.to, d.from, d.get) : describe(d.get) })))) : h('p', { class: 'hint' }, t('panel.none')),
    capitalReturn !== undefined ? investNote([...received, ...mine.filter((d) => d.status === 'active' || d.status === 'proposed'), ...(draft.deals?.propose ?? []).map((p) => ({ ...p, from: me }))], capitalReturn, (c) => (c === me ? view.self : view.others[c])?.gdp, now, lastTurn) : '',
  );
}

/** An offer with its Accept and Reject buttons; the chosen answer shows pressed, with what happens to it. */
function offerItem(d: CountryView['deals'][number], line: string, draft: Draft, answer: (id: string, key: 'accept' | 'reject') => () => void): HTMLElement {
  const chosen = () => (draft.deals?.accept?.includes(d.id) ? 'accept' : draft.deals?.reject?.includes(d.id) ? 'reject' : null);
  const status = h('span', { class: 'hint answer', role: 'status', 'data-testid': `deal-answer-${d.id}` });
  const buttons = (['accept', 'reject'] as const).map((key) => {
    const b = h('button', { type: 'button', 'data-testid': `deal-${key}-${d.id}` }, t(`panel.${key}`)) as HTMLButtonElement;
    b.addEventListener('click', () => {
      answer(d.id, key)();
      show();
    });
    return b;
  });
  const show = () => {
    const c = chosen();
    for (const [i, key] of (['accept', 'reject'] as const).entries()) {
      buttons[i]!.setAttribute('aria-pressed', String(c === key));
      buttons[i]!.classList.toggle('primary', c === key);
    }
    status.textContent = c ? t(`panel.answered.${c}`) : '';
  };
  show();
  // the two buttons together (Reject wrapped under Accept at 1280 px), with the answer beside them
  return h('li', {}, `${line} `, h('span', { class: 'answer-row' }, ...buttons, status));
}

/** A deal's commitments in words. */
export function describeTerms(list: { type: string; [k: string]: unknown }[], now?: (k: { type: string; [k: string]: unknown }) => string): string {
  return (
    list
      .map((k) =>
        (k.type === 'tariffCap'
          ? t('panel.dealCap', { max: num(Number(k.max), 1).replace(/[.,]0$/, ''), good: goodName(String(k.good)) })
          : k.type === 'openExports'
            ? t('panel.dealOpen', { what: stageAttr(String(k.stage)) })
            : k.type === 'investment'
              ? t('panel.dealInvest', { n: num(Number(k.usdBn), 1).replace(/[.,]0$/, ''), oku: num(Number(k.usdBn) * 10, 1).replace(/[.,]0$/, '') })
              : k.type === 'defenseFloor'
                ? t('panel.dealDefence', { n: num(Number(k.minPct), 2) })
                : t('panel.dealOfftake', { n: num(Number(k.share) * 100), what: stageAttr(String(k.stage)) })) + (now?.(k) ?? ''),
      )
      .join(comma()) || t('panel.nothing')
  );
}
