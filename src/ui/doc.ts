// The model documentation (docs/MODEL.md) as a page of the game itself: index.html?doc=model renders it, in `npm start`
// and in the built bundle alike (the Markdown is bundled as text, loaded only when the page is opened, with its
// renderer: neither is in what the game's page loads before its map).
import { clear, h } from './dom.ts';
import { t } from './i18n.ts';

export const MODEL_DOC_HREF = '?doc=model';

/** Whether this page load is for the model documentation rather than the game. */
export function isDocPage(): boolean {
  return new URLSearchParams(location.search).get('doc') === 'model';
}

/** A link to the model documentation in the page's language (the document itself is in English); it opens in a new
 * tab, so a game in progress stays where it is. */
export function modelDocLink(text = t('help.modelLink')): HTMLAnchorElement {
  return h('a', { href: MODEL_DOC_HREF, target: '_blank', rel: 'noopener', 'data-testid': 'model-doc-link' }, text);
}

export async function docPage(root: HTMLElement): Promise<void> {
  const [{ default: text }, { markdown }] = await Promise.all([import('../../docs/MODEL.md?raw'), import('./markdown.ts')]);
  clear(root);
  document.title = 'The model: Rare Earth Gambit';
  root.append(h('main', { class: 'doc', 'data-testid': 'model-doc' }, h('nav', {}, h('a', { href: './' }, 'Rare Earth Gambit: play')), h('article', {}, ...markdown(text))));
}
