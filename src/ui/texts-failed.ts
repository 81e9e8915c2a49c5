// What a screen shows when the strings it waits for did not load after a few tries (i18n.ts laterReady() rejects:
// the hashed chunk is gone after the server was redeployed during a long class, or the network dropped), or a
// screen's code (the end screen's) or a language did not: a dialog in the current language with a Reload button, in
// place of catalogue keys ("digest.yourMoves") or a button that stays busy. A reload comes back to the game: the game's
// autosave, a class's seat. Close (or Escape) leaves the page as it is: the turn played, the button back to try again,
// the language whose texts are in.
import { h, trapFocus } from './dom.ts';
import { lang, setLang, t, TextsUnavailable, type Lang } from './i18n.ts';

/** What closing the open dialog must do: each failure's `onClose`, a second failure's too. */
let closers: (() => void)[] = [];
/** The messages the open dialog shows. */
let shown = new Set<string>();

/** The dialog, once: `text`, Reload, and Close or Escape, which gives the focus back and calls `onClose` (a screen
 * that could not be drawn goes to one that can). A failure while it is up adds its text, if new, and its `onClose`. */
export function textsFailed(text = t('toast.textsFailed'), onClose?: () => void): HTMLElement {
  const was = document.body.querySelector<HTMLElement>('[data-testid="texts-failed"]');
  if (was) {
    const texts = was.querySelector<HTMLElement>('.texts-failed-texts');
    if (texts && !shown.has(text)) {
      shown.add(text);
      texts.append(h('p', {}, text));
    }
    if (onClose) closers.push(onClose);
    return was;
  }
  closers = onClose ? [onClose] : [];
  shown = new Set([text]);
  const back = document.activeElement as HTMLElement | null;
  const esc = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') close();
  };
  const close = (): void => {
    document.removeEventListener('keydown', esc);
    dlg.remove();
    if (back?.isConnected) back.focus();
    const run = closers;
    closers = [];
    for (const f of run) f();
  };
  const reload = h('button', { type: 'button', class: 'primary', 'data-testid': 'texts-reload', onclick: () => location.reload() }, t('toast.reload'));
  const dlg = h('div', { class: 'modal', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'texts-failed-text', 'data-testid': 'texts-failed' }, h('div', { class: 'modal-body help-body' }, h('div', { id: 'texts-failed-text', class: 'texts-failed-texts' }, h('p', {}, text)), h('div', { class: 'row end' }, h('button', { type: 'button', 'data-testid': 'texts-close', onclick: close }, t('action.close')), reload)));
  trapFocus(dlg, close); // Tab stays on its buttons (it went on to the page behind)
  document.addEventListener('keydown', esc);
  document.body.append(dlg);
  queueMicrotask(() => reload.focus());
  return dlg;
}

/** For a promise's catch: the dialog if the texts (or a screen's code) did not load; any other error goes on up. */
export function whenTextsFailed(e: unknown, onClose?: () => void): void {
  if (!(e instanceof TextsUnavailable)) throw e;
  textsFailed(t(e.key), onClose);
}

/** A language selector's change: the switch (after `before`, a page's own chunks); if the page's language could not
 * be changed, the selector back on it and the dialog saying so. */
export function switchLang(sel: HTMLSelectElement, before?: () => Promise<unknown>): void {
  const l = sel.value as Lang;
  void Promise.resolve(before?.())
    .then(() => setLang(l))
    .catch((e: unknown) => {
      if (lang() === l) throw e;
      sel.value = lang();
      textsFailed(t('toast.langFailed', { lang: t(`lang.${l}`), now: t(`lang.${lang()}`) }));
    });
}
