// The dialogs' keyboard rule, in a module of its own: the page's first dialogs (the digest, the glossary, help, the
// comparison, the new-game confirmation) and the texts-failed dialog, which loads apart from them, all take it.

/** Keep Tab inside a dialog and close it with Escape. */
export function trapFocus(dlg: HTMLElement, onClose: () => void): void {
  dlg.addEventListener('keydown', (e) => {
    const k = e as KeyboardEvent;
    if (k.key === 'Escape') {
      k.stopPropagation();
      onClose();
      return;
    }
    if (k.key !== 'Tab') return;
    const items = Array.from(dlg.querySelectorAll<HTMLElement>('button, summary, input, select, [tabindex]:not([tabindex="-1"])')).filter((x) => !x.hasAttribute('disabled'));
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (k.shiftKey && document.activeElement === first) {
      k.preventDefault();
      last.focus();
    } else if (!k.shiftKey && document.activeElement === last) {
      k.preventDefault();
      first.focus();
    }
  });
}
