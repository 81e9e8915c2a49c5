// The engine in a Web Worker: a turn never blocks the page. Messages are {id, method, args}; replies {id, ok, value|error}.
import { SessionCore } from './core.ts';
import { browserContent, browserScenarios } from '../content/browser.ts';

const DEFAULT = 'rare-earth-gambit';
let core: SessionCore | null = null;
let scenarioId = '';

function coreFor(id: string): SessionCore {
  if (!core || scenarioId !== id) {
    core = new SessionCore(browserContent(id), browserScenarios());
    scenarioId = id;
  }
  return core;
}

type Msg = { id: number; method: string; args: unknown[] };

self.onmessage = (e: MessageEvent<Msg>) => {
  const { id, method, args } = e.data;
  try {
    let value: unknown;
    if (method === 'start') {
      const cfg = args[0] as { scenarioId: string };
      value = coreFor(cfg.scenarioId).start(args[0] as never);
    } else {
      const c = coreFor(scenarioId || DEFAULT);
      const fn = (c as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`no session method ${method}`);
      value = fn.apply(c, args);
    }
    (self as unknown as Worker).postMessage({ id, ok: true, value });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message ?? String(err) });
  }
};
