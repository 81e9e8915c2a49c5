// The game screen: the map beside the panels, the budget, the turn controls (end turn, undo, fork, save, load).
import { HEADLINES, type Headline } from '../../engine/index.ts';
import { maxDefenseStep } from '../../engine/index.ts';
import type { GameMap, OrderIssue } from '../../engine/index.ts';
import type { ProjectInfo, Session, SessionSnapshot } from '../session/protocol.ts';
import mapJson from '../../content/map.json';
import { PALETTE, clear, fmt, h } from './dom.ts';
import { lineChart, sparkline } from './chart.ts';
import { HEADLINE_LABEL, digest, formatHeadline, ledger, trapFocus } from './digest.ts';
import { controlsPanel, dealsPanel, defensePanel, draftCost, investmentPanel, stockpilePanel, tariffPanel, type Draft } from './panels.ts';
import type { MapRenderer, MapSelection } from '../render/map.ts';
import { fitSplit, headerSplit, pts, splitTable } from './score.ts';
import { helpDialog } from './help.ts';

const TABS = ['Indicators', 'Tariffs', 'Controls', 'Defense', 'Invest', 'Stockpile', 'Deals'] as const;
type Tab = (typeof TABS)[number];

/** "$.JPN.tariffs.USA.autos" -> "tariff on USA autos" and so on, for the issue list. */
export function friendlyPath(path: string): string {
  const p = path.replace(/^\$\.[A-Z]{3}\.?/, '');
  let m = /^tariffs\.(\w+|\["\*"\])\.(\w+)/.exec(p);
  if (m) return `Tariff on ${m[1].replace('["*"]', 'everyone')} ${m[2]}`;
  m = /^exportControls\.(\w+)/.exec(p);
  if (m) return `Export controls to ${m[1]}`;
  if (p.startsWith('defenseSpendingPct')) return 'Defense spending';
  if (p.startsWith('investments')) return 'Investments';
  if (p.startsWith('stockpileRelease')) return 'Stockpile release';
  if (p.startsWith('deals')) return 'Deals';
  return p || 'Orders';
}

export interface GameActions {
  save(): Promise<void>;
  load(): void;
  newGame(): void;
  finished(): Promise<void>;
  snapshotChanged(s: SessionSnapshot): void;
}

export class GameScreen {
  private draft: Draft = {};
  private tab: Tab = 'Indicators';
  private map: MapRenderer | null = null;
  private mapBox = h('div', { class: 'map', 'data-testid': 'map', 'aria-label': 'map of the Indo-Pacific: trade flows this quarter' });
  private mapInfo = h('div', { class: 'map-info', role: 'status' });
  private side = h('aside', { class: 'side' });
  private header = h('header', { class: 'top' });
  private issuesBox = h('ul', { class: 'issues', role: 'alert' });
  private busy = false;
  private projectTypes: ProjectInfo[] = [];

  constructor(
    private root: HTMLElement,
    private session: Session,
    private snap: SessionSnapshot,
    private actions: GameActions,
  ) {}

  async mount(): Promise<void> {
    this.draft = structuredClone(this.snap.draft ?? {});
    clear(this.root);
    this.projectTypes = await this.session.projectTypes();
    this.root.append(h('div', { class: 'game' }, this.header, h('div', { class: 'body' }, h('div', { class: 'map-wrap' }, this.mapBox, this.mapInfo, this.mapControls()), this.side)));
    document.addEventListener('keydown', this.onKey);
    window.addEventListener('resize', this.onResize);
    this.render();
    await this.mountMap();
  }

  /** Ctrl+Enter ends the turn, unless a dialog is open or this screen has gone. */
  private onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    if (!this.root.contains(this.side) || document.querySelector('.modal')) return;
    e.preventDefault();
    void this.endTurn();
  };

  private onResize = (): void => fitSplit(this.header);

  /** Leave the screen: stop listening for keys and release the map. */
  unmount(): void {
    document.removeEventListener('keydown', this.onKey);
    window.removeEventListener('resize', this.onResize);
    this.map?.destroy();
    this.map = null;
  }

  private mapControls(): HTMLElement {
    const m = mapJson as unknown as GameMap;
    const opts: [string, string, string][] = [
      ...['AUS', 'CHN', 'JPN', 'MYS', 'USA', 'ROW'].map((c): [string, string, string] => ['country', c, `country: ${c}`]),
      ...m.ports.map((p): [string, string, string] => ['port', p.id, `port: ${p.name}`]),
      ...m.lanes.map((l): [string, string, string] => ['lane', l.id, `lane: ${portName(m, l.from)} to ${portName(m, l.to)}`]),
      ...m.straits.map((st): [string, string, string] => ['strait', st.id, `strait: ${st.name}`]),
    ];
    const inspect = h(
      'select',
      {
        'aria-label': 'figures for a place on the map',
        'data-testid': 'map-inspect',
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (!v || !this.map) return this.showSelection(null);
          const [kind, id] = v.split('|') as [MapSelection['kind'], string];
          this.showSelection(this.map.inspect(kind, id));
        },
      },
      h('option', { value: '' }, 'Figures for…'),
      ...opts.map(([kind, id, label]) => h('option', { value: `${kind}|${id}` }, label)),
    );
    return h(
      'div',
      { class: 'map-controls' },
      inspect,
      h('button', { type: 'button', 'aria-label': 'zoom in', onclick: () => this.map?.zoomBy(1.25) }, '+'),
      h('button', { type: 'button', 'aria-label': 'zoom out', onclick: () => this.map?.zoomBy(0.8) }, '−'),
      h('button', { type: 'button', 'aria-label': 'reset the map view', onclick: () => this.map?.resetView() }, '⌂'),
    );
  }

  private async mountMap(): Promise<void> {
    const { createMap } = await import('../render/map.ts');
    const r = this.mapBox.getBoundingClientRect();
    this.map = await createMap(this.mapBox, mapJson as unknown as GameMap, { width: Math.max(300, r.width), height: Math.max(200, r.height) });
    this.map.onSelect((sel: MapSelection | null) => this.showSelection(sel));
    this.map.update(this.snap.view, { animate: false });
    new ResizeObserver(() => {
      const b = this.mapBox.getBoundingClientRect();
      if (b.width > 0 && b.height > 0) this.map?.resize(b.width, b.height);
    }).observe(this.mapBox);
  }

  private showSelection(sel: MapSelection | null): void {
    clear(this.mapInfo);
    if (!sel) return;
    this.mapInfo.append(h('b', {}, sel.title), h('ul', {}, ...sel.lines.map((l) => h('li', {}, l))));
  }

  setSnapshot(s: SessionSnapshot, animate: boolean): void {
    this.snap = s;
    this.draft = structuredClone(s.draft ?? {});
    clear(this.issuesBox);
    clear(this.mapInfo);
    this.render();
    this.map?.update(s.view, { animate });
  }

  async showTurn(turn: number): Promise<void> {
    const r = await this.session.replayTurn(turn);
    if (r.ok) this.map?.update(r.value.view, { animate: true });
  }

  private render(): void {
    const focused = (document.activeElement as HTMLElement | null)?.getAttribute?.('data-testid');
    this.renderNow();
    if (focused) (this.root.querySelector(`[data-testid="${focused}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private renderNow(): void {
    const s = this.snap;
    clear(this.header);
    this.header.append(
      h('div', { class: 'brand' }, 'Rare Earth Gambit'),
      h('span', { class: 'turn', 'data-testid': 'turn-label' }, s.over ? `Game over · ${s.view.date}` : `Turn ${s.turn + 1} of ${s.turns} · ${s.view.date}`),
      h('span', { class: 'score', 'data-testid': 'score' }, `${s.config.country} score ${pts(s.score)}`),
      headerSplit(s.turnScore, () => this.openScoreTable()),
      s.timelines.length > 1
        ? h(
            'span',
            { class: 'timelines' },
            h('select', { 'aria-label': 'timeline', 'data-testid': 'timeline', onchange: (e: Event) => void this.switchTimeline(Number((e.target as HTMLSelectElement).value)) }, ...s.timelines.map((t) => h('option', { value: t.id, selected: t.id === s.activeTimeline }, `${t.label}: turn ${t.turn}, ${fmt.signed(t.score, 2)}`))),
            h('button', { type: 'button', 'data-testid': 'compare', onclick: () => void this.compare() }, 'Compare'),
          )
        : '',
      h(
        'nav',
        { class: 'actions' },
        h('button', { type: 'button', 'data-testid': 'undo', disabled: s.turn === 0, onclick: () => void this.undo() }, 'Undo'),
        h('button', { type: 'button', 'data-testid': 'fork', onclick: () => void this.fork() }, 'Fork'),
        h('button', { type: 'button', 'data-testid': 'save', onclick: () => void this.actions.save() }, 'Save'),
        h('button', { type: 'button', 'data-testid': 'load', onclick: () => this.actions.load() }, 'Load'),
        h('button', { type: 'button', 'data-testid': 'new-game-btn', onclick: () => this.actions.newGame() }, 'New game'),
        h('button', { type: 'button', 'data-testid': 'help', onclick: () => { const d = helpDialog(() => d.remove()); this.root.append(d); } }, 'Help'),
      ),
    );
    clear(this.side);
    const cost = draftCost(this.draft, this.projectTypes, s.view);
    const budget = s.budget;
    this.side.append(
      h('div', { class: 'budget', 'data-testid': 'budget' }, h('span', {}, `Budget this turn ${fmt.money(budget)}`), h('meter', { min: 0, max: Math.max(budget, cost, 0.01), high: Math.max(budget * 0.999, 0.001), low: 0, optimum: 0, value: cost, 'aria-label': 'share of the budget this turn\'s investments use' }), h('span', { class: cost > budget + 1e-9 ? 'over' : '' }, `orders ${fmt.money(cost)}`)),
      h('div', { class: 'tabs', role: 'tablist' }, ...TABS.map((t) => h('button', { type: 'button', role: 'tab', 'aria-selected': t === this.tab ? 'true' : 'false', 'data-testid': `tab-${t.toLowerCase()}`, onclick: () => { this.tab = t; this.render(); } }, t))),
      h('div', { class: 'tab-body', role: 'tabpanel' }, this.panel()),
      this.issuesBox,
      h('button', { type: 'button', class: 'primary end-turn', 'data-testid': 'end-turn', disabled: s.over || this.busy, onclick: () => void this.endTurn() }, s.over ? 'See the results' : this.busy ? 'Resolving…' : 'End turn'),
    );
    if (s.over) (this.side.querySelector('[data-testid="end-turn"]') as HTMLButtonElement).disabled = false;
    fitSplit(this.header);
  }

  /** The header's score split opens the whole table, in the indicators tab. */
  private openScoreTable(): void {
    this.tab = 'Indicators';
    this.render();
    const t = this.side.querySelector<HTMLElement>('[data-testid="score-by-objective"]');
    t?.scrollIntoView({ block: 'nearest' });
    t?.focus({ preventScroll: true });
  }

  private changed = (): void => {
    const keepTab = this.tab;
    void this.session.validate(this.draft).then((issues) => this.showIssues(issues));
    this.tab = keepTab;
    const sideScroll = this.side.querySelector('.tab-body')?.scrollTop ?? 0;
    if (this.tab === 'Invest' || this.tab === 'Deals') {
      this.render();
      const body = this.side.querySelector('.tab-body');
      if (body) body.scrollTop = sideScroll;
    } else this.updateBudget();
  };

  private updateBudget(): void {
    const cost = draftCost(this.draft, this.projectTypes, this.snap.view);
    const b = this.side.querySelector('[data-testid="budget"]');
    if (!b) return;
    b.lastElementChild!.textContent = `orders ${fmt.money(cost)}`;
    b.lastElementChild!.classList.toggle('over', cost > this.snap.budget + 1e-9);
    const m = b.querySelector('meter');
    if (m) {
      m.max = Math.max(this.snap.budget, cost, 0.01);
      m.value = cost;
    }
  }

  private showIssues(issues: OrderIssue[]): void {
    clear(this.issuesBox);
    for (const i of issues) this.issuesBox.append(h('li', {}, `${friendlyPath(i.path)}: ${i.message.replace(/^Too big: expected number to be <=/, 'at most ').replace(/^Too small: expected number to be >=/, 'at least ')}`));
  }

  private panel(): HTMLElement {
    const v = this.snap.view;
    switch (this.tab) {
      case 'Tariffs':
        return tariffPanel(v, this.draft, this.changed);
      case 'Controls':
        return controlsPanel(v, this.draft, this.changed);
      case 'Defense':
        return defensePanel(v, this.draft, this.changed, maxDefenseStep(v.self.approval));
      case 'Invest':
        return investmentPanel(v, this.draft, this.changed, this.projectTypes);
      case 'Stockpile':
        return stockpilePanel(v, this.draft, this.changed);
      case 'Deals':
        return dealsPanel(v, this.draft, this.changed);
      default:
        return this.indicators();
    }
  }

  private indicators(): HTMLElement {
    const s = this.snap;
    const c = s.config.country;
    const hist = s.history.map((t) => t.countries[c]);
    const series: Record<Headline, number[]> = {
      gdp: hist.map((x) => x.gdp),
      autoProduction: hist.map((x) => x.autoProduction),
      autoExports: hist.map((x) => Object.values(x.autoExports).reduce((a, b) => a + (b ?? 0), 0)),
      magnetSupplyRatio: hist.map((x) => x.magnetSupplyRatio),
      approval: hist.map((x) => x.approval),
      security: s.history.map(() => 0),
    };
    const rep = s.report;
    const rows = HEADLINES.map((hd) => {
      const x = rep?.headlines[c][hd];
      const value = x ? x.value : hd === 'gdp' ? s.view.self.gdp : hd === 'approval' ? s.view.self.approval : hd === 'security' ? s.view.self.security : hd === 'magnetSupplyRatio' ? s.view.self.last.magnetSupplyRatio : hd === 'autoProduction' ? s.view.self.last.autoProduction : Object.entries(s.view.self.last.autoExports).reduce((a, [k, v]) => a + (k === c ? 0 : v), 0);
      const why = h('div', { class: 'why hidden' });
      return h(
        'li',
        { 'data-testid': `indicator-${hd}` },
        h('span', { class: 'name' }, HEADLINE_LABEL[hd]),
        h('span', { class: 'val' }, formatHeadline(hd, value)),
        h('span', { class: `chg ${x && x.change < 0 ? 'neg' : 'pos'}` }, x ? (/[1-9]/.test(formatHeadline(hd, Math.abs(x.change))) ? `${x.change >= 0 ? '+' : '−'}${formatHeadline(hd, Math.abs(x.change))}` : '±0') : ''),
        hd !== 'security' ? sparkline(series[hd], 80, 22, PALETTE.blue) : h('span', {}),
        h('button', { type: 'button', class: 'link', 'data-testid': `why-${hd}`, 'aria-expanded': 'false', disabled: !rep, title: rep ? 'why it moved last turn' : 'available after the first turn', onclick: (e: Event) => { const b = e.currentTarget as HTMLElement; const open = why.classList.toggle('hidden') === false; b.setAttribute('aria-expanded', String(open)); if (open && rep && !why.firstChild) why.append(ledger(rep, c, hd)); } }, 'why?'),
        why,
      );
    });
    const p = s.view.prices;
    const w = s.view.worldPrice;
    return h(
      'section',
      { class: 'panel', 'aria-label': 'indicators' },
      h('ul', { class: 'indicators' }, ...rows),
      h('h3', { 'data-testid': 'score-by-objective', tabindex: -1 }, 'Your score by objective, points'),
      splitTable(s.turnScore),
      h('h3', {}, 'Prices, USD/kg'),
      h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'outside China'), h('th', {}, 'China'), h('th', {}, 'you'))), h('tbody', {}, ...(['oxide.light', 'oxide.heavy', 'magnet'] as const).map((k) => h('tr', {}, h('th', {}, k === 'oxide.light' ? 'NdPr oxide' : k === 'oxide.heavy' ? 'Dy/Tb oxide' : 'NdFeB magnet'), h('td', {}, w[k].toFixed(1)), h('td', {}, p[k].CHN.toFixed(1)), h('td', {}, p[k][c].toFixed(1)))))),
    );
  }

  private async endTurn(): Promise<void> {
    if (this.busy) return;
    if (this.snap.over) return void (await this.actions.finished());
    this.busy = true;
    this.render();
    const r = await this.session.submit(this.draft);
    this.busy = false;
    if (!r.ok) {
      this.render();
      this.showIssues(r.issues ?? [{ country: '*', path: '$', message: r.error }]);
      return;
    }
    // spread the page's work over frames: panels now, the map next frame, the digest after it
    const nextFrame = () => new Promise<void>((res) => requestAnimationFrame(() => res()));
    let t0 = performance.now();
    this.snap = r.value;
    this.draft = {};
    clear(this.issuesBox);
    clear(this.mapInfo);
    this.render();
    this.actions.snapshotChanged(r.value);
    performance.measure('turn-ui', { start: t0, end: performance.now() });
    await nextFrame();
    t0 = performance.now();
    this.map?.update(r.value.view, { animate: true });
    performance.measure('turn-ui', { start: t0, end: performance.now() });
    await nextFrame();
    t0 = performance.now();
    if (r.value.report) {
      const d: HTMLElement = digest(r.value.report, r.value.config.country, () => {
        d.remove();
        (this.side.querySelector('[data-testid="end-turn"]') as HTMLElement | null)?.focus();
        if (this.snap.over) void this.actions.finished();
      }, r.value.turnScore);
      this.root.append(d);
    }
    performance.measure('turn-ui', { start: t0, end: performance.now() });
  }

  private async undo(): Promise<void> {
    const r = await this.session.undo(this.snap.turn - 1);
    if (r.ok) {
      this.setSnapshot(r.value, false);
      this.actions.snapshotChanged(r.value);
    }
  }

  private async fork(): Promise<void> {
    const r = await this.session.fork();
    if (r.ok) {
      this.setSnapshot(r.value, false);
      this.actions.snapshotChanged(r.value);
    }
  }

  private async switchTimeline(id: number): Promise<void> {
    const r = await this.session.switchTimeline(id);
    if (r.ok) this.setSnapshot(r.value, false);
  }

  private async compare(): Promise<void> {
    const { timelines, histories } = await this.session.compare();
    const c = this.snap.config.country;
    const colours = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.purple, PALETTE.orange];
    const n = Math.max(...histories.map((x) => x.length));
    const x = Array.from({ length: n }, (_, i) => `turn ${i + 1}`);
    const mk = (title: string, f: (t: (typeof histories)[0][0]) => number, unit = '') => lineChart(title, timelines.map((t, i) => ({ label: `${t.label}${t.forkedAt ? ` (fork at turn ${t.forkedAt})` : ''}`, values: histories[i].map(f), colour: colours[i % colours.length], dashed: i > 0 })), 380, 170, unit, x);
    const close = h('button', { type: 'button', class: 'primary', onclick: () => dlg.remove() }, 'Close');
    const dlg = h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'timelines side by side', 'data-testid': 'compare-view' }, h('div', { class: 'modal-body' }, h('h2', {}, 'Timelines side by side'), h('div', { class: 'charts' }, mk('Score (points)', (t) => t.countries[c].score), mk('GDP (USD bn)', (t) => t.countries[c].gdp), mk('Approval', (t) => t.countries[c].approval), mk('Magnet supply (%)', (t) => t.countries[c].magnetSupplyRatio * 100, '%')), close));
    trapFocus(dlg, () => dlg.remove());
    this.root.append(dlg);
    close.focus({ preventScroll: true });
  }
}

/** A port's name for people ("Los Angeles"), from its id. */
function portName(m: GameMap, id: string): string {
  return m.ports.find((p) => p.id === id)?.name ?? id;
}
