// Shared by the class screens: names, tokens kept in this browser, and small HTTP helpers.

import type { ServerCode, ServerParams } from './server-says.ts';
export { COUNTRY_NAME, countryIn, countryList, countryOwns } from './names.ts';

const KEY = 'rare-earth-gambit:class:';

/** Tokens live in this browser only: a seat token (one per browser), and a teacher token per class. */
export function remember(kind: string, value: string): void {
  try {
    localStorage.setItem(KEY + kind, value);
  } catch {
    /* private mode: the token lives as long as the page */
  }
}
export function recall(kind: string): string | null {
  try {
    return localStorage.getItem(KEY + kind);
  } catch {
    return null;
  }
}
export function forget(kind: string): void {
  try {
    localStorage.removeItem(KEY + kind);
  } catch {
    /* nothing kept */
  }
}
/** The teacher's classes on this browser: [{id, code, name}] */
export function myClasses(): { id: string; code: string; name: string }[] {
  try {
    return JSON.parse(recall('mine') ?? '[]');
  } catch {
    return [];
  }
}

/** The class's server did not answer at all (it is restarting, or the network is down): the browser's own words for it
 * ("Failed to fetch") tell a student nothing. */
export class Unreachable extends Error {}

/** What the server refused, with its code and values (a page words them in its language: said() in words.ts). */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly code?: ServerCode,
    readonly params?: ServerParams,
  ) {
    super(message);
  }
  /** from an answer's body ({ error, code, params }) */
  static of(j: { error?: string; code?: ServerCode; params?: ServerParams }, fallback: string): ServerError {
    return new ServerError(j.error ?? fallback, j.code, j.params);
  }
}

/** How long a request may go unanswered before the page says the server does not answer: a server that stalls, or a
 * connection a school's Wi-Fi dropped without closing it, left the join form (or the class's creation) waiting for good.
 * A join answers in well under a second; 20 s leaves room for a loaded server. An assumption (10-30 s). */
export const ANSWER_MS = 20_000;

const UNREACHABLE = "the class's server does not answer: check this device's network, or ask your teacher whether the server is running";

export async function postJson<T>(path: string, body: unknown, answerMs = ANSWER_MS): Promise<T> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), answerMs);
  try {
    let r: Response;
    try {
      r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: stop.signal });
    } catch {
      throw new Unreachable(UNREACHABLE);
    }
    let j: { error?: string; code?: ServerCode; params?: ServerParams };
    try {
      j = await r.json();
    } catch {
      // a body cut off by the wait running out is no answer (an empty one would pass for the value asked for)
      if (stop.signal.aborted) throw new Unreachable(UNREACHABLE);
      j = {};
    }
    if (!r.ok) throw ServerError.of(j, `the server said ${r.status}`);
    return j as T;
  } finally {
    clearTimeout(timer);
  }
}

/** Download a file the teacher's token opens. */
export async function download(path: string, token: string, name: string): Promise<void> {
  const r = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw ServerError.of(await r.json().catch(() => ({})), `the server said ${r.status}`);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await r.blob());
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Where students reach this server. A teacher who opened the page as localhost would otherwise show the class a join
 * address (and QR code) that only works on the laptop itself: then the server's network address is used instead. */
let joinBase = location.origin;
/** why students on other devices cannot use the join address: no network, or a server that listens on loopback only */
let unreachable: 'noNetwork' | 'localOnly' | null = null;
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;
export async function findJoinBase(): Promise<void> {
  if (!LOOPBACK.test(location.hostname)) return;
  try {
    const r = (await (await fetch('/api/lan')).json()) as { addresses?: string[]; localOnly?: boolean };
    const ip = r.addresses?.[0];
    if (ip) joinBase = `${location.protocol}//${ip}${location.port ? `:${location.port}` : ''}`;
    else unreachable = r.localOnly ? 'localOnly' : 'noNetwork';
  } catch {
    unreachable = 'noNetwork';
  }
}
/** Why students on other devices cannot use the join address, or null (the pages say so under it: a catalogue key). */
export const noJoinAddress = () => unreachable;
export const joinUrl = (code: string) => `${joinBase}/class.html?code=${encodeURIComponent(code)}`;

/** Which turn's digest a student has seen: the last class-world turn this browser showed for the seat, kept in
 * localStorage ('seen': the turn, and a hash of the seat's token, so another seat or class in this browser does not
 * count). No record (a first join, another device): null, and the page shows no digest on arrival. */
export function digestSeen(token: string): { mark(turn: number): void; last(): number | null } {
  const seat = [...token].reduce((x, ch) => Math.imul(x ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261).toString(36);
  return {
    mark: (turn) => remember('seen', JSON.stringify({ seat, turn })),
    last: () => {
      try {
        const x = JSON.parse(recall('seen') ?? 'null') as { seat: string; turn: number } | null;
        return x?.seat === seat ? x.turn : null;
      } catch {
        return null;
      }
    },
  };
}
