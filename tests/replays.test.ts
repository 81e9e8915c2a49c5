// Pinned replays: their per-turn state hashes must not change by accident. After a deliberate change to the
// engine or content, run `npm run pin-replays` and say so in the commit.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyReplay, type Replay } from '../engine/index.ts';
import { content } from './helpers.ts';

const dir = new URL('./replays/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('pinned replays', () => {
  it('there are pinned replays', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const f of files) {
    const replay = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Replay;
    it(`${f}: every turn's hash matches (${replay.orders.length} turns, seed ${replay.seed})`, () => {
      const v = verifyReplay(content, replay);
      expect(v).toEqual({ ok: true, turns: replay.orders.length });
    });
  }
  it('a tampered replay names the first turn that differs', () => {
    const replay = JSON.parse(readFileSync(new URL(files[0], dir), 'utf8')) as Replay;
    replay.hashes[4] = '0000000000000000';
    const v = verifyReplay(content, replay);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.turn).toBe(5);
    const r2 = JSON.parse(readFileSync(new URL(files[0], dir), 'utf8')) as Replay;
    r2.orders[2] = { ...r2.orders[2], USA: { tariffs: { CHN: { other: 99 } } } };
    const v2 = verifyReplay(content, r2);
    expect(v2.ok).toBe(false);
    if (!v2.ok) expect(v2.turn).toBe(3);
  });
});
