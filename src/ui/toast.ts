// A short message in the page's corner (saved, loaded, undone, forked; an error stays longer), for the game page and
// a class's student page alike.
import { h } from './dom.ts';
import { t } from './i18n.ts';

export function toast(text: string, kind: 'error' | 'info' = 'info', ms?: number): void {
  const el = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `toast-${kind}` }, h('span', {}, text), h('button', { type: 'button', class: 'toast-close', 'aria-label': t('toast.dismiss'), onclick: () => el.remove() }, '×'));
  document.body.append(el);
  setTimeout(() => el.remove(), ms ?? (kind === 'error' ? 8000 : 3000));
}
