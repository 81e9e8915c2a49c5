// The class pages' requests (a join, a class's creation) give up after ANSWER_MS with the page's "the server does not
// answer" (Unreachable), whether the server never answers or stops halfway through its answer's body; before, the join
// form waited for good. An answer in time is returned, and leaves no timer behind.
import { afterEach, describe, expect, it, vi } from 'vitest';

// the module reads the page's address when it loads (where students reach the server)
vi.hoisted(() => Object.assign(globalThis, { location: { origin: 'http://127.0.0.1:8080', hostname: '127.0.0.1' } }));
const { ANSWER_MS, ServerError, Unreachable, postJson } = await import('../src/classroom/common.ts');

/** A fetch that answers only when told to; until then it waits, and gives up when its signal is aborted. */
function stalledFetch(stage: 'headers' | 'body') {
  return vi.fn((_url: string, init: RequestInit) => {
    const aborted = () => new Promise<never>((_, no) => init.signal!.addEventListener('abort', () => no(new DOMException('aborted', 'AbortError'))));
    if (stage === 'headers') return aborted();
    return Promise.resolve({ ok: true, status: 200, json: aborted } as unknown as Response);
  });
}

/** What the promise has come to so far (read after the timers' advance, which runs the pending callbacks). */
function track<T>(p: Promise<T>): { done: boolean; value?: T; error?: unknown } {
  const t: { done: boolean; value?: T; error?: unknown } = { done: false };
  p.then((value) => Object.assign(t, { done: true, value }), (error: unknown) => Object.assign(t, { done: true, error }));
  return t;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('postJson', () => {
  for (const stage of ['headers', 'body'] as const)
    it(`says the server does not answer once ${ANSWER_MS / 1000} s pass with no ${stage}`, async () => {
      vi.useFakeTimers();
      vi.stubGlobal('fetch', stalledFetch(stage));
      const r = track(postJson('/api/join', { code: 'ABC' }));
      await vi.advanceTimersByTimeAsync(ANSWER_MS - 1);
      expect(r.done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(r.done).toBe(true);
      expect(r.error).toBeInstanceOf(Unreachable);
      expect((r.error as Error).message).toMatch(/does not answer/);
    });

  it('returns an answer in time, and a refusal as the server worded it, with no timer left behind', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', vi.fn(async () => ({ ok: true, status: 200, json: async () => ({ token: 't1' }) }) as unknown as Response));
    expect(await postJson('/api/join', {})).toEqual({ token: 't1' });
    expect(vi.getTimerCount()).toBe(0);
    vi.stubGlobal('fetch', vi.fn(async () => ({ ok: false, status: 409, json: async () => ({ error: 'this class is full', code: 'classFull' }) }) as unknown as Response));
    const e = await postJson<never>('/api/join', {}).catch((x: unknown) => x as InstanceType<typeof ServerError>);
    expect(e).toBeInstanceOf(ServerError);
    expect([e.message, e.code]).toEqual(['this class is full', 'classFull']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
