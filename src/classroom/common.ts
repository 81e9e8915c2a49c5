// Shared by the class screens: names, the clock's text, tokens kept in this browser, and small HTTP helpers.

export { COUNTRY_NAME, countryIn, countryList, countryOwns } from './names.ts';

export function clockText(ms: number | null, paused: boolean): string {
  if (ms === null) return paused ? 'Paused' : 'No clock';
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${paused ? 'Paused · ' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left`;
}

/** A world's round as every class screen says it: "Round 2 of 8 (2026Q4–2027Q3)"; a round may be several quarters.
 * `over`: its last round is played, or the teacher ended the class (then `played` may be fewer than `rounds`). */
export interface RoundInfo { round: number; rounds: number; period: string; over: boolean; played?: number }
export function roundText(r: RoundInfo): string {
  const n = (k: number) => `${k} round${k === 1 ? '' : 's'}`;
  if (r.over && r.played !== undefined && r.played < r.rounds) return `Ended by the teacher after ${n(r.played)} of ${r.rounds}`;
  return r.over ? `Finished (${n(r.rounds)})` : `Round ${r.round} of ${r.rounds} (${r.period})`;
}

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

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  let r: Response;
  try {
    r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Unreachable("the class's server does not answer: check this device's network, or ask your teacher whether the server is running");
  }
  const j = (await r.json().catch(() => ({}))) as { error?: string };
  if (!r.ok) throw new Error(j.error ?? `the server said ${r.status}`);
  return j as T;
}

/** Download a file the teacher's token opens. */
export async function download(path: string, token: string, name: string): Promise<void> {
  const r = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error((await r.json()).error ?? `the server said ${r.status}`);
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
let unreachable = false;
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;
export async function findJoinBase(): Promise<void> {
  if (!LOOPBACK.test(location.hostname)) return;
  try {
    const r = (await (await fetch('/api/lan')).json()) as { addresses?: string[] };
    const ip = r.addresses?.[0];
    if (ip) joinBase = `${location.protocol}//${ip}${location.port ? `:${location.port}` : ''}`;
    else unreachable = true;
  } catch {
    unreachable = true;
  }
}
/** Said under the join address when students on other devices cannot use it. */
export const joinWarning = () => (unreachable ? 'This computer has no network address: students on other devices cannot reach this server (is it connected to the school network?).' : '');
export const joinUrl = (code: string) => `${joinBase}/class.html?code=${encodeURIComponent(code)}`;
