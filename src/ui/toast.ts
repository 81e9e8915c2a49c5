// A short message in the page's corner (saved, loaded, undone, forked; an error stays longer), for the game page and
// a class's student page alike.
import { h } from './dom.ts';
import { t } from './i18n.ts';

export function toast(text: string, kind: 'error' | 'info' = 'info', ms?: number): void {
  const el = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `toast-${kind}` }, h('span', {}, text), h('button', { type: 'button', class: 'toast-close', 'aria-label': t('toast.dismiss'), onclick: () => el.remove() }, '×'));
  // under the game's header wherever it is (a class's student page has its bar above it, and the toast at 56 px hid
  // the score: "Your teacher moved you" over "Score +0.04"); 56 px on a page without one
  const bottom = (document.querySelector('header.top') as HTMLElement | null)?.getBoundingClientRect?.().bottom;
  if (bottom !== undefined && bottom > 0) el.style.top = `${Math.round(bottom + 8)}px`;
  document.body.append(el);
  setTimeout(() => el.remove(), ms ?? (kind === 'error' ? 8000 : 3000));
}
