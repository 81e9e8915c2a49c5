// A field being typed in keeps what was typed when the screen is drawn again under it. The draft takes a field's value
// at its change event (Enter, or leaving the field), so a redraw before that (a co-player's draft pushed in a class,
// the language switched) would put the old value back under the student's cursor and lose the keys she typed.

let watching = false;

/** Marks an input typed in since its last change event (document-wide, installed once). */
function watch(): void {
  if (watching) return;
  watching = true;
  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement) e.target.dataset.typed = '1';
  }, true);
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement) delete e.target.dataset.typed;
  }, true);
}

const drawnTurn = new WeakMap<HTMLElement, string>();

/** Runs `redraw`, then gives the focus back to the field that had it (found by its data-testid in `root`), with the
 * value typed in it if its change event has not come yet and the screen still shows the same `turn` (keys typed for
 * a turn that has ended are not carried into the next). */
export function redrawKeepingTyped(root: HTMLElement, redraw: () => void, turn: string): void {
  watch();
  const keep = drawnTurn.get(root) === turn;
  drawnTurn.set(root, turn);
  const el = document.activeElement as HTMLElement | null;
  const id = el?.getAttribute?.('data-testid');
  const typed = keep && el instanceof HTMLInputElement && el.dataset.typed === '1' ? el.value : null;
  redraw();
  if (!id) return;
  const now = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!now) return;
  if (typed !== null && now instanceof HTMLInputElement && now !== el) {
    now.value = typed;
    now.dataset.typed = '1';
    // a value set by code gets no change event from the browser: it is sent as if typed on Enter or leaving the field
    // (a key typed since gets the browser's own, which clears the mark first)
    const commit = () => void (now.dataset.typed === '1' && now.dispatchEvent(new Event('change', { bubbles: true })));
    now.addEventListener('blur', commit, { once: true });
    now.addEventListener('keydown', (e) => void (e.key === 'Enter' && commit()));
  }
  now.focus({ preventScroll: true });
}
