// Enough Markdown for the docs the game shows (docs/MODEL.md): headings, paragraphs, lists, tables, code, bold, italics,
// links. Builds DOM nodes from text (never innerHTML), so a doc cannot inject markup.
import { h } from './dom.ts';

/** Inline spans: `code`, **bold**, *italic*, [text](http...). */
export function inline(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  const re = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(h('code', {}, m[1]));
    else if (m[2] !== undefined) out.push(h('strong', {}, ...inline(m[2])));
    else if (m[3] !== undefined) out.push(h('em', {}, ...inline(m[3])));
    else if (/^https?:\/\//.test(m[5])) out.push(h('a', { href: m[5], target: '_blank', rel: 'noopener' }, ...inline(m[4])));
    else out.push(...inline(m[4]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** A Markdown document as DOM blocks. Headings get ids (for links within the page). */
export function markdown(src: string): HTMLElement[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: HTMLElement[] = [];
  let i = 0;
  const isList = (l: string) => /^\s*([-*]|\d+\.)\s+/.test(l);
  const starts = (l: string) => /^(#{1,6})\s/.test(l) || l.trim().startsWith('|') || l.startsWith('```') || isList(l);
  while (i < lines.length) {
    const line = lines[i];
    const hd = /^(#{1,6})\s+(.*)$/.exec(line);
    if (!line.trim()) {
      i++;
    } else if (hd) {
      const tag = `h${Math.min(6, hd[1].length)}` as 'h1';
      out.push(h(tag, { id: hd[2].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') }, ...inline(hd[2])));
      i++;
    } else if (line.startsWith('```')) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      i++;
      out.push(h('pre', {}, h('code', {}, body.join('\n'))));
    } else if (line.trim().startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i].trim().startsWith('|'); i++) if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) rows.push(cells(lines[i]));
      const [head, ...body] = rows;
      out.push(h('div', { class: 'scroll-x' }, h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, ...inline(c))))), h('tbody', {}, ...body.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, ...inline(c)))))))));
    } else if (isList(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim(); i++) {
        if (isList(lines[i])) items.push(lines[i].replace(/^\s*([-*]|\d+\.)\s+/, ''));
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      out.push(h(ordered ? 'ol' : 'ul', {}, ...items.map((t) => h('li', {}, ...inline(t)))));
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() && !(para.length && starts(lines[i])); i++) para.push(lines[i].trim());
      out.push(h('p', {}, ...inline(para.join(' '))));
    }
  }
  return out;
}
