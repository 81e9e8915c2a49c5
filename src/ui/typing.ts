// A field being typed in keeps what was typed when the screen is drawn again under it. The draft takes a field's value
// at its change event (Enter, or leaving the field), so a redraw before that (a co-player's draft pushed in a class,
// the language switched) would put the old value back under the student's cursor and lose the keys she typed.

let watching = false;

/** Marks an input typed in since its last change event (document-wide, installed once). */
function watch(): void {
  if (watching) return;
  watching = true;
  document.addEventListener('input', (e) => {
    if (!(e.target instanceof HTMLInputElement)) return;
    e.target.dataset.typed = '1';
  }, true);
  document.addEventListener('change', (e) => {
    if (!(e.target instanceof HTMLInputElement)) return;
    // the field being drawn over: Chromium sends its change as it leaves the page, to a panel (and a draft) already
    // replaced; its value goes on in the new field, was sent at its own change, or is dropped with a turn that has ended
    if (e.target.dataset.dropped === '1') return void e.stopImmediatePropagation();
    delete e.target.dataset.typed;
  }, true);
}

const drawnTurn = new WeakMap<HTMLElement, string>();

/** On a field removed by a redraw, before its own listeners (a target's capturing listeners run first). */
const stopChange = (e: Event) => e.stopImmediatePropagation();

/** Runs `redraw`, then gives the focus back to the field that had it (found by its data-testid in `root`), with the
 * value typed in it if its change event has not come yet and the screen still shows the same `turn` (keys typed for
 * a turn that has ended are not carried into the next), and its whole value selected again if it was (Tab into a
 * field selects it, to be typed over: a redraw under it put the caret after the value, and her "45" read "4045"). */
export function redrawKeepingTyped(root: HTMLElement, redraw: () => void, turn: string): void {
  watch();
  const keep = drawnTurn.get(root) === turn;
  drawnTurn.set(root, turn);
  const el = document.activeElement as HTMLElement | null;
  const id = el?.getAttribute?.('data-testid');
  // (a number half typed, "-" or "1e", reads as "": left to the browser, not put back as an empty field)
  const typed = keep && el instanceof HTMLInputElement && el.dataset.typed === '1' && !el.validity.badInput ? el.value : null;
  // (a number field has no selectionStart; the document's selection holds the text selected in a focused field in
  // Chromium, and is empty in browsers where it does not, which then keep the caret as before)
  const whole = el instanceof HTMLInputElement && el.value !== '' && document.getSelection?.()?.toString() === el.value;
  // the focused field's change as the redraw removes it is stopped, typed in or not: what it holds goes on in the new
  // field (above), was sent at its own change already, or is dropped with a turn that has ended or a field that is
  // gone. Chromium sends that change also for a field whose value the page has sent by a change dispatched from script
  // (Ctrl+Enter's commitTyped, a value put back): the browser's "changed since focus" stays set. Let through, the old
  // panel's handler sent the draft again in the student's name; arriving after a co-player's newer draft, it replaced
  // it. (Stopped on the field too, should a browser send it once the field has left the page, out of the document's
  // reach; a field removed stays stopped, and no screen puts a removed field back.)
  if (el instanceof HTMLInputElement) {
    el.dataset.dropped = '1';
    el.addEventListener('change', stopChange, true);
  }
  try {
    redraw();
  } finally {
    // (still on the page if the redraw kept it: its changes count again)
    if (el?.isConnected) {
      delete el.dataset.dropped;
      el.removeEventListener('change', stopChange, true);
    }
  }
  if (!id) return;
  const now = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!now) return;
  if (typed !== null && now instanceof HTMLInputElement && now !== el) {
    now.value = typed;
    now.dataset.typed = '1';
    // the browser sends a change event only for a value unlike the one the field had when it took the focus, the value
    // put back: that one is sent from here, as if typed, on Enter or leaving the field (a different value gets the
    // browser's own, after this keydown listener and before blur)
    const commit = () => void (now.dataset.typed === '1' && now.value === typed && now.dispatchEvent(new Event('change', { bubbles: true })));
    now.addEventListener('blur', commit, { once: true });
    now.addEventListener('keydown', (e) => void (e.key === 'Enter' && commit()));
  }
  now.focus({ preventScroll: true });
  if (whole && now instanceof HTMLInputElement) now.select();
}

/** Sends the focused field's typed value (its change event) before an action that reads the draft without the focus
 * leaving the field: End turn from the keyboard (Ctrl+Enter), where the browser sends no change event. */
export function commitTyped(): void {
  const f = document.activeElement;
  if (f instanceof HTMLInputElement && f.dataset.typed === '1' && !f.validity.badInput) f.dispatchEvent(new Event('change', { bubbles: true }));
}
