// The game screen: the map beside the panels, the budget, the turn controls (end turn, undo, fork, save, load), the
// language switch and the glossary.
import { maxDefenseStep, type GameMap, type OrderIssue } from '../../engine/lite.ts';
import type { ProjectInfo, Session, SessionResult, SessionSnapshot } from '../session/protocol.ts';
import type { GameActions } from './game-actions.ts';
import mapJson from '../../content/map.json';
import { clear, h } from './dom.ts';
import type * as Digest from './digest.ts';
import { controlsPanel, dealsPanel, defensePanel, draftCost, investmentPanel, offersBadge, stockpilePanel, tariffPanel, type Draft } from './panels.ts';
import type { MapRenderer, MapSelection } from '../render/map.ts';
import { fitSplit, headerSplit, pts } from './score.ts';
import { helpDialog } from './help.ts';
import { LANGS, chunk, lang, laterReady, newsReady, onLangChange, t } from './i18n.ts';
import { countryName, timelineName } from './labels.ts';
import { mapControls } from './map-controls.ts';
import { compareDialog, indicatorsPanel } from './indicators.ts';
import { openGlossary } from './glossary.ts';
import { RestrictionMemory } from './story.ts';
import { issueText } from './issues.ts';
import { TABS, fieldOf, tabOf, type Tab } from './fields.ts';
import { switchLang, whenTextsFailed } from './texts-failed.ts';
import { breachList } from './deal-binds.ts';
import { commitTyped, redrawKeepingTyped } from './typing.ts';
import { budgetBar, confirmNewGame, setBudget, setTurnButton, turnButton, turnText, type TurnState } from './side-controls.ts';

/** The turn digest's code, loaded once the map is up (mount), not before it shows; tried again at End turn. */
const digestCode = (): Promise<typeof Digest> => chunk(() => import('./digest.ts'), 'toast.textsFailed');

export class GameScreen {
  private draft: Draft = {};
  private drafts = new Map<number, Draft>(); // each timeline's unsent draft, back on a switch to it (a switch dropped it)
  private tab: Tab = 'Indicators';
  private map: MapRenderer | null = null;
  private mapBox = h('div', { class: 'map', 'data-testid': 'map', 'aria-label': t('map.aria') });
  private mapInfo = h('div', { class: 'map-info', role: 'status' });
  private mapCtl = h('div', { class: 'map-controls' });
  private side = h('aside', { class: 'side' });
  private header = h('header', { class: 'top' });
  private issuesBox = h('ul', { class: 'issues', role: 'alert', 'data-testid': 'issues' });
  private badFields = new Set<string>();
  private busy = false;
  /** the orders sent with End turn while a class's round runs on (JSON): a draft unlike them can be sent again */
  private sent = '';
  /** the game is over and the end screen is being made (the decisions that mattered are replayed first) */
  private finishing = false;
  private projectTypes: ProjectInfo[] = [];
  private memory = new RestrictionMemory();
  private offLang: () => void = () => {};
  /** the turn's digest while it is open, and how to draw it again (in another language) */
  private openDigest: { el: HTMLElement; draw: () => HTMLElement } | null = null;
  private resizer: ResizeObserver | null = null;

  constructor(
    private root: HTMLElement,
    private session: Session,
    private snap: SessionSnapshot,
    private actions: GameActions,
  ) {}

  async mount(): Promise<void> {
    this.draft = structuredClone(this.snap.draft ?? {});
    clear(this.root);
    // a game with a turn played (loaded, resumed, a class joined late) shows its why ledgers at once: their strings
    // first (if they did not load, the page says so and offers a reload instead of drawing their keys)
    const [types, texts] = await Promise.allSettled([this.session.projectTypes(), this.snap.turn > 0 ? laterReady() : undefined]);
    if (texts.status === 'rejected') return whenTextsFailed(texts.reason, this.actions.notDrawn ?? (() => void this.mount()));
    if (types.status === 'rejected') throw types.reason;
    this.projectTypes = types.value;
    this.memory.observe(this.snap.turn, this.snap.view);
    this.root.append(h('div', { class: 'game' }, this.header, h('div', { class: 'body' }, h('div', { class: 'map-wrap' }, this.mapBox, this.mapInfo, this.mapCtl), this.side)));
    document.addEventListener('keydown', this.onKey);
    window.addEventListener('resize', this.fitHeader);
    this.offLang = onLangChange(() => {
      this.render();
      // a turn's digest still open (End turn clicked while the language was switching) is drawn in the new language
      const open = this.openDigest;
      if (open?.el.isConnected) {
        const el = open.draw();
        open.el.replaceWith(el);
        open.el = el;
      }
      this.mapBox.setAttribute('aria-label', t('map.aria')); // the map's label too (it stayed English); its names and legend are in its canvas: drawn anew
      this.map?.destroy();
      this.map = null;
      clear(this.mapBox);
      void this.mountMap();
    });
    this.render();
    // a kept draft the rules refuse (a class's seat, reloaded): its issues at once, from the snapshot (a validate would
    // share the draft again, and could put back one a co-player has changed since)
    if (this.snap.draftIssues?.length) this.showIssues(this.snap.draftIssues);
    await this.mountMap();
    // the later strings (the digest's, the ledgers', the end screen's), the digest's code and a Japanese page's news
    // readers (ja-lines) load once the map has had its first frames, not at the first End turn (which tries again)
    setTimeout(() => void Promise.all([newsReady(), digestCode()]).catch(() => {}), 1500);
  }

  /** Ctrl+Enter ends the turn, unless a dialog is open or this screen has gone. */
  private onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    if (!this.root.contains(this.side) || document.querySelector('.modal')) return;
    e.preventDefault();
    commitTyped(); // a field being typed in: its value goes into the orders first
    void this.endTurn();
  };

  readonly fitHeader = (): void => fitSplit(this.header); // on a resize, and when a host shows or hides header buttons

  /** Leave the screen: stop listening for keys and release the map. */
  unmount(): void {
    document.removeEventListener('keydown', this.onKey);
    window.removeEventListener('resize', this.fitHeader);
    this.offLang();
    this.resizer?.disconnect();
    this.map?.destroy();
    this.map = null;
  }

  private async mountMap(): Promise<void> {
    const { createMap } = await import('../render/map.ts');
    const r = this.mapBox.getBoundingClientRect();
    this.map = await createMap(this.mapBox, mapJson as unknown as GameMap, { width: Math.max(300, r.width), height: Math.max(200, r.height), controls: this.mapCtl });
    this.map.onSelect((sel: MapSelection | null) => this.showSelection(sel));
    this.map.update(this.snap.view, { animate: false });
    this.resizer?.disconnect();
    this.resizer = new ResizeObserver(() => {
      const b = this.mapBox.getBoundingClientRect();
      if (b.width > 0 && b.height > 0) this.map?.resize(b.width, b.height);
    });
    this.resizer.observe(this.mapBox);
  }

  private showSelection(sel: MapSelection | null): void {
    clear(this.mapInfo);
    if (!sel) return;
    this.mapInfo.append(h('b', {}, sel.title), h('ul', {}, ...sel.lines.map((l) => h('li', {}, l))));
  }

  setSnapshot(s: SessionSnapshot, animate: boolean): void {
    this.snap = s;
    this.draft = structuredClone(s.draft ?? {});
    this.badFields.clear();
    clear(this.issuesBox);
    clear(this.mapInfo);
    this.render();
    if (s.draftIssues?.length) this.showIssues(s.draftIssues); // a co-player's draft the rules refuse, taken: said
    this.map?.update(s.view, { animate });
  }

  private render(): void {
    redrawKeepingTyped(this.root, () => this.renderNow(), `${this.snap.activeTimeline ?? 0}:${this.snap.turn}`);
  }

  private renderNow(): void {
    const s = this.snap;
    mapControls(this.mapCtl, () => this.map, (sel) => this.showSelection(sel));
    clear(this.header);
    const langSel = h('select', { class: 'lang', 'aria-label': t('lang.label'), 'data-testid': 'lang', onchange: (e: Event) => switchLang(e.target as HTMLSelectElement) }, ...LANGS.map((l) => h('option', { value: l, selected: l === lang() }, t(`lang.${l}`))));
    this.header.append(
      h('div', { class: 'brand' }, 'Rare Earth Gambit'),
      h('span', { class: 'turn', 'data-testid': 'turn-label', title: s.view.date }, (s.over ? t('header.over', { date: '' }) : t('header.turn', { n: s.turn + 1, total: s.turns, date: '' })).replace(/ · $/, ''), h('span', { class: 'date' }, ` · ${s.view.date}`)),
      h('span', { class: 'score', 'data-testid': 'score', title: countryName(s.config.country) }, t('header.score', { score: pts(s.score) })),
      headerSplit(s.turnScore, () => this.openScoreTable()),
      s.timelines.length > 1
        ? h(
            'span',
            { class: 'timelines' },
            h('select', { 'aria-label': t('header.timelineAria'), 'data-testid': 'timeline', onchange: (e: Event) => void this.switchTimeline(Number((e.target as HTMLSelectElement).value)) }, ...s.timelines.map((tl) => h('option', { value: tl.id, selected: tl.id === s.activeTimeline }, tl.id === s.activeTimeline ? timelineName(tl.label) : `${timelineName(tl.label)}: ${turnText(tl.turn, s.turns)}, ${pts(tl.score)}`))), // the one shown: its name alone (its turn and score are beside it), whole at 1024 px
            h('button', { type: 'button', 'data-testid': 'compare', onclick: () => void compareDialog(this.root, this.session, this.snap) }, t('action.compare')),
          )
        : '',
      h(
        'nav',
        { class: 'actions' },
        h('button', { type: 'button', 'data-testid': 'undo', disabled: s.turn === 0, onclick: () => void this.undo() }, t('action.undo')),
        h('button', { type: 'button', 'data-testid': 'fork', onclick: () => void this.fork() }, t('action.fork')),
        h('button', { type: 'button', 'data-testid': 'save', onclick: () => void this.actions.save() }, t('action.save')),
        h('button', { type: 'button', 'data-testid': 'load', onclick: () => this.actions.load() }, t('action.load')),
        h('button', { type: 'button', 'data-testid': 'new-game-btn', onclick: () => confirmNewGame(this.root, this.snap.turn > 0 || this.snap.timelines.length > 1, () => this.actions.newGame()) }, t('action.newGame')),
        h('button', { type: 'button', 'data-testid': 'glossary-btn', onclick: () => void openGlossary() }, t('action.glossary')),
        h('button', { type: 'button', 'data-testid': 'help', onclick: () => { const d = helpDialog(() => d.remove()); this.root.append(d); } }, t('action.help')),
        langSel,
      ),
    );
    clear(this.side);
    const cost = draftCost(this.draft, this.projectTypes, s.view);
    const budget = s.budget;
    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('tab.Indicators'), onkeydown: (e: Event) => this.tabKey(e as KeyboardEvent) }, ...TABS.map((tb) => h('button', { type: 'button', role: 'tab', id: `tab-${tb}`, 'aria-controls': 'tab-panel', tabindex: tb === this.tab ? 0 : -1, 'aria-selected': tb === this.tab ? 'true' : 'false', 'data-testid': `tab-${tb.toLowerCase()}`, onclick: () => this.selectTab(tb) }, t(`tab.${tb}`), ...(tb === 'Deals' ? offersBadge(s.view, this.draft, s.over) : []))));
    this.side.append(
      ...(s.over ? [] : budgetBar(budget, s.budgetCap, cost)),
      tabs,
      h('div', { class: 'tab-body', role: 'tabpanel', id: 'tab-panel', 'aria-labelledby': `tab-${this.tab}` }, this.panel()),
      this.issuesBox, breachList(s.view, this.draft, s.over), // the deals the draft's orders break, above End turn
      turnButton(this.turnState(), () => void this.endTurn()),
    );
    this.markFields();
    fitSplit(this.header);
  }

  private selectTab(tb: Tab): void {
    this.tab = tb;
    this.render();
    this.side.querySelector<HTMLElement>(`[data-testid="tab-${tb.toLowerCase()}"]`)?.focus();
  }

  /** Arrow keys, Home and End move between tabs (the ARIA tab list pattern). */
  private tabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const to = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    this.selectTab(TABS[to]!);
  }

  private turnState(): TurnState {
    return { over: this.snap.over, finishing: this.finishing, busy: this.busy, waits: !!this.session.waitsForOthers, changed: this.busy && JSON.stringify(this.draft) !== this.sent, closed: this.session.closed?.() ?? null };
  }

  /** The header's score split opens the whole table, in the indicators tab. */
  private openScoreTable(): void {
    this.tab = 'Indicators';
    this.render();
    const tb = this.side.querySelector<HTMLElement>('[data-testid="score-by-objective"]');
    tb?.scrollIntoView({ block: 'nearest' });
    tb?.focus({ preventScroll: true });
  }

  private changed = (): void => {
    void this.session.validate(this.draft).then((issues) => this.showIssues(issues));
    const sideScroll = this.side.querySelector('.tab-body')?.scrollTop ?? 0;
    if (this.tab === 'Invest' || this.tab === 'Deals') {
      this.render();
      const body = this.side.querySelector('.tab-body');
      if (body) body.scrollTop = sideScroll;
    } else this.updateBudget();
    const b = this.side.querySelector<HTMLButtonElement>('[data-testid="end-turn"]');
    if (b) setTurnButton(b, this.turnState());
  };

  private updateBudget(): void {
    setBudget(this.side, draftCost(this.draft, this.projectTypes, this.snap.view), this.snap.budget);
  }

  /** Every issue at once, each naming its field; the fields are highlighted (and stay so when their tab is opened). */
  private showIssues(issues: OrderIssue[], refused?: 'notSent' | 'changeNotSent'): void {
    clear(this.issuesBox);
    if (refused) this.issuesBox.append(h('li', { class: 'refused', 'data-testid': 'not-sent' }, t(`toast.${refused}`))); // a student pressed End turn, saw a red line, and took the orders for sent
    this.badFields = new Set(issues.map((i) => fieldOf(i.path)).filter((x): x is string => !!x));
    // an issue with no field (path "$": the class has not started, the round has ended) is said without a prefix
    for (const i of issues) this.issuesBox.append(h('li', {}, issueText(i, (type) => this.projectTypes.find((p) => p.type === type)?.label ?? type)));
    this.markFields();
  }

  private markFields(): void {
    for (const el of this.side.querySelectorAll('.field-error')) el.classList.remove('field-error');
    for (const f of this.badFields) {
      const el = this.side.querySelector<HTMLElement>(`[data-testid="${f}"]`) ?? this.side.querySelector<HTMLElement>(`[data-testid="${f.replace('-share', '')}"]`);
      el?.classList.add('field-error');
      el?.setAttribute('aria-invalid', 'true');
    }
  }

  private panel(): HTMLElement {
    const v = this.snap.view;
    switch (this.tab) {
      case 'Tariffs':
        return tariffPanel(v, this.draft, this.changed, this.snap.over);
      case 'Controls':
        return controlsPanel(v, this.draft, this.changed, this.snap.over);
      case 'Defense':
        return defensePanel(v, this.draft, this.changed, maxDefenseStep(v.self.approval), this.snap.over);
      case 'Invest':
        return investmentPanel(v, this.draft, this.changed, this.projectTypes, this.snap.budget, this.snap.over, this.snap.turns);
      case 'Stockpile':
        return stockpilePanel(v, this.draft, this.changed, this.snap.over, this.projectTypes);
      case 'Deals':
        return dealsPanel(v, this.draft, this.changed, this.snap.turns, this.snap.over, this.snap.capitalReturn);
      default:
        return indicatorsPanel(this.snap);
    }
  }

  /** To the end screen, once: its replays take seconds, so the button says so and a second click does nothing. */
  private async finish(): Promise<void> {
    if (this.finishing) return;
    this.finishing = true;
    this.render();
    try {
      await this.actions.finished();
    } catch (e) {
      this.finishing = false; // the button again, to try once more
      this.render();
      whenTextsFailed(e); // (the end screen's strings did not load: a reload; anything else goes on up)
    }
  }

  private async endTurn(): Promise<void> {
    if (this.busy) return void (this.turnState().changed && this.session.waitsForOthers && (await this.resend()));
    if (this.snap.over) return void (await this.finish());
    const t0 = performance.now();
    this.busy = true;
    this.sent = JSON.stringify(this.draft);
    this.render();
    if (!this.session.waitsForOthers) this.map?.hold(true); // the map stands still until this page's turn is in: its frames would delay it (MapRenderer.hold); a class's round is the server's, and minutes long
    // the answer, and the digest's strings, its code and a Japanese page's news readers (once); either may fail, and
    // the button comes back whatever happens
    const [answer, texts] = await Promise.allSettled([this.session.submit(this.draft).finally(() => this.map?.hold(false)), Promise.all([newsReady(), digestCode()])]);
    this.busy = false;
    const r: SessionResult<SessionSnapshot> = answer.status === 'fulfilled' ? answer.value : { ok: false, error: t('toast.turnFailed', { error: (answer.reason as Error)?.message ?? String(answer.reason) }) };
    if (!r.ok) {
      const issues = r.issues ?? [{ country: '*', path: '$', message: r.error }];
      // the player may be on another tab than the refused order's: show that tab, with the order marked
      const tab = issues.map((i) => tabOf(i.path)).find((x) => x !== null);
      if (tab && tab !== this.tab) this.tab = tab;
      this.render();
      this.showIssues(issues, 'notSent');
      this.issuesBox.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    this.memory.observe(r.value.turn, r.value.view);
    this.snap = r.value;
    this.draft = {};
    this.badFields.clear();
    clear(this.issuesBox);
    clear(this.mapInfo);
    // the turn is played: its texts did not load, so no digest but the reload (after the autosave, which it comes back to)
    if (texts.status === 'rejected') {
      this.render();
      this.map?.update(r.value.view, { animate: false });
      this.actions.snapshotChanged(r.value);
      return whenTextsFailed(texts.reason);
    }
    // the digest first (what the player waits for), the panels under it, the map and the autosave in later frames
    if (r.value.report) {
      const report = r.value.report;
      const { digest } = texts.value[1];
      const draw = (): HTMLElement => digest(report, r.value.config.country, () => {
        this.openDigest?.el.remove();
        this.openDigest = null;
        (this.side.querySelector('[data-testid="end-turn"]') as HTMLElement | null)?.focus();
        if (this.snap.over) void this.finish();
      }, { score: r.value.turnScore, view: r.value.view, memory: this.memory, turns: r.value.turns, history: r.value.history });
      this.openDigest = { el: draw(), draw };
      this.root.append(this.openDigest.el);
    }
    this.render();
    performance.measure('turn-digest', { start: t0, end: performance.now() });
    const nextFrame = () => new Promise<void>((res) => requestAnimationFrame(() => res()));
    await nextFrame();
    const t1 = performance.now();
    this.map?.update(r.value.view, { animate: true });
    performance.measure('turn-ui', { start: t1, end: performance.now() });
    await nextFrame();
    this.actions.snapshotChanged(r.value);
  }

  refreshTurn(): void { const b = this.side.querySelector<HTMLButtonElement>('[data-testid="end-turn"]'); if (b) setTurnButton(b, this.turnState()); } // the host's `closed` changed
  resumeSent(sent: Draft): void { const d = this.draft; this.draft = sent; void this.endTurn(); this.map?.hold(false); this.draft = d; this.render(); } // End turn sent before a reload (a class): waits for the round (the map drawn), changes from `sent` sent again
  /** A class's round runs on after End turn: the changed draft replaces the orders sent (its answer is the first's). */
  private async resend(): Promise<void> {
    const was = this.sent;
    this.sent = JSON.stringify(this.draft);
    this.render();
    const r = await this.session.submit(structuredClone(this.draft)).catch((e: Error) => ({ ok: false as const, error: e?.message ?? String(e), issues: undefined }));
    if (r.ok || !this.busy) return; // the round ended: End turn's own answer draws it
    this.sent = was; // refused (an order not valid): the orders sent before stand
    this.render();
    this.showIssues(r.issues ?? [{ country: '*', path: '$', message: r.error }], 'changeNotSent');
  }

  private async undo(): Promise<void> {
    const r = await this.session.undo(this.snap.turn - 1);
    if (r.ok) {
      this.setSnapshot(r.value, false);
      this.actions.snapshotChanged(r.value, t('toast.undone', { n: r.value.turn + 1 }));
    }
  }

  private async fork(): Promise<void> {
    const r = await this.session.fork();
    if (r.ok) {
      this.drafts.set(this.snap.activeTimeline ?? 0, this.draft); // the timeline left keeps its draft too
      this.setSnapshot({ ...r.value, draft: this.draft }, false); // the what-if starts at this turn with the orders drafted for it (a pending Reject was lost)
      this.actions.snapshotChanged(r.value, t(r.value.turn ? 'toast.forked' : 'toast.forkedStart', { name: timelineName(r.value.timelines.find((x) => x.id === r.value.activeTimeline)?.label ?? ''), turn: r.value.turn }));
    }
  }

  private async switchTimeline(id: number): Promise<void> {
    const r = await this.session.switchTimeline(id);
    if (!r.ok) return;
    this.drafts.set(this.snap.activeTimeline ?? 0, this.draft);
    this.setSnapshot({ ...r.value, draft: this.drafts.get(id) ?? r.value.draft }, false);
  }
}
