// Bytes allocated per turn, for `npm run bench`: V8's sampling heap profiler with the objects the young and old
// generation collections freed kept in the profile, so it counts what a turn allocates, not what it leaves alive.
// The speed issue asks for a turn with no allocation in its hot path; this is the figure that says how far off it is,
// and by function, where the bytes come from. Unlike a timing it does not move with the machine's load.
import { Session } from 'node:inspector';

interface ProfileNode { callFrame: { functionName: string }; selfSize: number; children: ProfileNode[] }

/** Runs `play` (which plays `turns` turns in all) under the sampling heap profiler (one sample per 512 bytes on
 * average); returns the KiB allocated per turn and the functions that allocated most, with their KiB per turn. */
export function allocatedPerTurn(play: () => void, turns: number, top = 5): { kib: number; by: [string, number][] } {
  const s = new Session();
  s.connect();
  // a session on the same thread answers synchronously: each callback has run when post returns
  const post = (method: string, params?: object): unknown => {
    let out: unknown;
    let err: Error | null = null;
    s.post(method, params, (e, r) => ((err = e), (out = r)));
    if (err) throw err;
    return out;
  };
  try {
    post('HeapProfiler.enable');
    post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    play();
    const { profile } = post('HeapProfiler.stopSampling') as { profile: { head: ProfileNode } };
    const by = new Map<string, number>();
    let total = 0;
    const walk = (n: ProfileNode) => {
      const k = n.callFrame.functionName || '(anonymous)';
      by.set(k, (by.get(k) ?? 0) + n.selfSize);
      total += n.selfSize;
      for (const c of n.children) walk(c);
    };
    walk(profile.head);
    const perTurn = (bytes: number) => bytes / turns / 1024;
    return { kib: perTurn(total), by: [...by].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, perTurn(v)]) };
  } finally {
    s.disconnect();
  }
}
