// The browser game's entry: wires the worker-backed session to the start, game and end screens; autosaves as you play;
// or, at ?doc=model, shows the model documentation.
import { workerSession } from '../session/client.ts';
import type { GameConfig, Session, SessionSnapshot } from '../session/protocol.ts';
import { h } from './dom.ts';
import { startScreen } from './start.ts';
import { listAutosaves, recordAutosave, type Autosave } from './autosaves.ts';
import { GameScreen } from './game.ts';
import { docPage, isDocPage } from './doc.ts';
import { chunk, newsReady, ready, t } from './i18n.ts';
import { toast } from './toast.ts';

const root = document.getElementById('app')!;
// the model documentation page (index.html?doc=model) needs no engine: the worker starts only for the game
const session: Session = isDocPage() ? ({} as Session) : workerSession();
let game: GameScreen | null = null;

async function autosave(): Promise<void> {
  try {
    recordAutosave(localStorage, await session.save());
  } catch {
    /* private mode or full storage: the game goes on without autosave */
  }
}

function pickFile(): void {
  const input = h('input', { type: 'file', accept: '.json,application/json', class: 'hidden' }) as HTMLInputElement;
  input.addEventListener('change', async () => {
    const f = input.files?.[0];
    if (f) await loadText(await f.text());
  });
  document.body.append(input);
  input.click();
  setTimeout(() => input.remove(), 60_000);
}

async function loadText(text: string): Promise<void> {
  const r = await session.load(text);
  if (!r.ok) return toast(t('toast.loadFailed', { error: r.error }), 'error');
  await showGame(r.value);
  toast(r.value.over ? t('notes.loadedOver', { total: r.value.turns }) : t('toast.loaded', { turn: Math.min(r.value.turn + 1, r.value.turns), total: r.value.turns }));
}

async function download(): Promise<void> {
  const text = await session.save();
  const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: `rare-earth-gambit-${new Date().toISOString().slice(0, 10)}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  toast(t('toast.saved', { count: (JSON.parse(text) as { timelines?: unknown[] }).timelines?.length ?? 1 }));
}

async function showGame(s: SessionSnapshot): Promise<void> {
  game?.unmount();
  game = new GameScreen(root, session, s, {
    save: download,
    load: pickFile,
    newGame: () => void showStart(),
    notDrawn: () => void showStart(),
    finished: async () => {
      // the end screen's code loads when a game ends, not before the map shows (with a Japanese page's news readers: a
      // game loaded at its end shows its digests without a turn played here)
      const [f, { endScreen }] = await Promise.all([session.finish(), chunk(() => import('./end.ts'), 'toast.endFailed'), newsReady()]);
      game?.unmount();
      game = null;
      endScreen(root, session, s.config.country, f, () => void showStart());
    },
    snapshotChanged: (_s, said) => {
      void autosave();
      if (said) toast(said);
    },
  });
  await game.mount();
  void autosave();
}

async function start(cfg: GameConfig): Promise<void> {
  const r = await session.start(cfg);
  if (!r.ok) return toast(r.error, 'error');
  await showGame(r.value);
}

async function showStart(): Promise<void> {
  game?.unmount();
  game = null;
  let saves: Autosave[] = [];
  try {
    saves = listAutosaves(localStorage);
  } catch {
    /* private mode: no autosaves */
  }
  const [latest, ...older] = saves;
  await startScreen(root, session, start, loadText, latest ? () => loadText(latest.text) : undefined, latest?.saved, older.map((a) => ({ load: () => loadText(a.text), saved: a.saved })));
}

await ready;
if (isDocPage()) void docPage(root);
else void showStart();
