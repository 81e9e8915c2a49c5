// The Controls tab: a player's export controls on each partner and stage, with the tonnes each would cut (moved out of
// panels.ts, at its size limit).
import { REGIONS, STAGES, type CountryId, type RegionId, type StageKey } from '../../engine/lite.ts';
import type { CountryView } from '../../engine/lite.ts';
import { fmt, h } from './dom.ts';
import { lang, t } from './i18n.ts';
import { countryName, levelName, stageName } from './labels.ts';
import { termLink } from './glossary.ts';
import { closedIf, closedLine, type Changed, type Draft } from './panel-common.ts';
import { bindLine, bindRow, openOn } from './deal-binds.ts';

const partnersOf = (me: CountryId): RegionId[] => REGIONS.filter((r) => r !== me);

/** A licence a player sets from open or banned starts at half of last quarter's volume. 100% (the share an open
 * control carries) caps exports at last quarter's volume, grown with the world's magnet need, so beyond the first
 * quarter's licensing delay (docs/MODEL.md S2.5) it restricts little: China licensing magnets to Japan at 100% on seed
 * 1 leaves Japan's magnet supply at 99.0-98.6% over four turns (open: 99.4-99.6%; 50%: 85.6-78.5%). */
export const NEW_LICENCE_SHARE = 0.5;

/** The share the form shows for a control: the draft's, else the licence in force, else the share this licence had
 * when last in force in this game (`before`: a licence set again after a ban came back at 50%, tighter than the 96% the
 * scenario began with), else a new licence's. */
export function licenceShare(cur: { level: string; share: number }, d: 'open' | 'banned' | { licensed: number } | undefined, before?: number): number {
  if (typeof d === 'object') return d.licensed;
  return cur.level === 'licensed' ? cur.share : (before ?? NEW_LICENCE_SHARE);
}

/** Each licence's share when last seen in force on this page, by country, partner and stage; forgotten when the turn
 * goes back (a new game, an Undo, a fork from an earlier turn), kept on a move to a later turn (the share offered is
 * then one the player's country had set before, which is all it claims). */
const licencesSeen = new Map<string, number>();
let licencesTurn = -1;
function seeLicences(view: CountryView): void {
  if (view.turn < licencesTurn) licencesSeen.clear();
  licencesTurn = view.turn;
  for (const [p, byStage] of Object.entries(view.self.policies.controls)) for (const [s, c] of Object.entries(byStage)) if (c.level === 'licensed') licencesSeen.set(`${view.country}>${p}:${s}`, c.share);
}

/** The tonnes of `view.country`'s goods of stage s that went through `via` to a third country last quarter (the
 * market's origin-tracked transshipment, "ORIGIN>VIA>DESTINATION"). */
export function passedOn(view: CountryView, s: StageKey, via: RegionId): number {
  const prefix = `${view.country}>${via}>`;
  let tonnes = 0;
  for (const [k, v] of Object.entries(view.market.transship[s] ?? {})) if (k.startsWith(prefix)) tonnes += v;
  return tonnes;
}

export function controlsPanel(view: CountryView, draft: Draft, changed: Changed, over = false): HTMLElement {
  const me = view.country;
  seeLicences(view);
  const notes: HTMLElement[] = []; // the deals that keep a partner's exports open, under its row
  const cell = (p: RegionId, s: StageKey) => {
    const cur = view.self.policies.controls[p][s];
    const d = draft.exportControls?.[p]?.[s];
    const level = d === undefined ? cur.level : typeof d === 'object' ? 'licensed' : d;
    const share = licenceShare(cur, d, licencesSeen.get(`${me}>${p}:${s}`));
    // licence shares are percentages, like tariffs (the order carries a fraction)
    const shareInput = h('input', { type: 'number', min: 0, max: 100, step: 5, value: Math.round(share * 1000) / 10, class: `share${level === 'licensed' ? '' : ' hidden'}`, 'aria-label': t('panel.shareAria', { what: stageName(s), who: countryName(p) }), 'data-testid': `policy-control-share-${p}-${s}` }) as HTMLInputElement;
    const keep = openOn(view, p, s);
    const note = keep ? bindLine(keep, `bind-control-${p}-${s}`, level !== 'open') : null;
    if (note) notes.push(note);
    const sel = h('select', { 'aria-label': t('panel.levelAria', { what: stageName(s), who: countryName(p) }), 'aria-describedby': note ? note.id : undefined, 'data-testid': `policy-control-${p}-${s}` }, ...(['open', 'licensed', 'banned'] as const).map((l) => h('option', { value: l, selected: l === level }, levelName(l)))) as HTMLSelectElement;
    const apply = () => {
      draft.exportControls ??= {};
      draft.exportControls[p] ??= {};
      const v = sel.value === 'licensed' ? { licensed: Number(shareInput.value) / 100 } : (sel.value as 'open' | 'banned');
      // back to the control in force: no order (as a tariff set back), so the turn's changes do not count it
      if (typeof v === 'object' ? cur.level === 'licensed' && Math.abs(v.licensed - cur.share) < 1e-9 : v === cur.level) delete draft.exportControls[p]![s];
      else draft.exportControls[p]![s] = v;
      if (!Object.keys(draft.exportControls[p]!).length) delete draft.exportControls[p];
      if (!Object.keys(draft.exportControls).length) delete draft.exportControls;
      shareInput.classList.toggle('hidden', sel.value !== 'licensed');
      shareInput.parentElement?.classList.toggle('hidden', sel.value !== 'licensed');
      note?.classList.toggle('breaks', sel.value !== 'open');
      sayNothing(sel.value);
      changed();
    };
    sel.addEventListener('change', apply);
    shareInput.addEventListener('change', apply);
    // what the control would cut: tonnes sent them last quarter (a ban on a flow of 0 t costs tension and cuts nothing),
    // with what they passed on round your controls on others (the flows hold only what stayed: a player read "0 t sent"
    // to Australia beside news of 568 t of her magnets found going through it)
    const on = passedOn(view, s, p);
    const sent = (view.flows[s]?.[me]?.[p] ?? 0) + on;
    const sentLine = h('small', { class: 'sent', 'data-testid': `sent-${p}-${s}` });
    // a control on nothing sent says so beside it, as it is chosen: it cuts nothing and raises tension (a new player's
    // ban on 0 t to China cost 0.70 points; the hint under the table said so in its ninth line)
    const sayNothing = (lv: string) => {
      const nothing = lv !== 'open' && sent < 0.5;
      sentLine.textContent = t(nothing ? 'panel.cutsNothing' : 'panel.sent', { n: fmt.int(sent) });
      sentLine.classList.toggle('nothing', nothing);
      if (nothing) sentLine.setAttribute('title', t('panel.cutsNothingWhy'));
      else sentLine.removeAttribute('title');
    };
    sayNothing(level);
    return h('td', { class: level !== 'open' ? 'restricted' : '' }, h('div', { class: 'ctl' }, sel, h('span', { class: `pct${level === 'licensed' ? '' : ' hidden'}` }, shareInput, '%'), sentLine, on >= 0.5 ? h('small', { class: 'sent onward', 'data-testid': `onward-${p}-${s}` }, t('panel.sentOn', { on: fmt.int(on) })) : ''));
  };
  const curOut = view.self.policies.outputPct ?? 100;
  const out = h('input', { type: 'number', min: 50, max: 150, step: 5, value: draft.rareEarthOutputPct ?? curOut, 'data-testid': 'policy-output', 'aria-label': t('panel.quotas') }) as HTMLInputElement;
  out.addEventListener('change', () => {
    const v = Math.min(150, Math.max(50, Math.round(Number(out.value))));
    if (v === curOut) delete draft.rareEarthOutputPct;
    else draft.rareEarthOutputPct = v;
    changed();
  });
  return closedIf(over, h(
    'section',
    { class: 'panel', 'aria-label': t('tab.Controls') },
    closedLine(over),
    h('p', { class: 'hint' }, t('panel.controlsHint'), termLink('licence'), ` ${t('panel.controlsHintBan')}`, termLink('ban'), ` ${t('panel.sentHint')}`),
    h('label', {}, `${t('panel.quotas')} `, out),
    h('p', { class: 'hint', 'data-testid': 'quotas-hint' }, t('panel.quotasHint'), view.self.miningReo + view.self.mudReo + view.self.refining.light + view.self.refining.heavy > 0 ? '' : `${lang() === 'ja' ? '' : ' '}${t('panel.quotasNone')}`), // Japan has none at the start
    h(
      'div',
      { class: 'scroll-x' },
      h('table', { class: 'grid controls' }, h('thead', {}, h('tr', {}, h('th', {}, t('panel.partner')), ...STAGES.map((s) => h('th', { scope: 'col' }, stageName(s))))), h('tbody', {}, ...partnersOf(me).flatMap((p) => [h('tr', {}, h('th', { scope: 'row' }, countryName(p)), ...STAGES.map((s) => cell(p, s))), bindRow(notes.splice(0), STAGES.length + 1)]))),
    ),
  ));
}
