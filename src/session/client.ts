// The page's side of the session: a Session that forwards every call to the worker and awaits the answer.
import type { Session } from './protocol.ts';

export function workerSession(): Session {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string; sent: number }>();
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; value?: unknown; error?: string; ms?: number }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    // a turn's round trip as a performance measure, the worker's own part in its detail (npm run ui-report); one a
    // turn, so they stay few
    if (p.method === 'submit') performance.measure('session:submit', { start: p.sent, end: performance.now(), detail: { workerMs: e.data.ms ?? null } });
    if (e.data.ok) p.resolve(e.data.value);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`the game engine stopped: ${e.message}`));
    pending.clear();
  };
  const call = (method: string) => (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject, method, sent: performance.now() });
      worker.postMessage({ id, method, args });
    });
  const methods = ['scenarios', 'agents', 'briefing', 'start', 'validate', 'submit', 'undo', 'fork', 'switchTimeline', 'compare', 'save', 'load', 'finish', 'replayTurn', 'projectTypes', 'strategyPlan', 'strategyRow'];
  return Object.fromEntries(methods.map((m) => [m, call(m)])) as unknown as Session;
}
