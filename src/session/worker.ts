// The engine in a Web Worker: a turn never blocks the page. Messages are {id, method, args}; replies {id, ok, value|error}.
// One SessionCore per scenario (made when first asked); the game in progress lives in the active one.
import { MAX_SAVE_CHARS, SessionCore } from './core.ts';
import { browserContent, browserScenarios } from '../content/browser.ts';

const DEFAULT = 'rare-earth-gambit';
const cores = new Map<string, SessionCore>();
let active = '';

function coreFor(id: string): SessionCore {
  let c = cores.get(id);
  if (!c) {
    c = new SessionCore(browserContent(id), browserScenarios());
    cores.set(id, c);
  }
  return c;
}

/** The scenario a save file names, if it is one the browser has (the core then checks everything else). */
function saveScenario(text: unknown): string | null {
  if (typeof text !== 'string' || text.length > MAX_SAVE_CHARS) return null; // the core refuses it with a message
  try {
    const id = (JSON.parse(String(text)) as { config?: { scenarioId?: unknown } })?.config?.scenarioId;
    return typeof id === 'string' && browserScenarios().some((s) => s.id === id) ? id : null;
  } catch {
    return null;
  }
}

type Msg = { id: number; method: string; args: unknown[] };

self.onmessage = (e: MessageEvent<Msg>) => {
  const { id, method, args } = e.data;
  const t0 = performance.now();
  try {
    let value: unknown;
    if (method === 'start') {
      const cfg = args[0] as { scenarioId: string };
      value = coreFor(cfg.scenarioId).start(args[0] as never);
      if ((value as { ok: boolean }).ok) active = cfg.scenarioId;
    } else if (method === 'load') {
      // a save of another scenario loads into that scenario's core; a refused one leaves the game in progress as it was
      const sid = saveScenario(args[0]) ?? (active || DEFAULT);
      value = coreFor(sid).load(String(args[0]));
      if ((value as { ok: boolean }).ok) active = sid;
    } else if (method === 'briefing' && typeof args[1] === 'string') {
      value = coreFor(args[1]).briefing(args[0] as never);
    } else {
      const c = coreFor(active || DEFAULT);
      const fn = (c as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`no session method ${method}`);
      value = fn.apply(c, args);
    }
    // ms: the worker's own time on the call (the page's `npm run ui-report` splits a turn's wait with it)
    (self as unknown as Worker).postMessage({ id, ok: true, value, ms: performance.now() - t0 });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message ?? String(err) });
  }
};
