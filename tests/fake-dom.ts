// A very small DOM for unit tests of the UI's panels (src/ui/dom.ts's h() and what the panels call on what it builds):
// elements with attributes, children, text, classes, listeners and a querySelectorAll for [attr="v"], [attr^="v"],
// tag and .class selectors. No layout, no styles. installFakeDom() puts `document` and `Node` on globalThis.
class FNode {
  parentNode: FElement | null = null;
  childNodes: FNode[] = [];
  get firstChild(): FNode | null {
    return this.childNodes[0] ?? null;
  }
  remove(): void {
    if (!this.parentNode) return;
    const list = this.parentNode.childNodes;
    list.splice(list.indexOf(this), 1);
    this.parentNode = null;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
}

class FText extends FNode {
  constructor(public data: string) {
    super();
  }
  override get textContent(): string {
    return this.data;
  }
}

class FElement extends FNode {
  attributes = new Map<string, string>();
  listeners = new Map<string, ((e: unknown) => void)[]>();
  value = '';
  disabled = false;
  constructor(public tagName: string) {
    super();
  }
  setAttribute(k: string, v: string): void {
    this.attributes.set(k, v);
    if (k === 'disabled') this.disabled = true;
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  hasAttribute(k: string): boolean {
    return this.attributes.has(k);
  }
  removeAttribute(k: string): void {
    this.attributes.delete(k);
  }
  addEventListener(type: string, f: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  focus(): void {}
  click(): void {
    for (const f of this.listeners.get('click') ?? []) f({ type: 'click', target: this });
  }
  append(...xs: (FNode | string)[]): void {
    for (const x of xs) {
      const n = typeof x === 'string' ? new FText(x) : x;
      n.remove();
      n.parentNode = this;
      this.childNodes.push(n);
    }
  }
  replaceChildren(...xs: (FNode | string)[]): void {
    for (const c of [...this.childNodes]) c.remove();
    this.append(...xs);
  }
  override set textContent(s: string) {
    for (const c of [...this.childNodes]) c.remove();
    if (s) this.append(s);
  }
  override get textContent(): string {
    return super.textContent;
  }
  get classList() {
    const get = () => new Set((this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
    const put = (s: Set<string>) => this.setAttribute('class', [...s].join(' '));
    return {
      contains: (c: string) => get().has(c),
      add: (c: string) => put(get().add(c)),
      remove: (c: string) => {
        const s = get();
        s.delete(c);
        put(s);
      },
      toggle: (c: string, on?: boolean) => {
        const s = get();
        const want = on ?? !s.has(c);
        if (want) s.add(c);
        else s.delete(c);
        put(s);
        return want;
      },
    };
  }
  private matches(sel: string): boolean {
    const m = /^\[([\w-]+)(\^?=)"([^"]*)"\]$/.exec(sel);
    if (m) {
      const v = this.getAttribute(m[1]!);
      return v !== null && (m[2] === '=' ? v === m[3] : v.startsWith(m[3]!));
    }
    if (sel.startsWith('.')) return this.classList.contains(sel.slice(1));
    return this.tagName === sel.toLowerCase();
  }
  querySelectorAll(sel: string): FElement[] {
    const out: FElement[] = [];
    const walk = (n: FNode) => {
      for (const c of n.childNodes)
        if (c instanceof FElement) {
          if (c.matches(sel)) out.push(c);
          walk(c);
        }
    };
    walk(this);
    return out;
  }
  querySelector(sel: string): FElement | null {
    return this.querySelectorAll(sel)[0] ?? null;
  }
}

export type FakeElement = FElement;

export function installFakeDom(): void {
  const g = globalThis as Record<string, unknown>;
  g.Node = FNode;
  g.document = { documentElement: new FElement('html'), body: new FElement('body'), createElement: (tag: string) => new FElement(tag.toLowerCase()), createElementNS: (_ns: string, tag: string) => new FElement(tag), createTextNode: (s: string) => new FText(s), addEventListener: () => {}, removeEventListener: () => {} };
}
