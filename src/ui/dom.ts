// A tiny DOM helper: h('div', { class: 'x', 'data-testid': 'y', onclick }, ...children). No framework.
export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | EventListener | undefined | null>;

/** Break opportunities (U+200B) in a Japanese heading at the seams of its words: between Latin and Japanese letters,
 * katakana and kanji, and after a particle before the next word (not その's の: その他 stays whole). With `word-break: keep-all` on table
 * headings (style.css) a heading wraps there, not inside a word: "NdPr酸化｜物" and "最低｜値" read as misprints. */
export function jaBreaks(s: string): string {
  return s
    .replace(/([A-Za-z])(?=[\u3040-\u30ff\u4e00-\u9fff])/g, '$1\u200b')
    .replace(/([\u30a0-\u30ff])(?=[\u4e00-\u9fff])/g, '$1\u200b')
    .replace(/(?<!そ)([のへをとはがでにも])(?=[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9])/g, '$1\u200b');
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const breaks = tag === 'th' && globalThis.document?.documentElement?.lang === 'ja';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : breaks ? jaBreaks(String(c)) : String(c));
  }
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** Keep Tab inside a dialog and close it with Escape (every dialog's keyboard rule: here, with the page's smallest
 * shared module, so the texts-failed dialog's chunk takes it without the ledger's code or a chunk of its own). */
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

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  n1: (n: number) => n.toFixed(1),
  pct: (n: number) => `${(n * 100).toFixed(0)}%`,
  /** Signed with a real minus sign, and "±" for a figure that rounds to zero ("±0.00", never "+0.00" or "−0.00"): the
   * one convention for scores and their changes on every screen (the player's, the class's, the debrief's). */
  signed: (n: number, d = 1) => {
    const mag = Math.abs(n).toFixed(d);
    return `${/[1-9]/.test(mag) ? (n > 0 ? '+' : '−') : '±'}${mag}`;
  },
  money: (bn: number) => (Math.abs(bn) < 0.1 && bn !== 0 ? `USD ${(bn * 1000).toFixed(1)} m` : `USD ${bn >= 100 ? Math.round(bn).toLocaleString('en-US') : bn.toFixed(bn >= 10 ? 1 : 2)} bn`),
};

/** Names players read, for the engine's stage keys. */
export const STAGE_LABEL: Record<string, string> = { 'ore.light': 'NdPr ore', 'ore.heavy': 'Dy/Tb ore', 'oxide.light': 'NdPr oxide', 'oxide.heavy': 'Dy/Tb oxide', magnet: 'magnets' };

/** Okabe-Ito, a colour-blind-safe palette. */
export const PALETTE = { orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#999999' };
export const COUNTRY_COLOUR: Record<string, string> = { JPN: PALETTE.vermillion, USA: PALETTE.blue, CHN: PALETTE.orange, AUS: PALETTE.green, MYS: PALETTE.purple, ROW: PALETTE.grey };
