// The glossary: NdPr, Dy/Tb, NdFeB, REO, separation, licence, ban, offtake, tariff, stockpile, magnet supply, security
// (capability, tension, leaks), the score's yardstick and each opponent type (a country's own ones too); a dialog from the header, and a (?) link beside a term that opens it at that entry.
import { h, trapFocus } from './dom.ts';
import { catalogue, laterReady, t } from './i18n.ts';
import { whenTextsFailed } from './texts-failed.ts';
import { countryIn } from './labels.ts';
import type { CountryId } from '../../engine/lite.ts';

export type Term = keyof ReturnType<typeof catalogue>['glossary']['terms'] & string;

export function glossaryDialog(onClose: () => void, focus?: Term): HTMLElement {
  const close = h('button', { type: 'button', class: 'primary', 'data-testid': 'glossary-close', onclick: onClose }, t('action.close'));
  const terms = catalogue().glossary.terms;
  // then the opponents only one country can be (the start page offers them: the US's Negotiator, Japan's strategies),
  // each said with its country
  const variants = Object.entries((catalogue().start.agentVariant ?? {}) as unknown as Record<string, readonly [string, string]>).map(([k, [name, text]]) => [k, [t('glossary.onlyFor', { name, country: countryIn(k.slice(0, 3).toUpperCase() as CountryId) }), text]] as const);
  const list = h('dl', { class: 'glossary' }, ...[...Object.entries(terms), ...variants].flatMap(([k, [term, text]]) => [h('dt', { id: `term-${k}`, tabindex: -1, class: k === focus ? 'focus' : '' }, term), h('dd', {}, text)]));
  const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('glossary.title'), 'data-testid': 'glossary' }, h('div', { class: 'modal-body help-body' }, h('h2', {}, t('glossary.title')), list, h('div', { class: 'row end' }, close)));
  trapFocus(dlg, onClose);
  queueMicrotask(() => {
    const at = focus ? dlg.querySelector<HTMLElement>(`#term-${CSS.escape(focus)}`) : null;
    if (at) {
      at.scrollIntoView({ block: 'center' });
      at.focus({ preventScroll: true });
    } else close.focus({ preventScroll: true });
  });
  return dlg;
}

/** A small "?" that opens the glossary at a term. */
export function termLink(term: Term): HTMLElement {
  return h('button', { type: 'button', class: 'term', 'aria-label': `${t('glossary.title')}: ${catalogue().glossary.terms[term][0]}`, 'data-testid': `term-${term}`, onclick: () => void openGlossary(term) }, '?');
}

/** Open the glossary (at a term), once its entries are loaded: the first catalogue has only the terms' names and the
 * opponent types' entries (the start screen's); the rest come with the later strings (i18n.ts laterReady()). */
export async function openGlossary(term?: Term): Promise<void> {
  try {
    await laterReady();
  } catch (e) {
    return whenTextsFailed(e); // (they did not load: a reload, not the entries' keys)
  }
  const d = glossaryDialog(() => d.remove(), term);
  document.body.append(d);
}
