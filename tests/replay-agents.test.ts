// A replay's `agents` field is checked, not trusted: `replay verify` plays each engine agent it names again and
// compares its orders with the recorded ones, and `fork` (which plays those agents on) refuses a replay whose field
// was edited. Before, only the hashes were checked, so an edited field verified and the fork played agents nobody
// had played.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyReplay, type Replay } from '../engine/index.ts';
import { agentCheckWords, checkReplayAgents, replayAgentsWatcher } from '../src/cli/replay-agents.ts';
import { gambit } from './cli-run.ts';
import { content } from './helpers.ts';

const TMP = mkdtempSync(join(tmpdir(), 'gambit-replay-agents-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const pinned = (f: string) => JSON.parse(readFileSync(new URL(`./replays/${f}`, import.meta.url), 'utf8')) as Replay;

describe('the replay\'s agents played again', () => {
  it('a recorded persona game: every seat\'s orders are its agent\'s', () => {
    const r = checkReplayAgents(content, pinned('seed1-personas.json'));
    expect(r).toEqual({ ok: true, checked: ['AUS', 'CHN', 'JPN', 'MYS', 'USA'], unchecked: [] });
  });

  it('scripted seats are named as not checked (a replay\'s paths are never read)', () => {
    const r = checkReplayAgents(content, pinned('seed3-scripted.json'));
    expect(r.ok && r.checked).toEqual(['AUS', 'MYS']);
    expect(r.ok && r.unchecked.map((u) => u.country)).toEqual(['CHN', 'JPN', 'USA']);
    expect(agentCheckWords(r)).toMatch(/^the orders of AUS, MYS are what their agents play; not checked: CHN \("scripted:examples\/china-ban\.json", a script; its file is not read from a replay\)/);
  });

  it('an edited agent fails at the first turn its orders differ, though every hash still matches', () => {
    const r = pinned('seed1-personas.json');
    r.agents.CHN = 'hawk';
    expect(verifyReplay(content, r)).toEqual({ ok: true, turns: 40 }); // the hashes alone cannot tell
    const check = checkReplayAgents(content, r);
    expect(check).toEqual({ ok: false, turn: 1, country: 'CHN', agent: 'hawk' });
    expect(agentCheckWords(check)).toBe('turn 1: the orders recorded for CHN are not what its agent "hawk" plays there (the replay\'s agents or orders were edited)');
  });

  it('watching verifyReplay\'s pass (one play of the replay, as verify and fork do) gives the same answers', () => {
    const r = pinned('seed1-personas.json');
    const seen: number[] = [];
    const w = replayAgentsWatcher(content, r, 6);
    expect(verifyReplay(content, r, { upTo: 6, visit: (s, played) => { seen.push(played); w.visit(s, played); } })).toEqual({ ok: true, turns: 6 });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]); // the opening, then each state whose hash matched
    expect(w.result()).toEqual(checkReplayAgents(content, r, 6));
    r.agents.JPN = 'hawk';
    const edited = replayAgentsWatcher(content, r);
    expect(verifyReplay(content, r, { visit: edited.visit }).ok).toBe(true);
    expect(edited.result()).toEqual({ ok: false, turn: 1, country: 'JPN', agent: 'hawk' });
    expect(edited.result()).toEqual(checkReplayAgents(content, r));
  });

  it('an agent this program does not have is named, not checked', () => {
    const r = pinned('seed1-personas.json');
    r.agents.MYS = 'oracle';
    const check = checkReplayAgents(content, r, 2);
    expect(check.ok).toBe(true);
    expect(agentCheckWords(check)).toMatch(/not checked: MYS \("oracle", not an agent this program has \(/);
  });
});

describe('gambit replay verify and fork on an edited agents field', () => {
  const r = pinned('seed1-personas.json');
  r.agents.USA = 'free-trader';
  const edited = join(TMP, 'edited.json');
  writeFileSync(edited, JSON.stringify(r));

  it('verify: exit 1, naming the turn, the seat and the agent', () => {
    const v = gambit('replay', 'verify', edited);
    expect(v.code).toBe(1);
    expect(v.stdout).toBe(`mismatch: ${edited}: turn 1: the orders recorded for USA are not what its agent "free-trader" plays there (the replay's agents or orders were edited)\n`);
  });

  it('fork: refused, with nothing written', () => {
    const out = join(TMP, 'fork.json');
    const f = gambit('fork', edited, '--at', '3', '--agents', 'JPN=hawk', '--out', out);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('turn 1: the orders recorded for USA are not what its agent "free-trader" plays there');
    expect(f.stderr).toContain('cannot fork from it');
    expect(() => readFileSync(out)).toThrow();
  });
});
