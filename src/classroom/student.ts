// A student's screen in a class: the game's own screen (GameScreen) over the class socket, under a class bar with the
// round clock, who is still to submit, the seat's co-players and captain, and a warning before a bot takes the seat.
import type { SessionResult, SessionSnapshot } from '../session/protocol.ts';
import { GameScreen } from '../ui/game.ts';
import { endScreen } from '../ui/end.ts';
import { digest } from '../ui/digest.ts';
import { clear, h } from '../ui/dom.ts';
import { lang, newsReady, ready } from '../ui/i18n.ts';
import { classSocket, socketSession, type Push } from './socket-session.ts';
import { ServerError, digestSeen, forget, recall } from './common.ts';
import { takesPushedDraft } from './pushed-draft.ts';
import { c, classLang, clockText, countryIn, countryName, missedKey, num, roundText, said, unsentWarning, urlLang, waitingText } from './words.ts';
import { whenTextsFailed } from '../ui/texts-failed.ts';
import { timelineName } from '../ui/labels.ts';
import { turnStateHook } from '../ui/side-controls.ts';
import { toast } from '../ui/toast.ts';
import type { Status } from './seat-status.ts';

/** The server's words for a revoked seat (src/server/access.ts), as the revoke push says them before the socket closes. */
const REVOKED = 'your teacher took you out of this seat: join again with the class code and your name, and your teacher will be asked to let you back in';

export async function studentScreen(root: HTMLElement, token: string): Promise<void> {
  await classLang(); // the class bar's words in the page's language (the game's own rule, or ?lang=)
  const sock = classSocket(token);
  const session = socketSession(sock);
  session.closed = () => (status?.status === 'lobby' ? c('student.notStarted') : null); // End turn waits for the teacher's start
  const bar = h('div', { class: 'class-bar', 'data-testid': 'class-bar', role: 'status' });
  const gameRoot = h('div', { class: 'class-game' });
  clear(root);
  root.classList.add('classroom');
  root.append(bar, gameRoot);
  let status: Status | null = null;
  let offset = 0;
  let game: GameScreen | null = null;
  let snap: SessionSnapshot | null = null;
  let conn = 'connecting';
  let refusedWhy: ServerError | null = null; // the server's reason, the first said (the socket's close reason after it says less)
  let lastDraft = '';
  // the highest change number of the seat's draft this page has had (takesPushedDraft), and whose seat it counts
  let seenSeq = -1;
  let seenSeat = '';
  let shownSeat = ''; // the seat whose game the page shows
  const seatKey = (world: number, country: string) => `${world}:${country}`;
  const seatOf = (s: SessionSnapshot) => seatKey(s.world ?? 0, s.config.country);
  // every draft this page sent this turn (checked or submitted): a push of the student's own draft that is one of them
  // is its echo, late when she has edited since; one it never sent came from her other tab, and is taken
  const sentHere = new Set<string>();
  let lastSent = ''; // the last of them
  const sent = (d: string) => void (sentHere.add(d), (lastSent = d));
  const forgetSent = () => void (sentHere.clear(), (lastSent = ''));
  // a turn drawn anew (the round's end, a timeline's turn): its draft is what the page shows, nothing sent for it yet
  const drawsTurn = (s: SessionSnapshot) => {
    snap = s;
    session.turn = s.turn;
    lastDraft = JSON.stringify(s.draft ?? {});
    forgetSent();
  };
  let ended = false;
  // orders changed after End turn and not sent again (the game's button says "Send changes"): the bar says so
  let changesUnsent = false;
  turnStateHook.on = (t) => {
    const u = t.busy && t.waits && t.changed;
    if (u !== changesUnsent) {
      changesUnsent = u;
      renderBar();
    }
  };

  /** a refusal with the server's code (the round ended, a what-if at its last round): its reason in the page's language */
  const worded = <R extends { ok: boolean; error?: string }>(r: R): R => (r.ok || !('code' in r) ? r : { ...r, error: said(ServerError.of(r as { error: string }, r.error ?? '')) });

  // a sandbox's timeline calls move the session to another turn: submits name the turn they are for
  for (const m of ['undo', 'fork', 'switchTimeline'] as const) {
    const f = session[m].bind(session) as (...args: number[]) => Promise<{ ok: boolean; error?: string; value?: SessionSnapshot }>;
    (session as unknown as Record<string, unknown>)[m] = async (...args: number[]) => {
      const r = worded(await f(...args));
      if (r.ok && r.value) {
        drawsTurn(r.value);
        seenSeq = r.value.draftSeq ?? -1;
      }
      return r;
    };
  }

  // End turn sent before this page was loaded (a reload, her other tab): the game waits for the round as after its
  // own End turn (resuming: its submit is not sent again, and is answered by the round's end, roundEnd)
  let resuming = false;
  let roundEnd: ((r: SessionResult<SessionSnapshot>) => void) | null = null;
  let sentTurn = -1; // the turn this page sent (or resumed) End turn for
  let live = false; // the game is drawn
  const endRound = (r: SessionResult<SessionSnapshot>) => {
    const f = roundEnd;
    roundEnd = null;
    f?.(r);
    return !!f;
  };
  const resume = () => {
    const s = status;
    if (!live || !game || !snap || ended || !s?.sent || roundEnd || s.whatIf || snap.over || s.turn !== snap.turn || sentTurn === snap.turn || (snap.activeTimeline ?? 0) !== 0) return;
    // another seat's status (moved offline: the new game is drawn before its status, pushed 50 ms later) is not ours
    if (seatKey(s.world, s.country) !== shownSeat) return;
    sentTurn = snap.turn;
    resuming = true;
    game.resumeSent(structuredClone(s.sent));
    resuming = false;
  };

  // a submit the server refused (the round ended, the class not started, a what-if's orders): in the page's language
  const submit = session.submit.bind(session);
  session.submit = async (o) => {
    if (resuming) return new Promise((res) => void (roundEnd = res));
    sentTurn = session.turn;
    lastDraft = JSON.stringify(o);
    sent(lastDraft);
    const r = worded(await submit(o));
    if (r.ok) endRound(r); // changes sent after a resumed End turn: their answer is the round's end
    return r;
  };

  // the draft this student last sent: a pushed draft different from it was made by a co-player
  const validate = session.validate.bind(session);
  session.validate = async (o) => {
    lastDraft = JSON.stringify(o);
    sent(lastDraft);
    return validate(o);
  };

  // the join form again with this class's code and the student's name filled in (it opened empty after a revoke)
  let myName = '';
  const joinHref = () => {
    const q = new URLSearchParams();
    const code = recall('seatCode');
    if (code) q.set('code', code);
    if (myName) q.set('name', myName);
    if (urlLang()) q.set('lang', urlLang()!);
    const qs = q.toString();
    return `class.html${qs ? `?${qs}` : ''}`;
  };

  const renderBar = () => {
    clear(bar);
    if (!status) return void bar.append(h('span', {}, conn === 'refused' ? (refusedWhy ? c('student.invalidWhy', { why: said(refusedWhy) }) : c('student.invalid')) : c('student.connecting')), conn === 'refused' ? h('a', { href: joinHref(), 'data-testid': 'join-again' }, c('student.joinAgain')) : '');
    const s = status;
    myName = s.label;
    const left = s.clock.remaining ?? (s.clock.deadline !== null ? s.clock.deadline - (Date.now() + offset) : null);
    const unsent = unsentWarning(s, left);
    const wasLaidOut = `${root.classList.contains('sandbox')}${root.classList.contains('multi-quarter')}`;
    root.classList.toggle('sandbox', s.sandbox);
    // a round of several quarters: the bar counts rounds, and the game's own "Turn n of N" (quarters) is hidden
    root.classList.toggle('multi-quarter', s.rounds < (snap?.turns ?? 0));
    // the game's header gained or lost buttons (Undo and Fork in a sandbox): its score split fits itself again (at
    // 1024 px it ran under the buttons, cut at "approval −")
    if (`${root.classList.contains('sandbox')}${root.classList.contains('multi-quarter')}` !== wasLaidOut) game?.fitHeader();
    bar.append(
      h('span', { class: 'who' }, c('student.who', { label: s.label, country: countryName(s.country), world: s.world + 1, worlds: s.worlds })),
      h('span', { class: 'round', 'data-testid': 'class-round' }, roundText(s)),
      s.whatIf ? h('span', { class: 'what-if', 'data-testid': 'what-if' }, c('student.whatIf', { timeline: timelineName(s.whatIf), world: s.world + 1 })) : s.sandbox && s.status !== 'ended' ? h('span', { class: 'what-if', 'data-testid': 'sandbox-on' }, c('student.sandbox')) : '',
      h('span', { class: `clock${left !== null && left < 20_000 ? ' urgent' : ''}`, 'data-testid': 'class-clock' }, s.status === 'lobby' ? c('student.lobby') : s.status === 'ended' ? c('student.ended') : clockText(left, s.clock.paused)),
      h('span', { class: 'waiting', 'data-testid': 'waiting' }, waitingText(s, changesUnsent)),
      // the last round ended before this seat's orders were in (a draft not sent with End turn did not count), or a bot
      // played it while the seat was idle (the digest's "your moves" were the bot's)
      missedKey(s, 'bar') && !s.bot && !s.submitted && !s.whatIf && (s.status === 'running' || s.status === 'paused') ? h('span', { class: 'bot-warning', 'data-testid': s.botLast ? 'bot-last' : 'missed-last' }, c(missedKey(s, 'bar')!, { country: countryIn(s.country) })) : '',
      unsent ? h('span', { class: 'bot-warning', 'data-testid': 'unsent-warning' }, c(unsent, { country: countryIn(s.country) })) : '',
      s.members.length > 1 ? h('span', { class: 'members', 'data-testid': 'members' }, c('student.sharing', { names: s.members.filter((m) => m !== s.label).join(c('list')) }) + (s.captain ? c('student.captain', { name: s.captain }) : c('student.noCaptain'))) : '',
      s.bot ? h('span', { class: 'bot-warning', 'data-testid': 'bot-playing' }, c('student.botPlaying')) : s.warned ? h('span', { class: 'bot-warning', 'data-testid': 'bot-warning' }, c('student.botWarning')) : '',
      conn === 'closed' ? h('span', { class: 'bot-warning' }, c('student.reconnecting')) : '',
    );
    // a dialog (the round's digest) opens under the class bar, not over it: on a phone it hid the clock and the
    // warning that a bot would take the seat while the student read (class.css; on the page's root element, since the
    // glossary's dialog is on the body)
    document.documentElement.style.setProperty('--class-bar-h', `${Math.round(bar.getBoundingClientRect?.().height ?? 0)}px`);
  };
  const ticker = setInterval(renderBar, 1000);

  /** Under the end screen's score, the quarters a bot played the seat (its students away): the score counts them, the
   * decisions leave them out. Placed when both the end screen and the seat's status are there (a page opened after
   * the class ended may have its snapshot first). */
  let endQuarters = 0;
  const endNote = () => {
    const bots = status?.botTurns?.length ?? 0;
    const score = gameRoot.querySelector('[data-testid=final-score]');
    if (!endQuarters || !bots || !status || !score || gameRoot.querySelector('[data-testid=end-note]')) return;
    score.after(h('p', { class: 'note', 'data-testid': 'end-note' }, c('student.endBot', { country: countryIn(status.country), count: num(bots), total: num(endQuarters) })));
  };
  const toEnd = async (s: SessionSnapshot) => {
    if (ended) return;
    const whatIf = (snap?.activeTimeline ?? 0) !== 0;
    if (!whatIf) ended = true;
    // the teacher ended the class before its first round was played: nothing to score
    if (!whatIf && (snap?.turn ?? s.turn) === 0) {
      game?.unmount();
      game = null;
      clear(gameRoot);
      return void gameRoot.append(h('main', { class: 'class-page', 'data-testid': 'ended-unplayed' }, h('h1', {}, c('student.ended')), h('p', {}, c('student.unplayed')), h('a', { href: 'class.html?code=' }, c('student.joinClass'))));
    }
    let f;
    try {
      [f] = await Promise.all([session.finish(), newsReady()]); // the end screen's strings
    } catch (e) {
      if (!whatIf) ended = false; // (an End turn, or the next status, tries again)
      throw e;
    }
    game?.unmount();
    game = null;
    // the end of a what-if (a sandbox): its results, then back to the class world, which plays on
    if (whatIf) return endScreen(gameRoot, session, s.config.country, f, () => void session.switchTimeline(0).then((r) => (r.ok ? showGame(r.value) : undefined)), c('student.backToClass'));
    // the class is over (a reload would draw this screen again): its button leads to the join page, for another class
    endScreen(gameRoot, session, s.config.country, f, () => location.assign(`class.html?code=${urlLang() ? `&lang=${urlLang()}` : ''}`), c('student.joinClass'));
    endQuarters = f.history.length;
    endNote();
  };

  /** A turn's digest over the game, as the 'snapshot' push draws it (its strings wait if the page is that new). */
  let digestTurn = -1;
  const drawDigest = (s: SessionSnapshot) => {
    if (!s.report) return;
    const report = s.report;
    void newsReady().then(() => {
      const d: HTMLElement = digest(report, s.config.country, () => d.remove(), { score: s.turnScore, view: s.view, turns: s.turns, history: s.history });
      d.setAttribute('data-turn', String(s.turn));
      gameRoot.append(d);
      digestTurn = s.turn;
      noteDigest();
    }, whenTextsFailed);
  };
  /** Under the round's digest title, when the seat's own orders did not play (missedKey), from its status of the same
   * turn, whichever of the two comes first. */
  const noteDigest = (): void => {
    if (!status) return;
    // every digest open (a returning student's stack of them), each with its own turn's note: the last round's from
    // missedKey, an earlier one's where the seat's bot played it (and the last one's once the class is over: missedKey
    // is the bar's, and says nothing then)
    for (const d of gameRoot.querySelectorAll<HTMLElement>('[data-testid="digest"]')) {
      const turn = Number(d.getAttribute('data-turn'));
      const key = (status.turn === turn && turn === digestTurn ? missedKey(status, 'digest') : null) ?? (turn <= status.turn && status.botTurns?.includes(turn) ? 'student.digestBotEarlier' : null);
      if (key && !d.querySelector('[data-testid="digest-missed"]')) d.querySelector('h2')?.after(h('p', { class: 'note', 'data-testid': 'digest-missed' }, c(key, { country: countryIn(status.country) })));
    }
  };
  // a student back on a later turn than this browser last showed for the seat (the tab was closed, or the socket
  // down, while the round resolved) has not seen its digest, and is shown it (digestSeen in common.ts)
  const seen = digestSeen(token);
  const markSeen = (s: SessionSnapshot) => void ((s.activeTimeline ?? 0) === 0 && seen.mark(s.turn));
  const missed = (s: SessionSnapshot) => {
    const last = seen.last();
    if ((s.activeTimeline ?? 0) === 0 && last !== null && last < s.turn) drawDigest(s);
    markSeen(s);
  };

  // the last status push's draft, when the page shows its seat and turn (takesPushedDraft). A push of a turn the page
  // has not drawn yet (the answer to her End turn is drawn a few frames after it comes) waits for it: it is taken, and
  // its number counted, once the page draws that turn. One of another seat (moved, and the new game not drawn yet; or
  // the old seat's, when the new game is drawn first) is not the game's
  const takePushed = () => {
    const st = status;
    if (!st || !game || !snap || st.turn !== snap.turn || seatKey(st.world, st.country) !== shownSeat) return;
    if (takesPushedDraft(st, { turn: snap.turn, seenSeq, lastDraft, sentHere, lastSent })) {
      lastDraft = JSON.stringify(st.draft);
      game.setSnapshot({ ...snap, draft: st.draft as SessionSnapshot['draft'], draftIssues: st.draftIssues }, false);
    }
    seenSeq = Math.max(seenSeq, st.draftSeq ?? -1);
  };

  const showGame = async (s: SessionSnapshot) => {
    live = false;
    roundEnd = null;
    sentTurn = -1;
    drawsTurn(s);
    // the change the snapshot's draft is, of its seat: pushes of later ones are news
    [shownSeat, seenSeat, seenSeq] = [seatOf(s), seatOf(s), s.draftSeq ?? -1];
    sock.drop('submit'); // an End turn of another seat (the page moved) waits no more: its screen is gone
    game?.unmount();
    game = new GameScreen(gameRoot, session, s, {
      save: async () => {},
      load: () => {},
      newGame: () => {},
      finished: () => toEnd(s),
      snapshotChanged: (x, saidOf) => {
        markSeen(x);
        if (saidOf) toast(saidOf); // a sandbox's Undo or Fork: where the page went, in words, as on the game page
        // the answer to her End turn, when it ends the round: the game shows the new turn with no orders
        if (x.turn === snap?.turn && (x.activeTimeline ?? 0) === (snap?.activeTimeline ?? 0)) return void ([snap, session.turn] = [x, x.turn]);
        drawsTurn({ ...x, draft: {} });
        takePushed();
      },
    });
    changesUnsent = false;
    await game.mount();
    live = true;
    takePushed();
    missed(s);
    resume();
  };

  sock.onPush((p: Push) => {
    if (p.push === 'status') {
      const was = status?.status;
      status = p.value as Status;
      // "the class has not started yet" (an End turn in the lobby) is out of date once the teacher starts it
      const issues = gameRoot.querySelector('[data-testid=issues]');
      if (was === 'lobby' && status.status !== 'lobby' && issues) clear(issues);
      if ((was === 'lobby') !== (status.status === 'lobby')) game?.refreshTurn();
      offset = status.clock.serverNow - Date.now();
      const pushedSeat = seatKey(status.world, status.country);
      if (pushedSeat !== seenSeat) [seenSeat, seenSeq] = [pushedSeat, -1]; // each seat counts its own
      takePushed();
      renderBar();
      noteDigest();
      resume();
      endNote();
      // the teacher ended the class before its last round: the end screen now, not an "End turn" that can only fail
      if (status.status === 'ended' && (status.played ?? status.rounds) < status.rounds && !status.whatIf && game && snap && !ended) void toEnd(snap).catch(whenTextsFailed);
    } else if (p.push === 'snapshot') {
      // the round ended on the clock (or the teacher ended it): the new turn, and its digest
      const s = p.value as SessionSnapshot;
      drawsTurn(s);
      if (!game || ended || endRound({ ok: true, value: s })) return; // a resumed End turn draws the new turn and its digest
      game.setSnapshot(s, true);
      takePushed();
      // the digest's strings came long before (below), unless the page is that new: then it waits for them
      drawDigest(s);
      markSeen(s);
    } else if (p.push === 'moved') {
      // said, not only shown: the whole screen changed to another country with nothing to say why
      void sock.call<SessionSnapshot>('snapshot').then(async (s) => {
        await showGame(s);
        toast(c('student.moved', { country: countryIn(s.config.country) }), 'info', 12_000);
      });
    } else if (p.push === 'revoked') {
      // the class bar says why in the student's words (the socket's close reason, which follows, is for the logs)
      refusedWhy ??= new ServerError(REVOKED, 'revokedToken');
      forget('seat');
      conn = 'refused';
      status = null;
      clearInterval(ticker);
      renderBar();
      signedOut('revoked', c('student.revokedTitle'), c('student.revokedText'));
    }
  });
  // the game below would only answer with errors now: say what happened and how to come back
  const signedOut = (testid: string, title: string, text: string) => {
    game?.unmount();
    game = null;
    clear(gameRoot);
    gameRoot.append(h('main', { class: 'class-page', 'data-testid': testid }, h('h1', {}, title), h('p', {}, text), h('a', { href: joinHref(), 'data-testid': 'join-class' }, c('student.joinClass'))));
  };
  sock.onState((st, why) => {
    conn = st;
    if (st === 'refused' && why && !refusedWhy) refusedWhy = why;
    if (st === 'refused') {
      forget('seat');
      status = null;
      // signed out mid-game (the seat's link expired, say): the game is replaced by the reason; an end screen stays
      if (game && !ended) signedOut('signed-out', c('student.signedOutTitle'), `${(refusedWhy ? said(refusedWhy) : c('student.signedOutDefault')).replace(/^./, (x) => x.toUpperCase())}${lang() === 'ja' ? '。' : '.'}`);
    }
    renderBar();
    // a new socket: the server may have restarted from its log, which can count the seat's drafts one short of what
    // this page saw (a change applied, its write failed): count afresh
    if (st === 'open') seenSeq = -1;
    if (st === 'open' && game && snap) void sock.call<SessionSnapshot>('snapshot').then((s) => {
      // moved to another seat while the socket was down (no `moved` push reached the page): that seat's game
      if (s.world !== undefined && seatOf(s) !== shownSeat && !ended) return void showGame(s);
      // (End turn's submit, sent before the socket dropped, is answered by it: End turn draws the turn and its digest)
      if (s.turn === snap!.turn || !game || endRound({ ok: true, value: s }) || sock.answer(s)) return;
      drawsTurn(s);
      game.setSnapshot(s, true);
      takePushed();
      missed(s); // the round resolved while the socket was down: its digest, not pushed to this page
    });
  });

  // activity keeps the seat from the bot (at most every five seconds): reading counts too, a round's digest and the
  // panels scrolled by wheel or touch (a walkthrough's students reading the digest went idle); not a scroll event, which
  // the page's own scrollIntoView fires too (a bar, a scrollbar dragged, is a pointerdown)
  let lastActive = 0;
  for (const ev of ['keydown', 'pointerdown', 'input', 'change', 'wheel', 'touchmove']) document.addEventListener(ev, () => { if (Date.now() - lastActive > 5000) { lastActive = Date.now(); void sock.call('active').catch(() => {}); } }, { passive: true, capture: true });

  renderBar();
  void ready.then(newsReady).catch(() => {}); // the digest's strings and a Japanese student's news readers, long before a round's digest is pushed (tried again then, if they failed here)
  try {
    await sock.hello;
  } catch (e) {
    clear(gameRoot);
    gameRoot.append(h('main', { class: 'class-page' }, h('h1', {}, c('student.notValidTitle')), h('p', {}, c('student.notValidText', { why: said(e) })), h('a', { href: 'class.html' }, c('student.joinClass'))));
    return;
  }
  await showGame(await sock.call<SessionSnapshot>('snapshot'));
}
