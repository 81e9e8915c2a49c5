// Shared by the class screens: names, the clock's text, tokens kept in this browser, and small HTTP helpers.
import type { CountryId } from '../../engine/index.ts';

export const COUNTRY_NAME: Record<CountryId, string> = { AUS: 'Australia', CHN: 'China', JPN: 'Japan', MYS: 'Malaysia', USA: 'United States' };

export function clockText(ms: number | null, paused: boolean): string {
  if (ms === null) return paused ? 'Paused' : 'No clock';
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${paused ? 'Paused · ' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} left`;
}

/** A world's round as every class screen says it: "Round 2 of 8 (2026Q4–2027Q3)"; a round may be several quarters. */
export interface RoundInfo { round: number; rounds: number; period: string; over: boolean }
export function roundText(r: RoundInfo): string {
  return r.over ? `Finished (${r.rounds} round${r.rounds === 1 ? '' : 's'})` : `Round ${r.round} of ${r.rounds} (${r.period})`;
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

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json();
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

export const joinUrl = (code: string) => `${location.origin}/class.html?code=${encodeURIComponent(code)}`;
